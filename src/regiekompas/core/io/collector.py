"""Gathering every problem of an import before deciding to accept or reject it.

A national file with a systematic mistake can produce millions of errors; the collector keeps
the first `max_kept` of each severity and only counts the rest, so a wrong file cannot
exhaust memory, while the report still says how many there were.
"""

from __future__ import annotations

from dataclasses import dataclass

from regiekompas.core.io.messages import ImportMessage, ImportReport, Param, Ref, Severity

MAX_KEPT = 10_000


@dataclass(frozen=True)
class Source:
    """One table being read: a CSV file or one sheet of an XLSX file.

    `order` sorts messages in the order the files were given, whatever order they are
    validated in.
    """

    file: str
    sheet: str | None
    order: tuple[int, int]

    def ref(self, row: int | None = None) -> Ref:
        return Ref(self.file, self.sheet, row)


GLOBAL = Source("", None, (-1, -1))


class Collector:
    def __init__(self, max_kept: int = MAX_KEPT) -> None:
        self.max_kept = max_kept
        self._kept: dict[Severity, list[tuple[tuple[int, int, int, int], ImportMessage]]] = {
            "error": [],
            "warning": [],
        }
        self.counts: dict[Severity, int] = {"error": 0, "warning": 0}
        self._error_files: set[str] = set()

    @property
    def has_errors(self) -> bool:
        return self.counts["error"] > 0

    def error(
        self, source: Source, row: int | None, column: str | None, code: str, **params: Param
    ) -> None:
        self._add("error", source, row, column, code, params)

    def warning(
        self, source: Source, row: int | None, column: str | None, code: str, **params: Param
    ) -> None:
        self._add("warning", source, row, column, code, params)

    def _add(
        self,
        severity: Severity,
        source: Source,
        row: int | None,
        column: str | None,
        code: str,
        params: dict[str, Param],
    ) -> None:
        count = self.counts[severity] + 1
        self.counts[severity] = count
        if severity == "error" and source.file:
            self._error_files.add(source.file)
        kept = self._kept[severity]
        if len(kept) >= self.max_kept:
            return
        message = ImportMessage(
            file=source.file,
            row=row,
            column=column,
            code=code,
            params=tuple(params.items()),
            severity=severity,
            sheet=source.sheet,
        )
        kept.append(((*source.order, row or 0, count), message))

    def messages(self, severity: Severity) -> tuple[ImportMessage, ...]:
        return tuple(message for _, message in sorted(self._kept[severity], key=lambda k: k[0]))

    def report(self) -> ImportReport:
        return ImportReport(
            errors=self.messages("error"),
            warnings=self.messages("warning"),
            total_errors=self.counts["error"],
            total_warnings=self.counts["warning"],
            files_with_errors=len(self._error_files),
            max_kept=self.max_kept,
        )
