"""Fuzzed and crafted files never crash a batch: each gets a result or its own clear message."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from document_files import docx, html, odt, zip_bomb
from regiekompas.core.documents.batch import analyse_files, analyse_paths
from regiekompas.core.documents.errors import MESSAGES, DocumentError
from regiekompas.core.documents.extract import MIB, Extracted, Limits, extract
from regiekompas.core.documents.pdfwrite import paginate, write_pdf
from regiekompas.core.documents.text import sentences_of

TEXT = ["De gemeente stelt de kaders vast.", "Er komt één toegang via het wijkteam."] * 20
VALID = {
    "pdf": write_pdf(paginate(TEXT)),
    "docx": docx([TEXT[:10], TEXT[10:]]),
    "odt": odt([TEXT[:10], TEXT[10:]]),
    "html": html(TEXT),
    "txt": "\n".join(TEXT).encode(),
}
SUFFIXES = [".pdf", ".docx", ".odt", ".html", ".txt"]
SMALL = Limits(max_bytes=2 * MIB, max_unpacked_bytes=MIB, max_pages=50, max_chars=200_000)


def _read_or_message(data: bytes, name: str) -> Extracted | DocumentError:
    try:
        result = extract(data, name, SMALL)
    except DocumentError as error:
        failure = error
    else:
        # Whatever was read must also survive the sentence splitter.
        sentences_of(result.pages)
        return result
    assert failure.code in MESSAGES
    assert failure.text("nl")
    assert failure.text("en")
    return failure


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_under_any_name_read_or_get_a_message(data: bytes, suffix: str) -> None:
    _read_or_message(data, f"bestand{suffix}")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(sorted(VALID)),
    cut=st.floats(0.0, 1.0),
    flips=st.lists(st.tuples(st.floats(0.0, 0.999), st.integers(0, 255)), max_size=8),
)
def test_truncated_and_corrupted_files_read_or_get_a_message(
    kind: str, cut: float, flips: list[tuple[float, int]]
) -> None:
    data = bytearray(VALID[kind][: max(1, int(len(VALID[kind]) * cut))])
    for where, value in flips:
        data[int(where * len(data))] = value
    _read_or_message(bytes(data), f"document.{kind}")


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=2000))
def test_any_text_splits_into_sentences(text: str) -> None:
    result = _read_or_message(text.encode("utf-8"), "notitie.txt")
    if isinstance(result, Extracted):
        for sentence in sentences_of(result.pages):
            assert sentence.text.strip()
            assert len(sentence.text) <= 601


def test_a_batch_of_crafted_bad_files_gives_one_message_each(tmp_path: Path) -> None:
    crafted = {
        "afgebroken.pdf": VALID["pdf"][: len(VALID["pdf"]) // 2],
        "ruis.pdf": bytes(range(256)) * 8,
        "ruis.docx": b"PK\x03\x04" + bytes(range(256)),
        "ruis.odt": bytes(reversed(range(256))) * 4,
        "bom.docx": zip_bomb("word/document.xml", unpacked_mib=70),
        "beveiligd.pdf": write_pdf([["geheim"]], encrypted=True),
        "scan.pdf": write_pdf([[], []], image_only=True),
        "leeg.txt": b"",
        "leeg.html": b"<html><body><script>x</script></body></html>",
        "groot.txt": b"woord " * (9 * MIB),  # 54 MiB > the 50 MiB limit
    }
    for name, data in crafted.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "goed.pdf").write_bytes(VALID["pdf"])
    document, failures = analyse_paths([tmp_path], workers=1)
    assert [Path(row["bestand"]).name for row in document["documenten"]] == ["goed.pdf"]
    codes = {Path(f.bestand).name: f.code for f in failures}
    assert codes == {
        "afgebroken.pdf": "malformed",
        "ruis.pdf": "malformed",
        "ruis.docx": "malformed",
        "ruis.odt": "malformed",
        "bom.docx": "zip_bomb",
        "beveiligd.pdf": "encrypted",
        "scan.pdf": "scanned",
        "leeg.txt": "empty",
        "leeg.html": "empty",
        "groot.txt": "too_large",
    }
    assert all(f["reden"] for f in document["fouten"])


# --- whole batches of fuzzed files in memory (what an upload goes through) -----------------

NAMES = st.sampled_from(
    ["plan.pdf", "visie.docx", "nota.odt", "pagina.html", "tekst.txt", "bestand", "x.PDF"]
)


@st.composite
def fuzzed_file(draw: st.DrawFn) -> tuple[str, bytes]:
    if draw(st.booleans()):
        data = draw(st.binary(max_size=2048))
    else:
        valid = VALID[draw(st.sampled_from(sorted(VALID)))]
        cut = draw(st.integers(1, len(valid)))
        mutated = bytearray(valid[:cut])
        for where, value in draw(
            st.lists(st.tuples(st.integers(0), st.integers(0, 255)), max_size=6)
        ):
            mutated[where % len(mutated)] = value
        data = bytes(mutated)
    return draw(NAMES), data


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.lists(fuzzed_file(), min_size=1, max_size=4))
def test_a_batch_of_fuzzed_files_never_crashes_and_names_every_bad_file(
    files: list[tuple[str, bytes]],
) -> None:
    batch = [*files, ("GM0153_goed.pdf", VALID["pdf"])]
    named = [(f"{i}_{name}", data) for i, (name, data) in enumerate(batch)]
    document, failures = analyse_files(named, limits=SMALL)
    placed = [row["bestand"] for row in document["documenten"]]
    failed = [row["bestand"] for row in document["fouten"]]
    # every file is either placed or listed once with its reason, in both languages
    assert sorted(placed + failed) == sorted(name for name, _ in named)
    assert f"{len(batch) - 1}_GM0153_goed.pdf" in placed
    for failure in failures:
        assert failure.code in MESSAGES
        assert failure.text("nl")
        assert failure.text("en")
    assert all(row["reden"] for row in document["fouten"])
    assert [g["gemeente_code"] for g in document["gemeenten"]] == ["GM0153"]


def test_files_in_memory_are_placed_as_the_same_files_on_disk(tmp_path: Path) -> None:
    files = [("GM0153_visie.pdf", VALID["pdf"]), ("GM0153_nota.docx", VALID["docx"])]
    for name, data in files:
        (tmp_path / name).write_bytes(data)
    on_disk, _ = analyse_paths([tmp_path / name for name, _ in files])
    in_memory, failures = analyse_files(files)
    assert not failures
    for row in on_disk["documenten"]:
        row["bestand"] = Path(row["bestand"]).name
    assert in_memory["documenten"] == on_disk["documenten"]
    assert in_memory["gemeenten"][0]["bestanden"] == ["GM0153_visie.pdf", "GM0153_nota.docx"]
    assert in_memory["gemeenten"][0]["zinnen"] == on_disk["gemeenten"][0]["zinnen"]
