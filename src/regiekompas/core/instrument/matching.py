"""The one normalisation used both to match typed mechanism names and to reject ambiguous aliases.

Import files are typed by hand in Excel: "Sociaal-Wijkteam", "sociaal wijkteam " and
"geintegreerde eerste lijn" all mean a catalogue entry. Using the same key at load time
guarantees that every alias the catalogue accepts points to exactly one type.
"""

from __future__ import annotations

import unicodedata


def match_key(text: str) -> str:
    """Lower-case letters and digits only, diacritics removed ("Geïntegreerde" → "geintegreerde").

    Separators are dropped rather than unified, so "wijk team", "wijk-team" and "wijkteam"
    coincide too.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(
        ch for ch in decomposed.casefold() if ch.isalnum() and not unicodedata.combining(ch)
    )
