"""The validity of each qualification type, kept by the prevention advisor in
« Référentiels » (a new value from a date; past expiries keep the value they were
computed with)."""

from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.roles import Role
from imtsocial.refdata.tables import ReferenceTable, register
from safety.perms import is_advisor
from safety.qualifications.models import QualificationValidity


def register_tables():
    register(
        ReferenceTable(
            slug="validite-des-habilitations",
            model=QualificationValidity,
            owner=Role.PREVENTION,
            title=_("Validité des habilitations"),
            fields=("validity_months", "notice_days"),
            description=_(
                "Durée de validité de chaque type d'habilitation ou de certificat, et préavis "
                "avant l'échéance où l'agent et son responsable sont prévenus. L'échéance "
                "d'une habilitation se calcule avec la durée en vigueur à sa date d'obtention."
            ),
            may_manage_check=is_advisor,
        )
    )
