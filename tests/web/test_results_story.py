"""The results pages that tell the model's story: region pictures, gemeente page, providers,
free text.

Figures are checked against an independent call of the core analysis on the same answers
(`_document`), so a page passes only by showing what the document holds.
"""

from __future__ import annotations

import html
import random
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from conftest import make_respondent, make_user
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from regiekompas.core.analysis import round_document
from regiekompas.core.model import load_model
from regiekompas.core.pipeline import analyse_with_advice
from regiekompas.core.vocabulary import GRENS
from regiekompas.web.accounts.models import GemeenteViewer, Membership
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.regions.models import Contract
from regiekompas.web.responses.dataset import scan_dataset
from regiekompas.web.responses.models import OpenAnswer, Snapshot
from regiekompas.web.responses.snapshots import publish as publish_snapshot
from regiekompas.web.results.quotes import gemeente_quotes
from regiekompas.web.results.service import results_settings
from regiekompas.web.scans.models import Scan

MODEL = load_model()
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def _document(scan: Scan) -> dict[str, Any]:
    document, _ = analyse_with_advice(
        scan_dataset(scan), settings=results_settings(scan), instrument=scan.instrument()
    )
    return dict(round_document(document))


def _text(response: Any) -> str:
    return str(response.content.decode())


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _svgs(page: str) -> list[ET.Element]:
    return [ET.fromstring(m) for m in re.findall(r"<svg .*?</svg>", page, re.S)]


def _quadrant_nl(code: str) -> str:
    return "op de grens" if code == GRENS else MODEL.quadrant(code).name.nl


def _facilitator(scan: Scan) -> Client:
    user = make_user("fac_story")
    Membership.objects.create(user=user, region=scan.region)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def scan(simulated_scan: Callable[..., Scan]) -> Scan:
    return simulated_scan(gemeenten=4, respondenten=12, seed=11)


def test_the_overview_draws_one_arrows_plot_per_transitie_with_every_gemeente(scan: Scan) -> None:
    document = _document(scan)
    page = _text(_facilitator(scan).get(reverse("results:overview", args=[scan.pk])))
    plots = [s for s in _svgs(page) if "rk-chart--arrows" in (s.get("class") or "")]
    transities = list(dict.fromkeys(c["transitie"] for c in document["cellen"]))
    assert len(plots) == len(transities)
    for plot, transitie in zip(
        plots, sorted(transities, key=MODEL.transitie_codes.index), strict=True
    ):
        praktijk = [
            c
            for c in document["cellen"]
            if c["transitie"] == transitie and c["perspectief"] == "praktijk" and c.get("kwadrant")
        ]
        circles = [e for e in plot.iter() if "rk-chart__praktijk" in (e.get("class") or "")]
        assert len(circles) == len(praktijk)
        # Each plot has a table alternative naming the same quadrants.
        marker = f'rk-stack" data-transitie="{transitie}">'
        table = page.split(marker)[1].split("</table>")[0]
        for cell in praktijk:
            assert _quadrant_nl(cell["kwadrant"]) in _plain(table)


def test_the_matrix_names_each_praktijk_quadrant_in_words(scan: Scan) -> None:
    document = _document(scan)
    page = _text(_facilitator(scan).get(reverse("results:overview", args=[scan.pk])))
    (matrix,) = [s for s in _svgs(page) if "rk-chart--matrix" in (s.get("class") or "")]
    texts = [e.text or "" for e in matrix.iter(f"{SVG}text")]
    for cell in document["cellen"]:
        if cell["perspectief"] == "praktijk" and cell.get("kwadrant"):
            name = _quadrant_nl(cell["kwadrant"])
            assert name in texts or f"{name}?" in texts
    cells = [
        e for e in matrix.iter(f"{SVG}rect") if "rk-chart__matrix-cell" in (e.get("class") or "")
    ]
    gemeenten = {c["gemeente_code"] for c in document["cellen"]}
    assert len(cells) == len(gemeenten) * len(scan.transities)


def test_the_gemeente_page_tells_positions_kloof_and_the_lowest_condition(scan: Scan) -> None:
    document = _document(scan)
    code = document["cellen"][0]["gemeente_code"]
    page = _text(_facilitator(scan).get(reverse("results:gemeente", args=[scan.pk, code])))
    lines = _plain(page.split('id="transities"')[1].split("</ul>")[0])
    for gap in document["kloof"]:
        if gap["gemeente_code"] == code and gap.get("waarde") is not None:
            value = f"{gap['waarde']:.2f}".replace(".", ",")
            assert f"kloof {value}" in lines
    for cell in document["cellen"]:
        if cell["gemeente_code"] == code and cell.get("kwadrant"):
            assert _quadrant_nl(cell["kwadrant"]) in lines
    scores = {
        r["conditie"]: r["score"]
        for r in document["condities"]
        if r["gemeente_code"] == code and r.get("groep") is None and r.get("score") is not None
    }
    if scores:
        lowest = min(scores, key=lambda c: (scores[c], c))
        sentence = _plain(page.split('id="laagste"')[1].split("</p>")[0])
        assert MODEL.condition(lowest).name.nl in sentence


def test_a_viewer_sees_only_their_gemeente_in_the_pictures(scan: Scan) -> None:
    document = _document(scan)
    codes = sorted({c["gemeente_code"] for c in document["cellen"]})
    own, others = codes[0], codes[1:]
    names = scan.region.gemeente_names()
    viewer = make_user("viewer_story")
    GemeenteViewer.objects.create(user=viewer, region=scan.region, gemeente_code=own)
    client = Client()
    client.force_login(viewer)
    page = _text(client.get(reverse("results:overview", args=[scan.pk])))
    for svg in _svgs(page):
        texts = " ".join(e.text or "" for e in svg.iter(f"{SVG}text"))
        for other in others:
            assert names[other] not in texts
    for other in others:
        assert client.get(reverse("results:gemeente", args=[scan.pk, other])).status_code == 404
    assert client.get(reverse("results:providers", args=[scan.pk])).status_code == 404


# --- free text ---------------------------------------------------------------------------


def _writers(scan: Scan, gemeente: str, count: int, *, start: int = 0) -> list[OpenAnswer]:
    """Respondents of `gemeente` who submitted a free text (before any publication)."""
    out = []
    for i in range(start, start + count):
        respondent, _token = make_respondent(
            scan,
            f"TXT{i:03d}",
            gemeenten=[gemeente],
            groep="wijkteam",
            organisatie="Wijkteam Noord",
        )
        Respondent.objects.filter(pk=respondent.pk).update(submitted_at=timezone.now())
        out.append(
            OpenAnswer.objects.create(
                respondent=respondent,
                question="open1",
                text=f"Tekst nummer {i} over de samenwerking.",
            )
        )
    return out


@pytest.fixture
def unpublished(simulated_scan: Callable[..., Scan]) -> Scan:
    """A scan whose answers are not yet published, so free text can be added first."""
    return simulated_scan(gemeenten=4, respondenten=12, seed=11, publish=False)


def _first_code(scan: Scan) -> str:
    return str(scan.region.gemeenten.order_by("code").values_list("code", flat=True)[0])


def test_free_text_is_not_shown_below_k_writers(unpublished: Scan) -> None:
    code = _first_code(unpublished)
    _writers(unpublished, code, unpublished.k - 1)
    publish_snapshot(unpublished, Snapshot.Kind.INTERIM)
    page = _text(
        _facilitator(unpublished).get(reverse("results:gemeente", args=[unpublished.pk, code]))
    )
    assert "Tekst nummer" not in page
    assert 'id="citaten"' in page


def test_free_text_of_k_writers_is_shown_never_with_group_or_organisation(
    unpublished: Scan,
) -> None:
    code = _first_code(unpublished)
    _writers(unpublished, code, unpublished.k)
    publish_snapshot(unpublished, Snapshot.Kind.INTERIM)
    page = _text(
        _facilitator(unpublished).get(reverse("results:gemeente", args=[unpublished.pk, code]))
    )
    quotes = page.split('id="citaten"')[1].split("</section>")[0]
    for i in range(unpublished.k):
        assert f"Tekst nummer {i} over de samenwerking." in quotes
    assert "Wijkteam Noord" not in page
    assert "TXT00" not in page
    assert "Wijkteam" not in _plain(quotes)


def test_free_text_written_after_the_published_snapshot_waits_for_the_next_one(
    unpublished: Scan,
) -> None:
    code = _first_code(unpublished)
    _writers(unpublished, code, unpublished.k)
    publish_snapshot(unpublished, Snapshot.Kind.INTERIM)
    late = _writers(unpublished, code, 1, start=unpublished.k)[0]
    page = _text(
        _facilitator(unpublished).get(reverse("results:gemeente", args=[unpublished.pk, code]))
    )
    assert "Tekst nummer 0 over de samenwerking." in page
    assert late.text not in page


def test_free_text_order_is_random_not_the_order_of_answering(unpublished: Scan) -> None:
    scan = unpublished
    code = _first_code(scan)
    _writers(scan, code, 8)
    orders = set()
    for seed in range(6):
        quotes = gemeente_quotes(scan, code, "X", scan.instrument(), "nl", rng=random.Random(seed))
        orders.add(tuple(q.text for g in quotes.groups for q in g.quotes))
    assert len(orders) > 1


def test_a_facilitator_hides_a_quote_for_everyone_with_a_csrf_checked_post(
    unpublished: Scan,
) -> None:
    scan = unpublished
    code = _first_code(scan)
    answers = _writers(scan, code, scan.k + 1)
    publish_snapshot(scan, Snapshot.Kind.INTERIM)
    target = answers[0]
    url = reverse("results:hide_quote", args=[scan.pk, target.pk])
    user = make_user("fac_csrf")
    Membership.objects.create(user=user, region=scan.region)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    assert strict.post(url, {"gemeente": code}).status_code == 403
    assert not OpenAnswer.objects.get(pk=target.pk).hidden

    viewer = make_user("viewer_hide")
    GemeenteViewer.objects.create(user=viewer, region=scan.region, gemeente_code=code)
    viewer_client = Client()
    viewer_client.force_login(viewer)
    assert viewer_client.post(url, {"gemeente": code}).status_code == 404
    assert not OpenAnswer.objects.get(pk=target.pk).hidden

    client = _facilitator(scan)
    response = client.post(url, {"gemeente": code})
    assert response.status_code == 302
    assert OpenAnswer.objects.get(pk=target.pk).hidden
    for reader in (client, viewer_client):
        page = _text(reader.get(reverse("results:gemeente", args=[scan.pk, code])))
        assert target.text not in page
        assert answers[1].text in page


def test_hiding_quotes_below_k_writers_hides_them_all(unpublished: Scan) -> None:
    scan = unpublished
    code = _first_code(scan)
    answers = _writers(scan, code, scan.k)
    publish_snapshot(scan, Snapshot.Kind.INTERIM)
    OpenAnswer.objects.filter(pk=answers[0].pk).update(hidden=True)
    page = _text(_facilitator(scan).get(reverse("results:gemeente", args=[scan.pk, code])))
    for answer in answers:
        assert answer.text not in page


# --- provider lens -----------------------------------------------------------------------


def test_a_provider_page_lists_its_gemeenten_with_their_quadrant_from_the_contracts(
    scan: Scan,
) -> None:
    document = _document(scan)
    codes = sorted({c["gemeente_code"] for c in document["cellen"]})
    transitie = document["cellen"][0]["transitie"]
    Contract.objects.bulk_create(
        Contract(region=scan.region, organisatie="Zorg & Co", gemeente_code=g, transitie=transitie)
        for g in codes[:3]
    )
    scan.region.data_version += 1
    scan.region.save()
    document = _document(scan)
    client = _facilitator(scan)
    page = _text(client.get(reverse("results:provider", args=[scan.pk, "Zorg & Co"])))
    assert "contracten" in page
    table = page.split('id="aanbieder-gemeenten"')[1].split("</table>")[0]
    names = scan.region.gemeente_names()
    for g in codes[:3]:
        row = table.split(f'data-gemeente="{g}"')[1].split("</tr>")[0]
        assert names[g] in row
        cell = next(
            c
            for c in document["cellen"]
            if (c["gemeente_code"], c["transitie"], c["perspectief"]) == (g, transitie, "praktijk")
        )
        shown = _plain(row.split(f'data-transitie="{transitie}"')[1].split("</td>")[0])
        assert _quadrant_nl(cell["kwadrant"]) in shown
    (regimes,) = [
        r
        for r in document["aanbieders"]
        if (r["organisatie"], r["transitie"]) == ("Zorg & Co", transitie)
    ]
    assert f"{regimes['regimes']} " in _plain(page.split('id="regimes"')[1].split("</ul>")[0])
    assert codes[3] not in table
    index = _text(client.get(reverse("results:providers", args=[scan.pk])))
    assert "Zorg &amp; Co" in index


def test_without_contracts_a_provider_page_says_its_gemeenten_come_from_its_respondents(
    scan: Scan,
) -> None:
    codes = sorted(scan.region.gemeente_names())
    Respondent.objects.filter(scan=scan).update(organisatie="")
    make_respondent(
        scan, "PROV1", groep="aanbieder_bestuur", organisatie="Jeugdhulp Oost", gemeenten=codes[:2]
    )
    client = _facilitator(scan)
    page = _text(client.get(reverse("results:provider", args=[scan.pk, "Jeugdhulp Oost"])))
    assert 'id="bron"' in page
    source = _plain(page.split('id="bron"')[1].split("</p>")[0])
    assert "respondent" in source
    table = page.split('id="aanbieder-gemeenten"')[1].split("</table>")[0]
    assert f'data-gemeente="{codes[0]}"' in table
    assert f'data-gemeente="{codes[2]}"' not in table
    assert client.get(reverse("results:provider", args=[scan.pk, "Onbekend"])).status_code == 404
