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
    "report_choose": (
        "Kies één rapport: --gemeente CODE of --regio.",
        "Choose one report: --gemeente CODE or --regio.",
    ),
    "report_unknown_gemeente": (
        "Gemeente {gemeente} komt niet voor in de antwoorden; wel: {known}.",
        "Gemeente {gemeente} is not in the answers; these are: {known}.",
    ),
    "report_region": ("De regio", "The region"),
    "report_source": (
        "Berekend uit de importbestanden {files}, niet uit een gepubliceerde momentopname.",
        "Computed from the import files {files}, not from a published snapshot.",
    ),
    "report_rendering": ("Rapport opmaken…", "Laying out the report…"),
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
    "web_demo_setup": (
        "Demo wordt klaargezet in {folder} …",
        "Setting up the demo in {folder} …",
    ),
    "web_demo_login": ("Inloggen als facilitator: {url}", "Log in as facilitator: {url}"),
    "web_demo_user": ("  gebruikersnaam: {user}", "  username: {user}"),
    "web_demo_password": ("  wachtwoord: {password}", "  password: {password}"),
    "web_demo_password_kept": (
        "  wachtwoord: ongewijzigd sinds de eerste start (zet REGIEKOMPAS_DEMO_PASSWORD om het"
        " te vervangen)",
        "  password: unchanged since the first run (set REGIEKOMPAS_DEMO_PASSWORD to replace it)",
    ),
    "web_demo_respondent": (
        "Voorbeeldlink van een respondent: {url}",
        "Example respondent link: {url}",
    ),
    "web_demo_stop": ("Stoppen met Ctrl+C.", "Stop with Ctrl+C."),
    "demo_intro": (
        "Demo: een gesimuleerde scan van de regio Twente (14 gemeenten, vier transities).",
        "Demo: a simulated scan of the Twente region (14 gemeenten, four transities).",
    ),
    "trend_title": ("Verandering tussen twee rondes", "Change between two rounds"),
    "no_changes": ("Geen gemeenschappelijke cellen gevonden.", "No cells in common."),
    "trend_caption": (
        "{sure} van {total} veranderingen met interval zijn zeker (95 %-interval zonder 0); "
        "hier de {shown} grootste, zekere eerst. Alles staat in --json.",
        "{sure} of {total} changes with an interval are certain (95 % interval excludes 0); "
        "shown: the {shown} largest, certain ones first. Everything is in --json.",
    ),
    "trend_headers": (
        "Maat|Waar|Oud|Nieuw|Verschil|Interval|Zeker",
        "Measure|Where|Old|New|Change|Interval|Certain",
    ),
    "trend_sure": ("✓ zeker", "✓ certain"),
    "trend_usage": (
        "Geef twee rondes: --oud PAD… --nieuw PAD… (importbestanden of mappen), "
        "of twee JSON-analyses (oud nieuw).",
        "Give two rounds: --oud PATH… --nieuw PATH… (import files or folders), "
        "or two JSON analyses (old new).",
    ),
}


def message(key: str, lang: str = "nl", **values: Any) -> str:
    nl, en = MESSAGES[key]
    return (en if lang == "en" else nl).format(**values)
