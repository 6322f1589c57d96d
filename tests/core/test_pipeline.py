"""Analysis plus advice: region-level advice knows which region it is about."""

from __future__ import annotations

import dataclasses

from regiekompas.core.analysis import Settings
from regiekompas.core.pipeline import analyse_with_advice, run_analysis
from regiekompas.core.simulate import SimulationParams, simulate_region


def test_region_advice_carries_its_region_and_the_document_keeps_section_10_keys() -> None:
    region = simulate_region(SimulationParams(gemeenten=8, respondenten=30, seed=5))
    dataset = region.dataset
    assert dataset.gemeenten is not None
    split = tuple(
        dataclasses.replace(g, regio="Zuidkant" if i >= 4 else "Noordkant")
        for i, g in enumerate(sorted(dataset.gemeenten, key=lambda g: g.code))
    )
    two_regions = dataclasses.replace(dataset, gemeenten=split)
    document, advice = analyse_with_advice(two_regions, settings=Settings(bootstrap=100))
    regional = [a for a in advice if a.gemeente_code is None]
    assert {a.regio for a in regional} <= {"Noordkant", "Zuidkant"}
    assert regional
    for item in regional:
        other = "Zuidkant" if item.regio == "Noordkant" else "Noordkant"
        assert item.regio in item.tekst.nl
        assert other not in item.tekst.nl
    keys = {"gemeente_code", "transitie", "regel", "prioriteit", "tekst"}
    keys |= {"rang", "eerste_stap", "transities"}
    assert all(set(row) == keys for row in document["advies"])
    assert document == run_analysis(two_regions, settings=Settings(bootstrap=100))


def test_gemeente_advice_has_no_region_attached() -> None:
    region = simulate_region(SimulationParams(gemeenten=2, respondenten=30, seed=6))
    _, advice = analyse_with_advice(region.dataset, settings=Settings(bootstrap=50))
    assert all(a.regio is None for a in advice if a.gemeente_code is not None)
