"""The thresholds social action reads, as dated parameters (values: migration 0004, then
the correspondent in « Référentiels »)."""

from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.roles import Role
from imtsocial.refdata.models import Unit
from imtsocial.refdata.parameters import Parameter

CESU_MAX_AGE = Parameter(
    "social_action.cesu_max_age",
    _("CESU garde d'enfant : âge de l'enfant jusqu'auquel il est versé"),
    unit=Unit.YEARS,
    owner=Role.SOCIAL_ACTION,
)
AEEH_MAX_AGE = Parameter(
    "social_action.aeeh_max_age",
    _("Parents d'enfant handicapé : âge limite de l'enfant"),
    unit=Unit.YEARS,
    owner=Role.SOCIAL_ACTION,
)
AIP_MONTHS_SINCE_HIRE = Parameter(
    "social_action.aip_months_since_hire",
    _("AIP : délai de demande après la prise de poste"),
    unit=Unit.MONTHS,
    owner=Role.SOCIAL_ACTION,
)
AIP_MONTHS_SINCE_LEASE = Parameter(
    "social_action.aip_months_since_lease",
    _("AIP : délai de demande après la signature du bail"),
    unit=Unit.MONTHS,
    owner=Role.SOCIAL_ACTION,
)
HIGHER_EDUCATION_MIN_AGE = Parameter(
    "social_action.higher_education_min_age",
    _("Allocation entrée dans le supérieur : âge minimal de l'enfant"),
    unit=Unit.YEARS,
    owner=Role.SOCIAL_ACTION,
)
HIGHER_EDUCATION_MAX_AGE = Parameter(
    "social_action.higher_education_max_age",
    _("Allocation entrée dans le supérieur : âge maximal de l'enfant"),
    unit=Unit.YEARS,
    owner=Role.SOCIAL_ACTION,
)
REQUEST_SLA_DAYS = Parameter(
    "social_action.request_sla_days",
    _("Délai d'instruction d'une demande d'aide, au-delà duquel elle est signalée"),
    unit=Unit.DAYS,
    owner=Role.SOCIAL_ACTION,
)
