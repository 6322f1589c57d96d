"""Analysis plus advice: the complete results document that every front end shows."""

from __future__ import annotations

from collections.abc import Mapping

from regiekompas.core.advice import Advice, advice_rows, evaluate
from regiekompas.core.analysis import Document, Settings, analyse
from regiekompas.core.dataset import Dataset, FloatArray
from regiekompas.core.instrument import Instrument
from regiekompas.core.measures.bootstrap import ProgressFn
from regiekompas.core.model import Model, load_model


def analyse_with_advice(
    dataset: Dataset,
    *,
    settings: Settings | None = None,
    lang: str = "nl",
    instrument: Instrument | None = None,
    model: Model | None = None,
    targets: Mapping[tuple[str, str], str] | None = None,
    progress: ProgressFn | None = None,
    replicates: dict[str, dict[str, FloatArray]] | None = None,
) -> tuple[Document, list[Advice]]:
    """The results document (docs/method.md) and the advice as objects (both languages).

    `replicates`, if given, is filled with the bootstrap replicates (see `analyse`).
    """
    model = model or load_model()
    document = analyse(
        dataset,
        settings=settings,
        instrument=instrument,
        model=model,
        progress=progress,
        replicates=replicates,
    )
    advice = evaluate(
        document,
        model=model,
        names=dataset.naam_of(),
        regio_of=dataset.regio_of(),
        targets=targets,
    )
    document["advies"] = advice_rows(advice, lang=lang)
    return document, advice


def run_analysis(
    dataset: Dataset,
    *,
    settings: Settings | None = None,
    lang: str = "nl",
    instrument: Instrument | None = None,
    model: Model | None = None,
    targets: Mapping[tuple[str, str], str] | None = None,
    progress: ProgressFn | None = None,
) -> Document:
    """Every measure and the ranked advice, as the results document (docs/method.md)."""
    document, _ = analyse_with_advice(
        dataset,
        settings=settings,
        lang=lang,
        instrument=instrument,
        model=model,
        targets=targets,
        progress=progress,
    )
    return document
