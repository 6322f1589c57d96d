"""Every section of docs/method.md that the code cites exists, so a reference never dangles."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_cited_section_of_the_method_document_exists() -> None:
    headings = [
        line.lstrip("#").strip()
        for line in (ROOT / "docs" / "method.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    ]
    cited = set()
    for path in (ROOT / "src").rglob("*"):
        if path.suffix in {".py", ".toml"}:
            text = path.read_text(encoding="utf-8")
            cited |= set(re.findall(r'docs/method\.md[ ,(]{0,3}"([^"]+)"', text))
    assert cited, "the code should cite the method document"
    missing = sorted(name for name in cited if not any(name in h for h in headings))
    assert missing == []
