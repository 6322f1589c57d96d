"""Reordering the rows of an import file changes no figure, intervals included."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from regiekompas.core.analysis import Settings, analyse
from regiekompas.core.io import read_dataset

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "worked-example"
LINES = (EXAMPLE / "antwoorden.csv").read_text(encoding="utf-8").splitlines()


def _document(lines: list[str], folder: Path) -> dict[str, object]:
    path = folder / "antwoorden.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dataset, _ = read_dataset([path])
    return analyse(dataset, settings=Settings(k=3, bootstrap=200, seed=9))


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_shuffled_answer_rows_give_the_same_document(tmp_path_factory, seed: int) -> None:
    header, *rows = LINES
    shuffled = rows[:]
    random.Random(seed).shuffle(shuffled)
    reference = _document(LINES, tmp_path_factory.mktemp("a"))
    assert _document([header, *shuffled], tmp_path_factory.mktemp("b")) == reference
