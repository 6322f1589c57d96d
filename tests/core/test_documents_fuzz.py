"""Fuzzed and crafted files never crash a batch: each gets a result or its own clear message."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from document_files import docx, html, odt, zip_bomb
from regiekompas.core.documents.batch import analyse_paths
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
