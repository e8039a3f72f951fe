"""The thresholds of the critical-skills page, as dated parameters (kept by HR)."""

from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.roles import Role
from imtsocial.refdata.models import Unit
from imtsocial.refdata.parameters import Parameter

RETIREMENT_AGE = Parameter(
    "skills.retirement_age",
    _("Compétences critiques : âge légal de départ à la retraite retenu"),
    unit=Unit.YEARS,
    owner=Role.HR,
)
HORIZON_YEARS = Parameter(
    "skills.horizon_years",
    _("Compétences critiques : horizon des départs (par défaut)"),
    unit=Unit.YEARS,
    owner=Role.HR,
)
FEW_HOLDERS = Parameter(
    "skills.few_holders",
    _("Compétences critiques : nombre de détenteurs en dessous duquel la compétence est en risque"),
    unit=Unit.PEOPLE,
    owner=Role.HR,
    help_text=_("Une compétence détenue par ce nombre de personnes ou moins est signalée."),
)
