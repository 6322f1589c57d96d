"""`regiekompas analyse` on a national scan: one screen per section by default, everything per
gemeente with `--details`, and every figure printed is the document's own."""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

import pytest
from rich.console import Console

from regiekompas.cli.summary import LABELS, SECTION_LINES, render
from regiekompas.core.advice import Advice
from regiekompas.core.analysis import Settings
from regiekompas.core.model import load_model
from regiekompas.core.pipeline import analyse_with_advice
from regiekompas.core.simulate import SimulationParams, simulate_region
from regiekompas.core.vocabulary import CONDITIONS, QUADRANTS

MODEL = load_model()
SECTIONS = ("counts_title", "picture_title", "gap_title", "confusion_title", "advice_title")

Scan = tuple[dict[str, Any], list[Advice], Mapping[str, str]]


@pytest.fixture(scope="module")
def national() -> Scan:
    region = simulate_region(SimulationParams(gemeenten=342, respondenten=20, seed=1))
    settings = Settings(k=3, bootstrap=20)
    document, advice = analyse_with_advice(region.dataset, settings=settings)
    return document, advice, region.dataset.naam_of()


def printed(scan: Scan, *, width: int = 80, details: bool = False, lang: str = "nl") -> str:
    document, advice, names = scan
    console = Console(file=io.StringIO(), width=width, color_system=None)
    render(document, advice, MODEL, names, lang, console, details=details)
    out = console.file.getvalue()
    assert isinstance(out, str)
    return out


def sections(text: str, lang: str = "nl") -> dict[str, list[str]]:
    """The lines under each section title (up to the next title or the end of the summary)."""
    titles = {LABELS[key][lang == "en"]: key for key in SECTIONS}
    out: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        title = next((t for t in titles if line.startswith(t + " ─")), None)
        if title is not None:
            current = titles[title]
            out[current] = []
        elif current is not None:
            if line.startswith(LABELS["details_hint"][lang == "en"][:20]):
                break
            out[current].append(line)
    return out


@pytest.mark.parametrize("width", [80, 120])
def test_every_default_section_fits_one_screen_at_342_gemeenten(national: Scan, width: int) -> None:
    text = printed(national, width=width)
    found = sections(text)
    assert set(found) == set(SECTIONS)
    for key, lines in found.items():
        assert 1 <= len(lines) <= SECTION_LINES, (key, len(lines))
    assert len(text.splitlines()) <= len(SECTIONS) * SECTION_LINES
    assert "-0,00" not in text


def test_the_counts_and_the_quadrant_picture_are_the_documents(national: Scan) -> None:
    document, advice, _ = national
    found = sections(printed(national))
    counts = " ".join(found["counts_title"])
    assert "342 gemeenten" in counts
    assert f"{len(document['cellen'])} cellen" in counts
    assert f"{len(advice)} adviezen" in counts
    picture = found["picture_title"]
    header = next(line for line in picture if "Afspreken" in line)
    assert [q for q in QUADRANTS if q in header] == list(QUADRANTS)
    transitie = None
    checked = 0
    for line in picture:
        match = re.match(r"^(\S.*?)?\s*(ambitie|praktijk)\s+([\d\s]+)$", line)
        if not match:
            continue
        transitie = match.group(1).strip() if match.group(1) else transitie
        code = next(t.code for t in MODEL.transities if t.name.nl == transitie)
        cells = [
            c
            for c in document["cellen"]
            if (c["transitie"], c["perspectief"]) == (code, match.group(2))
        ]
        tally = Counter(c["kwadrant"] for c in cells)
        expected = [tally[q] for q in (*QUADRANTS, "grens")]
        expected.append(sum(1 for c in cells if not c["helder"]))
        assert [int(x) for x in match.group(3).split()] == expected
        checked += 1
    assert checked == 8


def test_the_largest_gaps_and_confusion_are_the_documents_largest_with_bands(
    national: Scan,
) -> None:
    document, _, names = national
    found = sections(printed(national))
    top = max(document["kloof"], key=lambda g: g["waarde"])
    band = "hoog" if top["waarde"] >= 0.25 else "midden" if top["waarde"] >= 0.10 else "laag"
    first = next(line for line in found["gap_title"] if "(" in line)
    assert first.startswith(names[top["gemeente_code"]])
    assert f"{top['waarde']:.2f} ({band})".replace(".", ",") in first
    van, naar = (MODEL.quadrant(top[k]).name.nl for k in ("van", "naar"))
    assert f"{van} → {naar}" in first
    values = [
        float(m.group(1).replace(",", "."))
        for line in found["gap_title"]
        if (m := re.search(r"(\d,\d\d) \((?:laag|midden|hoog)\)", line))
    ]
    assert len(values) == 10
    assert values == sorted(values, reverse=True)
    worst = max(
        (s for s in document["spraakverwarring"] if s["waarde"] is not None),
        key=lambda s: s["waarde"],
    )
    confusion = " ".join(found["confusion_title"])
    assert confusion.split()[0] == f"{worst['waarde']:.2f}".replace(".", ",")
    first_pair = confusion.split("↔")[0]
    assert names[worst["gemeente_code"]] in first_pair
    assert MODEL.group(worst["groepen"][0]).name.nl.split()[0] in confusion


def test_the_most_urgent_advice_is_printed_with_its_first_step(national: Scan) -> None:
    _, advice, _ = national
    block = " ".join(" ".join(sections(printed(national))["advice_title"]).split())
    first = min(advice, key=lambda a: a.prioriteit)
    assert " ".join(first.tekst.nl.split()) in block
    assert " ".join(first.eerste_stap.nl.split()) in block
    assert "Eerste stap:" in block
    assert f"{len(advice) - block.count('Eerste stap:')} adviezen meer" in block


def test_details_add_every_gemeente_with_all_its_advice_and_its_lowest_condition(
    national: Scan,
) -> None:
    document, advice, names = national
    text = printed(national, details=True)
    default = printed(national)
    assert text.startswith(default.split(LABELS["details_hint"][0])[0])
    blocks = re.split(r"\n(?=\S.* \(GM\d{4}\)\n─)", text)
    per_gemeente = {re.search(r"\((GM\d{4})\)", b).group(1): b for b in blocks[1:]}  # type: ignore[union-attr]
    assert set(per_gemeente) == set(names)
    for code, block in list(per_gemeente.items())[:40]:
        flat = " ".join(block.split())
        assert flat.startswith(f"{names[code]} ({code})")
        mine = [a for a in advice if a.gemeente_code == code]
        assert flat.count("Eerste stap:") == len(mine)
        for item in mine:
            assert " ".join(item.tekst.nl.split()) in flat
        scores = {
            r["conditie"]: r["score"]
            for r in document["condities"]
            if r["gemeente_code"] == code and r["groep"] is None
        }
        lowest = min(scores, key=lambda c: (scores[c], CONDITIONS.index(c)))
        assert f"Laagste conditiescore: {MODEL.condition(lowest).name.nl}" in flat
    assert "-0,00" not in text


def test_english_on_request(national: Scan) -> None:
    text = printed(national, lang="en")
    assert set(sections(text, "en")) == set(SECTIONS)
    assert "First step:" in text
    assert "Eerste stap" not in text
