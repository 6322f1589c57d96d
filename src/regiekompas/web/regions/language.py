"""The active UI language as the core's texts and import messages know it ("nl" or "en").

Core data files carry their texts in both languages (`Text`), and import messages are
rendered on demand; both take a plain language code, not Django's full locale name.
"""

from __future__ import annotations

from django.utils.translation import get_language

from regiekompas.core.text import Text


def current_lang() -> str:
    return "en" if (get_language() or "nl").lower().startswith("en") else "nl"


def pick(text: Text) -> str:
    """The Dutch or English wording of a core text, following the page's language."""
    return text.get(current_lang())
