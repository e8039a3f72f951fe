"""Statuses of an evaluation interview and its two state machines (décret 2010-888).

The interview: planned by the direct manager (the date given at least 8 days ahead),
held, its report written, notified (the report is then locked), signed for receipt by
the employee with their comments, endorsed by the manager's own manager. Beside it,
the review track: a review asked by the employee within 15 clear days of the
notification, answered within 15 clear days, then a referral to the joint committee
within one month.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from imtsocial.transitions import StateMachine, Transition

EVALUATOR, EMPLOYEE, ENDORSER = "evaluator", "employee", "endorser"


class InterviewStatus(models.TextChoices):
    TO_PLAN = "to_plan", _("À planifier")
    PLANNED = "planned", _("Planifié")
    HELD = "held", _("Tenu")
    WRITTEN = "written", _("Compte rendu rédigé")
    NOTIFIED = "notified", _("Notifié")
    SIGNED = "signed", _("Signé par l'agent")
    ENDORSED = "endorsed", _("Visé")


class ReviewStatus(models.TextChoices):
    NONE = "none", _("Aucune demande")
    REQUESTED = "requested", _("Révision demandée")
    ANSWERED = "answered", _("Réponse donnée")
    REFERRED = "referred", _("Commission paritaire saisie")


class Committee(models.TextChoices):
    CAP = "cap", _("Commission administrative paritaire (CAP)")
    CCP = "ccp", _("Commission consultative paritaire (CCP)")


INTERVIEW_FLOW = StateMachine(
    Transition(
        "plan",
        {InterviewStatus.TO_PLAN, InterviewStatus.PLANNED},
        InterviewStatus.PLANNED,
        actor=EVALUATOR,
    ),
    Transition("hold", {InterviewStatus.PLANNED}, InterviewStatus.HELD, actor=EVALUATOR),
    Transition(
        "write",
        {InterviewStatus.HELD, InterviewStatus.WRITTEN},
        InterviewStatus.WRITTEN,
        actor=EVALUATOR,
    ),
    Transition("notify", {InterviewStatus.WRITTEN}, InterviewStatus.NOTIFIED, actor=EVALUATOR),
    Transition("sign", {InterviewStatus.NOTIFIED}, InterviewStatus.SIGNED, actor=EMPLOYEE),
    Transition("endorse", {InterviewStatus.SIGNED}, InterviewStatus.ENDORSED, actor=ENDORSER),
    choices=InterviewStatus,
)

REVIEW_FLOW = StateMachine(
    Transition("request_review", {ReviewStatus.NONE}, ReviewStatus.REQUESTED, actor=EMPLOYEE),
    Transition("answer_review", {ReviewStatus.REQUESTED}, ReviewStatus.ANSWERED, actor=EVALUATOR),
    Transition(
        "refer_committee",
        {ReviewStatus.REQUESTED, ReviewStatus.ANSWERED},
        ReviewStatus.REFERRED,
        actor=EMPLOYEE,
    ),
    field="review_status",
    choices=ReviewStatus,
)

# The report is locked from the notification on; a review may then be asked.
NOTIFIED_STATUSES = frozenset(
    {InterviewStatus.NOTIFIED, InterviewStatus.SIGNED, InterviewStatus.ENDORSED}
)
# Before the notification the evaluator follows the hierarchy (the direct manager).
BEFORE_NOTIFICATION = frozenset(InterviewStatus) - NOTIFIED_STATUSES
# « Done » for the campaign follow-up: the report has been notified.
DONE_STATUSES = NOTIFIED_STATUSES

STATUS_BADGES = {
    InterviewStatus.TO_PLAN: "warning",
    InterviewStatus.PLANNED: "info",
    InterviewStatus.HELD: "info",
    InterviewStatus.WRITTEN: "info",
    InterviewStatus.NOTIFIED: "new",
    InterviewStatus.SIGNED: "success",
    InterviewStatus.ENDORSED: "success",
}
