"""The command's own texts in Dutch (default) and English."""

from __future__ import annotations

from typing import Any, Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "simulated": (
        "{gemeenten} gemeenten en {respondenten} respondenten gesimuleerd; geschreven naar {dir}:",
        "Simulated {gemeenten} gemeenten and {respondenten} respondents; written to {dir}:",
    ),
    "reading": ("Bestanden lezen…", "Reading files…"),
    "bootstrap": ("Betrouwbaarheidsintervallen (bootstrap)", "Confidence intervals (bootstrap)"),
    "simulating": ("Regio simuleren…", "Simulating the region…"),
    "import_failed": ("De invoer is niet ingelezen.", "The input was not read."),
    "warnings": ("Waarschuwingen:", "Warnings:"),
    "more_warnings": (
        "… en nog {count} waarschuwingen.",
        "… and {count} more warnings.",
    ),
    "written": ("Geschreven: {path}", "Written: {path}"),
    "cannot_write": (
        "Kan niet schrijven naar {path}: {reason}",
        "Cannot write to {path}: {reason}",
    ),
    "bad_value": ("Ongeldige waarde: {reason}", "Invalid value: {reason}"),
    "internal_error": (
        "Er ging iets mis dat niet aan uw invoer ligt: {reason}. "
        "Zet REGIEKOMPAS_DEBUG=1 voor details en meld het als fout.",
        "Something went wrong that is not caused by your input: {reason}. "
        "Set REGIEKOMPAS_DEBUG=1 for details and report it as a bug.",
    ),
    "demo_intro": (
        "Demo: een gesimuleerde scan van de regio Twente (14 gemeenten, vier transities).",
        "Demo: a simulated scan of the Twente region (14 gemeenten, four transities).",
    ),
    "trend_title": ("Verandering tussen twee rondes", "Change between two rounds"),
    "no_changes": ("Geen gemeenschappelijke cellen gevonden.", "No cells in common."),
}


def message(key: str, lang: str = "nl", **values: Any) -> str:
    nl, en = MESSAGES[key]
    return (en if lang == "en" else nl).format(**values)
