"""Coaching services: choosing a coach under the hierarchy rule, sessions, the end of a
relationship, and the re-check when a manager changes."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hr.coaching.models import CoachingRelationship, CoachingSession, EndReason
from hr.models import Employee, TalentDeveloper
from imtsocial.errors import DomainError
from imtsocial.locking import lock


class CoachingError(DomainError):
    """A refused coaching operation."""


def hierarchy_above(employee) -> set[int]:
    """The people who manage (and so evaluate) ``employee`` and the one who endorses them:
    their manager and their manager's manager."""
    above = set()
    if employee.manager_id:
        above.add(employee.manager_id)
        second = Employee.objects.filter(pk=employee.manager_id).values_list(
            "manager_id", flat=True
        )
        above.update(pk for pk in second if pk)
    return above


def conflict_message(coachee, coach_employee) -> str | None:
    if coach_employee.pk == coachee.pk:
        return _("Vous ne pouvez pas être votre propre développeur de talents.")
    if coach_employee.pk in hierarchy_above(coachee):
        return _(
            "%(coach)s est dans votre ligne hiérarchique (il vous encadre, conduit ou vise "
            "votre entretien) : un développeur de talents n'accompagne jamais quelqu'un qu'il "
            "évalue. Choisissez quelqu'un d'autre."
        ) % {"coach": coach_employee.full_name}
    if coachee.pk in hierarchy_above(coach_employee):
        return _(
            "Vous encadrez %(coach)s ou visez son entretien : choisissez quelqu'un d'autre."
        ) % {"coach": coach_employee.full_name}
    return None


def available_coaches(coachee):
    """Active talent developers the person may choose (not themself, not in their line)."""
    excluded = hierarchy_above(coachee) | {coachee.pk}
    return (
        TalentDeveloper.objects.filter(active=True)
        .exclude(employee_id__in=excluded)
        .exclude(employee__manager=coachee)
        .select_related("employee__department")
        .order_by("employee__last_name", "employee__first_name")
    )


@transaction.atomic
def coach_choose(*, coachee, coach: TalentDeveloper, by) -> CoachingRelationship:
    lock(Employee, coachee.pk)
    if not coach.active:
        raise CoachingError(_("Ce développeur de talents n'est plus en activité."), field="coach")
    message = conflict_message(coachee, coach.employee)
    if message:
        raise CoachingError(message, field="coach")
    if CoachingRelationship.objects.filter(coachee=coachee, ended_on__isnull=True).exists():
        raise CoachingError(
            _(
                "Vous avez déjà un développeur de talents : mettez fin à cet accompagnement "
                "avant d'en choisir un autre."
            ),
            field="coach",
        )
    try:
        with transaction.atomic():
            return CoachingRelationship.objects.create(
                coachee=coachee, coach=coach, started_on=timezone.localdate()
            )
    except IntegrityError as exc:
        raise CoachingError(_("Vous avez déjà un développeur de talents."), field="coach") from exc


@transaction.atomic
def relationship_end(*, relationship, reason: str, by, version) -> CoachingRelationship:
    row = lock(CoachingRelationship, relationship.pk, version=version)
    if row.ended_on is not None:
        raise CoachingError(_("Cet accompagnement est déjà terminé."))
    row.ended_on, row.end_reason = timezone.localdate(), reason
    row.save()
    return row


@transaction.atomic
def session_add(*, relationship, date, notes: str, by) -> CoachingSession:
    row = lock(CoachingRelationship, relationship.pk)
    if row.ended_on is not None:
        raise CoachingError(_("Cet accompagnement est terminé."))
    if date > timezone.localdate():
        raise CoachingError(_("Une séance se note une fois tenue."), field="date")
    if date < row.started_on:
        raise CoachingError(
            _("La séance précède le début de l'accompagnement (%(date)s).")
            % {"date": row.started_on.strftime("%d/%m/%Y")},
            field="date",
        )
    return CoachingSession.objects.create(relationship=row, date=date, notes=notes.strip())


def relationships_follow_hierarchy(sender, *, employee, previous_manager_id, **kwargs):
    """When a manager changes, an open relationship that now joins a coach and someone
    they manage or endorse ends (connected to ``hr.models.manager_changed``)."""
    concerned = CoachingRelationship.objects.filter(ended_on__isnull=True).filter(
        coachee__in=Employee.objects.filter(pk=employee.pk)
        | Employee.objects.filter(manager=employee)
    ) | CoachingRelationship.objects.filter(ended_on__isnull=True, coach__employee=employee)
    for relationship in concerned.select_related("coachee", "coach__employee").distinct():
        if conflict_message(relationship.coachee, relationship.coach.employee):
            CoachingRelationship.objects.filter(pk=relationship.pk).update(
                ended_on=timezone.localdate(), end_reason=EndReason.HIERARCHY
            )
