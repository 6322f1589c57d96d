"""A respondent answers the whole questionnaire on a phone, with and without JavaScript.

Every radio button is chosen by its visible label, the way a person picks it. Afterwards the
database must hold exactly the answers given: one row per item of every cell, "weet niet"
stored as no value, ticked obstacles as 1 and the others as 0, the arrangements in use and
the free text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from playwright.sync_api import expect

from browser.conftest import PHONE, Scene, build_scene, horizontal_overflow, url
from regiekompas.core.instrument import Instrument
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.responses.models import Answer, MechanismUse, OpenAnswer

GEMEENTE = "GM0153"
TRANSITIE = "jeugd"
#: The items answered "weet niet", one per kind of scale.
DONT_KNOW = {"cc3", "amb2", "afs3"}
#: Obstacles ticked (the others count as "no"), and arrangements reported in use.
TICKED_OBSTACLES = {"obs1", "obs4"}
MECHANISMS = ("cjg", "sociaal_wijkteam")
OBSTACLE_OTHER_TEXT = "Wachtlijsten bij de specialistische jeugdhulp."
OPEN_TEXTS = {
    "open1": "Korte lijnen tussen het wijkteam en de scholen.",
    "open2": "Eén plan per gezin, met één regisseur.",
}

AnswerKey = tuple[str, str, str, str]


@dataclass
class Given:
    """What the respondent chose, to compare with the database afterwards."""

    values: dict[AnswerKey, int | None] = field(default_factory=dict)
    pages: list[str] = field(default_factory=list)


def _choice(instrument: Instrument, item: str, index: int) -> tuple[str, int | None]:
    """The label and value of the option to pick for `item` (weet niet for DONT_KNOW)."""
    options = instrument.answer_scale(item).options
    if item in DONT_KNOW:
        option = next(o for o in options if o.value is None)
    else:
        known = [o for o in options if o.value is not None]
        option = known[index % len(known)]
    return option.label.get("nl"), option.value


def _wait_saved(page: Any, name: str, javascript: bool) -> None:
    """With htmx, each answer reports "saved" in its own live region before we go on."""
    if javascript:
        expect(page.locator(f"#status-{name} .rk-q-status__ok")).to_be_visible()


def _answer_radios(
    page: Any,
    instrument: Instrument,
    items: tuple[str, ...],
    key: tuple[str, str, str],
    given: Given,
    javascript: bool,
) -> None:
    for index, item in enumerate(items):
        label, value = _choice(instrument, item, index)
        page.locator(f"fieldset#q-{item}").get_by_label(label, exact=True).check()
        _wait_saved(page, item, javascript)
        given.values[(*key, item)] = value


def _check_no_scroll(page: Any, given: Given) -> None:
    given.pages.append(page.url)
    assert horizontal_overflow(page) == 0, f"horizontal scroll at 390 px on {page.url}"


def _next(page: Any) -> None:
    page.locator("button[name=richting][value=verder]").click()


def _answer_everything(page: Any, live_server: Any, scene: Scene, javascript: bool) -> Given:
    instrument = scene.scan.instrument()
    given = Given()
    start = url(live_server, "questionnaire:start", scene.token)
    page.goto(start)
    expect(page.get_by_role("heading", level=1)).to_have_text(scene.scan.name)
    _check_no_scroll(page, given)
    page.locator("a.utrecht-button-link--primary-action").click()

    for perspectief in ("ambitie", "praktijk"):
        expect(page).to_have_url(f"{start}stap/{1 if perspectief == 'ambitie' else 2}/")
        _check_no_scroll(page, given)
        _answer_radios(
            page,
            instrument,
            instrument.axis_item_codes,
            (GEMEENTE, TRANSITIE, perspectief),
            given,
            javascript,
        )
        if javascript and perspectief == "ambitie":
            # Saved by htmx as it was clicked, before any button of the page was pressed.
            stored = Answer.objects.get(
                respondent=scene.respondent, perspectief="ambitie", item="cc1"
            )
            assert stored.value == given.values[(GEMEENTE, TRANSITIE, "ambitie", "cc1")]
        _next(page)

    # Conditions for working together (asked once per gemeente).
    _check_no_scroll(page, given)
    likert = tuple(item.code for item in instrument.likert_items)
    _answer_radios(page, instrument, likert, (GEMEENTE, "", ""), given, javascript)
    _next(page)

    # Agreements, obstacles and the "other obstacle" text.
    _check_no_scroll(page, given)
    agreements = tuple(item.code for item in instrument.agreements)
    _answer_radios(page, instrument, agreements, (GEMEENTE, "", ""), given, javascript)
    for item in instrument.obstacles:
        box = page.locator(f"#q-{item.code}")
        if item.code in TICKED_OBSTACLES:
            page.locator("fieldset#q-obstacles").get_by_label(
                item.text.get("nl"), exact=True
            ).check()
            _wait_saved(page, "obstacles", javascript)
        expect(box).to_be_checked(checked=item.code in TICKED_OBSTACLES)
        given.values[(GEMEENTE, "", "", item.code)] = int(item.code in TICKED_OBSTACLES)
    other = page.locator("#q-obs_anders")
    other.fill(OBSTACLE_OTHER_TEXT)
    if javascript:
        other.press("Tab")
        _wait_saved(page, "obs_anders", javascript)
    _next(page)

    # Coordination arrangements in use.
    _check_no_scroll(page, given)
    names = {kind.code: kind.name.get("nl") for kind in instrument.mechanism_types}
    for code in MECHANISMS:
        page.locator("fieldset#q-mechanisme").get_by_label(names[code], exact=True).check()
        _wait_saved(page, "mechanisme", javascript)
    _next(page)

    # Free text, then on to the review page.
    _check_no_scroll(page, given)
    for code, text in OPEN_TEXTS.items():
        page.locator(f"#q-{code}").fill(text)
    _next(page)

    expect(page).to_have_url(f"{start}overzicht/")
    _check_no_scroll(page, given)
    answered = page.locator("#rk-answered")
    expect(answered).to_contain_text(str(len(given.values)))
    page.locator("form[action$='/verzenden/'] button[type=submit]").click()
    expect(page).to_have_url(f"{start}bedankt/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    _check_no_scroll(page, given)
    return given


def _assert_stored(scene: Scene, given: Given) -> None:
    rows = list(
        Answer.objects.filter(respondent=scene.respondent).values_list(
            "gemeente_code", "transitie", "perspectief", "item", "value"
        )
    )
    stored = {(g, t, p, item): value for g, t, p, item, value in rows}
    assert len(rows) == len(stored), "an item was stored twice"
    assert stored == given.values
    instrument = scene.scan.instrument()
    # Every item of every cell of this respondent's route is there.
    cells = 2 * len(instrument.axis_item_codes)
    gemeente_items = len(instrument.likert_items) + len(instrument.agreements)
    assert len(rows) == cells + gemeente_items + len(instrument.obstacles)
    assert {v for k, v in stored.items() if k[3] in DONT_KNOW} == {None}

    texts = dict(
        OpenAnswer.objects.filter(respondent=scene.respondent).values_list("question", "text")
    )
    assert texts == {"obs_anders": OBSTACLE_OTHER_TEXT, **OPEN_TEXTS}
    used = set(
        MechanismUse.objects.filter(respondent=scene.respondent).values_list(
            "gemeente_code", "type"
        )
    )
    assert used == {(GEMEENTE, code) for code in MECHANISMS}
    respondent = Respondent.objects.get(pk=scene.respondent.pk)
    assert respondent.submitted_at is not None
    assert respondent.started_at is not None


def test_a_respondent_completes_the_questionnaire_on_a_phone_with_javascript(
    live_server: Any, phone: Any
) -> None:
    scene = build_scene()
    given = _answer_everything(phone, live_server, scene, javascript=True)
    _assert_stored(scene, given)
    assert len(given.pages) == 9  # intro, six steps, review, thanks


def test_a_respondent_completes_the_questionnaire_on_a_phone_without_javascript(
    live_server: Any, phone_no_js: Any
) -> None:
    scene = build_scene()
    given = _answer_everything(phone_no_js, live_server, scene, javascript=False)
    _assert_stored(scene, given)


def test_the_phone_viewport_is_the_one_the_issue_asks_for(phone: Any) -> None:
    assert phone.viewport_size == PHONE == {"width": 390, "height": 844}


def test_a_revoked_link_shows_the_page_for_a_link_that_no_longer_works(
    live_server: Any, phone: Any
) -> None:
    scene = build_scene()
    Respondent.objects.filter(pk=scene.respondent.pk).update(revoked_at=timezone.now())
    response = phone.goto(url(live_server, "questionnaire:start", scene.token))
    assert response.status == 404
    expect(phone.get_by_role("heading", level=1)).to_be_visible()
    # Nothing tells a finder of the old link which scan or region it was for.
    expect(phone.get_by_text(scene.scan.name)).to_have_count(0)
    expect(phone.get_by_text(scene.region.name)).to_have_count(0)
    expect(phone.locator("form.rk-q-form")).to_have_count(0)
    assert horizontal_overflow(phone) == 0


def test_a_closed_scan_shows_the_closed_page_instead_of_the_questions(
    live_server: Any, phone: Any
) -> None:
    scene = build_scene()
    scene.scan.close()
    for name, args in (("questionnaire:start", ()), ("questionnaire:step", (1,))):
        response = phone.goto(url(live_server, name, scene.token, *args))
        assert response.status == 410
        expect(phone.get_by_role("heading", level=1)).to_be_visible()
        expect(phone.locator("input[type=radio]")).to_have_count(0)
    assert horizontal_overflow(phone) == 0
