"""The periodicities of the kinds (and the due-soon window), kept by the prevention
advisor in « Référentiels »: a new value from a date, the past keeps its own."""

from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.roles import Role
from imtsocial.refdata.tables import ReferenceTable, register
from safety.perms import is_advisor

PERIODICITY_SLUG = "periodicites-de-controle"
PARAMETERS_SLUG = "parametres-prevention"  # registered by safety/reference.py


def _kind_choices():
    from safety.inspections.models import EquipmentKind

    return [(kind.pk, kind.name) for kind in EquipmentKind.objects.order_by("name")]


def register_tables():
    from safety.inspections.models import KindPeriodicity

    register(
        ReferenceTable(
            slug=PERIODICITY_SLUG,
            model=KindPeriodicity,
            owner=Role.PREVENTION,
            title=_("Périodicités des contrôles d'équipements"),
            fields=("months",),
            description=_(
                "Nombre de mois entre deux contrôles, par type d'équipement. Le prochain "
                "contrôle est dû à la date du dernier contrôle plus la périodicité en vigueur "
                "à cette date."
            ),
            key_choices={"kind": _kind_choices},
            may_manage_check=is_advisor,
        )
    )
