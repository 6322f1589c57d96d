"""Flesch-Douma reading ease of what a respondent reads, instrument v1 against v2 (Dutch).

Flesch-Douma (`core.questionnaire.readability`, docs/questionnaire.md) scores sentence and
word length: 60–70 reads as plain language for most adults (about B1), higher is easier.
The texts are grouped as the questionnaire shows them; each group is scored as one text.
Besides the instrument, the app's own texts a respondent reads are scored from the Dutch
catalogue: the questionnaire pages (start, privacy, buttons, help, review) and the
invitation and reminder mail. They do not depend on the instrument version, so they show
one figure.

    python bench/readability.py            # the table
    python bench/readability.py --worst 15 # also the 15 hardest sentences, to read again
"""

from __future__ import annotations

import argparse
import ast
import re
from pathlib import Path

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


CATALOGUE = (
    Path(__file__).resolve().parents[1] / "src/regiekompas/web/locale/nl/LC_MESSAGES/django.po"
)
#: Catalogue locations whose texts a respondent reads.
APP_GROUPS = {
    "questionnaire pages (app texts)": ("questionnaire/",),
    "invitation and reminder mail": ("invitations/templates/invitations/email/",),
}
_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{\{?\s*\w+\s*\}?\}")
_TAG = re.compile(r"<[^>]+>")


def catalogue_texts(prefixes: tuple[str, ...]) -> list[str]:
    """The Dutch translations of catalogue entries used at `prefixes` (placeholders filled)."""
    texts: list[str] = []
    for block in CATALOGUE.read_text(encoding="utf-8").split("\n\n"):
        lines = block.splitlines()
        where = " ".join(line[3:] for line in lines if line.startswith("#: "))
        if not any(place.startswith(prefixes) for place in where.split()):
            continue
        parts: list[str] = []
        collecting = False
        for line in lines:
            if line.startswith(("msgstr ", "msgstr[0] ")):
                collecting = True
                parts.append(ast.literal_eval(line.split(" ", 1)[1]))
            elif line.startswith('"') and collecting:
                parts.append(ast.literal_eval(line))
            elif collecting:
                break
        text = _TAG.sub(" ", _PLACEHOLDER.sub("Enschede", "".join(parts))).strip()
        if words(text):
            texts.append(_sentence(text))
    return texts


def score(texts: list[str]) -> tuple[float, float, int]:
    joined = " ".join(texts)
    return flesch_douma(joined), words(joined) / max(sentences(joined), 1), words(joined)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worst", type=int, default=0, help="print the N hardest sentences")
    args = parser.parse_args()
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
    app: list[str] = []
    for name, prefixes in APP_GROUPS.items():
        texts = catalogue_texts(prefixes)
        app += texts
        b, wb, _ = score(texts)
        print(f"{name:<46} {'':>11} {b:6.1f} {'':>10} {wb:5.1f}")
    if args.worst:
        pieces = [
            piece.strip()
            for text in [*everything[1], *app]
            for piece in re.split(r"(?<=[.!?:;])\s+", text)
            if words(piece) >= 4
        ]
        ranked = sorted(set(pieces), key=flesch_douma)[: args.worst]
        print(f"\nthe {len(ranked)} hardest sentences (Flesch-Douma per sentence):")
        for piece in ranked:
            print(f"{flesch_douma(piece):7.1f}  {piece}")


if __name__ == "__main__":
    main()
