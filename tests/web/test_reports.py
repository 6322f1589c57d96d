"""PDF reports: the figures of the pages, the k-rules, PDF/UA structure, the command line.

A report is asked for as a user does (POST from the results pages, eager jobs in the tests)
and read back as a reader's software would: the text pypdfium2 extracts, and the tag tree
(`pdfua.problems`). Figures are compared with an independent call of the core analysis on
the same answers, formatted the way the pages write them.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pdfua
import pypdfium2
import pytest
from conftest import make_region, make_respondent, make_scan, make_user
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from test_disclosure import GEMEENTEN

from regiekompas.core.analysis import Settings, round_document
from regiekompas.core.model import load_model
from regiekompas.core.pipeline import analyse_with_advice
from regiekompas.core.simulate import SimulationParams, simulate_region, write_region
from regiekompas.web.accounts.models import GemeenteViewer
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.jobs.models import Job
from regiekompas.web.responses.dataset import scan_dataset
from regiekompas.web.responses.models import Snapshot
from regiekompas.web.responses.saving import AnswerIn, save_answers
from regiekompas.web.responses.snapshots import publish
from regiekompas.web.results.service import results_settings
from regiekompas.web.scans.models import Scan

MODEL = load_model()
#: `regiekompas` as installed, in a fresh process.
COMMAND = (
    sys.executable,
    "-c",
    "import sys; from regiekompas.cli.main import main; sys.exit(main(sys.argv[1:]))",
)


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def _nl(value: float, digits: int = 2) -> str:
    return f"{round(value, digits) + 0.0:.{digits}f}".replace(".", ",")


def pdf_text(data: bytes) -> str:
    """The text of every page, whitespace collapsed (lines broken anywhere join again)."""
    document = pypdfium2.PdfDocument(data)
    try:
        pages = [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()
    return " ".join(" ".join(pages).replace("\ufffe", "").split())


def _report(client: Client, url: str) -> tuple[Job, bytes]:
    response = client.post(url)
    assert response.status_code == 302
    job = Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])
    assert job.status == Job.Status.DONE, job.message
    status = client.get(response.url)
    assert reverse("jobs:download", args=[job.pk]) in status.content.decode()
    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert download["Content-Type"] == "application/pdf"
    return job, b"".join(download.streaming_content) if download.streaming else download.content


@pytest.fixture
def scan(simulated_scan: Callable[..., Scan]) -> Scan:
    return simulated_scan(gemeenten=2, respondenten=12, seed=11)


@pytest.fixture
def facilitator(scan: Scan) -> Any:
    user = make_user("fac_pdf")
    scan.region.memberships.create(user=user)
    return user


def _document(scan: Scan, k: int | None = None) -> dict[str, Any]:
    run = results_settings(scan)
    if k is not None:
        run = Settings(k=k, bootstrap=run.bootstrap, seed=run.seed)
    document, _ = analyse_with_advice(
        scan_dataset(scan), settings=run, instrument=scan.instrument()
    )
    return dict(round_document(document))


def test_the_gemeente_pdf_holds_the_figures_of_the_gemeente_page(
    client: Client, scan: Scan, facilitator: Any
) -> None:
    client.force_login(facilitator)
    code, name = sorted(scan.region.gemeente_names().items())[0]
    target = {"kwadrant": "", "cc": "0,4", "dc": "-0,2", "toelichting": "Samen sturen",
              "agreed_by": "Wethouder en zorgverzekeraar", "agreed_on": "2026-11-30"}  # fmt: skip
    url = reverse("targets:target", args=[scan.pk, code, scan.transities[0]])
    assert client.post(url, target).status_code == 302
    page = client.get(reverse("results:gemeente", args=[scan.pk, code])).content.decode()
    assert reverse("reports:gemeente_pdf", args=[scan.pk, code]) in page
    job, data = _report(client, reverse("reports:gemeente_pdf", args=[scan.pk, code]))
    assert job.result_name.endswith(".pdf")
    text = pdf_text(data)
    document = _document(scan)
    expected = [name]
    for gap in document["kloof"]:
        if gap["gemeente_code"] == code and gap["waarde"] is not None:
            expected.append(f"kloof {_nl(gap['waarde'])}")
    for cell in document["cellen"]:
        if cell["gemeente_code"] == code and cell.get("kwadrant") in {
            q.code for q in MODEL.quadrants
        }:
            expected.append(MODEL.quadrant(cell["kwadrant"]).name.nl)
    for row in document["condities"]:
        if row["gemeente_code"] == code and row["groep"] is None and row["score"] is not None:
            expected.append(f"{MODEL.condition(row['conditie']).name.nl}: {_nl(row['score'], 0)}")
    for row in document["afspraken"]:
        if row["gemeente_code"] == code and row.get("ja") is not None:
            expected.append(f"{_nl(row['ja'] * 100, 0)}%")
    assert len(expected) > 8
    missing = [figure for figure in expected if figure not in text]
    assert missing == []
    # The regie cycle's section (a recorded target) is in the report as on the page.
    assert "Samen sturen" in page
    assert "Samen sturen" in text
    assert "Wethouder en zorgverzekeraar" in text
    # The same figures are on the page itself.
    assert [f for f in expected if f.replace("kloof ", "") not in page] == []
    # Cover, contents with page numbers, appendix.
    assert "Inhoud" in text
    assert "Bijlage: methode en privacy" in text
    assert pdfua.problems(data) == []


def test_the_region_pdf_of_a_gemeente_viewer_holds_only_their_gemeente(
    client: Client, scan: Scan
) -> None:
    names = scan.region.gemeente_names()
    own, other = sorted(names)
    viewer = make_user("viewer_pdf")
    GemeenteViewer.objects.create(user=viewer, region=scan.region, gemeente_code=own)
    client.force_login(viewer)
    overview = client.get(reverse("results:overview", args=[scan.pk])).content.decode()
    assert reverse("reports:region_pdf", args=[scan.pk]) in overview
    _job, data = _report(client, reverse("reports:region_pdf", args=[scan.pk]))
    text = pdf_text(data)
    assert names[own] in text
    assert names[other] not in text
    # Nor may the viewer ask for the other gemeente's report.
    assert client.post(reverse("reports:gemeente_pdf", args=[scan.pk, other])).status_code == 404


def test_a_report_shows_published_results_only(
    client: Client, simulated_scan: Callable[..., Scan]
) -> None:
    scan = simulated_scan(gemeenten=2, respondenten=6, seed=3, publish=False)
    user = make_user("fac_unpublished")
    scan.region.memberships.create(user=user)
    client.force_login(user)
    response = client.post(reverse("reports:region_pdf", args=[scan.pk]))
    job = Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])
    assert job.status == Job.Status.FAILED
    assert not job.result
    assert "Er zijn nog geen resultaten gepubliceerd" in client.get(response.url).content.decode()


def _answer_all(rng: random.Random, scan: Scan, person: Respondent, code: str) -> None:
    """Every axis item in both perspectives and every condition item, at random."""
    instrument = scan.instrument()
    answers = [
        AnswerIn(code, "jeugd", perspectief, item, rng.randint(1, 5))
        for perspectief in ("ambitie", "praktijk")
        for item in instrument.axis_item_codes
    ]
    answers += [
        AnswerIn(code, "", "", item.code, rng.randint(1, 5))
        for scale in instrument.scales
        for item in scale.items
    ]
    save_answers(person, answers)


def _k_rule_scan() -> tuple[Scan, Any]:
    """Enschede: 7 respondents in four groups below k = 5; Hengelo: 3 (a small cell)."""
    fac = make_user("fac_pdf_k")
    region = make_region("Regio k", GEMEENTEN, fac)
    scan = make_scan(region, transities=["jeugd"], k=5)
    rng = random.Random(5)
    groups = {
        "GM0153": ["wijkteam"] * 4 + ["welzijn"] * 2 + ["gemeente_beleid"],
        "GM0164": ["wijkteam"] * 3,
    }
    for code, members in groups.items():
        for i, group in enumerate(members):
            person, _token = make_respondent(
                scan, f"{code}-{i}", groep=group, gemeenten=[code], transities=["jeugd"]
            )
            _answer_all(rng, scan, person, code)
            Respondent.objects.filter(pk=person.pk).update(submitted_at=timezone.now())
    publish(scan, Snapshot.Kind.INTERIM)
    return scan, fac


def test_a_suppressed_cell_and_suppressed_groups_leave_no_figure_in_the_pdf(
    client: Client, db: None
) -> None:
    scan, fac = _k_rule_scan()
    client.force_login(fac)
    shown = _document(scan)
    bare = _document(scan, k=3)  # what the figures would be with the smallest k
    small = [c for c in bare["cellen"] if c["gemeente_code"] == "GM0164"]
    assert small
    assert not [c for c in shown["cellen"] if c["gemeente_code"] == "GM0164"]
    _job, data = _report(client, reverse("reports:gemeente_pdf", args=[scan.pk, "GM0164"]))
    text = pdf_text(data)
    assert "geen positie" in text
    assert "n = 3" not in text
    for gap in bare["kloof"]:
        if gap["gemeente_code"] == "GM0164" and gap["waarde"] is not None:
            assert f"kloof {_nl(gap['waarde'])}" not in text
    # Enschede's groups are all left out (4 + 2 + 1: complementary suppression).
    assert not [g for g in shown["groepen"] if g["gemeente_code"] == "GM0153"]
    _job, data = _report(client, reverse("reports:region_pdf", args=[scan.pk]))
    text = pdf_text(data)
    for group in ("wijkteam", "welzijn", "gemeente_beleid"):
        assert MODEL.group(group).name.nl not in text
    for row in bare["spraakverwarring"]:
        if row["waarde"] is not None:
            assert f"({_nl(row['waarde'])}" not in text
    assert pdfua.problems(data) == []


def test_the_structural_check_fails_an_untagged_pdf() -> None:
    import weasyprint

    data = weasyprint.HTML(string="<h2>Kop</h2><table><tr><td>1</td></tr></table>").write_pdf()
    found = pdfua.problems(data)
    assert "no structure tree" in found
    assert "no document language (Lang)" in found


def test_the_command_line_writes_a_report_without_a_database(tmp_path: Path) -> None:
    region = simulate_region(SimulationParams(gemeenten=2, respondenten=10, seed=4))
    write_region(region, tmp_path / "data")
    code = sorted(region.dataset.naam_of())[0]
    out = tmp_path / "rapport.pdf"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "DATABASE"))}
    env["DATABASE_URL"] = "postgres://nobody@127.0.0.1:1/none"  # would fail if ever used
    run = subprocess.run(
        [*COMMAND, "rapport", str(tmp_path / "data"), "--gemeente", code, "--pdf", str(out),
         "--bootstrap", "20", "--taal", "en"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    data = out.read_bytes()
    text = pdf_text(data)
    assert region.dataset.naam_of()[code] in text
    assert "Contents" in text
    assert "Appendix: method and privacy" in text
    assert pdfua.problems(data) == []
    bad = subprocess.run(
        [*COMMAND, "rapport", str(tmp_path / "data"), "--gemeente", "GM9999", "--pdf", str(out)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert bad.returncode == 2
    assert "GM9999" in bad.stderr
    assert "Traceback" not in bad.stderr
