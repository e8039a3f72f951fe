"""The CPF rules, kept by HR in « Référentiels »."""

from django.utils.translation import gettext_lazy as _

from hr.training.models import CpfRule
from imtsocial.accounts.roles import Role
from imtsocial.refdata.tables import ReferenceTable, register


def register_tables():
    register(
        ReferenceTable(
            slug="compte-personnel-de-formation",
            model=CpfRule,
            owner=Role.HR,
            title=_("Compte personnel de formation"),
            fields=("yearly_hours", "ceiling_hours"),
            description=_(
                "Heures acquises par année de service et plafond ; une série pour les agents "
                "de catégorie C sans diplôme de niveau 3. Le temps partiel compte comme un "
                "temps plein."
            ),
        )
    )
