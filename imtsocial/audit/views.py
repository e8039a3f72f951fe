"""The data-protection officer's journal (RULES.md §6) and its export.

Every read of another person's file, salary, evaluation, coaching record, aid file or
document is there: who (name and role), what (« avec la rémunération » when the page
showed pay), about whom (named from the staff record, even without a login), when and
from where (the client address). DPO only: 403 for everyone else. The export goes
through the kit's writer (formula-safe) and is itself journaled."""

from datetime import datetime, time, timedelta

from allauth.account.decorators import reauthentication_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role
from imtsocial.audit.forms import JournalFilterForm
from imtsocial.audit.models import AuditEvent
from imtsocial.exports import csv_response, xlsx_response
from imtsocial.pagination import paginate


def _day_start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def filtered_events(form: JournalFilterForm):
    """The events the filters keep, newest first; a date filter is a range on the
    indexed ``at`` (a local day, from midnight to midnight)."""
    events = AuditEvent.objects.all()
    if not form.is_valid():
        return events
    data = form.cleaned_data
    if data["actor"]:
        events = events.filter(actor_label__icontains=data["actor"])
    if data["subject"]:
        events = events.filter(subject_label__icontains=data["subject"])
    if data["action"]:
        events = events.filter(action=data["action"])
    if data["kind"]:
        events = events.filter(object_type=data["kind"])
    if data["with_pay"]:
        events = events.filter(with_pay=True)
    if data["start"]:
        events = events.filter(at__gte=_day_start(data["start"]))
    if data["end"]:
        events = events.filter(at__lt=_day_start(data["end"] + timedelta(days=1)))
    return events


@require_GET
@role_required(Role.DPO)
def journal(request):
    """Who opened which sensitive record, for the data-protection officer."""
    form = JournalFilterForm(request.GET or None)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/journal.html",
        {
            "form": form,
            "page": paginate(request, filtered_events(form)),
            "query": query.urlencode(),
        },
    )


EXPORT_COLUMNS = [
    ("at", gettext_lazy("Date")),
    ("actor_label", gettext_lazy("Auteur")),
    ("actor_role", gettext_lazy("Rôle")),
    ("action", gettext_lazy("Action")),
    ("object_type", gettext_lazy("Type d'objet")),
    ("object_label", gettext_lazy("Objet")),
    ("subject_label", gettext_lazy("Personne concernée")),
    ("with_pay", gettext_lazy("Avec la rémunération")),
    ("detail", gettext_lazy("Détail")),
    ("ip", gettext_lazy("Adresse IP")),
]


def _export_rows(events):
    for event in events.iterator(chunk_size=2000):
        yield [
            event.at,
            event.actor_label,
            event.actor_role_label,
            event.get_action_display(),
            event.object_kind_label,
            event.object_label,
            event.subject_label,
            event.with_pay,
            event.detail,
            event.ip,
        ]


@require_GET
@role_required(Role.DPO)  # before the password prompt: others are not asked for it
@reauthentication_required
def journal_export(request, fmt):
    """The filtered journal as CSV or XLSX; the export is journaled too."""
    form = JournalFilterForm(request.GET or None)
    events = filtered_events(form)
    AuditEvent.log_export(
        actor=request.user,
        obj=request.user,
        detail=_("Journal d'audit (%(fmt)s) %(query)s")
        % {"fmt": fmt.upper(), "query": request.GET.urlencode()},
    )
    header = [str(label) for _field, label in EXPORT_COLUMNS]
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    rows = _export_rows(events)
    if fmt == "csv":
        return csv_response(f"journal-audit-{stamp}.csv", header, rows)
    return xlsx_response(f"journal-audit-{stamp}.xlsx", _("Journal d'audit"), header, rows)
