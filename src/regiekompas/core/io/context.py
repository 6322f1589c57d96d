"""What validating one table needs to know about the model, the instrument and other files.

The model and instrument are described as protocols holding only what the import uses, so the
import depends on their data, not on how they are loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from regiekompas.core.io.collector import Collector


class MechanismTypeLike(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def cc(self) -> float: ...
    @property
    def dc(self) -> float: ...


class OpenQuestionLike(Protocol):
    @property
    def code(self) -> str: ...


class InstrumentLike(Protocol):
    @property
    def versie(self) -> str: ...
    @property
    def axis_item_codes(self) -> tuple[str, ...]: ...
    @property
    def gemeente_item_codes(self) -> tuple[str, ...]: ...
    @property
    def open_questions(self) -> tuple[OpenQuestionLike, ...]: ...
    def answer_range(self, code: str) -> tuple[int, int]: ...
    def match_mechanism_type(self, text: str) -> MechanismTypeLike | None: ...


class ModelLike(Protocol):
    @property
    def group_codes(self) -> tuple[str, ...]: ...
    @property
    def transitie_codes(self) -> tuple[str, ...]: ...


@dataclass
class Known:
    """Codes and names declared by the optional gemeenten and organisaties files.

    Every other file is checked against them; None means the file was not given, so anything
    goes. `*_file` names the declaring file in messages.
    """

    gemeenten: set[str] | None = None
    gemeenten_file: str = ""
    organisaties: set[str] | None = None
    organisaties_file: str = ""


@dataclass
class Context:
    model: ModelLike
    instrument: InstrumentLike
    collector: Collector
    known: Known
    #: Most distinct (respondent, groep, organisatie, gemeente, transitie, perspectief)
    #: prefixes one import may hold (core/io/limits.py); None: no limit.
    max_prefixes: int | None = None
