"""The Dutch catalogue of the web app: complete, compiled and in use.

Dutch is the default language while every source text is English, so an entry that is
missing, fuzzy or not compiled shows up as English on a Dutch page. These tests catch that
before a user does: the catalogue must cover every text in the code and templates (as
`make messages` would find them), every entry must be translated with the same
placeholders, and the committed `.mo` must hold exactly what the `.po` says.
"""

from __future__ import annotations

import ast
import gettext
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import World, make_respondent
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

import regiekompas.web

WEB = Path(regiekompas.web.__file__).resolve().parent
PO = WEB / "locale" / "nl" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
GETTEXT_TOOLS = ("xgettext", "msgmerge", "msguniq", "msgattrib")

# %(name)s, %d, %% … as Python formats them, and {name} as str.format does.
_PLACEHOLDER = re.compile(r"%(?:\([A-Za-z_]\w*\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]|\{\w*\}")


@dataclass
class Entry:
    """One message of a .po file."""

    msgid: str
    context: str | None = None
    plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def key(self) -> tuple[str | None, str, str | None]:
        return (self.context, self.msgid, self.plural)


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file, header (msgid "") included; obsolete (#~) ones skipped.

    A small reader instead of a dependency: it knows comments, flags, msgctxt, msgid,
    msgid_plural, msgstr, msgstr[n] and continuation lines, which is all gettext writes.
    """
    entries: list[Entry] = []
    flags: set[str] = set()
    current: Entry | None = None
    target: tuple[str, int] = ("", 0)
    context: str | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#"):
            if line.startswith("#,"):
                flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        keyword, _, rest = line.partition(" ")
        if keyword.startswith('"'):
            text = ast.literal_eval(line)
            if target[0] == "msgctxt":
                context = (context or "") + text
            elif current is not None and target[0] == "msgid":
                current.msgid += text
            elif current is not None and target[0] == "msgid_plural":
                current.plural = (current.plural or "") + text
            elif current is not None:
                current.msgstr[target[1]] += text
            continue
        text = ast.literal_eval(rest)
        if keyword == "msgctxt":
            context, target = text, ("msgctxt", 0)
        elif keyword == "msgid":
            current = Entry(msgid=text, context=context, flags=flags, line=number)
            entries.append(current)
            flags, context, target = set(), None, ("msgid", 0)
        elif keyword == "msgid_plural" and current is not None:
            current.plural, target = text, ("msgid_plural", 0)
        elif keyword.startswith("msgstr") and current is not None:
            index = int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0
            current.msgstr[index], target = text, ("msgstr", index)
        else:
            raise ValueError(f"{path}:{number}: cannot read {raw!r}")
    return entries


def _messages(path: Path) -> list[Entry]:
    return [entry for entry in read_po(path) if entry.msgid]


def _placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


# --- the catalogue itself -------------------------------------------------------------------


def test_the_catalogue_header_is_not_fuzzy_and_declares_dutch_plurals() -> None:
    header = read_po(PO)[0]
    assert header.msgid == ""
    assert "fuzzy" not in header.flags  # msgfmt would drop the header, and with it the charset
    assert "Language: nl\n" in header.msgstr[0]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header.msgstr[0]


def test_every_entry_is_translated_and_none_is_fuzzy() -> None:
    entries = _messages(PO)
    assert len(entries) > 100
    fuzzy = [f"line {e.line}: {e.msgid}" for e in entries if "fuzzy" in e.flags]
    empty = [
        f"line {e.line}: {e.msgid}"
        for e in entries
        if not all(e.msgstr.get(i) for i in ((0, 1) if e.plural is not None else (0,)))
    ]
    assert fuzzy == [], "fuzzy entries; check and translate them"
    assert empty == [], "untranslated entries"


def test_every_translation_keeps_the_placeholders_of_its_source() -> None:
    wrong = []
    for e in _messages(PO):
        if e.plural is None:
            if _placeholders(e.msgstr[0]) != _placeholders(e.msgid):
                wrong.append(f"line {e.line}: {e.msgid!r} -> {e.msgstr[0]!r}")
            continue
        # The plural keeps every placeholder; the singular may spell out "één" instead.
        if _placeholders(e.msgstr[1]) != _placeholders(e.plural):
            wrong.append(f"line {e.line}: {e.plural!r} -> {e.msgstr[1]!r}")
        if not set(_placeholders(e.msgstr[0])) <= set(_placeholders(e.plural)):
            wrong.append(f"line {e.line}: {e.msgid!r} -> {e.msgstr[0]!r}")
    # "95% interval" in a Python string is not a format; its Dutch "95%-interval" is fine.
    wrong = [w for w in wrong if "95% interval" not in w]
    assert wrong == []


def test_the_compiled_catalogue_matches_the_po_file() -> None:
    with MO.open("rb") as handle:
        compiled = dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]
    compiled.pop("", None)  # the header
    expected: dict[object, str] = {}
    for e in _messages(PO):
        msgid = e.msgid if e.context is None else f"{e.context}\x04{e.msgid}"
        if e.plural is None:
            expected[msgid] = e.msgstr[0]
        else:
            for index, text in e.msgstr.items():
                expected[(msgid, index)] = text
    assert compiled == expected, "django.mo is out of date: run `make messages`"


def _copy_sources(target: Path) -> None:
    """The web package's translatable files and its catalogue, without static files."""
    shutil.copytree(
        WEB,
        target,
        ignore=shutil.ignore_patterns("static", "__pycache__", "*.mo", "*.sqlite3*"),
    )


def test_the_catalogue_holds_every_text_of_the_code_and_templates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing_tools = [tool for tool in GETTEXT_TOOLS if shutil.which(tool) is None]
    if missing_tools:
        if os.environ.get("CI"):
            pytest.fail(f"GNU gettext is required in CI; missing: {', '.join(missing_tools)}")
        pytest.skip(f"GNU gettext is not installed (missing {', '.join(missing_tools)})")
    copy = tmp_path / "web"
    _copy_sources(copy)
    monkeypatch.chdir(copy)
    with override_settings(LOCALE_PATHS=[copy / "locale"]):
        call_command(
            "makemessages", locale=["nl"], no_obsolete=True, add_location="file", verbosity=0
        )
    fresh = {e.key for e in _messages(copy / "locale" / "nl" / "LC_MESSAGES" / "django.po")}
    committed = {e.key for e in _messages(PO)}
    assert sorted(fresh - committed, key=str) == [], "new texts: run `make messages`, translate"
    assert sorted(committed - fresh, key=str) == [], "texts no longer used: run `make messages`"


# --- the catalogue in use -------------------------------------------------------------------


def test_a_page_is_dutch_when_the_browser_names_no_language(client: Client) -> None:
    page = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="nl"' in page
    assert "Wachtwoord vergeten?" in page
    assert "Direct naar de inhoud" in page


def test_a_page_is_english_when_the_browser_asks_for_english(client: Client) -> None:
    page = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en"' in page
    assert "Forgot your password?" in page
    assert "Wachtwoord vergeten?" not in page


def test_a_respondent_reads_the_questionnaire_start_in_dutch(client: Client, world: World) -> None:
    page = client.get(reverse("questionnaire:start", args=[world.token_a])).content.decode()
    assert '<html lang="nl"' in page
    assert "Uw privacy" in page


def test_an_invitation_mail_sent_from_a_dutch_page_is_dutch(client: Client, world: World) -> None:
    make_respondent(world.scan_a, "R002", email="anna@example.nl")
    client.force_login(world.facilitator_a)
    client.post(reverse("invitations:send", args=[world.scan_a.pk]))
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("Uitnodiging: Regiekompas-scan")
    assert "Uw persoonlijke link:" in mail.outbox[0].body
