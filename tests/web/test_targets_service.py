"""Recording doelposities and agenda actions, and carrying them to a next round."""

from __future__ import annotations

import pytest
from conftest import World

from regiekompas.web.targets.models import Action, Target
from regiekompas.web.targets.services import (
    TargetError,
    agenda_rows,
    doelen_of,
    record_action,
    record_target,
)


def test_a_point_target_is_stored_and_replaced_not_duplicated(world: World) -> None:
    first = record_target(
        world.scan_a, "GM0153", "jeugd", 0.4, -0.2, None, "Samen sturen", "wethouder, CZ",
        source="page", user=world.facilitator_a,
    )  # fmt: skip
    assert (first.cc, first.dc, first.kwadrant) == (0.4, -0.2, "")
    again = record_target(
        world.scan_a, "GM0153", "jeugd", None, None, "Coördineren", "Anders", "allen",
        source="workshop", user=world.facilitator_a,
    )  # fmt: skip
    assert again.pk == first.pk
    assert (again.cc, again.dc, again.kwadrant, again.source) == (
        -0.5,
        0.5,
        "Coördineren",
        "workshop",
    )
    assert Target.objects.filter(scan=world.scan_a).count() == 1
    (doel,) = doelen_of([again])
    assert (doel.cc, doel.dc, doel.kwadrant) == (-0.5, 0.5, "Coördineren")


@pytest.mark.parametrize(
    ("gemeente", "transitie", "cc", "dc", "kwadrant"),
    [
        ("GM0599", "jeugd", 0.1, 0.1, None),  # another region's gemeente
        ("GM0153", "participatie", 0.1, 0.1, None),  # not a transitie of the scan
        ("GM0153", "jeugd", 1.5, 0.1, None),  # off the compass
        ("GM0153", "jeugd", 0.1, None, None),  # half a point
        ("GM0153", "jeugd", None, None, "Midden"),  # no such quadrant
        ("GM0153", "jeugd", None, None, None),  # nothing
        ("GM0153", "jeugd", 0.3, 0.3, "Afspreken"),  # point outside the quadrant given
        ("GM0153", "jeugd", float("nan"), 0.3, None),
    ],
)
def test_a_bad_target_is_refused_and_nothing_is_stored(
    world: World, gemeente: str, transitie: str, cc: float | None, dc: float | None,
    kwadrant: str | None,
) -> None:  # fmt: skip
    with pytest.raises(TargetError):
        record_target(world.scan_a, gemeente, transitie, cc, dc, kwadrant, "", "", source="page")
    assert not Target.objects.exists()


def test_a_standalone_workshop_records_a_target_for_the_region(world: World) -> None:
    target = record_target(
        world.region_a, "GM0164", "participatie", None, None, "Afspreken", "", "", source="workshop"
    )
    assert target.scan is None
    assert target.region == world.region_a


def test_a_next_round_carries_targets_and_agenda_over(world: World) -> None:
    record_target(world.scan_a, "GM0153", "jeugd", 0.5, 0.5, None, "Waarom", "Allen")
    done = record_action(
        world.scan_a, "GM0153", onderwerp="relaties", actie="Kennismaking", eigenaar="Wethouder",
        status="klaar",
    )  # fmt: skip
    record_action(
        world.scan_a, "GM0153", onderwerp="kloof", actie="Visie herijken", eigenaar="Beleid"
    )
    new = world.scan_a.copy_as_next_round("Scan 2027")
    (carried,) = Target.objects.filter(scan=new)
    assert (carried.cc, carried.dc, carried.toelichting, carried.source) == (
        0.5, 0.5, "Waarom", "vorige_ronde",
    )  # fmt: skip
    assert carried.carried_from is not None
    rows = agenda_rows(Action.objects.filter(scan=new))
    assert [(r["onderwerp"], r["status"]) for r in rows] == [
        ("relaties", "klaar"),
        ("kloof", "open"),
    ]
    assert Action.objects.get(scan=new, onderwerp="relaties").carried_from == done
    # The old round keeps its own rows.
    assert Action.objects.filter(scan=world.scan_a).count() == 2


def test_an_action_of_another_gemeente_cannot_be_changed_through_this_one(world: World) -> None:
    action = record_action(world.scan_a, "GM0164", onderwerp="vorm", actie="x", eigenaar="y")
    with pytest.raises(TargetError):
        record_action(
            world.scan_a, "GM0153", onderwerp="vorm", actie="z", eigenaar="y", action=action
        )


def test_an_agenda_action_written_as_a_formula_is_neutralised_in_the_workbook(
    world: World,
) -> None:
    import io

    from openpyxl import load_workbook

    from regiekompas.core.export.workbook import workbook_bytes

    record_action(
        world.scan_a, "GM0153", onderwerp="proces", actie='=HYPERLINK("http://x","klik")',
        eigenaar="+31 6 1234", status="bezig",
    )  # fmt: skip
    document = {"agenda": agenda_rows(Action.objects.filter(scan=world.scan_a))}
    book = load_workbook(io.BytesIO(workbook_bytes(document)), read_only=True)
    values = [v for row in book["agenda"].iter_rows(values_only=True) for v in row]
    assert '\'=HYPERLINK("http://x","klik")' in values
    assert "'+31 6 1234" in values
