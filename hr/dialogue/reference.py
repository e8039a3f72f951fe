"""The dated names of the bodies, kept by HR in « Référentiels »."""

from django.utils.translation import gettext_lazy as _

from hr.dialogue.models import BodyName
from imtsocial.accounts.roles import Role
from imtsocial.refdata.tables import ReferenceTable, register


def register_tables():
    register(
        ReferenceTable(
            slug="noms-des-instances",
            model=BodyName,
            owner=Role.HR,
            title=_("Noms des instances du dialogue social"),
            fields=("name",),
            description=_(
                "Un nom par période : depuis le 1er janvier 2023, le comité technique et le "
                "CHSCT sont le CSA et sa formation spécialisée ; les réunions d'avant gardent "
                "l'ancien nom."
            ),
        )
    )
