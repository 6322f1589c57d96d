"""Actions on respondents: download links, send invitations and reminders, revoke.

Each issues or withdraws access, so each is a POST (the download also answers GET, as the
URL contract names it) and each checks the scan's state: links are handed out in draft and
open scans (a draft scan's link shows "not open yet"), mail is only sent while the scan
accepts answers, and nothing new is handed out once it is closed.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from regiekompas.web.accounts.access import facilitated_scan
from regiekompas.web.invitations.emails import SendResult, send_invitations, send_reminders
from regiekompas.web.invitations.labels import group_choices
from regiekompas.web.invitations.links import issue_links, links_csv, links_xlsx
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.scans.models import Scan

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
@require_POST
def download_links(request: HttpRequest, pk: int) -> HttpResponse:
    """POST only: issuing tokens changes state, which a prefetch or a crawler must not do."""
    scan = facilitated_scan(request.user, pk)
    data = request.POST
    kind = data.get("format", "csv")
    if kind not in CONTENT_TYPES:
        return HttpResponseBadRequest(_("Choose CSV or XLSX."))
    if scan.is_closed:
        messages.error(request, _("This scan is closed; no new links are handed out."))
        return redirect("invitations:list", pk=scan.pk)
    everyone = data.get("scope") == "all"
    rows = issue_links(scan, everyone=everyone)
    if not rows:
        messages.info(
            request,
            _(
                "Every respondent already has a link. "
                "Choose “new links for everyone” to issue new ones."
            ),
        )
        return redirect("invitations:list", pk=scan.pk)
    content = links_csv(rows) if kind == "csv" else links_xlsx(rows)
    response = HttpResponse(content, content_type=CONTENT_TYPES[kind])
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    name = f"links-{slugify(scan.name) or scan.pk}-{stamp}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # The links are secrets: no copy in any cache.
    response["Cache-Control"] = "no-store"
    return response


def _refuse_sending(request: HttpRequest, scan: Scan) -> bool:
    """Tell why no mail can go out now; False when it can."""
    if scan.accepts_answers:
        return False
    if scan.is_concept:
        text = _("This scan is still a draft. Open it before sending mail to respondents.")
    elif scan.is_closed:
        text = _("This scan is closed; no more mail is sent to respondents.")
    else:
        text = _("The closing date of this scan has passed; no more mail is sent to respondents.")
    messages.error(request, text)
    return True


def _report(request: HttpRequest, result: SendResult, sent_text: str) -> None:
    if result.sent:
        messages.success(request, sent_text % {"count": result.sent})
    if result.error is not None:
        messages.error(
            request,
            _(
                "Sending stopped because the mail server reported: %(error)s. "
                "Press the button again later to send the remaining mails."
            )
            % {"error": result.error},
        )


@login_required
@require_POST
def send(request: HttpRequest, pk: int) -> HttpResponse:
    scan = facilitated_scan(request.user, pk)
    if not _refuse_sending(request, scan):
        result = send_invitations(scan)
        if result.sent == 0 and result.error is None:
            messages.info(request, _("Everyone with an email address has already been invited."))
        _report(
            request,
            result,
            ngettext(
                "%(count)s invitation was sent.", "%(count)s invitations were sent.", result.sent
            ),
        )
    return redirect("invitations:list", pk=scan.pk)


@login_required
@require_POST
def remind(request: HttpRequest, pk: int) -> HttpResponse:
    scan = facilitated_scan(request.user, pk)
    if not _refuse_sending(request, scan):
        result = send_reminders(scan)
        if result.sent == 0 and result.error is None:
            messages.info(request, _("There is nobody to remind."))
        _report(
            request,
            result,
            ngettext("%(count)s reminder was sent.", "%(count)s reminders were sent.", result.sent),
        )
    return redirect("invitations:list", pk=scan.pk)


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int, respondent_pk: int) -> HttpResponse:
    scan = facilitated_scan(request.user, pk)
    person = get_object_or_404(Respondent, scan=scan, pk=respondent_pk)
    if person.revoked_at is None:
        person.revoked_at = timezone.now()
        person.save(update_fields=["revoked_at"])
    messages.success(
        request, _("The links of respondent %(id)s no longer work.") % {"id": person.external_id}
    )
    response = redirect("invitations:list", pk=scan.pk)
    page = request.POST.get("page", "")
    if page.isdigit():
        response["Location"] += f"?page={page}"
    return response


@login_required
@require_POST
def remind_group(request: HttpRequest, pk: int, groep: str) -> HttpResponse:
    """Remind the respondents of one stakeholder group who have not submitted yet: the
    response planning on the rates page shows which groups still lack answers."""
    scan = facilitated_scan(request.user, pk)
    if groep not in dict(group_choices()):
        return HttpResponseBadRequest(_("Unknown stakeholder group."))
    if not _refuse_sending(request, scan):
        result = send_reminders(scan, groep)
        if result.sent == 0 and result.error is None:
            messages.info(request, _("There is nobody in this group to remind."))
        _report(
            request,
            result,
            ngettext("%(count)s reminder was sent.", "%(count)s reminders were sent.", result.sent),
        )
    return redirect("invitations:rates", pk=scan.pk)
