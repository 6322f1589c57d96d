"""The `regiekompas` command as a user meets it: files in, summary and files out."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from regiekompas.cli.main import main
from regiekompas.core.model import load_model
from regiekompas.core.results.tables import tables as result_tables

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "worked-example"
SECTION_10_KEYS = {
    "cellen", "groepen", "kloof", "spraakverwarring", "regio", "condities", "spaghetti",
    "versnippering", "aanbieders", "advies", "meta",
    # wave 2
    "rationaliteiten", "spraakverwarring_rationaliteiten", "afspraken", "obstakels",
    "kwadranten", "onderdrukt",
    # §13: the targets, empty without a doelen file, and the verbeteragenda (recorded in the
    # web app; always empty from the command line)
    "doelen", "agenda",
}  # fmt: skip


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    monkeypatch.delenv("REGIEKOMPAS_LANG", raising=False)


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("twente")
    assert main(["simulate", str(out), "--gemeenten", "4", "--respondenten", "30"]) == 0
    return out


def test_simulate_writes_the_import_files(region: Path) -> None:
    names = sorted(p.name for p in region.iterdir())
    assert names == [
        "antwoorden.csv", "contracten.csv", "gemeenten.csv", "mechanismen.csv", "organisaties.csv",
    ]  # fmt: skip
    header = (region / "antwoorden.csv").read_text(encoding="utf-8").splitlines()[0]
    assert (
        header
        == "respondent_id,groep,organisatie,gemeente_code,transitie,perspectief,item,antwoord"
    )


def test_analyse_prints_a_summary_and_writes_json_and_xlsx(
    region: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_json, out_xlsx = tmp_path / "uit.json", tmp_path / "uit.xlsx"
    code = main(["analyse", str(region), "--json", str(out_json), "--xlsx", str(out_xlsx),
                 "--bootstrap", "200", "--details"])  # fmt: skip
    printed = capsys.readouterr().out
    assert code == 0
    assert "Almelo (GM0141)" in printed
    assert "Laagste conditiescore" in printed
    assert "Versnippering voor aanbieders" in printed
    document = json.loads(out_json.read_text(encoding="utf-8"))
    assert set(document) == SECTION_10_KEYS
    assert document["meta"]["bootstrap"] == 200
    assert {c["kwadrant"] for c in document["cellen"]} <= {
        "Afspreken", "Afstemmen", "Coördineren", "Sturen", "grens",
    }  # fmt: skip
    for cell in document["cellen"]:
        assert cell["cc"] == round(cell["cc"], 4)
        assert len(cell["cc_ci"]) == 2
    assert document["spaghetti"]
    assert document["aanbieders"]
    assert document["advies"]
    sheets = load_workbook(out_xlsx, read_only=True).sheetnames
    # The "lees mij" sheet comes first, then a sheet per table of the registry (Excel allows
    # 31 characters in a sheet name), then meta and the bands.
    assert sheets == ["lees_mij", *(t.sheet for t in result_tables()), "meta", "banden"]
    assert all(len(name) <= 31 for name in sheets)


def test_analyse_speaks_english_on_request(
    region: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyse", str(region), "--bootstrap", "50", "--lang", "en", "--details"]) == 0
    printed = capsys.readouterr().out
    assert "Lowest condition score" in printed
    assert "Laagste conditiescore" not in printed


def test_bad_input_gives_the_error_report_exit_2_and_writes_nothing(
    region: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    lines = (region / "antwoorden.csv").read_text(encoding="utf-8").splitlines()
    fields = lines[16].split(",")
    fields[-1] = "7"
    lines[16] = ",".join(fields)
    (bad / "antwoorden.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out_json = tmp_path / "uit.json"
    assert main(["analyse", str(bad), "--json", str(out_json)]) == 2
    err = capsys.readouterr().err
    assert "antwoorden.csv, rij 17, kolom antwoord: 7 ligt buiten 1–5" in err
    assert "Traceback" not in err
    assert not out_json.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["analyse", "/does/not/exist"],
        ["analyse", "{example}", "--k", "2"],
        ["analyse", "{example}", "--bootstrap", "0"],
        ["simulate", "{tmp}/x", "--gemeenten", "400"],
        ["trend", "{example}", "{example}"],
        ["trend", "--oud", "{example}"],
        ["analyse", "{example}", "--doelen", "/does/not/exist.csv"],
    ],
)
def test_bad_arguments_end_with_a_message_and_exit_2(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = str(EXAMPLE / "antwoorden.csv")
    argv = [a.format(example=example, tmp=tmp_path) for a in args]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert captured.err.strip()


def test_a_group_below_k_appears_in_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The worked example with its two zorgverzekeraar respondents relabelled as inkoop:
    # a group of 2, left out at k = 3 everywhere (JSON, XLSX, terminal).
    text = (EXAMPLE / "antwoorden.csv").read_text(encoding="utf-8")
    (tmp_path / "antwoorden.csv").write_text(
        text.replace(",zorgverzekeraar,", ",gemeente_inkoop,"), encoding="utf-8"
    )
    out_json, out_xlsx = tmp_path / "uit.json", tmp_path / "uit.xlsx"
    argv = ["analyse", str(tmp_path / "antwoorden.csv"), "--k", "3", "--bootstrap", "100",
            "--json", str(out_json), "--xlsx", str(out_xlsx)]  # fmt: skip
    assert main(argv) == 0
    printed = capsys.readouterr().out
    name = load_model().group("gemeente_inkoop").name.get("nl")
    assert "gemeente_inkoop" not in out_json.read_text(encoding="utf-8")
    book = load_workbook(out_xlsx, read_only=True)
    cells = [str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row]
    assert not any("gemeente_inkoop" in v or name in v for v in cells)
    assert name not in printed
    assert "gemeente_inkoop" not in printed
    # ... while the groups that passed are named.
    assert "wijkteam" in out_json.read_text(encoding="utf-8")


def test_demo_shows_twente(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--terminal", "--bootstrap", "100", "--details"]) == 0
    printed = capsys.readouterr().out
    for gemeente in ("Enschede (GM0153)", "Hengelo (O.) (GM0164)", "Tubbergen (GM0183)"):
        assert gemeente in printed
    assert "Regio Twente" in printed


def test_trend_compares_two_json_analyses_without_intervals(
    region: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = tmp_path / "later"
    assert main(["simulate", str(later), "--gemeenten", "4", "--respondenten", "30",
                 "--seed", "7"]) == 0  # fmt: skip
    first, second, changes = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "t.json"
    for source, target in ((region, first), (later, second)):
        assert main(["analyse", str(source), "--json", str(target), "--bootstrap", "50",
                     "--stil"]) == 0  # fmt: skip
    assert main(["trend", str(first), str(second), "--json", str(changes)]) == 0
    assert "Verandering tussen twee rondes" in capsys.readouterr().out
    rows = json.loads(changes.read_text(encoding="utf-8"))["trend"]
    old = {"|".join((c["gemeente_code"], c["transitie"], c["perspectief"])): c["cc"]
           for c in json.loads(first.read_text(encoding="utf-8"))["cellen"]}  # fmt: skip
    new = {"|".join((c["gemeente_code"], c["transitie"], c["perspectief"])): c["cc"]
           for c in json.loads(second.read_text(encoding="utf-8"))["cellen"]}  # fmt: skip
    compared = 0
    for row in rows:
        if row["maat"] == "cellen.cc" and row["sleutel"] in old and row["sleutel"] in new:
            assert row["verschil"] == pytest.approx(new[row["sleutel"]] - old[row["sleutel"]],
                                                    abs=1e-4)  # fmt: skip
            assert row["ci"] is None  # a JSON analysis carries no replicates
            compared += 1
    assert compared >= 16


def test_trend_reads_two_rounds_with_intervals_names_and_doelen(
    region: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = tmp_path / "later"
    assert main(["simulate", str(later), "--gemeenten", "4", "--respondenten", "30",
                 "--seed", "8"]) == 0  # fmt: skip
    doelen = tmp_path / "doelen.csv"
    doelen.write_text("gemeente_code,transitie,kwadrant,toelichting\n"
                      "GM0153,jeugd,Afstemmen,samen\n", encoding="utf-8")  # fmt: skip
    out = tmp_path / "t.json"
    capsys.readouterr()
    assert main(["trend", "--oud", str(region), "--nieuw", str(later), "--doelen", str(doelen),
                 "--bootstrap", "100", "--json", str(out)]) == 0  # fmt: skip
    printed = capsys.readouterr().out
    assert "Enschede" in printed
    assert "zeker" in printed
    assert "-0,00" not in printed
    document = json.loads(out.read_text(encoding="utf-8"))
    rows = document["trend"]
    assert set(rows[0]) == {"maat", "sleutel", "oud", "nieuw", "verschil", "ci", "zeker"}
    cc = [r for r in rows if r["maat"] == "cellen.cc" and r["verschil"] is not None]
    assert cc
    for row in cc:
        low, high = row["ci"]
        assert row["zeker"] == (low > 0 or high < 0)
    (doel,) = document["doelen"]
    assert (doel["cc"], doel["dc"], doel["kwadrant"]) == (0.5, -0.5, "Afstemmen")
    assert doel["afstand_ci"][0] <= doel["afstand"] <= doel["afstand_ci"][1]


def test_a_bad_doelen_file_stops_analyse_with_file_row_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doelen = tmp_path / "doelen.csv"
    doelen.write_text("gemeente_code,transitie,cc,dc\nGM0766,jeugd,0.2,abc\n", encoding="utf-8")
    out = tmp_path / "r.json"
    argv = ["analyse", str(EXAMPLE), "--doelen", str(doelen), "--json", str(out), "--stil"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "doelen.csv, rij 2, kolom dc" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_analyse_with_doelen_adds_doelen_rows(tmp_path: Path) -> None:
    doelen = tmp_path / "doelen.xlsx"

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["gemeente_code", "transitie", "cc", "dc", "toelichting"])
    sheet.append(["GM0766", "jeugd", -0.25, 0.5, "gekozen in de werksessie"])
    book.save(doelen)
    out = tmp_path / "r.json"
    assert main(["analyse", str(EXAMPLE), "--k", "3", "--bootstrap", "50", "--doelen",
                 str(doelen), "--json", str(out), "--stil"]) == 0  # fmt: skip
    document = json.loads(out.read_text(encoding="utf-8"))
    cell = next(c for c in document["cellen"]
                if (c["gemeente_code"], c["transitie"], c["perspectief"])
                == ("GM0766", "jeugd", "praktijk"))  # fmt: skip
    (row,) = document["doelen"]
    expected = math.hypot(cell["cc"] + 0.25, cell["dc"] - 0.5) / (2 * math.sqrt(2))
    assert row["afstand"] == pytest.approx(expected, abs=2e-4)
    assert row["kwadrant"] == "Coördineren"


def test_a_long_list_of_warnings_is_cut_short_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "antwoorden.csv").write_bytes((EXAMPLE / "antwoorden.csv").read_bytes())
    rows = [f"GM0766,Overleg {i},onbekend soort overleg {i},jeugd,," for i in range(14)]
    (tmp_path / "mechanismen.csv").write_text(
        "gemeente_code,naam,type,transities,cc,dc\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    assert main(["analyse", str(tmp_path), "--k", "3", "--bootstrap", "50", "--stil"]) == 0
    err = capsys.readouterr().err
    assert err.count("niet geplaatst") == 10
    assert "… en nog 4 waarschuwingen." in err


def test_simulate_takes_transities_noise_and_bias(tmp_path: Path) -> None:
    out = tmp_path / "klein"
    argv = ["simulate", str(out), "--gemeenten", "2", "--respondenten", "10",
            "--transities", "jeugd,wmo", "--ruis", "0.1", "--bias", "0"]  # fmt: skip
    assert main(argv) == 0
    lines = (out / "antwoorden.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert {line.split(",")[4] for line in lines} == {"jeugd", "wmo", ""}


def test_analyse_writes_one_csv_per_measure(region: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    assert main(["analyse", str(region), "--csv", str(out), "--bootstrap", "50", "--stil"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert "cellen.csv" in names
    assert "advies.csv" in names
    assert len(names) == 18
    header = (out / "cellen.csv").read_text(encoding="utf-8").splitlines()[0]
    # Every code column is followed by its name.
    assert header.startswith(
        "gemeente_code,gemeente,transitie,transitie_naam,perspectief,n,cc,dc,cc_ci_laag"
    )
