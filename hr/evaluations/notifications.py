"""Evaluation e-mails: content-free — they say that an interview needs the person and
invite them to log in; no date, no comment, no result leaves the intranet.

Called by ``hr.evaluations.tasks`` with records reloaded by primary key.
"""

from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from hr.evaluations.models import EvaluationInterview
from hr.evaluations.parameters import REMINDER_DAYS
from hr.models import Employee
from imtsocial.accounts.roles import Role, members_of
from imtsocial.notifications import absolute_url, email_of, send_email


def _send(recipients: list[str]) -> int:
    return send_email(
        [r for r in recipients if r],
        _("[imtsocial] Un entretien professionnel vous attend"),
        _(
            "Bonjour,\n\nUn entretien professionnel qui vous concerne a avancé ou attend "
            "une action de votre part.\nConnectez-vous à l'intranet pour le consulter."
        ),
        link=absolute_url("/"),
    )


def interview_changed(*, interview: EvaluationInterview, audience: str) -> int:
    """``audience``: employee, evaluator, endorser (HR when there is none) or hr."""
    if audience == "employee":
        return _send([email_of(interview.employee)])
    if audience == "evaluator" and interview.evaluator is not None:
        return _send([email_of(interview.evaluator)])
    if audience == "endorser" and interview.endorser is not None:
        return _send([email_of(interview.endorser)])
    return _send([user.email for user in members_of(Role.HR)])


def evaluators_remind(*, today: date | None = None) -> int:
    """Each evaluator with interviews not yet notified in a campaign whose deadline is
    within ``REMINDER_DAYS`` (or past) gets one e-mail, and HR one. Returns the number of
    e-mails sent (weekly, from beat)."""
    today = today or timezone.localdate()
    soon = today + timedelta(days=REMINDER_DAYS.at(today))
    pending = EvaluationInterview.objects.not_done().filter(campaign__deadline__lte=soon)
    evaluator_ids = set(pending.exclude(evaluator=None).values_list("evaluator_id", flat=True))
    evaluators = Employee.objects.filter(pk__in=evaluator_ids).select_related("user")
    sent = sum(_send([email_of(evaluator)]) for evaluator in evaluators)
    if pending.exists():
        sent += _send([user.email for user in members_of(Role.HR)])
    return sent
