"""Dutch sentences from policy text: splitting, lemmas, negation and modality."""

from __future__ import annotations

import pytest

from regiekompas.core.documents.extract import Page
from regiekompas.core.documents.text import (
    INTENTIE,
    NEUTRAAL,
    PRAKTIJK,
    analyse,
    lemma,
    sentences_of,
    split_passage,
)


def _texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_passage(text)]


@pytest.mark.parametrize(
    "text",
    [
        "De gemeente werkt o.a. met wijkteams.",
        "Dit geldt bijv. voor jeugdhulp.",
        "Het gaat om toegang, d.w.z. de eerste intake.",
        "Afspraken m.b.t. de toegang en t.a.v. de inkoop.",
        "Zie art. 2.3 van de Jeugdwet.",
        "De wethouder, mw. J. de Vries, tekent.",
        "Op 15 jan. 2026 besluit de raad.",
        "Het budget stijgt met 2.5 procent.",
    ],
)
def test_abbreviations_initials_and_numbers_do_not_end_a_sentence(text: str) -> None:
    assert _texts(text) == [text]


def test_sentences_end_at_full_stops_question_and_exclamation_marks() -> None:
    text = "Wij kiezen voor één toegang. Waarom? Omdat inwoners dat vragen! Dat is helder."
    assert _texts(text) == [
        "Wij kiezen voor één toegang.",
        "Waarom?",
        "Omdat inwoners dat vragen!",
        "Dat is helder.",
    ]


def test_pdf_lines_are_joined_and_hyphenation_undone() -> None:
    text = (
        "De gemeente maakt met aanbieders samen-\nwerkingsafspraken over de\ntoegang."
        " Daarna volgt\nde rest."
    )
    assert _texts(text) == [
        "De gemeente maakt met aanbieders samenwerkingsafspraken over de toegang.",
        "Daarna volgt de rest.",
    ]


def test_headings_without_full_stop_are_sentences_of_their_own() -> None:
    text = (
        "3.2 Visie op de toegang\nDe toegang loopt via het wijkteam.\nKaders\n"
        "De gemeente stelt kaders."
    )
    sentences = split_passage(text)
    assert [(s.text, s.heading) for s in sentences] == [
        ("3.2 Visie op de toegang", True),
        ("De toegang loopt via het wijkteam.", False),
        ("Kaders", True),
        ("De gemeente stelt kaders.", False),
    ]


def test_bullets_are_separate_items_and_inherit_the_intention_of_their_intro() -> None:
    text = (
        "De gemeente wil het volgende:\n"
        "• één toegang voor alle inwoners;\n"
        "- een generalistisch wijkteam dat\n  ook de intake doet;\n"
        "1) heldere afspraken.\n"
        "Aanbieders werken nu apart."
    )
    sentences = split_passage(text)
    assert [s.text for s in sentences] == [
        "De gemeente wil het volgende:",
        "één toegang voor alle inwoners;",
        "een generalistisch wijkteam dat ook de intake doet;",
        "heldere afspraken.",
        "Aanbieders werken nu apart.",
    ]
    assert [s.bullet for s in sentences] == [False, True, True, True, False]
    assert [s.modality for s in sentences] == [INTENTIE, INTENTIE, INTENTIE, INTENTIE, PRAKTIJK]


def test_pages_keep_their_numbers() -> None:
    sentences = sentences_of([Page(4, "Eerste zin. Tweede zin."), Page(5, "Derde zin.")])
    assert [(s.page, s.index) for s in sentences] == [(4, 0), (4, 1), (5, 2)]


def test_lemmas_make_forms_of_a_word_match() -> None:
    assert lemma("centrale") == lemma("centraal")
    assert lemma("stelt") == lemma("gesteld")
    assert lemma("aanbieders") == lemma("aanbieder")
    assert lemma("wijkteams") == lemma("wijkteam")  # unknown compound: plural cut
    assert lemma("generalistische") == lemma("generalistisch")


@pytest.mark.parametrize(
    ("text", "negated_word"),
    [
        ("Er komt geen centrale toegang.", "geen"),
        ("Aanbieders werken niet samen.", "niet"),
        ("Dat is nooit zo geweest.", "nooit"),
        ("Zonder eigen intake gaat het.", "zonder"),
        ("In plaats van een eigen intake komt er één toegang.", "in"),
    ],
)
def test_negation_cues_are_found(text: str, negated_word: str) -> None:
    sentence = analyse(text)
    assert [sentence.tokens[i] for i in sentence.negations] == [negated_word]


def test_niet_alleen_is_not_a_negation() -> None:
    assert analyse("De gemeente bepaalt dit niet alleen.").negations == ()


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Wij willen één toegang.", INTENTIE),
        ("De gemeente streeft naar cocreatie.", INTENTIE),
        ("We gaan de toegang anders inrichten.", INTENTIE),
        ("Onze ambitie is een wijkteam in elke wijk.", INTENTIE),
        ("Aanbieders werken nu elk met een eigen intake.", PRAKTIJK),
        ("Momenteel is de toegang versnipperd.", PRAKTIJK),
        ("De toegang ligt bij het wijkteam.", NEUTRAAL),
    ],
)
def test_modality_separates_intention_from_practice(text: str, modality: str) -> None:
    assert analyse(text).modality == modality


def test_present_tense_is_a_feature_only() -> None:
    sentence = analyse("Het wijkteam doet de intake.")
    assert sentence.present
    assert sentence.modality == NEUTRAAL
