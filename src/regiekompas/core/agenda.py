"""The verbeteragenda as rows of the results document, and its progress (docs/method.md,
"Targets and agenda").

An action is about one of the five conditions or one of the four problems of the model, has
an owner, an optional due date and a status: `open`, `bezig`, `klaar` or `vervallen`.
Progress counts the actions that still count — every action except the dropped ones — and
how many of those are done: "3 of 7 done".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from regiekompas.core.results.rows import AgendaRow
from regiekompas.core.vocabulary import CONDITIONS

PROBLEMS: Final[tuple[str, ...]] = ("spraakverwarring", "kloof", "spaghetti", "versnippering")
SUBJECTS: Final[tuple[str, ...]] = (*CONDITIONS, *PROBLEMS)
STATUSES: Final[tuple[str, ...]] = ("open", "bezig", "klaar", "vervallen")


@dataclass(frozen=True)
class Progress:
    """How far a gemeente's agenda is: `klaar` of `total` (dropped actions not counted)."""

    klaar: int
    bezig: int
    open: int
    vervallen: int

    @property
    def total(self) -> int:
        return self.klaar + self.bezig + self.open

    @property
    def share(self) -> float | None:
        """Share of the counted actions that is done; None without any."""
        return self.klaar / self.total if self.total else None


def agenda_progress(
    rows: Iterable[Mapping[str, object]], gemeente_code: str | None = None
) -> Progress:
    """Progress of the agenda rows of one gemeente (or of all rows given)."""
    counts = dict.fromkeys(STATUSES, 0)
    for row in rows:
        if gemeente_code is not None and row["gemeente_code"] != gemeente_code:
            continue
        status = str(row["status"])
        if status not in counts:
            raise ValueError(f"unknown agenda status {status!r}")
        counts[status] += 1
    return Progress(
        klaar=counts["klaar"],
        bezig=counts["bezig"],
        open=counts["open"],
        vervallen=counts["vervallen"],
    )


def sorted_agenda(rows: Iterable[AgendaRow]) -> list[AgendaRow]:
    """Rows in the document's order: gemeente, then subject in the model's order, then date."""
    return sorted(
        rows,
        key=lambda r: (
            r["gemeente_code"],
            SUBJECTS.index(r["onderwerp"]) if r["onderwerp"] in SUBJECTS else len(SUBJECTS),
            r["deadline"] is None,
            r["deadline"] or "",
            r["actie"],
        ),
    )
