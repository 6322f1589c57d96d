"""What an import reports: one message per problem, and the report of a rejected import.

A message keeps its code and parameters rather than a rendered sentence, so the web app, the
CLI and tests can show it in Dutch or English, and tests can check the code without depending
on the wording.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from regiekompas.core.io.texts import MESSAGES

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Ref:
    """Another place in the import files that a message points to (e.g. the earlier row)."""

    file: str
    sheet: str | None = None
    row: int | None = None


@dataclass(frozen=True)
class Term:
    """A word that itself depends on the language, such as the name of a kind of file."""

    code: str


Param = str | int | float | Ref | Term


def _count(singular: str, plural: str, n: int, lang: str) -> str:
    return MESSAGES[singular].get(lang) if n == 1 else MESSAGES[plural].format(lang, n=n)


def file_label(file: str, sheet: str | None, lang: str) -> str:
    if sheet is None:
        return file
    return MESSAGES["plaats.blad"].format(lang, bestand=file, blad=sheet)


@dataclass(frozen=True)
class ImportMessage:
    """One problem in the import files, at a row and column as a spreadsheet numbers them.

    `row` 1 is the header row; `file` is the file's base name and `sheet` the worksheet of an
    XLSX file (None for CSV and for problems with the file as a whole).
    """

    file: str
    row: int | None
    column: str | None
    code: str
    params: tuple[tuple[str, Param], ...] = ()
    severity: Severity = "error"
    sheet: str | None = None

    @property
    def param_dict(self) -> Mapping[str, Param]:
        return dict(self.params)

    def location(self, lang: str = "nl") -> str:
        parts = []
        if self.file:
            parts.append(file_label(self.file, self.sheet, lang))
        if self.row is not None:
            parts.append(MESSAGES["plaats.rij"].format(lang, rij=self.row))
        if self.column is not None:
            parts.append(MESSAGES["plaats.kolom"].format(lang, kolom=self.column))
        return ", ".join(parts)

    def reason(self, lang: str = "nl") -> str:
        values = {key: self._render(value, lang) for key, value in self.params}
        return MESSAGES[self.code].format(lang, **values)

    def text(self, lang: str = "nl") -> str:
        where = self.location(lang)
        return f"{where}: {self.reason(lang)}" if where else self.reason(lang)

    def _render(self, value: Param, lang: str) -> str:
        if isinstance(value, Term):
            return MESSAGES[value.code].get(lang)
        if not isinstance(value, Ref):
            return str(value)
        # A reference into the same table needs only its row; elsewhere the file is named too.
        same = value.file == self.file and value.sheet == self.sheet
        parts = (
            [] if same and value.row is not None else [file_label(value.file, value.sheet, lang)]
        )
        if value.row is not None:
            parts.append(MESSAGES["plaats.rij"].format(lang, rij=value.row))
        return ", ".join(parts)


@dataclass(frozen=True)
class ImportReport:
    """Everything found in one import; `total_*` count also the messages beyond the cap."""

    errors: tuple[ImportMessage, ...]
    warnings: tuple[ImportMessage, ...] = ()
    total_errors: int | None = None
    total_warnings: int | None = None
    files_with_errors: int | None = None
    max_kept: int = 10_000

    @property
    def error_count(self) -> int:
        return len(self.errors) if self.total_errors is None else self.total_errors

    @property
    def warning_count(self) -> int:
        return len(self.warnings) if self.total_warnings is None else self.total_warnings

    def heading(self, lang: str = "nl") -> str:
        n_errors = self.error_count
        if n_errors == 0:
            head = MESSAGES["kop.geen_fouten"].get(lang)
        else:
            files = self.files_with_errors
            if files is None:
                files = len({m.file for m in self.errors if m.file})
            errors = _count("telling.fout", "telling.fouten", n_errors, lang)
            if files:
                head = MESSAGES["kop.fouten"].format(
                    lang,
                    fouten=errors,
                    bestanden=_count("telling.bestand", "telling.bestanden", files, lang),
                )
            else:
                head = MESSAGES["kop.fouten_zonder_bestand"].format(lang, fouten=errors)
        if self.warning_count:
            counted = _count(
                "telling.waarschuwing", "telling.waarschuwingen", self.warning_count, lang
            )
            head += " " + MESSAGES["kop.waarschuwingen"].format(lang, waarschuwingen=counted)
        return head

    def text(self, lang: str = "nl") -> str:
        lines = [self.heading(lang)]
        lines.extend(message.text(lang) for message in self.errors)
        if self.error_count > len(self.errors):
            lines.append(
                MESSAGES["afgekapt.fouten"].format(
                    lang, n=self.error_count - len(self.errors), max=self.max_kept
                )
            )
        lines.extend(message.text(lang) for message in self.warnings)
        if self.warning_count > len(self.warnings):
            lines.append(
                MESSAGES["afgekapt.waarschuwingen"].format(
                    lang, n=self.warning_count - len(self.warnings), max=self.max_kept
                )
            )
        return "\n".join(lines)


class ImportFailed(Exception):
    """The import files were rejected as a whole; `report` lists every problem found."""

    def __init__(self, report: ImportReport, lang: str = "nl") -> None:
        self.report = report
        self.lang = lang
        super().__init__(report.text(lang))

    def __str__(self) -> str:
        return self.report.text(self.lang)
