"""Importing a list of respondents: every row checked, every problem reported, all or nothing."""

from __future__ import annotations

import io

from conftest import World
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from openpyxl import Workbook

from regiekompas.web.invitations.models import Respondent
from regiekompas.web.invitations.roster import next_ids

HEADER = "respondent_id;groep;organisatie;gemeenten;transities;email\n"


def _upload(world: World, name: str, content: bytes) -> str:
    client = Client()
    client.force_login(world.facilitator_a)
    response = client.post(
        reverse("invitations:import", args=[world.scan_a.pk]),
        {"file": SimpleUploadedFile(name, content)},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert response.status_code == 200
    return response.content.decode()


def test_it_imports_a_semicolon_csv_with_byte_order_mark_and_generates_ids(world: World) -> None:
    content = (
        HEADER
        + ";wijkteam;Wijkteam Oost;GM0153;jeugd;oost@example.nl\n"
        + 'P-7;Gemeente: beleid;;"Hengelo; Enschede";;\n'
        + ";aanbieder_professional;Zorg BV;gm0141;Wmo;\n"
    ).encode("utf-8-sig")

    _upload(world, "roster.csv", content)

    people = {r.external_id: r for r in Respondent.objects.filter(scan=world.scan_a)}
    assert set(people) == {"R001", "R0002", "P-7", "R0003"}
    assert people["R0002"].groep == "wijkteam"
    assert people["R0002"].email == "oost@example.nl"
    assert people["P-7"].groep == "gemeente_beleid"
    assert people["P-7"].gemeenten == ["GM0164", "GM0153"]
    assert people["P-7"].transities == ["jeugd", "wmo"]  # empty = every transitie of the scan
    assert people["R0003"].gemeenten == ["GM0141"]
    assert people["R0003"].transities == ["wmo"]


def test_it_imports_the_first_sheet_of_a_workbook(world: World) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["respondent_id", "groep", "gemeenten"])
    sheet.append(["X1", "welzijn", "GM0153;GM0164"])
    buffer = io.BytesIO()
    book.save(buffer)

    _upload(world, "roster.xlsx", buffer.getvalue())

    assert Respondent.objects.get(scan=world.scan_a, external_id="X1").gemeenten == [
        "GM0153",
        "GM0164",
    ]


def test_it_reports_every_problem_by_file_row_and_column_and_saves_nothing(world: World) -> None:
    content = (
        b"respondent_id,groep,organisatie,gemeenten,transities,email\n"
        b"A1,burgemeester,,GM0153,jeugd,\n"  # row 2: unknown group
        b"A2,wijkteam,,GM0599,jeugd,\n"  # row 3: gemeente of another region
        b"A3,wijkteam,,GM0153,participatie,\n"  # row 4: transitie not in the scan
        b"A4,wijkteam,,GM0153,jeugd,not-an-address\n"  # row 5: bad email
        b"A4,wijkteam,,GM0153,jeugd,\n"  # row 6: id twice in the file
        b"R001,wijkteam,,GM0153,jeugd,\n"  # row 7: id already in the scan
        b"A7,wijkteam,,GM0153,jeugd,\n"  # row 8: fine, but not saved either
    )

    page = _upload(world, "lijst.csv", content)

    for expected in [
        "lijst.csv, row 2, column groep:",
        "lijst.csv, row 3, column gemeenten:",
        "lijst.csv, row 4, column transities:",
        "lijst.csv, row 5, column email:",
        "lijst.csv, row 6, column respondent_id:",
        "lijst.csv, row 7, column respondent_id:",
    ]:
        assert expected in page
    assert "row 8" not in page
    assert list(
        Respondent.objects.filter(scan=world.scan_a).values_list("external_id", flat=True)
    ) == ["R001"]


def test_it_names_a_missing_column(world: World) -> None:
    page = _upload(world, "lijst.csv", b"respondent_id,groep\nA1,wijkteam\n")
    assert "lijst.csv, row 1, column gemeenten: this column is missing" in page
    assert Respondent.objects.filter(scan=world.scan_a).count() == 1


def test_it_rejects_a_file_that_is_not_utf8(world: World) -> None:
    page = _upload(world, "oud.csv", "groep,gemeenten\nwijkteam,Hengeló\n".encode("cp1252"))
    assert "Nothing was imported" in page
    assert "oud.csv, row 2" in page
    assert Respondent.objects.filter(scan=world.scan_a).count() == 1


@override_settings(MAX_UPLOAD_BYTES=20)
def test_it_refuses_a_file_above_the_upload_limit(world: World) -> None:
    page = _upload(world, "groot.csv", HEADER.encode() + b";wijkteam;;GM0153;;\n")
    assert "larger than" in page
    assert Respondent.objects.filter(scan=world.scan_a).count() == 1


def test_it_refuses_to_add_respondents_to_a_closed_scan(world: World) -> None:
    world.scan_a.close()
    _upload(world, "roster.csv", HEADER.encode() + b";wijkteam;;GM0153;;\n")
    assert Respondent.objects.filter(scan=world.scan_a).count() == 1


def test_generated_ids_continue_after_the_highest_and_skip_taken_ones() -> None:
    assert next_ids([], 2) == ["R0001", "R0002"]
    assert next_ids(["R0007", "X"], 1) == ["R0008"]
    assert next_ids(["R0009", "R0010"], 1) == ["R0011"]


def test_an_imported_roster_respondent_can_be_given_a_link(world: World) -> None:
    _upload(world, "roster.csv", HEADER.encode() + b"N1;wijkteam;;GM0153;;\n")
    client = Client()
    client.force_login(world.facilitator_a)
    response = client.post(reverse("invitations:links", args=[world.scan_a.pk]), {"format": "csv"})
    lines = response.content.decode().splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("N1,wijkteam")
