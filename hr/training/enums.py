"""Training: course themes and modes, and the enrolment state machine.

An employee asks for a place (their manager approves or refuses, with a reason);
HR may enrol someone directly (approved at once). After the session HR records the
attendance with the hours really attended (or the absence)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from imtsocial.transitions import StateMachine, Transition

EMPLOYEE, MANAGER, HR = "employee", "manager", "hr"


class Theme(models.TextChoices):
    MANAGEMENT = "management", _("Management et travail en équipe")
    REMOTE_WORK = "remote_work", _("Travail à distance")
    SAFETY = "safety", _("Santé et sécurité au travail")
    DIGITAL = "digital", _("Outils numériques")
    PROFESSIONAL = "professional", _("Métier et technique")
    LANGUAGES = "languages", _("Langues")
    TALENTS = "talents", _("Développement des personnes")
    CAREER = "career", _("Préparation aux concours et carrière")


class Mode(models.TextChoices):
    REMOTE = "remote", _("À distance")
    ON_SITE = "on_site", _("Sur site")


class EnrolmentStatus(models.TextChoices):
    REQUESTED = "requested", _("Demandée")
    APPROVED = "approved", _("Acceptée")
    REFUSED = "refused", _("Refusée")
    CANCELLED = "cancelled", _("Annulée")
    ATTENDED = "attended", _("Suivie")
    ABSENT = "absent", _("Absent")


ENROLMENT_FLOW = StateMachine(
    Transition("approve", {EnrolmentStatus.REQUESTED}, EnrolmentStatus.APPROVED, actor=MANAGER),
    Transition("refuse", {EnrolmentStatus.REQUESTED}, EnrolmentStatus.REFUSED, actor=MANAGER),
    Transition(
        "cancel",
        {EnrolmentStatus.REQUESTED, EnrolmentStatus.APPROVED},
        EnrolmentStatus.CANCELLED,
        actor=EMPLOYEE,
    ),
    Transition(
        "record_attendance",
        {EnrolmentStatus.APPROVED, EnrolmentStatus.ATTENDED, EnrolmentStatus.ABSENT},
        None,
        actor=HR,
    ),
    choices=EnrolmentStatus,
)

# A place is taken by these (capacity, « enrolled twice »).
HOLDS_A_PLACE = frozenset(
    {EnrolmentStatus.REQUESTED, EnrolmentStatus.APPROVED, EnrolmentStatus.ATTENDED}
)
STATUS_BADGES = {
    EnrolmentStatus.REQUESTED: "info",
    EnrolmentStatus.APPROVED: "success",
    EnrolmentStatus.REFUSED: "error",
    EnrolmentStatus.CANCELLED: "",
    EnrolmentStatus.ATTENDED: "success",
    EnrolmentStatus.ABSENT: "warning",
}
