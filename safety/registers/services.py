"""Register write services: the state check (``RSST_FLOW``/``DGI_FLOW``), the actor's
check, the optimistic lock, the history and the e-mails (after commit)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from imtsocial.errors import DomainError
from imtsocial.locking import lock
from safety import services as safety_services
from safety.registers import perms, tasks
from safety.registers.enums import DGI_FLOW, RSST_FLOW
from safety.registers.models import DgiReport, RsstEntry, WorkAccident


class RegisterError(DomainError):
    """A refused register operation."""


NOT_YOURS = {
    "edit": gettext_lazy("Seul l'auteur modifie son observation, tant qu'elle attend une réponse."),
    "answer": gettext_lazy(
        "Seuls les agents de prévention de l'unité de travail et le conseiller de prévention "
        "répondent."
    ),
    "acknowledge": gettext_lazy(
        "Seul le responsable de l'auteur (ou du service de l'unité de travail) vise l'observation."
    ),
    "close": gettext_lazy("Seule la prévention clôt une observation."),
    "open_action": gettext_lazy("Seule la prévention de l'unité ouvre une action du DUERP."),
}


def _move_rsst(entry, verb, *, by, version) -> RsstEntry:
    row = lock(
        RsstEntry.objects.select_related("author", "work_unit__department"),
        entry.pk,
        version=version,
    )
    RSST_FLOW.check(row, verb)
    if not perms.can_rsst(by, row, verb):
        raise RegisterError(str(NOT_YOURS[verb]))
    RSST_FLOW.apply(row, verb)
    row._history_user = by
    return row


@transaction.atomic
def rsst_create(*, form, author, by) -> RsstEntry:
    entry = form.save(commit=False)
    entry.author = author
    entry._history_user = by
    entry.save()
    tasks.notify_rsst.delay_on_commit(entry.pk, "written")
    return entry


@transaction.atomic
def rsst_update(*, form, by) -> RsstEntry:
    """The author's edit while still submitted; refused if someone acted meanwhile."""
    entry = form.instance
    row = _move_rsst(entry, "edit", by=by, version=form.cleaned_data.get("version"))
    entry.version = row.version
    entry._history_user = by
    return form.save()


@transaction.atomic
def rsst_answer(*, entry, answer: str, by, version) -> RsstEntry:
    row = _move_rsst(entry, "answer", by=by, version=version)
    if not answer.strip():
        raise RegisterError(_("Écrivez la réponse."), field="answer")
    row.answer, row.answered_by, row.answered_at = answer.strip(), by, timezone.now()
    row.save()
    tasks.notify_rsst.delay_on_commit(row.pk, "answered")
    return row


@transaction.atomic
def rsst_acknowledge(*, entry, comment: str, by, version) -> RsstEntry:
    row = _move_rsst(entry, "acknowledge", by=by, version=version)
    if not comment.strip():
        raise RegisterError(_("Écrivez un commentaire pour viser l'observation."), field="comment")
    row.acknowledgement, row.acknowledged_by = comment.strip(), by
    row.acknowledged_at = timezone.now()
    row.save()
    return row


@transaction.atomic
def rsst_close(*, entry, by, version) -> RsstEntry:
    row = _move_rsst(entry, "close", by=by, version=version)
    row.closed_by, row.closed_at = by, timezone.now()
    row.save()
    return row


@transaction.atomic
def rsst_open_action(*, entry, form, by):
    """A DUERP action (``safety.services.action_create``) on a risk of the entry's unit,
    linked to the entry."""
    row = _move_rsst(entry, "open_action", by=by, version=entry.version)
    risk = form.cleaned_data["risk"]
    if row.work_unit_id is None or risk.work_unit_id != row.work_unit_id:
        raise RegisterError(
            _("Choisissez un risque de l'unité de travail de l'observation."), field="risk"
        )
    if row.action_id is not None:
        raise RegisterError(_("Une action du DUERP est déjà liée à cette observation."))
    action = safety_services.action_create(entry=risk, form=form, by=by)
    row.action = action
    row.save()
    return action


# DGI ----------------------------------------------------------------------------------


@transaction.atomic
def dgi_create(*, form, reporter, by) -> DgiReport:
    report = form.save(commit=False)
    report.reported_by = reporter
    report._history_user = by
    report.save()
    tasks.notify_dgi.delay_on_commit(report.pk)
    return report


def _move_dgi(report, verb, *, by, version) -> DgiReport:
    row = lock(DgiReport, report.pk, version=version)
    DGI_FLOW.check(row, verb)
    if not perms.can_dgi(by, row, verb):
        raise RegisterError(_("Seuls la prévention et la direction assurent le suivi."))
    DGI_FLOW.apply(row, verb)
    row._history_user = by
    return row


@transaction.atomic
def dgi_investigate(*, report, investigation: str, by, version) -> DgiReport:
    row = _move_dgi(report, "investigate", by=by, version=version)
    row.investigation, row.investigated_by = investigation.strip(), by
    row.save()
    return row


@transaction.atomic
def dgi_decide(*, report, decision: str, measures: str, decided_on, by, version) -> DgiReport:
    row = _move_dgi(report, "decide", by=by, version=version)
    if decided_on < timezone.localtime(row.occurred_at).date():
        raise RegisterError(
            _("La décision ne peut pas précéder le signalement."), field="decided_on"
        )
    row.decision, row.decision_measures = decision, measures.strip()
    row.decided_on, row.decided_by = decided_on, by
    row.save()
    return row


# Accidents ----------------------------------------------------------------------------


@transaction.atomic
def accident_create(*, form, victim, by) -> WorkAccident:
    accident = form.save(commit=False)
    if "action" in form.fields:
        accident.action = form.cleaned_data.get("action")
    accident.victim = victim
    accident.recorded_by = by
    accident._history_user = by
    accident.save()
    tasks.notify_accident.delay_on_commit(accident.pk)
    return accident


@transaction.atomic
def accident_update(*, form, by) -> WorkAccident:
    accident = form.instance
    accident.version = lock(
        WorkAccident, accident.pk, version=form.cleaned_data.get("version")
    ).version
    if "action" in form.fields:
        accident.action = form.cleaned_data.get("action")
    accident._history_user = by
    return form.save()
