"""Response rates per gemeente and group: small groups are never shown, nor derivable."""

from __future__ import annotations

from conftest import World, make_respondent
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from regiekompas.web.invitations.rates import GemeenteRates, response_rates
from regiekompas.web.invitations.tokens import issue_token
from regiekompas.web.scans.models import Scan

ENSCHEDE = "GM0153"


def _invite(scan: Scan, groep: str, count: int, *, submitted: int = 0) -> None:
    """`count` respondents of `groep` in Enschede with a link; the first `submitted` answered."""
    now = timezone.now()
    for i in range(count):
        done = i < submitted
        make_respondent(
            scan,
            f"{groep}-{i}",
            groep=groep,
            gemeenten=[ENSCHEDE],
            started_at=now if done else None,
            submitted_at=now if done else None,
        )


def _enschede(scan: Scan) -> GemeenteRates:
    table = response_rates(scan)
    return next(g for g in table.gemeenten if g.code == ENSCHEDE)


def _fresh_scan(world: World) -> Scan:
    scan = Scan.objects.create(
        region=world.region_a, name="Ronde 2", transities=["jeugd"], perspectieven=["ambitie"], k=3
    )
    scan.open()
    return scan


def test_a_group_of_two_is_not_shown_when_k_is_three(world: World) -> None:
    scan = _fresh_scan(world)
    _invite(scan, "wijkteam", 5, submitted=3)
    _invite(scan, "overig", 2, submitted=1)
    _invite(scan, "welzijn", 1)

    row = _enschede(scan)

    assert [g.groep for g in row.groups] == ["wijkteam"]
    assert row.groups[0].counts.submitted == 3
    assert row.hidden is not None
    assert row.hidden.invited == 3
    assert row.hidden_groups == 2
    assert (row.total.invited, row.total.submitted) == (8, 4)


def test_complementary_suppression_also_hides_the_next_smallest_group(world: World) -> None:
    scan = _fresh_scan(world)
    _invite(scan, "wijkteam", 5)
    _invite(scan, "welzijn", 3)
    _invite(scan, "overig", 2)

    row = _enschede(scan)

    # overig (2) alone could be recovered from the total, so welzijn (3) is left out too.
    assert [g.groep for g in row.groups] == ["wijkteam"]
    assert row.hidden is not None
    assert row.hidden.invited == 5 >= scan.k


def test_no_hidden_total_below_k_can_be_read_off_the_page(world: World) -> None:
    scan = _fresh_scan(world)
    _invite(scan, "wijkteam", 4)
    _invite(scan, "welzijn", 3)
    _invite(scan, "overig", 1)
    client = Client()
    client.force_login(world.facilitator_a)

    page = client.get(reverse("invitations:rates", args=[scan.pk])).content.decode()

    assert "Sociaal wijkteam" in page or "Social neighbourhood team" in page
    assert "Welzijnsorganisatie" not in page
    assert "Welfare organisation" not in page
    assert "Overig (" not in page
    assert "Other (for example" not in page
    row = _enschede(scan)
    assert row.hidden is not None
    assert row.hidden.invited >= scan.k


def test_only_invited_and_not_revoked_respondents_count(world: World) -> None:
    scan = _fresh_scan(world)
    _invite(scan, "wijkteam", 3)
    never, _ = make_respondent(scan, "never", groep="wijkteam", gemeenten=[ENSCHEDE])
    never.tokens.all().delete()
    make_respondent(scan, "gone", groep="wijkteam", gemeenten=[ENSCHEDE], revoked_at=timezone.now())
    mailed, _ = make_respondent(
        scan, "mailed", groep="wijkteam", gemeenten=[ENSCHEDE], invited_at=timezone.now()
    )
    mailed.tokens.all().delete()

    row = _enschede(scan)

    assert row.total.invited == 4
    assert row.groups[0].counts.rate == 0.0


def test_a_respondent_of_several_gemeenten_counts_in_each(world: World) -> None:
    scan = _fresh_scan(world)
    person, _ = make_respondent(scan, "both", groep="wijkteam", gemeenten=[ENSCHEDE, "GM0164"])
    issue_token(person)
    table = response_rates(scan)
    totals = {g.code: g.total.invited for g in table.gemeenten}
    assert totals == {ENSCHEDE: 1, "GM0164": 1, "GM0141": 0}
    assert table.total.invited == 1


# --- response planning: what k needs, and reminders per group ------------------------------


def _mailed(scan: Scan, groep: str, count: int, *, submitted: int = 0) -> None:
    now = timezone.now()
    for i in range(count):
        done = i < submitted
        make_respondent(
            scan,
            f"{groep}-m{i}",
            groep=groep,
            gemeenten=[ENSCHEDE],
            email=f"{groep}{i}@example.nl",
            invited_at=now,
            started_at=now if done else None,
            submitted_at=now if done else None,
        )


def test_each_shown_group_says_how_many_answers_k_still_needs(client: Client, world: World) -> None:
    scan = _fresh_scan(world)
    _invite(scan, "zorgverzekeraar", 5, submitted=2)
    _invite(scan, "wijkteam", 4, submitted=4)
    client.force_login(world.facilitator_a)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "nl"

    html = client.get(reverse("invitations:rates", args=[scan.pk])).content.decode()

    assert "2 van de 3 nodig: nog 1 om getoond te worden" in html
    assert "ja, genoeg antwoorden" in html


def test_reminding_a_group_mails_only_its_members_who_did_not_submit(
    client: Client, world: World
) -> None:
    from django.core import mail

    scan = _fresh_scan(world)
    _mailed(scan, "wijkteam", 4, submitted=1)
    _mailed(scan, "overig", 3)
    client.force_login(world.facilitator_a)

    page = client.get(reverse("invitations:rates", args=[scan.pk])).content.decode()
    response = client.post(reverse("invitations:remind_group", args=[scan.pk, "wijkteam"]))

    assert "/respons/herinneren/wijkteam/" in page
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == [
        "wijkteam1@example.nl",
        "wijkteam2@example.nl",
        "wijkteam3@example.nl",
    ]


def test_reminding_an_unknown_group_or_another_regions_scan_is_refused(
    client: Client, world: World
) -> None:
    scan = _fresh_scan(world)
    client.force_login(world.facilitator_a)

    assert (
        client.post(reverse("invitations:remind_group", args=[scan.pk, "niemand"])).status_code
        == 400
    )
    assert (
        client.post(
            reverse("invitations:remind_group", args=[world.scan_b.pk, "wijkteam"])
        ).status_code
        == 404
    )
    assert (
        client.get(reverse("invitations:remind_group", args=[scan.pk, "wijkteam"])).status_code
        == 405
    )
