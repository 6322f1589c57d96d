"""Flesch-Douma reading ease of what a respondent reads, instrument v1 against v2 (Dutch).

Flesch-Douma (`core.questionnaire.readability`, docs/questionnaire.md) scores sentence and
word length: 60–70 reads as plain language for most adults (about B1), higher is easier.
The texts are grouped as the questionnaire shows them; each group is scored as one text.

    python bench/readability.py
"""

from __future__ import annotations

from regiekompas.core.instrument import Instrument, load_instrument
from regiekompas.core.questionnaire import flesch_douma
from regiekompas.core.questionnaire.readability import sentences
from regiekompas.core.questionnaire.timing import words

FILL = {"gemeente": "Enschede", "transitie": "jeugd"}


def _sentence(text: str) -> str:
    """Short items (obstacles, answers) read as one sentence each."""
    text = text.strip()
    return text if text.endswith((".", "?", "!", ":")) else text + "."


def groups(instrument: Instrument) -> dict[str, list[str]]:
    t = instrument.texts
    axis: list[str] = []
    for item in instrument.axis_items:
        question = item.statement or item.question("praktijk")
        axis += [question.format("nl", **FILL), item.pole_1.get("nl"), item.pole_5.get("nl")]
    return {
        "introductions": [
            t.intro.get("nl"),
            t.ambitie.format("nl", **FILL),
            t.praktijk.format("nl", **FILL),
            t.conditions.format("nl", **FILL),
            t.agreements.format("nl", **FILL),
            t.obstacles.format("nl", **FILL),
            t.open_questions.get("nl"),
            *([t.axis_intro.get("nl")] if t.axis_intro else []),
        ],
        "axis statements and their two descriptions": axis,
        "condition statements": [i.text.format("nl", **FILL) for i in instrument.likert_items],
        "agreements and obstacles": [
            _sentence(i.text.format("nl", **FILL))
            for i in (*instrument.agreements, *instrument.obstacles)
        ],
        "glossary explanations": [g.explanation.get("nl") for g in instrument.glossary],
    }


def score(texts: list[str]) -> tuple[float, float, int]:
    joined = " ".join(texts)
    return flesch_douma(joined), words(joined) / max(sentences(joined), 1), words(joined)


def main() -> None:
    v1, v2 = groups(load_instrument("1")), groups(load_instrument("2"))
    print(f"{'respondent texts (Dutch)':<46} {'Flesch-Douma':>19} {'words/sentence':>17}")
    print(f"{'':<46} {'v1 → v2':>19} {'v1 → v2':>17}")
    print("-" * 84)
    everything: tuple[list[str], list[str]] = ([], [])
    for name in v2:
        old, new = v1.get(name, []), v2[name]
        everything[0].extend(old)
        everything[1].extend(new)
        if old:
            a, wa, _ = score(old)
            first = f"{a:6.1f} →"
            first_w = f"{wa:5.1f} →"
        else:
            first, first_w = "     – →", "    – →"
        b, wb, _ = score(new)
        print(f"{name:<46} {first:>11} {b:6.1f} {first_w:>10} {wb:5.1f}")
    a, wa, _ = score(everything[0])
    b, wb, _ = score(everything[1])
    print(f"{'all of the above':<46} {a:6.1f} → {b:6.1f} {wa:5.1f} → {wb:5.1f}")


if __name__ == "__main__":
    main()
