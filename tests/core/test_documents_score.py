"""Document and gemeente scores: the §7 formula by hand, the bootstrap, the signal rule."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from regiekompas.core.documents.batch import (
    Job,
    analyse_paths,
    collect,
    gemeente_from_path,
    process,
    run,
    valid_gemeente_code,
)
from regiekompas.core.documents.classify import load_method_settings
from regiekompas.core.documents.pdfwrite import paginate, write_pdf
from regiekompas.core.documents.score import (
    DocumentPlacement,
    Placed,
    bootstrap_ci,
    document_row,
    gemeente_rows,
    weighted_score,
)
from regiekompas.core.measures.bootstrap import stream_for

DOC_KEYS = {
    "bestand",
    "gemeente_code",
    "paginas",
    "zinnen",
    "cc",
    "dc",
    "cc_ci",
    "dc_ci",
    "cc_signaal",
    "dc_signaal",
    "kwadrant",
    "bewijs",
}
EVIDENCE_KEYS = {"as", "pool", "zin", "pagina", "gewicht"}


def _placed(axis: str, poles: list[int], weights: list[float], file: str = "a") -> list[Placed]:
    return [
        Placed(axis, pole, weight, f"zin {axis} {i}", 1 + i // 10, i, file)
        for i, (pole, weight) in enumerate(zip(poles, weights, strict=True))
    ]


def test_the_score_is_the_weighted_mean_of_sentence_poles() -> None:
    # (2·1 + 1·1 + 1·(−1)) / (2 + 1 + 1) = 0.5
    assert weighted_score(np.array([1.0, 1.0, -1.0]), np.array([2.0, 1.0, 1.0])) == 0.5


def test_the_bootstrap_matches_a_plain_loop_with_the_same_draws() -> None:
    poles = np.array([1.0, -1.0, 1.0, 1.0, -1.0, 1.0, 1.0])
    weights = np.array([1.0, 0.5, 2.0, 1.0, 1.5, 0.5, 1.0])
    low, high = bootstrap_ci(poles, weights, replicates=400, seed=7, key="k")
    rng = stream_for(7, "k")
    draws = rng.integers(0, len(poles), size=(400, len(poles)))
    scores = sorted(
        sum(poles[j] * weights[j] for j in row) / sum(weights[j] for j in row) for row in draws
    )

    # numpy's default percentile is linear interpolation between order statistics
    def percentile(q: float) -> float:
        position = q / 100 * (len(scores) - 1)
        below = int(position)
        return scores[below] + (scores[min(below + 1, 399)] - scores[below]) * (position - below)

    assert low == pytest.approx(percentile(2.5))
    assert high == pytest.approx(percentile(97.5))


def test_the_bootstrap_is_seeded_and_per_key() -> None:
    poles = np.array([1.0, -1.0, 1.0, 1.0, -1.0, 1.0, 1.0, 1.0, -1.0, 1.0] * 3)
    weights = np.linspace(0.5, 2.0, 30)
    first = bootstrap_ci(poles, weights, replicates=200, seed=1, key="a")
    assert first == bootstrap_ci(poles, weights, replicates=200, seed=1, key="a")
    assert first != bootstrap_ci(poles, weights, replicates=200, seed=1, key="b")


def test_the_interval_covers_the_truth_about_95_percent_of_the_time() -> None:
    rng = np.random.default_rng(3)
    hits = 0
    trials = 200
    for trial in range(trials):
        poles = np.where(rng.random(80) < 0.7, 1.0, -1.0)  # true score 0.4
        low, high = bootstrap_ci(poles, np.ones(80), replicates=300, seed=trial, key="x")
        hits += low <= 0.4 <= high
    assert 0.88 <= hits / trials <= 0.99


def test_a_document_row_has_the_keys_of_product_md_section_7() -> None:
    settings = load_method_settings()
    placed = _placed("cc", [1] * 12, [1.0] * 12) + _placed("dc", [-1] * 10 + [1], [1.0] * 11)
    row = document_row(DocumentPlacement("a.pdf", "GM0153", 3, 40, tuple(placed)), settings)
    assert set(row) == DOC_KEYS
    assert row["cc"] == 1.0
    assert row["dc"] == pytest.approx(-9 / 11, abs=1e-4)
    assert row["cc_signaal"] == row["dc_signaal"] == "voldoende"
    assert row["kwadrant"] == "Afstemmen"  # controle + decentraal
    assert all(set(e) == EVIDENCE_KEYS for e in row["bewijs"])
    centraal = [e for e in row["bewijs"] if e["pool"] == "centraal"]
    assert len(centraal) == 1
    assert len([e for e in row["bewijs"] if e["pool"] == "decentraal"]) == 3


def test_thin_evidence_is_te_weinig_never_a_position() -> None:
    settings = load_method_settings()
    few = _placed("cc", [1] * (settings.min_sentences - 1), [1.0] * (settings.min_sentences - 1))
    row = document_row(DocumentPlacement("a.pdf", None, 1, 9, tuple(few)), settings)
    assert row["cc_signaal"] == "te_weinig"
    assert row["dc"] is None
    assert row["dc_ci"] is None
    assert row["dc_signaal"] == "te_weinig"
    assert row["kwadrant"] == "te_weinig"


def test_a_wide_interval_is_te_weinig_even_with_many_sentences() -> None:
    settings = replace(load_method_settings(), max_ci_width=0.5)
    mixed = _placed("cc", [1, -1] * 10, [1.0] * 20) + _placed("dc", [1] * 20, [1.0] * 20)
    row = document_row(DocumentPlacement("a.pdf", None, 1, 40, tuple(mixed)), settings)
    assert row["cc_ci"][1] - row["cc_ci"][0] > 0.5
    assert row["cc_signaal"] == "te_weinig"
    assert row["dc_signaal"] == "voldoende"


def test_exactly_zero_is_op_de_grens() -> None:
    settings = replace(load_method_settings(), max_ci_width=2.0)
    even = _placed("cc", [1, -1] * 10, [1.0] * 20) + _placed("dc", [1] * 20, [1.0] * 20)
    row = document_row(DocumentPlacement("a.pdf", None, 1, 40, tuple(even)), settings)
    assert row["cc"] == 0.0
    assert row["kwadrant"] == "grens"


def test_a_gemeente_pools_the_sentences_of_its_documents() -> None:
    settings = load_method_settings()
    one = DocumentPlacement(
        "a.pdf", "GM0153", 2, 20, tuple(_placed("cc", [1] * 6, [1.0] * 6, "a.pdf"))
    )
    two = DocumentPlacement(
        "b.pdf", "GM0153", 3, 30, tuple(_placed("cc", [-1] * 2, [1.0] * 2, "b.pdf"))
    )
    other = DocumentPlacement("c.pdf", None, 1, 5, ())
    rows = gemeente_rows([one, two, other], settings)
    assert len(rows) == 1
    row = rows[0]
    assert row["gemeente_code"] == "GM0153"
    assert row["bestanden"] == ["a.pdf", "b.pdf"]
    assert (row["paginas"], row["zinnen"]) == (5, 50)
    assert row["cc"] == pytest.approx((6 - 2) / 8)
    assert {e["bestand"] for e in row["bewijs"]} == {"a.pdf", "b.pdf"}


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("docs/GM0153_beleidsplan.pdf", "GM0153"),
        ("docs/gm0164/visie.docx", "GM0164"),
        ("GM0153/sub/GM0164-nota.pdf", "GM0164"),
        ("docs/plan-2026.pdf", None),
        ("docs/XGM01534.pdf", None),
    ],
)
def test_the_gemeente_comes_from_the_file_or_nearest_folder_name(
    path: str, code: str | None
) -> None:
    assert gemeente_from_path(Path(path)) == code


def test_gemeente_codes_are_normalised_or_refused() -> None:
    assert valid_gemeente_code("gm0153") == "GM0153"
    assert valid_gemeente_code("0153") is None
    assert valid_gemeente_code("GM153") is None


POLICY = [
    "Visie op het sociaal domein",
    "De gemeente stelt de kaders vast en controleert de naleving door aanbieders.",
    "Er komt één toegang via een generalistisch wijkteam.",
    "Wij willen sturen op resultaten en aanbieders leggen verantwoording af.",
    "Medewerkers van aanbieders worden gedetacheerd in het wijkteam.",
    "De regio koopt centraal in via de centrumgemeente.",
    "De inwoner staat centraal.",
]


def test_a_folder_is_read_recursively_and_bad_files_are_listed(tmp_path: Path) -> None:
    (tmp_path / "GM0153").mkdir()
    (tmp_path / "GM0153" / "visie.pdf").write_bytes(write_pdf(paginate(POLICY * 8)))
    (tmp_path / "GM0153" / "scan.pdf").write_bytes(write_pdf([[]], image_only=True))
    (tmp_path / "GM0153" / "begroting.xlsx").write_bytes(b"PK\x03\x04")  # skipped in a folder
    document, failures = analyse_paths([tmp_path, tmp_path / "ontbreekt.pdf"])
    assert [Path(row["bestand"]).name for row in document["documenten"]] == ["visie.pdf"]
    row = document["documenten"][0]
    assert row["gemeente_code"] == "GM0153"
    assert row["kwadrant"] == "Sturen"
    assert {f.code for f in failures} == {"scanned", "not_found"}
    assert {f["code"] for f in document["fouten"]} == {"scanned", "not_found"}
    assert document["gemeenten"][0]["gemeente_code"] == "GM0153"
    assert document["meta"]["methode"] == load_method_settings().default


def test_an_explicit_unsupported_file_is_a_failure(tmp_path: Path) -> None:
    sheet = tmp_path / "begroting.xlsx"
    sheet.write_bytes(b"data")
    files, failures = collect([sheet])
    assert files == []
    assert [f.code for f in failures] == ["unsupported"]


def test_parallel_workers_give_the_same_result_as_one(tmp_path: Path) -> None:
    paths = []
    for i in range(3):
        path = tmp_path / f"GM015{i}_plan.pdf"
        path.write_bytes(write_pdf(paginate(POLICY[i:] * 5)))
        paths.append(path)
    (tmp_path / "kapot.pdf").write_bytes(b"%PDF-1.4 kapot")
    jobs = [Job(path, None) for path in [*paths, tmp_path / "kapot.pdf"]]
    serial = run(jobs, workers=1)
    parallel = run(jobs, workers=2)
    assert serial == parallel
    assert process(jobs[-1]).code == "malformed"  # type: ignore[union-attr]
