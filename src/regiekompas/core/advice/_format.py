"""Figures and lists written the way a reader in each language expects them.

Advice is read by Dutch policy advisers first: 0,31 rather than 0.31, "42%" for shares and
whole numbers for condition scores (a score of 57,3 suggests a precision the survey lacks).
The kind of each figure is fixed in the scope catalogue, so a rules file cannot format a
share as a bare fraction by mistake.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

#: How a figure is shown; see `format_value`.
KINDS: Final[frozenset[str]] = frozenset(
    {"getal", "verschil", "procent", "score", "aantal", "bool", "tekst"}
)


def _decimal(text: str, lang: str) -> str:
    return text.replace(".", ",") if lang != "en" else text


def _no_negative_zero(value: float, digits: int) -> float:
    """-0.001 rounds to -0.00; print it as 0,00 rather than suggest a sign that is not there."""
    rounded = round(value, digits)
    return 0.0 if rounded == 0 else rounded


def format_value(value: float | bool | str, kind: str, lang: str) -> str:
    """One figure as text: `getal` 0,31; `verschil` +0,31; `procent` 42%; `score` 57."""
    if kind == "bool" or isinstance(value, bool):
        yes = bool(value)
        if lang == "en":
            return "yes" if yes else "no"
        return "ja" if yes else "nee"
    if isinstance(value, str):
        return value
    if kind == "verschil":
        return _decimal(f"{_no_negative_zero(value, 2):+.2f}", lang)
    if kind == "procent":
        return f"{_no_negative_zero(value * 100, 0):.0f}%"
    if kind in ("score", "aantal"):
        return f"{_no_negative_zero(value, 0):.0f}"
    return _decimal(f"{_no_negative_zero(value, 2):.2f}", lang)


def format_threshold(value: float, lang: str) -> str:
    """A threshold as the expert typed it: 65 stays 65, 0.667 becomes 0,667."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return _decimal(text, lang)


def format_banded(value: float, kind: str, lang: str, band: Callable[[float], object]) -> str:
    """A figure whose band word stands next to it: never rounded across a band's cut-off.

    0.2497 has band `midden`; written as 0,25 next to "midden" it would contradict the
    cut-off (hoog from 0,25). Such a value gets one more decimal until the written number
    lies in the same band: 0,250 would still cross, 0,2497 does not.
    """
    digits = 0 if kind in ("score", "aantal") else 2
    text = format_value(value, kind, lang)
    while digits < 4 and band(round(value, digits)) != band(value):
        digits += 1
        text = _decimal(f"{_no_negative_zero(value, digits):.{digits}f}", lang)
    return text
