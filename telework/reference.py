"""telework's reference table, kept by HR in « Référentiels » (registered in ``ready``)."""

from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.roles import Role
from imtsocial.refdata.tables import ReferenceTable, register
from telework.models import TeleworkRule


def register_tables():
    register(
        ReferenceTable(
            slug="regles-de-teletravail",
            model=TeleworkRule,
            owner=Role.HR,
            title=_("Règles du télétravail"),
            fields=(
                "max_days_per_week",
                "min_onsite_days_per_week",
                "working_days_per_week",
                "assessment_period",
                "weeks_per_month",
                "weeks_per_year",
                "health_max_months",
                "carer_max_months",
                "adaptation_max_months",
                "answer_within_days",
                "daily_allowance",
                "yearly_allowance_cap",
            ),
            description=_(
                "Seuils du décret 2016-151 (jours de télétravail, présence sur site, durées des "
                "dérogations, délai de réponse) et forfait télétravail, par période."
            ),
        )
    )
