"""Results downloads: the workbook, the CSV files and the charts of the results pages.

What a reader downloads is what the pages show them: the published figures (k-rules
included), their own gemeente only for a gemeente viewer, formulas neutralised, names next to
codes; a chart is the page's own SVG, also as PNG.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from conftest import make_user
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from test_disclosure import Observation, _run, _true_counts, disclosures

from regiekompas.core.model import load_model
from regiekompas.web.accounts.models import GemeenteViewer
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.responses.snapshots import latest_snapshot
from regiekompas.web.results.service import scan_results
from regiekompas.web.scans.models import Scan

pytestmark = pytest.mark.django_db


def _sheets(content: bytes) -> dict[str, list[dict[str, Any]]]:
    book = load_workbook(io.BytesIO(content))
    out = {}
    for sheet in book:
        rows = list(sheet.iter_rows(values_only=True))
        out[sheet.title] = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    return out


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def scan(simulated_scan: Callable[..., Scan]) -> Scan:
    return simulated_scan(gemeenten=2, respondenten=8, seed=21)


def test_the_workbook_holds_the_published_figures_with_names(scan: Scan) -> None:
    user = make_user("fac_dl")
    scan.region.memberships.create(user=user)
    response = _client(user).get(reverse("reports:results_xlsx", args=[scan.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheets = _sheets(response.content)
    assert next(iter(sheets)) == "lees_mij"
    document = scan_results(scan, "nl").document
    names = scan.region.gemeente_names()
    cells = sheets["cellen"]
    assert len(cells) == len(document["cellen"])
    for row, original in zip(cells, document["cellen"], strict=True):
        assert row["gemeente"] == names[row["gemeente_code"]]
        assert row["transitie_naam"] == load_model().transitie(row["transitie"]).name.nl
        assert row["cc"] == original["cc"]  # a number, the page's number
        assert row["cc_ci_laag"] == original["cc_ci"][0]
    assert len(sheets["advies"]) == len(document["advies"])
    readme = {(r["tabel"], r["kolom"]) for r in sheets["lees_mij"]}
    assert ("kloof", "band") in readme


def test_a_gemeente_viewer_downloads_only_what_the_pages_show_them(scan: Scan) -> None:
    codes = sorted(scan.region.gemeente_names())
    viewer = make_user("viewer_dl")
    GemeenteViewer.objects.create(user=viewer, region=scan.region, gemeente_code=codes[0])
    client = _client(viewer)
    sheets = _sheets(client.get(reverse("reports:results_xlsx", args=[scan.pk])).content)
    seen = {r["gemeente_code"] for rows in sheets.values() for r in rows if r.get("gemeente_code")}
    assert seen == {codes[0]}
    assert sheets["aanbieders"] == []  # per provider: facilitators only
    assert sheets["kwadranten"]  # regional aggregates stay
    with zipfile.ZipFile(
        io.BytesIO(client.get(reverse("reports:results_csv", args=[scan.pk])).content)
    ) as archive:
        cells = list(csv.DictReader(io.StringIO(archive.read("cellen.csv").decode())))
        assert "lees_mij.csv" in archive.namelist()
    assert {r["gemeente_code"] for r in cells} == {codes[0]}
    # Another region's facilitator, and anyone for a chart of another gemeente: nothing.
    other = make_user("fac_other_dl")
    assert _client(other).get(reverse("reports:results_xlsx", args=[scan.pk])).status_code == 404
    chart = reverse("reports:chart", args=[scan.pk, "svg"])
    query = {"pagina": f"{codes[1]}/", "grafiek": f"gemeente-{codes[1]}"}
    assert client.get(chart, query).status_code == 404


def test_hostile_names_are_neutralised_in_workbook_and_csv(scan: Scan) -> None:
    code = sorted(scan.region.gemeente_names())[0]
    scan.region.gemeenten.filter(code=code).update(naam='=HYPERLINK("http://x.example")')
    Respondent.objects.filter(scan=scan).update(organisatie="@SUM(1+1)*cmd|' /C calc'!A0")
    user = make_user("fac_hostile")
    scan.region.memberships.create(user=user)
    client = _client(user)
    book = load_workbook(
        io.BytesIO(client.get(reverse("reports:results_xlsx", args=[scan.pk])).content)
    )
    texts = [
        cell
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]
    assert texts
    hostile = [c for c in texts if "HYPERLINK" in c.value]
    assert hostile
    assert all(c.value.startswith("'=") and c.data_type == "s" for c in hostile)
    assert not any(c.value.startswith(("=", "+", "-", "@")) for c in texts)
    with zipfile.ZipFile(
        io.BytesIO(client.get(reverse("reports:results_csv", args=[scan.pk])).content)
    ) as archive:
        for name in archive.namelist():
            for row in csv.reader(io.StringIO(archive.read(name).decode())):
                assert not any(value.startswith(("=", "+", "@")) for value in row), (name, row)


def test_every_chart_of_a_results_page_downloads_as_svg_and_png(scan: Scan) -> None:
    user = make_user("fac_charts")
    scan.region.memberships.create(user=user)
    client = _client(user)
    code = sorted(scan.region.gemeente_names())[0]
    pages = [
        reverse("results:overview", args=[scan.pk]),
        reverse("results:gemeente", args=[scan.pk, code]),
        reverse("results:cell", args=[scan.pk, code, scan.transities[0]]),
    ]
    links = 0
    for page in pages:
        html = client.get(page).content.decode()
        charts = html.count('class="rk-chart-box')
        urls = [
            part.split('"', 1)[0].replace("&amp;", "&")
            for part in html.split('href="')[1:]
            if part.startswith("/rapporten/") and "grafiek." in part.split('"', 1)[0]
        ]
        assert len(urls) == 2 * charts, page  # SVG and PNG under every chart
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            if url.split("?")[0].endswith(".svg"):
                assert response["Content-Type"] == "image/svg+xml"
                assert response.content.startswith(b"<?xml")
                assert response.content.decode().split("\n", 1)[1] in html
            else:
                assert response["Content-Type"] == "image/png"
                assert response.content.startswith(b"\x89PNG")
            links += 1
    assert links >= 8


@pytest.mark.slow
@pytest.mark.parametrize("seed", [4])
def test_downloads_reveal_nothing_below_k(seed: int, db: None) -> None:
    """The disclosure scenarios of test_disclosure: the workbook a facilitator downloads
    passes the same checks as the pages' document, and holds no respondent id or
    organisation; a viewer's holds only their gemeente."""
    scan, _observations, k, _refused = _run(seed)
    facilitator = scan.region.memberships.first().user  # type: ignore[union-attr]
    sheets = _sheets(
        _client(facilitator).get(reverse("reports:results_xlsx", args=[scan.pk])).content
    )
    snapshot = latest_snapshot(scan)
    assert snapshot is not None
    document = {name: rows for name, rows in sheets.items() if name != "lees_mij"}
    observation = Observation(snapshot.number, document, _true_counts(scan))
    ids = set(Respondent.objects.filter(scan=scan).values_list("external_id", flat=True))
    orgs = set(Respondent.objects.filter(scan=scan).values_list("organisatie", flat=True))
    assert disclosures(k, [observation], ids, orgs) == []
    texts = {str(v) for rows in sheets.values() for row in rows for v in row.values()}
    assert not texts & (ids | orgs)
    published = scan_results(scan, "nl").document
    for name in ("cellen", "groepen", "rationaliteiten", "condities"):
        assert len(sheets[name]) == len(published[name])
    viewer = GemeenteViewer.objects.get(region=scan.region).user
    mine = _sheets(_client(viewer).get(reverse("reports:results_xlsx", args=[scan.pk])).content)
    codes = {r.get("gemeente_code") for rows in mine.values() for r in rows}
    assert codes <= {"GM0153", None}
