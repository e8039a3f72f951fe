"""The parameter read by the list of newcomers without induction (kept by prevention in
« Référentiels », a dated row: never a constant in code)."""

from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.roles import Role
from imtsocial.refdata.models import Unit
from imtsocial.refdata.parameters import Parameter

NEWCOMER_WINDOW_MONTHS = Parameter(
    "safety_trainings.newcomer_window_months",
    _(
        "Formation d'accueil : une personne arrivée depuis moins de ce délai et sans "
        "formation d'accueil figure dans la liste des nouveaux arrivants"
    ),
    unit=Unit.MONTHS,
    owner=Role.PREVENTION,
)
