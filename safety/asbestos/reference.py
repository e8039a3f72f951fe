"""The rule of the asbestos file (re-assessment delay, air threshold), kept by the
prevention advisor in « Référentiels »."""

from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.roles import Role
from imtsocial.refdata.tables import ReferenceTable, register
from safety.asbestos.models import AsbestosRule
from safety.perms import is_advisor


def register_tables():
    register(
        ReferenceTable(
            slug="regle-amiante",
            model=AsbestosRule,
            owner=Role.PREVENTION,
            title=_("Dossier technique amiante : délai et seuil"),
            fields=("recheck_years", "air_threshold"),
            description=_(
                "État de conservation 1 : nouvelle évaluation dans le délai ; 2 : mesure "
                "d'empoussièrement, jusqu'au seuil nouvelle évaluation dans le délai, au-delà "
                "travaux ; 3 : travaux."
            ),
            may_manage_check=is_advisor,
        )
    )
