"""Reading the values people type into spreadsheet cells.

Numbers may carry a decimal comma (Dutch Excel), a Unicode minus, or come out of Excel as
"4.0"; anything else that merely looks numeric to Python (``"nan"``, ``"1_000"``, Arabic-Indic
digits) is refused, because it is never what a respondent meant.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final

_NUMBER: Final = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?", re.ASCII)
_GEMEENTE: Final = re.compile(r"GM\d{4}", re.ASCII)


@dataclass(frozen=True)
class Invalid:
    """Why a cell's text is not an acceptable value: a message code and its parameters."""

    code: str
    params: tuple[tuple[str, str | int], ...] = ()


def parse_number(text: str) -> float | None:
    """The number in `text` (already trimmed), or None when it is not a plain number."""
    text = text.replace("\u2212", "-")
    if not _NUMBER.fullmatch(text):
        return None
    value = float(text.replace(",", "."))
    return value if math.isfinite(value) else None


def parse_answer(text: str) -> float | Invalid:
    """An answer as a whole number; empty text is "weet niet" (NaN)."""
    if not text:
        return math.nan
    value = parse_number(text)
    if value is None:
        return Invalid("cel.geen_getal", (("waarde", text),))
    if not value.is_integer():
        return Invalid("cel.geen_geheel_getal", (("waarde", text),))
    return value


def gemeente_code(text: str) -> str | None:
    """The CBS code in canonical form ("gm0153" → "GM0153"), or None when it is not one."""
    code = text.upper()
    return code if _GEMEENTE.fullmatch(code) else None
