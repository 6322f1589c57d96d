"""The `instrument` table: the version of the questionnaire the answers were given with
(docs/questionnaire.md, "Instrument version in exports")."""

from __future__ import annotations

from pathlib import Path

import pytest

from regiekompas.core.analysis import Settings, analyse
from regiekompas.core.io import ImportFailed, read_dataset

ANSWERS = "respondent_id,groep,organisatie,gemeente_code,transitie,perspectief,item,antwoord\n" + (
    "".join(
        f"R{r},gemeente_beleid,,GM0153,jeugd,{p},{item},{1 + (r + i) % 5}\n"
        for r in range(6)
        for p in ("ambitie", "praktijk")
        for i, item in enumerate([f"cc{j}" for j in range(1, 7)] + [f"dc{j}" for j in range(1, 7)])
    )
)


def _files(tmp_path: Path, instrument: str | None) -> Path:
    (tmp_path / "antwoorden.csv").write_text(ANSWERS, encoding="utf-8")
    if instrument is not None:
        (tmp_path / "instrument.csv").write_text(instrument, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("text", "version"), [(None, "1"), ("instrument\n2\n", "2")])
def test_the_analysis_reports_the_version_the_files_name(
    tmp_path: Path, text: str | None, version: str
) -> None:
    dataset, _ = read_dataset([_files(tmp_path, text)])

    document = analyse(dataset, settings=Settings(k=5, bootstrap=20, seed=0))

    assert document["meta"]["instrument"] == version


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("instrument\n7\n", "instrument.csv, row 2, column instrument: '7' is not a version"),
        ("instrument\n\n", None),
        ("instrument\n1\n2\n", "instrument.csv, row 3, column instrument: version 2 differs"),
    ],
)
def test_a_bad_instrument_table_is_refused_with_its_place(
    tmp_path: Path, text: str, expected: str | None
) -> None:
    if expected is None:  # an empty row is skipped, as in every table: no version given
        dataset, _ = read_dataset([_files(tmp_path, text)])
        assert dataset.instrument is None
        return
    with pytest.raises(ImportFailed) as failed:
        read_dataset([_files(tmp_path, text)])
    assert expected in failed.value.report.text("en")
