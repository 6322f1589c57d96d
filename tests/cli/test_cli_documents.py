"""`regiekompas documenten` as a user meets it: a folder of policy documents in, placement out."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest

from document_files import docx
from regiekompas.cli.documents import documenten, register
from regiekompas.cli.main import main
from regiekompas.core.documents.pdfwrite import paginate, write_pdf

STUREN = [
    "Visie op het sociaal domein",
    "De gemeente stelt de kaders vast en controleert de naleving door aanbieders.",
    "Er komt één toegang via een generalistisch wijkteam.",
    "Wij willen sturen op resultaten en aanbieders leggen verantwoording af.",
    "Medewerkers van aanbieders worden gedetacheerd in het wijkteam.",
    "De regio koopt centraal in via de centrumgemeente.",
]
AFSPREKEN = [
    "Samen met aanbieders en zorgverzekeraar stellen we de kaders vast.",
    "Aanbieders blijven zelfstandig en maken onderling afspraken over de zorg.",
    "Wij kiezen voor gelijkwaardig partnerschap en horizontale verantwoording.",
    "Elke aanbieder houdt een eigen intake; aanbieders stemmen onderling af.",
]


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("REGIEKOMPAS_LANG", raising=False)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "GM0153").mkdir()
    (tmp_path / "GM0153" / "visie.pdf").write_bytes(write_pdf(paginate(STUREN * 10)))
    (tmp_path / "GM0164_nota.docx").write_bytes(docx([AFSPREKEN * 3, AFSPREKEN * 2]))
    return tmp_path


def test_it_places_a_folder_and_writes_the_section_7_json(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "uit.json"
    # The quadrants below are the lexicon's; the zinmodel misses "gelijkwaardig partnerschap"
    # (not in the development set), see docs/documents-evaluation.md, "Limits".
    args = ["documenten", str(folder), "--json", str(out), "--workers", "1"]
    assert main([*args, "--methode", "lexicon"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) == {"documenten", "gemeenten", "fouten", "meta"}
    by_code = {row["gemeente_code"]: row for row in data["gemeenten"]}
    assert by_code["GM0153"]["kwadrant"] == "Sturen"
    assert by_code["GM0164"]["kwadrant"] == "Afspreken"
    nota = next(row for row in data["documenten"] if row["bestand"].endswith(".docx"))
    assert nota["paginas"] == 2
    assert {e["pagina"] for e in nota["bewijs"]} <= {1, 2}
    printed = capsys.readouterr().out
    assert "GM0153" in printed
    assert "Sturen" in printed
    assert "Sterkste zinnen — GM0164" in printed
    assert "Samen met aanbieders en zorgverzekeraar" in printed


def test_gemeente_option_overrides_the_file_names(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "uit.json"
    args = [
        "documenten",
        str(folder),
        "--gemeente",
        "gm0200",
        "--json",
        str(out),
        "--stil",
        "--workers",
        "1",
    ]
    assert main(args) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [row["gemeente_code"] for row in data["gemeenten"]] == ["GM0200"]
    assert capsys.readouterr().out == ""


def test_bad_files_are_listed_the_rest_is_placed_and_the_exit_is_2(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "kapot.pdf").write_bytes(b"%PDF-1.7 afgebroken")
    (folder / "scan.pdf").write_bytes(write_pdf([[]], image_only=True))
    out = tmp_path / "uit.json"
    assert main(["documenten", str(folder), "--json", str(out), "--workers", "2"]) == 2
    captured = capsys.readouterr()
    assert "kapot.pdf: het bestand is beschadigd of geen geldig PDF-bestand" in captured.err
    assert "scan.pdf: geen tekstlaag gevonden" in captured.err
    assert "2 van de 4 bestanden zijn niet verwerkt" in captured.err
    assert "Traceback" not in captured.err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["documenten"]) == 2
    assert {Path(f["bestand"]).name for f in data["fouten"]} == {"kapot.pdf", "scan.pdf"}


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (["--gemeente", "Hengelo"], "Ongeldige gemeentecode"),
        (["--workers", "0"], "--workers moet minstens 1 zijn"),
        (["--methode", "raden"], "Onbekende methode"),
    ],
)
def test_bad_options_end_with_a_message_and_exit_2(
    folder: Path, args: list[str], text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["documenten", str(folder), *args]) == 2
    assert text in capsys.readouterr().err


def test_an_empty_folder_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["documenten", str(tmp_path)]) == 2
    assert "Geen documenten gevonden" in capsys.readouterr().err


def test_it_speaks_english_on_request(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["documenten", str(folder / "GM0153"), "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert "Strongest sentences — GM0153" in printed
    assert "control:" in printed


def test_subcommands_can_be_registered_next_to_the_default(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    @click.command(name="proef")
    def proef() -> None:
        click.echo("proef gedraaid")

    register(proef)
    try:
        assert main(["documenten", "proef"]) == 0
        assert "proef gedraaid" in capsys.readouterr().out
        capsys.readouterr()
        assert main(["documenten", "--help"]) == 0
        help_text = capsys.readouterr().out
        assert "--gemeente" in help_text  # the placement's options ...
        assert "proef" in help_text  # ... and the other subcommands
        # a path as first argument still places documents
        assert main(["documenten", str(folder / "GM0153"), "--stil"]) == 0
    finally:
        documenten.commands.pop("proef")
