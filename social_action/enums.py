from django.db import models
from django.utils.translation import gettext_lazy as _

from imtsocial.transitions import StateMachine, Transition


class SchemeCategory(models.TextChoices):
    FINANCIAL = "financial", _("Aides financières")
    HOUSING = "housing", _("Logement")
    CATERING = "catering", _("Restauration")
    CESU = "cesu", _("CESU")
    HOLIDAYS = "holidays", _("Vacances et loisirs")
    CONSULTATIONS = "consultations", _("Consultations spécialisées")
    HEALTH = "health", _("Santé et handicap")
    CHRISTMAS = "christmas", _("Noël")
    PARTIES = "parties", _("Fêtes du personnel")


class AmountMode(models.TextChoices):
    FIXED = "fixed", _("Montant forfaitaire")
    BRACKET = "bracket", _("Selon la tranche de revenus")
    CAPPED = "capped", _("Plafonné")
    CASE_BY_CASE = "case", _("Décidé au cas par cas")


class Rule(models.TextChoices):
    """How the amount is computed (the figures live in ``Rate`` and ``IncomeBand``)."""

    NONE = "none", _("Aucun calcul (montant demandé, plafonné)")
    CESU_CHILDCARE = "cesu_childcare", _("CESU garde d'enfant (0-6 ans)")
    AIP = "aip", _("Aide à l'installation des personnels (AIP)")
    MEAL = "meal", _("Subvention repas")
    AEEH = "aeeh", _("Parents d'enfant handicapé (AEEH)")
    HIGHER_EDUCATION = "higher_education", _("Entrée d'un enfant dans l'enseignement supérieur")


class RateKey(models.TextChoices):
    """The amounts that rules read, each date-effective."""

    CESU_COUPLE_1 = "cesu_couple_1", _("CESU, couple, tranche 1 (par an et par enfant)")
    CESU_COUPLE_2 = "cesu_couple_2", _("CESU, couple, tranche 2 (par an et par enfant)")
    CESU_COUPLE_3 = "cesu_couple_3", _("CESU, couple, tranche 3 (par an et par enfant)")
    CESU_SINGLE_1 = "cesu_single_1", _("CESU, parent isolé, tranche 1 (par an et par enfant)")
    CESU_SINGLE_2 = "cesu_single_2", _("CESU, parent isolé, tranche 2 (par an et par enfant)")
    CESU_SINGLE_3 = "cesu_single_3", _("CESU, parent isolé, tranche 3 (par an et par enfant)")
    AIP_HIGH_RENT = "aip_high_rent", _("AIP, plafond en zone tendue")
    AIP_PRIORITY = "aip_priority", _("AIP, plafond en quartier prioritaire")
    AIP_OTHER = "aip_other", _("AIP, plafond ailleurs")
    MEAL = "meal", _("Subvention par repas")
    AEEH_MONTHLY = "aeeh_monthly", _("Parents d'enfant handicapé, montant mensuel")
    HIGHER_EDUCATION = "higher_education", _("Allocation entrée dans le supérieur")


class Household(models.TextChoices):
    COUPLE = "couple", _("Couple")
    SINGLE = "single", _("Parent isolé")


class Zone(models.TextChoices):
    HIGH_RENT = "high_rent", _("Zone tendue (loyers élevés)")
    PRIORITY = "priority", _("Quartier prioritaire de la ville")
    OTHER = "other", _("Autre zone")


class RequestStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("Déposée")
    NEEDS_INFO = "needs_info", _("Complément demandé")
    APPROVED = "approved", _("Accordée")
    REJECTED = "rejected", _("Refusée")
    PAID = "paid", _("Versée")


REQUESTER, CORRESPONDENT = "requester", "correspondent"
# The one table of an aid request's life: verb, from, to (None: the state stays), who.
AID_FLOW = StateMachine(
    Transition(
        "submit",
        {RequestStatus.DRAFT, RequestStatus.NEEDS_INFO},
        RequestStatus.SUBMITTED,
        actor=REQUESTER,
    ),
    Transition(
        "ask_info", {RequestStatus.SUBMITTED}, RequestStatus.NEEDS_INFO, actor=CORRESPONDENT
    ),
    Transition("approve", {RequestStatus.SUBMITTED}, RequestStatus.APPROVED, actor=CORRESPONDENT),
    Transition("reject", {RequestStatus.SUBMITTED}, RequestStatus.REJECTED, actor=CORRESPONDENT),
    Transition("pay", {RequestStatus.APPROVED}, RequestStatus.PAID, actor=CORRESPONDENT),
    # what the requester may do without changing the state
    Transition("edit", {RequestStatus.DRAFT, RequestStatus.NEEDS_INFO}, None, actor=REQUESTER),
    Transition("delete", {RequestStatus.DRAFT}, None, actor=REQUESTER),
    Transition(
        "write",
        {
            RequestStatus.DRAFT,
            RequestStatus.SUBMITTED,
            RequestStatus.NEEDS_INFO,
            RequestStatus.APPROVED,
        },
        None,
        actor=REQUESTER,
    ),
    choices=RequestStatus,
)
OPEN_STATUSES = (RequestStatus.DRAFT, RequestStatus.SUBMITTED, RequestStatus.NEEDS_INFO)
GRANTED_STATUSES = (RequestStatus.APPROVED, RequestStatus.PAID)
# Requests still in progress once submitted (the correspondent's queue by default).
QUEUE_STATUSES = (RequestStatus.SUBMITTED, RequestStatus.NEEDS_INFO, RequestStatus.APPROVED)
STATUS_BADGES = {
    RequestStatus.SUBMITTED: "info",
    RequestStatus.NEEDS_INFO: "warning",
    RequestStatus.APPROVED: "success",
    RequestStatus.REJECTED: "error",
    RequestStatus.PAID: "success",
}


class SlotKind(models.TextChoices):
    OFFICE_HOURS = "office", _("Permanence de la correspondante")
    SOCIAL_WORKER = "social_worker", _("Assistante sociale")
    LAWYER = "lawyer", _("Avocat")
    PSYCHOLOGIST = "psychologist", _("Psychologue")


class EventKind(models.TextChoices):
    CHRISTMAS = "christmas", _("Arbre de Noël")
    FLU = "flu", _("Vaccination contre la grippe")
    PARTY = "party", _("Fête du personnel")
