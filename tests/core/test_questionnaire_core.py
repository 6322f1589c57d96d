"""The questionnaire's framework-free parts: planned subsets, the reading-time model and
Flesch-Douma with its Dutch syllable counter (docs/questionnaire.md)."""

from __future__ import annotations

from collections import Counter

import pytest

from regiekompas.core.questionnaire import (
    PACE,
    Pace,
    PageLoad,
    estimate_seconds,
    flesch_douma,
    plan_for,
    syllables,
)
from regiekompas.core.questionnaire.readability import sentences
from regiekompas.core.questionnaire.timing import whole_minutes, words

# --- planned subsets ------------------------------------------------------------------------

GEMEENTEN = [f"GM{i:04d}" for i in range(1, 10)]


def test_within_the_maximum_everything_is_answered_and_nothing_is_planned() -> None:
    plan = plan_for(["GM0001", "GM0002"], ["jeugd"], 3, gemeente_load={}, cell_load={}, seed="x")

    assert plan.complete
    assert plan.gemeenten == ("GM0001", "GM0002")
    assert plan.cells == (("GM0001", "jeugd"), ("GM0002", "jeugd"))


def test_beyond_the_maximum_a_subset_with_a_row_for_every_chosen_gemeente() -> None:
    plan = plan_for(GEMEENTEN, ["jeugd", "wmo"], 3, gemeente_load={}, cell_load={}, seed="x")

    assert not plan.complete
    assert len(plan.gemeenten) == 3
    assert len(plan.cells) == 3
    assert {g for g, _t in plan.cells} == set(plan.gemeenten)
    # display order is kept
    assert list(plan.gemeenten) == [g for g in GEMEENTEN if g in plan.gemeenten]


def test_the_same_seed_gives_the_same_subset_and_another_seed_may_not() -> None:
    plans = [
        plan_for(GEMEENTEN, ["jeugd"], 3, gemeente_load={}, cell_load={}, seed=f"s{i}")
        for i in range(20)
    ]
    again = plan_for(GEMEENTEN, ["jeugd"], 3, gemeente_load={}, cell_load={}, seed="s0")

    assert again == plans[0]
    assert len({p.gemeenten for p in plans}) > 5  # ties are broken at random


def test_the_least_answered_gemeenten_are_chosen_first() -> None:
    load = dict.fromkeys(GEMEENTEN, 5) | {"GM0004": 1, "GM0007": 0, "GM0009": 2}

    plan = plan_for(GEMEENTEN, ["jeugd"], 3, gemeente_load=load, cell_load={}, seed="x")

    assert set(plan.gemeenten) == {"GM0004", "GM0007", "GM0009"}


def test_respondents_arriving_one_by_one_are_spread_evenly() -> None:
    gemeente_load: Counter[str] = Counter()
    cell_load: Counter[tuple[str, str]] = Counter()
    for i in range(30):
        plan = plan_for(
            GEMEENTEN, ["jeugd"], 3, gemeente_load=gemeente_load, cell_load=cell_load, seed=str(i)
        )
        gemeente_load.update(plan.gemeenten)
        cell_load.update(plan.cells)

    assert sorted(gemeente_load.values()) == [10] * 9  # 30 × 3 over 9 gemeenten


def test_a_maximum_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        plan_for(GEMEENTEN, ["jeugd"], 0, gemeente_load={}, cell_load={}, seed="x")


# --- the reading-time model -------------------------------------------------------------


def test_a_page_costs_its_words_answers_ticks_and_itself_by_hand() -> None:
    pace = Pace(words_per_minute=120, reread=0.5, first_row_s=3, next_row_s=2, tick_s=1, page_s=4)
    page = PageLoad(texts=["Een twee drie vier.", "Vijf zes."], statements=2, rows=3, ticks=1.5)

    # 6 words at 2 words/s = 3 s; 2 × 3 + 3 × 2 + 1.5 × 1 + 4 = 17.5 s
    assert estimate_seconds([page], pace) == pytest.approx(3 + 6 + 6 + 1.5 + 4)


def test_a_sentence_read_before_on_the_route_counts_at_the_reread_rate() -> None:
    pace = Pace(words_per_minute=60, reread=0.25, first_row_s=0, next_row_s=0, tick_s=0, page_s=0)
    first = PageLoad(texts=["Een twee drie vier. Nieuw hier."])
    second = PageLoad(texts=["Een twee drie vier. Ook nieuw."])

    # page 1: 6 words; page 2: 4 words re-read at 25 % + 2 new words
    assert estimate_seconds([first, second], pace) == pytest.approx(6 + 1 + 2)


def test_fixed_words_count_like_text() -> None:
    pace = Pace(words_per_minute=60, first_row_s=0, next_row_s=0, tick_s=0, page_s=0)
    assert estimate_seconds([PageLoad(extra_words=30)], pace) == pytest.approx(30)


def test_words_are_counted_as_a_reader_counts_them() -> None:
    assert words("Welzijns- en zorgnetwerk, ‘weet ik niet’ (GM0153)!") == 7
    assert words("cliënt-gegevens") == 1


def test_minutes_are_promised_rounded_up() -> None:
    assert whole_minutes(0) == 1
    assert whole_minutes(60) == 1
    assert whole_minutes(61) == 2
    assert PACE.words_per_minute == 175


# --- Flesch-Douma --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("gemeente", 3),  # ge-meen-te
        ("zorgverzekeraar", 5),  # zorg-ver-ze-ke-raar
        ("cliënt", 2),  # cli-ënt: the diaeresis splits
        ("coördinatie", 5),  # co-ör-di-na-tie
        ("geïntegreerd", 4),  # ge-ïn-te-greerd
        ("samenwerking", 4),
        ("mooi", 1),
        ("eeuw", 1),
        ("huis", 1),
        ("ijs", 1),
        ("b", 1),
        ("2026", 0),
    ],
)
def test_dutch_syllables_by_hand(word: str, count: int) -> None:
    assert syllables(word) == count


def test_flesch_douma_by_hand() -> None:
    text = "De gemeente bepaalt de koers. Zij doet dat samen met de aanbieders."
    # 12 words, 2 sentences; syllables: de 1, ge-meen-te 3, be-paalt 2, de 1, koers 1,
    # zij 1, doet 1, dat 1, sa-men 2, met 1, de 1, aan-bie-ders 3 = 18
    expected = 206.835 - 0.93 * (12 / 2) - 77 * (18 / 12)
    assert sentences(text) == 2
    assert flesch_douma(text) == pytest.approx(expected)


def test_flesch_douma_needs_words() -> None:
    with pytest.raises(ValueError, match="no words"):
        flesch_douma(" … ")


def test_the_v2_wording_reads_easier_than_v1() -> None:
    from regiekompas.core.instrument import load_instrument

    def all_dutch(versie: str) -> str:
        inst = load_instrument(versie)
        fill = {"gemeente": "Enschede", "transitie": "jeugd"}
        parts = [inst.texts.intro.get("nl")]
        parts += [i.text.format("nl", **fill) for i in inst.likert_items]
        parts += [i.pole_1.get("nl") + " " + i.pole_5.get("nl") for i in inst.axis_items]
        return " ".join(parts)

    assert flesch_douma(all_dutch("2")) > flesch_douma(all_dutch("1")) + 5
    # the statements keep the parties' own long words (gemeente, zorgverzekeraar,
    # aanbieders), which Flesch-Douma counts against them; bench/readability.py gives the
    # figures per group (docs/questionnaire.md)
    assert flesch_douma(all_dutch("2")) >= 57
