"""Authorization rows of the targets app: facilitators of the region record and change
doelposities and agenda actions; everyone else gets the login page or 404 (gemeente viewers
read both on the gemeente's results page, which `results:gemeente` covers)."""

from __future__ import annotations

from collections.abc import Sequence

from authz_matrix import MANAGE, POST_ONLY, Row
from conftest import World

from regiekompas.web.targets.models import Action, Target


def target_of_x(world: World) -> Sequence[object]:
    return [world.scan_a.pk, world.gemeente_x, "jeugd"]


def recorded_target_of_x(world: World) -> Sequence[object]:
    Target.objects.create(
        region=world.region_a, scan=world.scan_a, gemeente_code=world.gemeente_x,
        transitie="jeugd", cc=0.5, dc=0.5, kwadrant="Sturen", source="page",
    )  # fmt: skip
    return target_of_x(world)


def action_of_x(world: World) -> Sequence[object]:
    action = Action.objects.create(
        region=world.region_a, scan=world.scan_a, gemeente_code=world.gemeente_x,
        onderwerp="relaties", actie="Kennismaken", eigenaar="Wethouder",
    )  # fmt: skip
    return [world.scan_a.pk, world.gemeente_x, action.pk]


def action_fields(world: World) -> dict[str, object]:
    return {"onderwerp": "vorm", "actie": "Convenant", "eigenaar": "Inkoop", "status": "bezig"}


ROWS = {
    "targets:target": Row(
        target_of_x,
        get=MANAGE,
        post=MANAGE,
        data=lambda world: {"kwadrant": "Afspreken", "toelichting": "Samen"},
        mutates=True,
    ),
    "targets:target_delete": Row(recorded_target_of_x, get=POST_ONLY, post=MANAGE, mutates=True),
    "targets:action_add": Row(
        lambda world: [world.scan_a.pk, world.gemeente_x],
        get=MANAGE,
        post=MANAGE,
        data=action_fields,
        mutates=True,
    ),
    "targets:action_edit": Row(
        action_of_x, get=MANAGE, post=MANAGE, data=action_fields, mutates=True
    ),
}
