"""The advice a results page shows: the top 3 of its scope numbered by `rang`, the rest in an
"alle adviezen" list that opens without JavaScript, each with its first step."""

from __future__ import annotations

import re

from django.template.loader import render_to_string
from django.utils import translation

from regiekompas.core.advice import Advice
from regiekompas.core.text import Text
from regiekompas.web.results.advice import cell_advice, gemeente_advice, region_advice

G1, G2 = "GM0001", "GM0002"


def item(
    rang: int,
    regel: str,
    *,
    gemeente: str | None = G1,
    transities: tuple[str, ...] = (),
    regio: str | None = None,
) -> Advice:
    return Advice(
        gemeente_code=gemeente,
        transitie=transities[0] if len(transities) == 1 else None,
        regel=regel,
        prioriteit=rang * 10,
        score=100.0 - rang,
        tekst=Text(f"tekst {regel} {gemeente} {rang}", f"text {regel} {gemeente} {rang}"),
        bron="regie_nemen",
        regio=regio,
        rang=rang,
        eerste_stap=Text(f"stap {regel}", f"step {regel}"),
        transities=transities,
    )


ADVICE = [
    item(1, "kloof_meer_cocreatie", transities=("jeugd", "wmo")),
    item(2, "risico_bureaucratie", transities=("wmo",)),
    item(3, "laagste_conditie_relaties"),
    item(4, "spraakverwarring_praktijk", transities=("jeugd",)),
    item(5, "transitie_inconsistentie"),
    item(1, "kloof_meer_controle", gemeente=G2, transities=("jeugd",)),
    item(1, "versnippering_aanbieders", gemeente=None, transities=("jeugd",), regio="Noord"),
    item(2, "lage_alpha_groepen", gemeente=None, regio="Noord"),
]


def test_a_cell_page_lists_the_gemeentes_advice_for_its_transitie_by_rank() -> None:
    listed = cell_advice(ADVICE, "nl", G1, "jeugd")
    assert [i.rank for i in listed] == [1, 3, 4, 5]  # rang within the gemeente, wmo-only left out
    assert [i.rank for i in listed.top] == [1, 3, 4]
    assert [i.rank for i in listed.rest] == [5]
    assert listed[0].first_step == "stap kloof_meer_cocreatie"
    assert listed[0].transities == ("jeugd", "wmo")


def test_a_gemeente_has_its_own_ranking_and_the_region_its_own() -> None:
    assert [i.rank for i in gemeente_advice(ADVICE, "en", G2)] == [1]
    assert gemeente_advice(ADVICE, "en", G2)[0].text.startswith("text kloof_meer_controle")
    regional = region_advice(ADVICE, "nl", facilitator=True, regio="Noord")
    assert [i.regel for i in regional] == ["versnippering_aanbieders", "lage_alpha_groepen"]
    # fragmentation advice names every gemeente's quadrant: facilitators only
    viewer = region_advice(ADVICE, "nl", facilitator=False)
    assert [i.regel for i in viewer] == ["lage_alpha_groepen"]


def test_the_template_shows_three_with_their_first_step_and_the_rest_behind_details() -> None:
    with translation.override("nl"):
        page = render_to_string(
            "results/_advice.html",
            {"advice": gemeente_advice(ADVICE, "nl", G1), "empty": "geen advies"},
        )
    top, rest = page.split("<details", 1)
    assert re.findall(r'value="(\d+)"', top) == ["1", "2", "3"]
    assert re.findall(r'value="(\d+)"', rest) == ["4", "5"]
    assert top.count("Eerste stap:") == 3
    assert "stap risico_bureaucratie" in top
    assert "Alle adviezen: nog 2 (5 in totaal)" in rest
    assert "tekst transitie_inconsistentie" in rest


def test_three_or_fewer_items_need_no_details_and_none_shows_the_empty_text() -> None:
    with translation.override("nl"):
        short = render_to_string(
            "results/_advice.html", {"advice": gemeente_advice(ADVICE, "nl", G2), "empty": "x"}
        )
        empty = render_to_string(
            "results/_advice.html",
            {"advice": gemeente_advice(ADVICE, "nl", "GM9999"), "empty": "Geen advies."},
        )
    assert "<details" not in short
    assert "tekst kloof_meer_controle" in short
    assert "Geen advies." in empty
