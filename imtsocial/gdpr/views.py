"""« Mes données » (every signed-in person, only their own) and the DPO's retention page."""

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, employee_of
from imtsocial.audit.models import AuditEvent
from imtsocial.gdpr import services
from imtsocial.gdpr.models import RetentionReport
from imtsocial.gdpr.registry import retention_rules
from imtsocial.pdf import render_pdf


@require_GET
@login_required
def my_data(request):
    return render(request, "gdpr/my_data.html", {})


def _filename(ext: str) -> str:
    return f"mes-donnees-{timezone.localdate():%Y-%m-%d}.{ext}"


@require_GET
@login_required
def my_data_json(request):
    """Everything held about the signed-in person (no identifier in the URL: only oneself).

    The download is journaled. Rendered inline: a person's data is small."""
    data = services.subject_data_json(sections=services.subject_data_collect(user=request.user))
    AuditEvent.log_download(
        actor=request.user, obj=request.user, subject=request.user, detail="Mes données (JSON)"
    )
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("json")}"'
    return response


def _person_name(user) -> str:
    employee = employee_of(user)
    if employee is not None:
        return employee.full_name
    return user.get_full_name() or user.email


@require_GET
@login_required
def my_data_pdf(request):
    """The same, as a readable French PDF (inline rendering: a few pages)."""
    sections = services.subject_data_collect(user=request.user)
    pdf = render_pdf(
        "pdf/my_data.html",
        {
            "person": _person_name(request.user),
            "sections": sections,
            "generated_at": timezone.now(),
            "title": _("Mes données"),
        },
    )
    AuditEvent.log_download(
        actor=request.user, obj=request.user, subject=request.user, detail="Mes données (PDF)"
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename("pdf")}"'
    return response


@require_GET
@role_required(Role.DPO)
def retention(request):
    """The retention table (RULES §6) and the last reports of the daily run."""
    reports = list(RetentionReport.objects.all()[:30])
    labels = {rule.key: rule.category for rule in retention_rules}
    for report in reports:
        report.lines = [
            {"category": labels.get(key, key), "due": count, "treated": report.treated.get(key)}
            for key, count in report.due.items()
        ]
    return render(
        request,
        "gdpr/retention.html",
        {"rows": services.retention_table(), "reports": reports},
    )
