"""Upload limits (core/io/limits.py): hostile files are refused before they can hurt."""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from regiekompas.core.io import ImportFailed, read_dataset, read_region_tables
from regiekompas.core.io.limits import WEB, Limits

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import hostile_files


def _write(tmp_path: Path, made: tuple[str, bytes]) -> Path:
    name, content = made
    path = tmp_path / name
    path.write_bytes(content)
    return path


def _codes(path: Path, limits: Limits = WEB) -> list[tuple[str, int | None, str | None, str]]:
    with pytest.raises(ImportFailed) as caught:
        read_dataset([path], limits=limits)
    return [(m.file, m.row, m.column, m.code) for m in caught.value.report.errors]


def test_a_huge_shared_string_is_refused_before_openpyxl_reads_it(tmp_path: Path) -> None:
    path = _write(tmp_path, hostile_files.huge_shared_string(64))
    assert path.stat().st_size < 1024 * 1024  # a small upload ...
    tracemalloc.start()
    try:
        codes = _codes(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Refused for its compression ratio, before anything is unpacked ...
    assert codes == [("gedeelde-tekst.xlsx", None, None, "grens.xlsx_verhouding")]
    assert peak < 20 * 1024 * 1024  # ... so its 64 MB never reach memory
    # ... and for the size of its shared strings when ratios are not judged.
    without_ratio = Limits(xlsx_ratio=None)
    assert _codes(path, without_ratio) == [
        ("gedeelde-tekst.xlsx", None, None, "grens.gedeelde_teksten_groot")
    ]


def test_too_many_shared_strings_are_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, hostile_files.many_shared_strings(2_000))
    codes = _codes(path, Limits(shared_strings=1_000))
    assert codes == [("veel-teksten.xlsx", None, None, "grens.gedeelde_teksten")]


def test_a_zip_bomb_is_refused_by_its_compression_ratio(tmp_path: Path) -> None:
    path = _write(tmp_path, hostile_files.sheet_zip_bomb(20))
    assert _codes(path) == [("zip-bom.xlsx", None, None, "grens.xlsx_verhouding")]


def test_a_workbook_too_big_unpacked_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, hostile_files.sheet_zip_bomb(3))
    codes = _codes(path, Limits(xlsx_unpacked_bytes=2 * 1024 * 1024))
    assert codes == [("zip-bom.xlsx", None, None, "grens.xlsx_uitgepakt")]


def test_an_xml_entity_bomb_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, hostile_files.xml_entity_bomb())
    assert _codes(path) == [("entiteiten.xlsx", None, None, "grens.xlsx_dtd")]


def test_rows_are_counted_while_streaming_and_reading_stops_at_the_limit(
    tmp_path: Path,
) -> None:
    csv_path = _write(tmp_path, hostile_files.csv_many_rows(50))
    xlsx_path = _write(tmp_path, hostile_files.many_rows_xlsx(50))
    limits = Limits(rows=20)
    # CSV: counted while streaming, stopped at the first row beyond the limit.
    assert _codes(csv_path, limits) == [("veel-rijen.csv", 22, None, "grens.rijen")]
    # XLSX: counted from the unpacked bytes before openpyxl parses anything.
    assert _codes(xlsx_path, limits) == [("veel-rijen.xlsx", None, None, "grens.rijen")]


def test_cells_are_counted_before_parsing(tmp_path: Path) -> None:
    xlsx_path = _write(tmp_path, hostile_files.many_rows_xlsx(50))
    assert _codes(xlsx_path, Limits(cells=60)) == [("veel-rijen.xlsx", None, None, "grens.cellen")]


def test_a_million_compressed_rows_are_refused_in_seconds(tmp_path: Path) -> None:
    """The issue's case: 1.1 M rows in a few MB held a worker past gunicorn's 30 s."""
    path = _write(tmp_path, hostile_files.many_rows_xlsx(1_100_000))
    started = time.monotonic()
    codes = _codes(path)
    elapsed = time.monotonic() - started
    # Refused by counting before parsing (or, on a very busy machine, by the time budget).
    assert codes[0][3] in {"grens.rijen", "grens.tijd"}
    assert elapsed < 25


def test_the_time_budget_stops_reading(tmp_path: Path) -> None:
    path = _write(tmp_path, hostile_files.csv_many_rows(5_000))
    codes = _codes(path, Limits(seconds=0.0))
    assert [c[3] for c in codes] == ["grens.tijd"]


def test_a_file_above_the_size_limit_is_not_parsed(tmp_path: Path) -> None:
    path = _write(tmp_path, hostile_files.csv_many_rows(100))
    assert _codes(path, Limits(file_bytes=1000)) == [
        ("veel-rijen.csv", None, None, "grens.bestand")
    ]


def test_a_line_longer_than_the_limit_stops_reading(tmp_path: Path) -> None:
    path = _write(tmp_path, hostile_files.csv_one_long_line(1))
    assert _codes(path) == [("lange-regel.csv", 2, None, "grens.regel")]


def test_nul_characters_are_reported_by_file_row_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, hostile_files.csv_nul())
    with pytest.raises(ImportFailed) as caught:
        read_dataset([path], limits=WEB)
    first = caught.value.report.errors[0]
    assert (first.file, first.row, first.column, first.code) == (
        "nul.csv",
        2,
        "organisatie",
        "cel.nul",
    )
    assert first.text("nl").startswith("nul.csv, rij 2, kolom organisatie: bevat een NUL-teken")
    assert first.text("en").startswith("nul.csv, row 2, column organisatie: contains a NUL")


def test_values_longer_than_their_column_are_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, hostile_files.csv_long_values())
    with pytest.raises(ImportFailed) as caught:
        read_dataset([path])  # also without web limits: the lengths are the data's
    found = {(m.row, m.column, m.code, m.param_dict.get("max")) for m in caught.value.report.errors}
    assert found >= {
        (2, "respondent_id", "cel.te_lang", 64),
        (2, "organisatie", "cel.te_lang", 200),
    }


def test_region_tables_check_nul_and_length_too(tmp_path: Path) -> None:
    for maker, code in (
        (hostile_files.organisaties_long_name, "cel.te_lang"),
        (hostile_files.organisaties_nul, "cel.nul"),
    ):
        path = _write(tmp_path, maker())
        with pytest.raises(ImportFailed) as caught:
            read_region_tables([path], limits=WEB)
        message = caught.value.report.errors[0]
        assert (message.row, message.column, message.code) == (2, "organisatie", code)


@pytest.mark.parametrize("maker", [hostile_files.csv_utf16, hostile_files.csv_cp1252])
def test_wrong_encodings_are_refused_with_the_line(tmp_path: Path, maker: object) -> None:
    path = _write(tmp_path, maker())  # type: ignore[operator]
    codes = _codes(path)
    assert [c[3] for c in codes] == ["bestand.geen_utf8"]


def test_the_command_line_limits_still_read_a_large_file(tmp_path: Path) -> None:
    """`read_dataset` without web limits reads past the web's row limit (national files)."""
    path = _write(tmp_path, hostile_files.csv_many_rows(30))
    with pytest.raises(ImportFailed) as caught:
        read_dataset([path])
    # Every row is read and validated ("gemeente" is no group): nothing stopped early.
    errors = caught.value.report.errors
    assert {m.code for m in errors} == {"cel.groep"}
    assert len(errors) == 30


def test_distinct_respondents_are_bounded(tmp_path: Path) -> None:
    """Each distinct respondent row is remembered; a file of only new ones stops at the limit."""
    lines = [hostile_files.LONG_HEADER] + [
        f"R{i},gemeente_beleid,,GM0153,jeugd,praktijk,cc1,3" for i in range(50)
    ]
    path = tmp_path / "uniek.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _codes(path, Limits(prefixes=20)) == [("uniek.csv", 22, None, "grens.combinaties")]
