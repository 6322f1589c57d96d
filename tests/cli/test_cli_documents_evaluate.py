"""`regiekompas documenten evalueer` on a small labelled file (product.md §7)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from regiekompas.cli.documents_evaluate import evalueer
from regiekompas.cli.main import cli

LABELS = """id,tekst,cc,dc
a1,"De gemeente stelt de kaders vast en controleert de aanbieders.",controle,geen
a2,"Gemeente en aanbieders stellen samen het budget en de doelen vast.",cocreatie,geen
a3,"Alle vragen komen binnen bij één toegang: het sociaal wijkteam doet de intake.",geen,centraal
a4,"Inwoners melden zich bij een aanbieder; de aanbieders stemmen af.",geen,decentraal
a5,"Voor de jeugdhulp is in 2026 een budget van € 6,5 miljoen beschikbaar.",geen,geen
a6,"De inwoner staat centraal in alles wat we doen.",geen,
"""


def test_evalueer_prints_the_figures_and_writes_the_json(tmp_path: Path) -> None:
    labels = tmp_path / "labels.csv"
    labels.write_text(LABELS, encoding="utf-8")
    out = tmp_path / "uit.json"
    result = CliRunner().invoke(
        evalueer, [str(labels), "--json", str(out), "--bootstrap", "50"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    for word in ("cocreatie", "controle", "decentraal", "centraal", "precision", "recall", "F1"):
        assert word in result.output
    assert "terecht niet geplaatst" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) == {"labels", "voorspellingen"}
    assert set(data["labels"]) == {"cc", "dc"}
    assert set(data["labels"]["cc"]["cocreatie"]) >= {"precision", "recall", "f1", "f1_ci"}
    assert [p["id"] for p in data["voorspellingen"]] == ["a1", "a2", "a3", "a4", "a5", "a6"]
    assert all(p["cc"] in {"cocreatie", "controle", "geen"} for p in data["voorspellingen"])
    # a6 has no dc label: five texts count on dc, six on cc
    assert sum(s["n_gold"] for s in data["labels"]["dc"].values()) == 5
    assert sum(s["n_gold"] for s in data["labels"]["cc"].values()) == 6


def test_evalueer_refuses_a_bad_file_with_row_and_column_and_exit_2(tmp_path: Path) -> None:
    labels = tmp_path / "labels.csv"
    labels.write_text("id,tekst,cc,dc\n1,Een zin.,samen,geen\n", encoding="utf-8")
    out = tmp_path / "uit.json"
    result = CliRunner().invoke(evalueer, [str(labels), "--json", str(out)])
    assert result.exit_code == 2
    assert "labels.csv, rij 2, kolom cc" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_evalueer_names_a_missing_file_and_an_unknown_method(tmp_path: Path) -> None:
    result = CliRunner().invoke(evalueer, [str(tmp_path / "weg.csv")])
    assert result.exit_code == 2
    assert "weg.csv" in result.output
    labels = tmp_path / "labels.csv"
    labels.write_text(LABELS, encoding="utf-8")
    result = CliRunner().invoke(evalueer, [str(labels), "--methode", "gokken"])
    assert result.exit_code == 2
    assert "gokken" in result.output


def test_evalueer_is_a_subcommand_of_documenten(tmp_path: Path) -> None:
    labels = tmp_path / "labels.csv"
    labels.write_text(LABELS, encoding="utf-8")
    for method in ("lexicon", "zinmodel"):
        result = CliRunner().invoke(
            cli, ["documenten", "evalueer", str(labels), "--methode", method, "--bootstrap", "20"]
        )
        assert result.exit_code == 0, result.output
        assert f"methode: {method}" in result.output
