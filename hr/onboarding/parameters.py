from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.roles import Role
from imtsocial.refdata.models import Unit
from imtsocial.refdata.parameters import Parameter

RECENT_HIRE_DAYS = Parameter(
    "onboarding.recent_hire_days",
    _("Accueil : un agent arrivé depuis moins de ce délai reçoit une liste d'accueil"),
    unit=Unit.DAYS,
    owner=Role.HR,
)
