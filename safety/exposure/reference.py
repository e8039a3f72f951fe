"""The exposure limit values, kept by the prevention advisor in « Référentiels »."""

from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.roles import Role
from imtsocial.refdata.tables import ReferenceTable, register
from safety.exposure.models import LimitValue
from safety.perms import is_advisor


def register_tables():
    register(
        ReferenceTable(
            slug="valeurs-limites-exposition",
            model=LimitValue,
            owner=Role.PREVENTION,
            title=_("Valeurs limites d'exposition professionnelle"),
            fields=("eight_hours", "short_term", "unit", "binding"),
            description=_(
                "Par substance : VLEP sur 8 heures et valeur court terme (15 minutes), unité, "
                "caractère contraignant ou indicatif et source. Une mesure est jugée avec la "
                "valeur en vigueur à la date de la campagne ; à la valeur limite, elle est "
                "conforme."
            ),
            may_manage_check=is_advisor,
        )
    )
