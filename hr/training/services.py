"""Training write services: enrolment (capacity and duplicates checked under a lock on
the session), the manager's decision, cancellation, attendance."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hr.training import perms, tasks
from hr.training.enums import ENROLMENT_FLOW, HOLDS_A_PLACE, EnrolmentStatus
from hr.training.models import Enrolment, TrainingSession
from imtsocial.errors import DomainError
from imtsocial.locking import lock


class TrainingError(DomainError):
    """A refused training operation."""


@transaction.atomic
def enrolment_request(*, session, employee, by, uses_cpf: bool = False) -> Enrolment:
    """A place asked by the person (to be approved by their manager) or given by HR
    (approved at once). Refused for a session already started, a person already
    enrolled, or a full session — checked under a lock on the session row."""
    session = lock(TrainingSession.objects.select_related("course"), session.pk)
    if session.starts_on <= timezone.localdate():
        raise TrainingError(_("Cette session a déjà commencé : on ne peut plus s'y inscrire."))
    places = session.enrolments.filter(status__in=HOLDS_A_PLACE)
    if places.filter(employee=employee).exists():
        raise TrainingError(
            _("%(name)s est déjà inscrit à cette session.") % {"name": employee.full_name},
            field="employee_number",
        )
    if places.count() >= session.capacity:
        raise TrainingError(
            _("Cette session est complète (%(capacity)s places).") % {"capacity": session.capacity}
        )
    by_hr = perms.is_hr(by) and employee.user_id != by.pk
    enrolment = Enrolment(
        session=session,
        employee=employee,
        requested_by=by,
        uses_cpf=uses_cpf,
        status=EnrolmentStatus.APPROVED if by_hr else EnrolmentStatus.REQUESTED,
        decided_by=by if by_hr else None,
    )
    enrolment._history_user = by
    enrolment.save()
    tasks.notify_enrolment.delay_on_commit(enrolment.pk, "employee" if by_hr else "decider")
    return enrolment


def _move(enrolment, verb, *, by, version) -> Enrolment:
    row = lock(
        Enrolment.objects.select_related("employee", "session__course"),
        enrolment.pk,
        version=version,
    )
    ENROLMENT_FLOW.check(row, verb)
    if not perms.can(by, row, verb):
        raise TrainingError(str(NOT_YOURS[verb]))
    ENROLMENT_FLOW.apply(row, verb)
    row._history_user = by
    return row


NOT_YOURS = {
    "approve": gettext_lazy("Seul le responsable de l'agent décide de sa demande de formation."),
    "refuse": gettext_lazy("Seul le responsable de l'agent décide de sa demande de formation."),
    "cancel": gettext_lazy("Seul l'agent annule son inscription."),
    "record_attendance": gettext_lazy("Seules les ressources humaines notent les présences."),
}


@transaction.atomic
def enrolment_decide(*, enrolment, approve: bool, reason: str, by, version) -> Enrolment:
    verb = "approve" if approve else "refuse"
    row = _move(enrolment, verb, by=by, version=version)
    if not approve and not reason.strip():
        raise TrainingError(_("Un refus doit être motivé."), field="reason")
    row.decided_by, row.refusal_reason = by, reason.strip()
    row.save()
    tasks.notify_enrolment.delay_on_commit(row.pk, "employee")
    return row


@transaction.atomic
def enrolment_cancel(*, enrolment, by, version) -> Enrolment:
    row = _move(enrolment, "cancel", by=by, version=version)
    if row.session.starts_on <= timezone.localdate():
        raise TrainingError(_("La session a commencé : l'inscription ne s'annule plus."))
    row.save()
    return row


@transaction.atomic
def attendance_record(*, session, hours: dict[int, Decimal | None], by) -> int:
    """``hours``: enrolment pk → hours really attended (None: absent). Each value is
    between 0 (excluded) and the course's length; the session must have started."""
    session = lock(TrainingSession.objects.select_related("course"), session.pk)
    if session.starts_on > timezone.localdate():
        raise TrainingError(_("Les présences se notent une fois la session commencée."))
    errors = {}
    rows = Enrolment.objects.select_for_update().filter(session=session, pk__in=list(hours))
    rows = {row.pk: row for row in rows.select_related("employee")}
    for pk, value in hours.items():
        row = rows.get(pk)
        if row is None:
            continue
        if not perms.can(by, row, "record_attendance"):
            raise TrainingError(str(NOT_YOURS["record_attendance"]))
        if value is not None and not (Decimal(0) < value <= session.course.hours):
            errors[f"hours_{pk}"] = [
                _("Entre 0 et %(max)s heures (la durée de la formation).")
                % {"max": f"{session.course.hours.normalize():f}".replace(".", ",")}
            ]
    if errors:
        raise TrainingError.from_dict(errors)
    for pk, value in hours.items():
        row = rows.get(pk)
        if row is None:
            continue
        row.status = EnrolmentStatus.ABSENT if value is None else EnrolmentStatus.ATTENDED
        row.attended_hours = value
        row.version += 1
        row._history_user = by
        row.save()
    return len(rows)
