"""The API hides what the pages hide: the disclosure scenario read through the API.

`test_disclosure` grows seeded scans in waves and publishes after each; here, at every
publication, the API's whole results document is fetched with a token of the region as a
BI tool would, compared with the document the pages render, and run through the same
`disclosures` checks (nothing below k, no recovery by subtraction, small cells without a
position, no differencing between successive publications).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import test_disclosure
from django.test import Client
from django.urls import reverse
from test_disclosure import Observation, disclosures

from regiekompas.core.results import TABLE_NAMES
from regiekompas.web.api.tokens import issue
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.results.service import scan_results
from regiekompas.web.scans.models import Scan


@pytest.mark.parametrize("seed", [1, 4])
def test_the_api_discloses_nothing_the_pages_do_not(
    seed: int, db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    observed_by_api: list[Observation] = []
    secrets: dict[int, str] = {}
    real_observe = test_disclosure._observe

    def observe(scan: Scan, facilitator: Client, viewer: Client) -> Observation:
        pages = real_observe(scan, facilitator, viewer)
        if scan.region_id not in secrets:
            secrets[scan.region_id] = issue(scan.region, "BI", None)[1]
        response = Client().get(
            reverse("api:results", args=[scan.pk]),
            HTTP_AUTHORIZATION=f"Bearer {secrets[scan.region_id]}",
        )
        assert response.status_code == 200
        document: dict[str, Any] = json.loads(response.content)
        shown = scan_results(scan, "nl")
        for name in TABLE_NAMES:
            assert document[name] == shown.rows(name), name
        assert document["meta"] == shown.document["meta"]
        observed_by_api.append(Observation(pages.number, document, pages.cell_n))
        return pages

    monkeypatch.setattr(test_disclosure, "_observe", observe)
    scan, observations, k, _refused = test_disclosure._run(seed)

    assert len(observed_by_api) == len(observations) > 0
    ids = set(Respondent.objects.filter(scan=scan).values_list("external_id", flat=True))
    orgs = set(Respondent.objects.filter(scan=scan).values_list("organisatie", flat=True))
    assert disclosures(k, observed_by_api, ids, orgs) == []
    small = [obs for obs in observed_by_api if any(n < k for n in obs.cell_n.values())]
    assert small or len(observed_by_api) > 1, "the scenario should exercise the k-rules"
    text = json.dumps([obs.document for obs in observed_by_api], ensure_ascii=False)
    for secret in ids | (orgs - {""}):
        assert secret not in text
