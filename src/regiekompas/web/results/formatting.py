"""Numbers and names the way the reader's language writes them.

Dutch pages show 0,31 (decimal comma), English pages 0.31 — through Django's localisation,
so the thousands and decimal conventions are the framework's, not ours. Texts from the
model (quadrant, group, condition and transitie names) come in both languages and are
picked by the active language.
"""

from __future__ import annotations

import math

from django.utils import formats, translation
from django.utils.translation import gettext as _

from regiekompas.core.model import Model, load_model
from regiekompas.core.vocabulary import GRENS, QUADRANTS

#: Shown where a figure is missing (no data, or not computable).
MISSING = "—"


def current_lang() -> str:
    """'en' or 'nl' (the default), from the active Django language."""
    language = translation.get_language() or "nl"
    return "en" if language.lower().startswith("en") else "nl"


def number(value: float | int | None, digits: int = 2) -> str:
    """A figure rounded to `digits` decimals in the active language; `—` when missing."""
    if value is None or isinstance(value, bool):
        return MISSING
    value = float(value)
    if not math.isfinite(value):
        return MISSING
    rounded = round(value, digits)
    if rounded == 0:
        rounded = 0.0  # never "-0,00"
    return formats.number_format(rounded, decimal_pos=digits, use_l10n=True)


def percent(share: float | None) -> str:
    """A share 0 … 1 as a whole percentage."""
    if share is None or not math.isfinite(share):
        return MISSING
    return f"{number(share * 100, 0)}%"


def interval(bounds: list[float | None] | tuple[float | None, float | None] | None) -> str:
    """A 95 % interval as "low to high"."""
    if not bounds or len(bounds) != 2 or bounds[0] is None or bounds[1] is None:
        return MISSING
    return _("%(low)s to %(high)s") % {"low": number(bounds[0]), "high": number(bounds[1])}


def quadrant_name(code: str | None, model: Model | None = None, lang: str | None = None) -> str:
    """The name of a quadrant code, "on the border" for `grens`, `—` for none."""
    if not code:
        return MISSING
    if code == GRENS:
        return _("on the border")
    if code in QUADRANTS:
        model = model or load_model()
        return model.quadrant(code).name.get(lang or current_lang())
    return code


def group_name(code: str, model: Model | None = None, lang: str | None = None) -> str:
    model = model or load_model()
    if code in model.group_codes:
        return model.group(code).name.get(lang or current_lang())
    return code


def transitie_name(code: str, model: Model | None = None, lang: str | None = None) -> str:
    model = model or load_model()
    if code in model.transitie_codes:
        return model.transitie(code).name.get(lang or current_lang())
    return code


def condition_name(code: str, model: Model | None = None, lang: str | None = None) -> str:
    model = model or load_model()
    try:
        return model.condition(code).name.get(lang or current_lang())
    except KeyError:
        return code
