"""The results pages as facilitators and gemeente viewers read them.

Figures are checked against an independent call of the core analysis on the same answers,
so a page can only pass by showing what `core` computed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from conftest import World, make_respondent, make_user
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from regiekompas.core.analysis import round_document
from regiekompas.core.model import load_model
from regiekompas.core.pipeline import analyse_with_advice
from regiekompas.core.simulate import SimulationParams, simulate_region
from regiekompas.core.vocabulary import GRENS
from regiekompas.web.accounts.models import GemeenteViewer
from regiekompas.web.regions.loading import store_region_tables
from regiekompas.web.responses.dataset import scan_dataset
from regiekompas.web.responses.saving import AnswerIn, save_answers
from regiekompas.web.results.service import results_settings
from regiekompas.web.scans.models import Scan

MODEL = load_model()


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def _text(response: Any) -> str:
    return str(response.content.decode())


def _plain(fragment: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _document(scan: Scan) -> dict[str, Any]:
    document, _ = analyse_with_advice(
        scan_dataset(scan), settings=results_settings(scan), instrument=scan.instrument()
    )
    return dict(round_document(document))


def _nl(value: float, digits: int = 2) -> str:
    text = f"{round(value, digits) + 0.0:.{digits}f}"
    return text.replace(".", ",")


def _quadrant_nl(code: str) -> str:
    return "op de grens" if code == GRENS else MODEL.quadrant(code).name.nl


def _overview_cells(page: str) -> dict[tuple[str, str, str], str]:
    """(gemeente, transitie, perspectief) → the visible text of that part of the overview."""
    out = {}
    for row in page.split('data-gemeente="')[1:]:
        code = row.split('"', 1)[0]
        for cell in row.split('data-transitie="')[1:]:
            transitie = cell.split('"', 1)[0]
            for part in cell.split('data-perspectief="')[1:]:
                perspectief = part.split('"', 1)[0]
                dd = re.search(r"<dd>(.*?)</dd>", part, re.S)
                assert dd
                out[(code, transitie, perspectief)] = _plain(dd.group(1))
    return out


def _cell_url(scan: Scan, gemeente: str, transitie: str) -> str:
    return reverse("results:cell", args=[scan.pk, gemeente, transitie])


@pytest.fixture
def region_scan(simulated_scan: Callable[..., Scan]) -> Scan:
    """A simulated scan with its region's contracts and mechanisms, and a facilitator."""
    scan = simulated_scan(gemeenten=3, respondenten=16, seed=7)
    sim = simulate_region(SimulationParams(gemeenten=3, respondenten=16, seed=7))
    store_region_tables(scan.region, sim.dataset)
    return scan


@pytest.fixture
def facilitator(region_scan: Scan) -> Any:
    user = make_user("fac_sim")
    region_scan.region.memberships.create(user=user)
    return user


# --- the overview ----------------------------------------------------------------------------


def test_the_overview_shows_the_quadrants_of_every_cell_as_the_analysis_has_them(
    client: Client, region_scan: Scan, facilitator: Any
) -> None:
    client.force_login(facilitator)
    page = _text(client.get(reverse("results:overview", args=[region_scan.pk])))
    shown = _overview_cells(page)
    document = _document(region_scan)
    gemeenten = region_scan.region.gemeente_names()
    assert {key[0] for key in shown} == set(gemeenten)
    cells = {(c["gemeente_code"], c["transitie"], c["perspectief"]): c for c in document["cellen"]}
    for key, text in shown.items():
        cell = cells.get(key)
        if cell is None:
            assert text == "no data"
        else:
            assert text.startswith(_quadrant_nl(cell["kwadrant"])), (key, text)
            assert f"n = {cell['n']}" in text
    assert len(cells) == len([k for k in shown if k in cells]) > 0


def test_the_overview_shows_the_region_figures_and_links_every_cell(
    client: Client, region_scan: Scan, facilitator: Any
) -> None:
    client.force_login(facilitator)
    page = _text(client.get(reverse("results:overview", args=[region_scan.pk])))
    document = _document(region_scan)
    alpha = document["regio"][0]["alpha_groepen"]
    assert f"(Krippendorffs α): {_nl(alpha)}" in page
    for row in document["versnippering"]:
        assert _nl(row["gewogen_gemiddelde"]) in page
        assert _nl(row["spreiding"]) in page
    for code in region_scan.region.gemeente_names():
        for transitie in region_scan.transities:
            assert _cell_url(region_scan, code, transitie) in page
    region_advice = [a for a in document["advies"] if a["gemeente_code"] is None]
    for advice in region_advice:
        assert html.escape(advice["tekst"]) in page


def test_the_overview_counts_respondents_per_gemeente(
    client: Client, region_scan: Scan, facilitator: Any
) -> None:
    client.force_login(facilitator)
    page = _text(client.get(reverse("results:overview", args=[region_scan.pk])))
    dataset = scan_dataset(region_scan)
    r = dataset.responses
    for g, code in enumerate(r.gemeente_codes):
        people = set(r.obs_respondent[r.obs_gemeente == g]) | set(
            r.gem_respondent[r.gem_gemeente == g]
        )
        row = page.split(f'data-gemeente="{code}"', 1)[1]
        count = re.search(r'numeric-data"[^>]*>(\d+)</td>', row)
        assert count
        assert int(count.group(1)) == len(people)


# --- the cell page ---------------------------------------------------------------------------


def test_the_cell_page_shows_the_figures_of_the_analysis(
    client: Client, region_scan: Scan, facilitator: Any
) -> None:
    document = _document(region_scan)
    cell = next(c for c in document["cellen"] if c["perspectief"] == "praktijk")
    code, transitie = cell["gemeente_code"], cell["transitie"]
    client.force_login(facilitator)
    response = client.get(_cell_url(region_scan, code, transitie))
    page = _text(response)
    name = region_scan.region.gemeente_names()[code]
    assert (
        f'<h1 class="utrecht-heading-1">{name} — {MODEL.transitie(transitie).name.nl}</h1>' in page
    )

    positions = _plain(page.split('id="posities"', 1)[1].split("</table>", 1)[0])
    for c in document["cellen"]:
        if (c["gemeente_code"], c["transitie"]) == (code, transitie):
            label = "Ambitie" if c["perspectief"] == "ambitie" else "Praktijk"
            expected = (
                f"{label} {_nl(c['cc'])} {_nl(c['cc_ci'][0])} tot {_nl(c['cc_ci'][1])} "
                f"{_nl(c['dc'])} {_nl(c['dc_ci'][0])} tot {_nl(c['dc_ci'][1])} "
                f"{_quadrant_nl(c['kwadrant'])}"
            )
            assert expected in positions
    gap = next(
        g for g in document["kloof"] if (g["gemeente_code"], g["transitie"]) == (code, transitie)
    )
    assert f"{_nl(gap['waarde'])} op een schaal van 0 tot 1" in _plain(
        page.split('id="kloof"', 1)[1]
    )

    for row in document["spraakverwarring"]:
        if (row["gemeente_code"], row["transitie"]) == (code, transitie) and row[
            "waarde"
        ] is not None:
            a, b = (MODEL.group(g).name.nl for g in row["groepen"])
            assert html.escape(f"‘{a}’ en ‘{b}’") in page
            assert f"spraakverwarring {_nl(row['waarde'])}" in page

    conditions = _plain(page.split('id="condities"', 1)[1].split("</table>", 1)[0])
    for row in document["condities"]:
        if row["gemeente_code"] == code and row["groep"] is None:
            text = f"{MODEL.condition(row['conditie']).name.nl}"
            assert text in conditions
            assert f"{_nl(row['score'], 0)}" in conditions

    advice = [
        a
        for a in document["advies"]
        if a["gemeente_code"] == code and (not a["transities"] or transitie in a["transities"])
    ]
    assert advice
    for item in advice:
        assert html.escape(item["tekst"]) in page


def test_the_cell_page_shows_the_shown_groups_in_table_and_chart(
    client: Client, region_scan: Scan, facilitator: Any
) -> None:
    document = _document(region_scan)
    group = document["groepen"][0]
    code, transitie = group["gemeente_code"], group["transitie"]
    client.force_login(facilitator)
    page = _text(client.get(_cell_url(region_scan, code, transitie)))
    table = _plain(page.split('id="groepen"', 1)[1].split("</table>", 1)[0])
    rows = [
        g for g in document["groepen"] if (g["gemeente_code"], g["transitie"]) == (code, transitie)
    ]
    for g in rows:
        name = MODEL.group(g["groep"]).name.nl
        assert name in table
        assert f"{g['n']} {_nl(g['cc'])} {_nl(g['dc'])}" in table
    assert page.count('class="rk-chart__group ') == len(rows)


def test_every_chart_is_an_accessible_svg_with_a_table_after_it(
    client: Client, region_scan: Scan, facilitator: Any
) -> None:
    document = _document(region_scan)
    code = document["cellen"][0]["gemeente_code"]
    client.force_login(facilitator)
    page = _text(client.get(_cell_url(region_scan, code, region_scan.transities[0])))
    figures = page.split("<figure")[1:]
    assert len(figures) == 3  # quadrant plot, conditions, spaghetti
    for figure in figures:
        assert '<svg xmlns="http://www.w3.org/2000/svg"' in figure
        assert 'role="img"' in figure
        assert "<title id=" in figure
        assert "<desc id=" in figure
        assert "<figcaption" in figure
        assert "<table" in figure.split("</figure>", 1)[1].split("<section", 1)[0]
    assert 'style="' not in page


def test_the_cell_page_lists_the_mechanisms_of_the_gemeente(
    client: Client, region_scan: Scan, facilitator: Any
) -> None:
    dataset = scan_dataset(region_scan)
    mechanism = (dataset.mechanismen or ())[0]
    document = _document(region_scan)
    spaghetti = next(
        s for s in document["spaghetti"] if s["gemeente_code"] == mechanism.gemeente_code
    )
    client.force_login(facilitator)
    page = _text(
        client.get(_cell_url(region_scan, mechanism.gemeente_code, region_scan.transities[0]))
    )
    table = _plain(page.split('id="mechanismen"', 1)[1].split("</table>", 1)[0])
    own = [m for m in dataset.mechanismen or () if m.gemeente_code == mechanism.gemeente_code]
    for m in own:
        assert m.naam in table
    assert f"gebruikt {spaghetti['n']} coördinatiemechanismen" in _plain(page)
    assert f"entropie {_nl(spaghetti['entropie'])} bits" in _plain(page)


def test_a_group_below_k_never_appears_on_the_cell_page(
    client: Client, region_scan: Scan, facilitator: Any
) -> None:
    dataset = scan_dataset(region_scan)
    code = dataset.responses.gemeente_codes[0]
    transitie = region_scan.transities[0]
    absent = next(g for g in MODEL.group_codes if g not in dataset.responses.groups)
    respondent, _ = make_respondent(
        region_scan, "ZV-1", groep=absent, gemeenten=[code], transities=[transitie]
    )
    instrument = region_scan.instrument()
    answers = [
        AnswerIn(code, transitie, perspectief, item, 5)
        for perspectief in region_scan.perspectieven
        for item in instrument.axis_item_codes
    ] + [
        AnswerIn(code, "", "", item, 1)
        for item in instrument.gemeente_item_codes
        if item.startswith(("amb", "rel"))
    ]
    save_answers(respondent, answers)
    client.force_login(facilitator)
    page = _text(client.get(_cell_url(region_scan, code, transitie)))
    document = _document(region_scan)
    assert any(
        c["gemeente_code"] == code and c["transitie"] == transitie for c in document["cellen"]
    )
    name = MODEL.group(absent).name.nl
    assert html.escape(name) not in page
    assert name not in page
    assert "rk-chart__cell" in page


# --- language --------------------------------------------------------------------------------


def test_english_pages_use_a_decimal_point_and_english_names(
    client: Client, region_scan: Scan, facilitator: Any
) -> None:
    document = _document(region_scan)
    cell = next(c for c in document["cellen"] if c["kwadrant"] != GRENS)
    client.force_login(facilitator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = _text(client.get(_cell_url(region_scan, cell["gemeente_code"], cell["transitie"])))
    positions = _plain(page.split('id="posities"', 1)[1].split("</table>", 1)[0])
    assert f"{round(cell['cc'], 2) + 0.0:.2f}" in positions
    assert MODEL.quadrant(cell["kwadrant"]).name.en in positions
    assert MODEL.transitie(cell["transitie"]).name.en in page


# --- who sees what ---------------------------------------------------------------------------


def test_a_viewer_sees_only_their_own_gemeente(client: Client, region_scan: Scan) -> None:
    names = region_scan.region.gemeente_names()
    own, *others = sorted(names)
    viewer = make_user("viewer_sim")
    GemeenteViewer.objects.create(user=viewer, region=region_scan.region, gemeente_code=own)
    client.force_login(viewer)
    transitie = region_scan.transities[0]

    overview = _text(client.get(reverse("results:overview", args=[region_scan.pk])))
    assert {key[0] for key in _overview_cells(overview)} == {own}
    assert client.get(_cell_url(region_scan, own, transitie)).status_code == 200
    for other in others:
        assert names[other] not in overview
        assert _cell_url(region_scan, other, transitie) not in overview
        assert client.get(_cell_url(region_scan, other, transitie)).status_code == 404
    cell_page = _text(client.get(_cell_url(region_scan, own, transitie)))
    for other in others:
        assert names[other] not in cell_page


def test_a_facilitator_of_another_region_gets_not_found(client: Client, world: World) -> None:
    client.force_login(world.facilitator_b)
    assert client.get(reverse("results:overview", args=[world.scan_a.pk])).status_code == 404
    url = _cell_url(world.scan_a, world.gemeente_x, "jeugd")
    assert client.get(url).status_code == 404


def test_an_anonymous_visitor_is_sent_to_the_login_page(client: Client, world: World) -> None:
    for url in (
        reverse("results:overview", args=[world.scan_a.pk]),
        _cell_url(world.scan_a, world.gemeente_x, "jeugd"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_unknown_gemeenten_and_transities_are_not_found(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    assert client.get(_cell_url(world.scan_a, "GM9999", "jeugd")).status_code == 404
    assert client.get(_cell_url(world.scan_a, world.gemeente_x, "participatie")).status_code == 404
    assert client.get(reverse("results:overview", args=[987654])).status_code == 404


def test_an_unpublished_scan_says_so_and_tells_the_facilitator_how_to_publish(
    client: Client, world: World
) -> None:
    client.force_login(world.facilitator_a)
    for url in (
        reverse("results:overview", args=[world.scan_a.pk]),
        _cell_url(world.scan_a, world.gemeente_x, "jeugd"),
    ):
        response = client.get(url)
        assert response.status_code == 200
        page = _text(response)
        assert "Er zijn nog geen resultaten gepubliceerd" in page
        assert reverse("scans:detail", args=[world.scan_a.pk]) in page


def test_the_viewer_of_an_unpublished_scan_is_told_results_come_later(
    client: Client, world: World
) -> None:
    client.force_login(world.viewer_x)
    page = _text(client.get(reverse("results:overview", args=[world.scan_a.pk])))
    assert "Er zijn nog geen resultaten gepubliceerd" in page
    assert reverse("scans:detail", args=[world.scan_a.pk]) not in page
