"""Who may see and do what with evaluation interviews.

An interview is seen by the employee, the evaluator, the endorsing manager and HR —
nobody else (a talent developer, a colleague, the director: 404). The verbs come from
``INTERVIEW_FLOW`` and ``REVIEW_FLOW``: the evaluator plans, holds, writes, notifies and
answers a review, the employee signs and asks for a review, the endorser endorses —
HR endorses only an interview whose evaluator has no manager of their own.
"""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from hr.evaluations.enums import (
    EMPLOYEE,
    ENDORSER,
    EVALUATOR,
    INTERVIEW_FLOW,
    NOTIFIED_STATUSES,
    REVIEW_FLOW,
)
from hr.evaluations.models import EvaluationCampaign, EvaluationInterview
from imtsocial.accounts.roles import Role, employee_of, has_role


def is_hr(user) -> bool:
    return has_role(user, Role.HR)


def can_manage_campaigns(user) -> bool:
    return is_hr(user)


def can_see_aggregates(user) -> bool:
    return has_role(user, Role.HR, Role.DIRECTOR)


def interviews_visible_to(user):
    interviews = EvaluationInterview.objects.all()
    if is_hr(user):
        return interviews
    own = employee_of(user)
    if own is None:
        return interviews.none()
    return interviews.filter(Q(employee=own) | Q(evaluator=own) | Q(endorser=own))


def get_interview_for(user, pk) -> EvaluationInterview:
    """One scoped fetch: 404 for an interview ``user`` may not see."""
    return get_object_or_404(
        interviews_visible_to(user).select_related(
            "campaign", "employee__department", "evaluator", "endorser", "employee__user"
        ),
        pk=pk,
    )


def get_campaign_for(user, pk) -> EvaluationCampaign:
    if not can_manage_campaigns(user):
        raise Http404
    return get_object_or_404(EvaluationCampaign, pk=pk)


def is_employee(user, interview) -> bool:
    own = employee_of(user)
    return own is not None and interview.employee_id == own.pk


def is_evaluator(user, interview) -> bool:
    own = employee_of(user)
    return own is not None and interview.evaluator_id == own.pk


def is_endorser(user, interview) -> bool:
    """The evaluator's own manager; HR when the evaluator has none."""
    own = employee_of(user)
    if interview.endorser_id is not None:
        return own is not None and interview.endorser_id == own.pk
    return is_hr(user) and not is_employee(user, interview)


ACTORS = {EMPLOYEE: is_employee, EVALUATOR: is_evaluator, ENDORSER: is_endorser}


def can(user, interview, verb: str) -> bool:
    machine = REVIEW_FLOW if verb in REVIEW_FLOW.transitions else INTERVIEW_FLOW
    if not machine.can(user, interview, verb, ACTORS):
        return False
    return machine is INTERVIEW_FLOW or _review_open(interview, verb)


def _review_open(interview, verb: str) -> bool:
    """The review track runs after the notification, within its delays."""
    if interview.status not in NOTIFIED_STATUSES:
        return False
    today = timezone.localdate()
    if verb == "request_review":
        return today <= interview.review_request_deadline
    if verb == "refer_committee":
        answered_or_waited = (
            interview.review_answered_on is not None or today > interview.review_answer_deadline
        )
        return answered_or_waited and today <= interview.committee_referral_deadline
    return True


def verbs_for(user, interview) -> dict[str, bool]:
    """``{"can_plan": …, "can_sign": …}`` for the page (no status compared in templates)."""
    verbs = list(INTERVIEW_FLOW.transitions) + list(REVIEW_FLOW.transitions)
    return {f"can_{verb}": can(user, interview, verb) for verb in verbs}


def is_third_party_reader(user, interview) -> bool:
    """A read to journal: anyone but the employee."""
    return not is_employee(user, interview)
