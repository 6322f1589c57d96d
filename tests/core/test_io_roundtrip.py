"""Writing and reading back: dataset → long rows → file → the same dataset, in every format."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from regiekompas.core.dataset import Dataset
from regiekompas.core.io import LONG_HEADER, dataset_to_long_rows, read_dataset, write_table

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "worked-example"

_ARRAYS = (
    "respondent_group",
    "obs_respondent",
    "obs_gemeente",
    "obs_transitie",
    "obs_perspectief",
    "axis_answers",
    "gem_respondent",
    "gem_gemeente",
    "gemeente_answers",
)
_LABELS = (
    "respondent_ids",
    "respondent_org",
    "groups",
    "gemeente_codes",
    "transities",
    "axis_items",
    "gemeente_items",
    "perspectieven",
)


def assert_same_dataset(a: Dataset, b: Dataset) -> None:
    for name in _LABELS:
        assert getattr(a.responses, name) == getattr(b.responses, name), name
    for name in _ARRAYS:
        np.testing.assert_array_equal(getattr(a.responses, name), getattr(b.responses, name))
    assert a.gemeenten == b.gemeenten
    assert a.organisaties == b.organisaties
    assert a.contracten == b.contracten
    assert a.mechanismen == b.mechanismen


def test_dataset_to_long_rows_and_back_gives_the_same_dataset(tmp_path: Path) -> None:
    original, _ = read_dataset([EXAMPLE / "antwoorden.csv"])
    rows = list(dataset_to_long_rows(original))
    assert len(rows) == 32 * 12 + 16 * len(original.responses.gemeente_items)
    assert rows[0][:6] == ("R1", "gemeente_beleid", "Org", "GM0766", "jeugd", "ambitie")
    path = tmp_path / "export.csv"
    write_table(path, LONG_HEADER, rows)
    again, _ = read_dataset([path])
    assert_same_dataset(original, again)


def test_semicolons_bom_and_decimal_commas_read_like_commas(tmp_path: Path) -> None:
    lines = (EXAMPLE / "antwoorden.csv").read_text(encoding="utf-8").splitlines()
    comma = tmp_path / "comma"
    dutch = tmp_path / "dutch"
    comma.mkdir()
    dutch.mkdir()
    (comma / "antwoorden.csv").write_text("\n".join(lines), encoding="utf-8")
    (dutch / "antwoorden.csv").write_bytes(
        ("\r\n".join(line.replace(",", ";") for line in lines)).encode("utf-8-sig")
    )
    (comma / "mechanismen.csv").write_text(
        'gemeente_code,naam,type,transities,cc,dc\nGM0766,Tafel,eigen,"jeugd;wmo",0.5,-0.25\n',
        encoding="utf-8",
    )
    (dutch / "mechanismen.csv").write_bytes(
        'gemeente_code;naam;type;transities;cc;dc\r\nGM0766;Tafel;eigen;"jeugd;wmo";0,5;-0,25\r\n'.encode(
            "utf-8-sig"
        )
    )
    a, _ = read_dataset([comma])
    b, _ = read_dataset([dutch])
    assert_same_dataset(a, b)
    assert b.mechanismen is not None
    assert (b.mechanismen[0].cc, b.mechanismen[0].dc) == (0.5, -0.25)


def test_write_table_writes_plain_utf8_with_empty_cells_for_missing(tmp_path: Path) -> None:
    path = tmp_path / "tabel.csv"
    write_table(path, ["naam", "waarde"], [["Coördineren", float("nan")], ["a,b", None], ["x", 3]])
    assert path.read_bytes() == 'naam,waarde\nCoördineren,\n"a,b",\nx,3\n'.encode()
