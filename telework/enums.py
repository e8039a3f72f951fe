from django.db import models
from django.utils.translation import gettext_lazy as _

from imtsocial.transitions import StateMachine, Transition


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("lundi")
    TUESDAY = 1, _("mardi")
    WEDNESDAY = 2, _("mercredi")
    THURSDAY = 3, _("jeudi")
    FRIDAY = 4, _("vendredi")


class FloatingPeriod(models.TextChoices):
    WEEK = "week", _("par semaine")
    MONTH = "month", _("par mois")
    YEAR = "year", _("par an")


class AssessmentPeriod(models.TextChoices):
    WEEK = "week", _("semaine")
    MONTH = "month", _("mois")


class Reason(models.TextChoices):
    COMMUTE = "commute", _("Temps de trajet important")
    SITUATION = "situation", _("Situation particulière")
    HEALTH = "health", _("Santé ou handicap (dérogation)")
    PREGNANCY = "pregnancy", _("Grossesse (dérogation)")
    CARER = "carer", _("Proche aidant (dérogation)")


# Reasons that lift the 3-day ceiling (RULES §2), and those the manager never sees
# (RULES §6: health and social situations are special-category data; the manager sees
# the outcome only). A long commute is no personal data the manager lacks.
DEROGATION_REASONS = frozenset({Reason.HEALTH, Reason.PREGNANCY, Reason.CARER})
CONFIDENTIAL_REASONS = DEROGATION_REASONS | {Reason.SITUATION}


class RequestStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("En attente du responsable")
    MANAGER_APPROVED = "manager_approved", _("En attente de la décision finale")
    APPROVED = "approved", _("Autorisée")
    REJECTED = "rejected", _("Refusée")
    WITHDRAWN = "withdrawn", _("Retirée")


# Requests that hold their period: a new request may not overlap them.
LIVE_STATUSES = (
    RequestStatus.DRAFT,
    RequestStatus.SUBMITTED,
    RequestStatus.MANAGER_APPROVED,
    RequestStatus.APPROVED,
)
PENDING_STATUSES = (RequestStatus.SUBMITTED, RequestStatus.MANAGER_APPROVED)

# Actors of the request's state machine (``telework.perms.ACTORS`` says who they are).
REQUESTER, MANAGER, FINAL_DECIDER, AUTHORISATION_READER = (
    "requester",
    "manager",
    "final_decider",
    "authorisation_reader",
)
# The one table of a request's life: verb, from, to (None: the state stays), who.
REQUEST_FLOW = StateMachine(
    Transition("submit", {RequestStatus.DRAFT}, RequestStatus.SUBMITTED, actor=REQUESTER),
    Transition(
        "manager_approve", {RequestStatus.SUBMITTED}, RequestStatus.MANAGER_APPROVED, actor=MANAGER
    ),
    Transition("manager_reject", {RequestStatus.SUBMITTED}, RequestStatus.REJECTED, actor=MANAGER),
    Transition(
        "approve", {RequestStatus.MANAGER_APPROVED}, RequestStatus.APPROVED, actor=FINAL_DECIDER
    ),
    Transition(
        "reject", {RequestStatus.MANAGER_APPROVED}, RequestStatus.REJECTED, actor=FINAL_DECIDER
    ),
    Transition(
        "withdraw",
        {RequestStatus.DRAFT, RequestStatus.SUBMITTED, RequestStatus.MANAGER_APPROVED},
        RequestStatus.WITHDRAWN,
        actor=REQUESTER,
    ),
    Transition("renew", {RequestStatus.APPROVED}, None, actor=REQUESTER),
    Transition(
        "download_authorisation", {RequestStatus.APPROVED}, None, actor=AUTHORISATION_READER
    ),
    choices=RequestStatus,
)
STATUS_BADGES = {
    RequestStatus.APPROVED: "success",
    RequestStatus.REJECTED: "error",
    RequestStatus.WITHDRAWN: "info",
}


class FinalDecider(models.TextChoices):
    HR = "hr", _("Ressources humaines")
    DIRECTOR = "director", _("Direction")


class AssetKind(models.TextChoices):
    LAPTOP = "laptop", _("Ordinateur portable")
    HEADSET = "headset", _("Casque avec micro")
    SCREEN = "screen", _("Écran 24 pouces")
    DESKTOP = "desktop", _("Poste fixe")


class AssetState(models.TextChoices):
    IN_STOCK = "in_stock", _("En stock")
    LENT = "lent", _("Prêté")
    REPAIR = "repair", _("En réparation")
    RETIRED = "retired", _("Réformé")


class ReturnCondition(models.TextChoices):
    GOOD = "good", _("Bon état")
    WORN = "worn", _("Usure normale")
    DAMAGED = "damaged", _("Endommagé")
