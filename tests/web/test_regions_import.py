"""Importing organisaties, contracten, mechanismen and gemeenten on the region import page.

The promise to the facilitator: either everything in the upload is stored, or nothing is and
the page lists every problem by file, row and column.
"""

from __future__ import annotations

import io

import openpyxl
import pytest
from conftest import World
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from regiekompas.web.regions.models import Contract, Mechanisme, Organisatie, Region

ORGANISATIES = "organisatie,type\nZorg Oost,aanbieder\nWijkteam Noord,wijkteam\n"
CONTRACTEN = "organisatie;gemeente_code;transitie\nZorg Oost;GM0153;jeugd\nZorg Oost;GM0164;wmo\n"
MECHANISMEN = (
    "gemeente_code,naam,type,transities,cc,dc\nGM0141,Regiotafel,overleg,jeugd;wmo,-0.5,0.25\n"
)


def _file(name: str, text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def _xlsx(name: str, rows: list[list[str]]) -> SimpleUploadedFile:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def _counts(region: Region) -> tuple[int, int, int, int, int]:
    region.refresh_from_db()
    return (
        region.gemeenten.count(),
        Organisatie.objects.filter(region=region).count(),
        Contract.objects.filter(region=region).count(),
        Mechanisme.objects.filter(region=region).count(),
        region.data_version,
    )


@pytest.fixture
def url(world: World, client: Client) -> str:
    client.force_login(world.facilitator_a)
    return reverse("regions:import", args=[world.region_a.pk])


def test_the_page_explains_the_file_formats(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert "gemeente_code, naam, type, transities" in response.content.decode()
    assert 'enctype="multipart/form-data"' in response.content.decode()


def test_a_valid_import_stores_every_table(client: Client, world: World, url: str) -> None:
    response = client.post(
        url,
        {
            "uploads": [
                _file("organisaties.csv", ORGANISATIES),
                _file("contracten.csv", CONTRACTEN),
                _file("mechanismen.csv", MECHANISMEN),
            ]
        },
    )
    assert response.status_code == 200
    assert dict(response.context["stored"]) == {
        "organisaties": 2,
        "contracten": 2,
        "mechanismen": 1,
    }
    region = world.region_a
    assert set(region.organisaties.values_list("naam", flat=True)) == {
        "Zorg Oost",
        "Wijkteam Noord",
    }
    assert set(region.contracten.values_list("gemeente_code", "transitie")) == {
        ("GM0153", "jeugd"),
        ("GM0164", "wmo"),
    }
    mechanisme = region.mechanismen.get()
    assert (mechanisme.transities, mechanisme.cc, mechanisme.dc) == (["jeugd", "wmo"], -0.5, 0.25)


def test_an_xlsx_gemeenten_file_adds_gemeenten(client: Client, world: World, url: str) -> None:
    upload = _xlsx(
        "gemeenten.xlsx",
        [["gemeente_code", "naam", "regio"], ["GM0158", "Haaksbergen", "Twente"]],
    )
    response = client.post(url, {"uploads": [upload]})
    assert response.status_code == 200
    assert world.region_a.gemeente_names()["GM0158"] == "Haaksbergen"
    assert world.region_a.gemeenten.count() == 4


def test_an_error_shows_file_row_and_column_and_saves_nothing(
    client: Client, world: World, url: str
) -> None:
    before = _counts(world.region_a)
    broken = (
        "organisatie,gemeente_code,transitie\nZorg Oost,GM0153,jeugd\nZorg Oost,GM0153,ouderen\n"
    )
    response = client.post(
        url,
        {"uploads": [_file("organisaties.csv", ORGANISATIES), _file("fout.csv", broken)]},
    )
    assert response.status_code == 400
    (error,) = response.context["errors"]
    assert (error.file, error.row, error.column) == ("fout.csv", 3, "transitie")
    assert "ouderen" in error.text
    page = response.content.decode()
    assert "fout.csv" in page
    assert "ouderen" in page
    assert _counts(world.region_a) == before


def test_a_gemeente_outside_the_region_is_an_error(client: Client, world: World, url: str) -> None:
    before = _counts(world.region_a)
    # GM0599 (Rotterdam) belongs to the other region, not to Twente.
    contracten = "organisatie,gemeente_code,transitie\nZorg Oost,GM0599,jeugd\n"
    response = client.post(url, {"uploads": [_file("contracten.csv", contracten)]})
    assert response.status_code == 400
    (error,) = response.context["errors"]
    assert (error.file, error.row, error.column) == ("contracten.csv", 2, "gemeente_code")
    assert "Twente" in error.text
    assert _counts(world.region_a) == before


def test_a_gemeenten_file_in_the_same_upload_makes_its_codes_valid(
    client: Client, world: World, url: str
) -> None:
    gemeenten = "gemeente_code,naam,regio\nGM0158,Haaksbergen,Twente\n"
    contracten = (
        "organisatie,gemeente_code,transitie\nZorg Oost,GM0158,jeugd\nZorg Oost,GM0153,wmo\n"
    )
    response = client.post(
        url,
        {"uploads": [_file("contracten.csv", contracten), _file("gemeenten.csv", gemeenten)]},
    )
    assert response.status_code == 200
    assert world.region_a.contracten.count() == 2


def test_contracts_are_checked_against_the_regions_organisaties(
    client: Client, world: World, url: str
) -> None:
    Organisatie.objects.create(region=world.region_a, naam="Zorg Oost", type="aanbieder")
    contracten = "organisatie,gemeente_code,transitie\nOnbekende Zorg,GM0153,jeugd\n"
    response = client.post(url, {"uploads": [_file("contracten.csv", contracten)]})
    assert response.status_code == 400
    assert [e.column for e in response.context["errors"]] == ["organisatie"]
    assert world.region_a.contracten.count() == 0


def test_warnings_are_shown_after_a_successful_import(
    client: Client, world: World, url: str
) -> None:
    mechanismen = "gemeente_code,naam,type,transities\nGM0153,Eigen overleg,iets eigens,jeugd\n"
    response = client.post(url, {"uploads": [_file("mechanismen.csv", mechanismen)]})
    assert response.status_code == 200
    (warning,) = response.context["warnings"]
    assert (warning.file, warning.row, warning.column) == ("mechanismen.csv", 2, "type")
    assert world.region_a.mechanismen.count() == 1


def test_a_responses_file_is_refused_here(client: Client, world: World, url: str) -> None:
    before = _counts(world.region_a)
    responses = (
        "respondent_id,groep,organisatie,gemeente_code,transitie,perspectief,item,antwoord\n"
        "R1,wijkteam,Zorg Oost,GM0153,jeugd,ambitie,cc1,3\n"
    )
    response = client.post(
        url,
        {"uploads": [_file("organisaties.csv", ORGANISATIES), _file("antwoorden.csv", responses)]},
    )
    assert response.status_code == 400
    assert any("antwoorden.csv" in refusal for refusal in response.context["outcome"].refusals)
    assert _counts(world.region_a) == before


@pytest.mark.parametrize(
    ("name", "content"),
    [("organisaties.txt", ORGANISATIES), ("organisaties.xls", ORGANISATIES)],
)
def test_only_csv_and_xlsx_files_are_accepted(
    client: Client, world: World, url: str, name: str, content: str
) -> None:
    response = client.post(url, {"uploads": [_file(name, content)]})
    assert response.status_code == 400
    assert "uploads" in response.context["form"].errors
    assert world.region_a.organisaties.count() == 0


def test_a_file_over_the_size_limit_is_refused(
    client: Client, world: World, url: str, settings: object
) -> None:
    settings.MAX_UPLOAD_BYTES = 20  # type: ignore[attr-defined]
    response = client.post(url, {"uploads": [_file("organisaties.csv", ORGANISATIES)]})
    assert response.status_code == 400
    (message,) = response.context["form"].errors["uploads"]
    assert "organisaties.csv" in message
    assert world.region_a.organisaties.count() == 0


def test_an_upload_without_files_is_refused(client: Client, url: str) -> None:
    response = client.post(url, {})
    assert response.status_code == 400
    assert "uploads" in response.context["form"].errors
