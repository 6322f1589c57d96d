"""The lexicon method places sentences on the axes, and does not fall into the §7 traps."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence

import pytest

from regiekompas.core.documents.classify import (
    LexiconClassifier,
    SentenceClassifier,
    SentenceLabel,
    features,
    get_classifier,
    label_passage,
    load_method_settings,
    parse_method_settings,
)
from regiekompas.core.documents.lexicon import load_lexicon, parse_lexicon
from regiekompas.core.documents.text import Sentence, analyse
from regiekompas.core.text import DataFileError


def _poles(text: str) -> tuple[int, int]:
    label = LexiconClassifier().label(analyse(text))
    return label.cc.pole, label.dc.pole


def test_the_lexicon_is_versioned_and_large_enough() -> None:
    lexicon = load_lexicon()
    assert lexicon.version
    assert len(lexicon) >= 200
    multi_word = [entry for entry in lexicon.entries if len(entry.pattern) > 1]
    assert len(multi_word) >= 100
    counter = {entry.term for entry in lexicon.entries if entry.pole == 0}
    for trap in ("regionale inkoop", "centrumgemeente", "gemeenschappelijke regeling"):
        assert trap in counter
    assert "centraal inkopen" in counter
    assert "samen" in counter


@pytest.mark.parametrize(
    ("text", "cc", "dc"),
    [
        ("Samen met aanbieders en zorgverzekeraar stellen we de kaders vast.", -1, 0),
        ("De gemeente stelt de financiële kaders vast en controleert de naleving.", 1, 0),
        ("Er komt één toegang via een generalistisch wijkteam.", 0, 1),
        ("Aanbieders blijven zelfstandig en stemmen onderling af.", 0, -1),
        ("Medewerkers van aanbieders worden gedetacheerd in het sociale wijkteam.", 0, 1),
        ("Wij kiezen voor gelijkwaardig partnerschap met aanbieders.", -1, 0),
        ("Aanbieders leggen verantwoording af over prestatie-indicatoren.", 1, 0),
        ("De gemeente contracteert aanbieders afzonderlijk en stelt eisen.", 1, 0),
    ],
)
def test_clear_sentences_land_on_their_pole(text: str, cc: int, dc: int) -> None:
    assert _poles(text) == (cc, dc)


@pytest.mark.parametrize(
    "text",
    [
        "De jeugdhulp wordt regionaal ingekocht via de centrumgemeente.",
        "De regio koopt centraal in.",
        "Wij gaan centraal inkopen met de regiogemeenten.",
        "De inkoop loopt via een gemeenschappelijke regeling.",
        "De regionale inkooporganisatie sluit de contracten.",
        "De inwoner staat centraal in ons beleid.",
        "Sinds de drie decentralisaties is de gemeente verantwoordelijk voor jeugdhulp.",
    ],
)
def test_regional_purchasing_and_other_central_words_are_not_centraal(text: str) -> None:
    assert _poles(text)[1] == 0


@pytest.mark.parametrize(
    "text",
    [
        "We werken samen aan een gezonde wijk.",
        "Samen met andere gemeenten in de regio kopen we jeugdhulp in.",
        "De samenwerking met de buurgemeenten is goed.",
        "Samen met de inwoner kijkt de consulent wat nodig is.",
        "Inwoners houden regie over het eigen leven.",
    ],
)
def test_samen_alone_is_not_cocreatie(text: str) -> None:
    assert _poles(text)[0] == 0


def test_a_bare_rejection_places_nothing_but_a_stated_alternative_does() -> None:
    # docs/codebook.md rule 3: a negated pole alone is no position ...
    assert _poles("Er komt geen centrale toegang.") == (0, 0)
    assert _poles("De gemeente bepaalt de kaders niet eenzijdig.") == (0, 0)
    assert _poles("We gaan geen nieuw wijkteam oprichten.") == (0, 0)
    # ... the alternative the text states is.
    text = "Er komt geen centrale toegang: inwoners melden zich bij de aanbieder van hun keuze."
    assert _poles(text) == (0, -1)
    # a negation in another clause does not count
    assert _poles("Dat is niet nieuw, want er komt één toegang.") == (0, 1)


def test_a_flipping_term_turns_to_the_other_pole_when_negated() -> None:
    from dataclasses import replace

    from regiekompas.core.documents.lexicon import FLIP, Lexicon

    lexicon = load_lexicon()
    flipping = Lexicon(
        lexicon.version,
        lexicon.rules,
        tuple(replace(entry, negation=FLIP) for entry in lexicon.entries),
    )
    label = LexiconClassifier(flipping).label(analyse("Er komt geen centrale toegang."))
    assert label.dc.pole == -1


def test_options_and_practice_elsewhere_are_not_positions() -> None:
    assert _poles("Onderzocht wordt of één toegang haalbaar is.") == (0, 0)
    assert _poles("In een buurgemeente werkt men met één toegang.") == (0, 0)


def test_practice_sentences_weigh_less_than_intentions() -> None:
    classifier = LexiconClassifier()
    intention = classifier.label(analyse("Wij willen één toegang."))
    practice = classifier.label(analyse("Nu is er één toegang."))
    assert intention.dc.pole == practice.dc.pole == 1
    assert practice.dc.weight == pytest.approx(intention.dc.weight / 2)


def test_the_longest_match_wins_on_an_axis() -> None:
    hits = LexiconClassifier().hits(analyse("De regio gaat centraal inkopen."))
    assert [(hit.entry.term, hit.pole) for hit in hits] == [("centraal inkopen", 0)]


def test_separable_verbs_match_across_a_gap() -> None:
    assert _poles("De gemeente stelt alle inhoudelijke kaders vast.")[0] == 1


def test_features_expose_lexicon_hits_and_language_cues() -> None:
    values = features(analyse("Wij willen geen centrale toegang, maar de regio koopt centraal in."))
    assert values["lex:dc:+1"] == 0.0  # "centrale toegang" is negated: dropped
    assert values["lex:dc:ontkend"] == 1.0
    assert values["lex:dc:tegen"] == 1.0  # "regio koopt ... in"
    assert values["term:dc:centrale toegang"] == 0.0
    assert values["mod:intentie"] == 1.0
    assert values["neg"] == 1.0


class _Fixed:
    """A stand-in method: every sentence on the controle pole (tests the interface)."""

    name = "vast"
    version = "1"

    def classify(self, sentences: Sequence[Sentence]) -> list[SentenceLabel]:
        from regiekompas.core.documents.classify import AxisLabel

        return [SentenceLabel(cc=AxisLabel(1, 1.0)) for _ in sentences]


def test_any_object_with_classify_is_a_sentence_classifier() -> None:
    assert isinstance(_Fixed(), SentenceClassifier)
    assert isinstance(get_classifier(), SentenceClassifier)
    assert get_classifier().name == load_method_settings().default


def test_a_passage_is_labelled_by_the_sign_of_its_sentences() -> None:
    text = "Er komt één toegang. Aanbieders stemmen onderling af. Het wijkteam doet de intake."
    label = label_passage(LexiconClassifier(), text)
    assert label.dc.pole == 1
    assert label.cc.pole == 0


def test_an_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown method"):
        get_classifier("bestaat-niet")


def test_the_method_file_may_only_name_classes_in_the_documents_package() -> None:
    data = {
        "methode": "x",
        "methoden": {"x": {"klasse": "os:system"}},
        "drempels": {
            "min_zinnen": 8,
            "max_ci_breedte": 1.0,
            "bootstrap": 10,
            "seed": 0,
            "bewijs_per_pool": 3,
        },
    }
    with pytest.raises(DataFileError, match="klasse"):
        parse_method_settings(data, file="method.toml")


def test_lexicon_mistakes_name_the_field() -> None:
    from importlib import resources

    raw = resources.files("regiekompas.core.documents").joinpath("data/lexicon.toml").read_bytes()
    data = tomllib.loads(raw.decode())
    data["groep"][0]["pool"] = "centraal"  # a dc pole on the cc axis
    with pytest.raises(DataFileError, match=r"groep\[0\]\.pool"):
        parse_lexicon(data, file="lexicon.toml")
    data = tomllib.loads(raw.decode())
    data["groep"][0]["termen"].append(data["groep"][0]["termen"][0])
    with pytest.raises(DataFileError, match="already listed"):
        parse_lexicon(data, file="lexicon.toml")
