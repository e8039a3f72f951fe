"""hr's reference tables, kept by HR in « Référentiels » (registered in ``HrConfig.ready``)."""

from django.utils.translation import gettext_lazy as _

from hr.models import DoctoralMinimumPay, IndexPointValue, PayBenchmark, SmicRate
from imtsocial.accounts.roles import Role
from imtsocial.refdata.tables import ReferenceTable, register, register_parameters


def register_tables():
    register(
        ReferenceTable(
            slug="smic",
            model=SmicRate,
            owner=Role.HR,
            title=_("SMIC"),
            fields=("hourly", "monthly"),
            description=_(
                "Salaire minimum brut, horaire et mensuel pour 35 heures, par date d'effet. "
                "Un nouveau SMIC est refusé s'il atteint un repère de rémunération."
            ),
        )
    )
    register(
        ReferenceTable(
            slug="point-d-indice",
            model=IndexPointValue,
            owner=Role.HR,
            title=_("Valeur du point d'indice"),
            fields=("yearly_value_100",),
            description=_(
                "Traitement de base = indice majoré × valeur annuelle de l'indice 100 / 1 200."
            ),
        )
    )
    register(
        ReferenceTable(
            slug="reperes-de-remuneration",
            model=PayBenchmark,
            owner=Role.HR,
            title=_("Repères de rémunération"),
            fields=("minimum_gross_monthly",),
            description=_(
                "Minimum brut mensuel à temps plein par catégorie (cadre de gestion), toujours "
                "supérieur au SMIC ; un salaire en dessous apparaît dans les alertes."
            ),
        )
    )
    register(
        ReferenceTable(
            slug="minimum-doctoral",
            model=DoctoralMinimumPay,
            owner=Role.HR,
            title=_("Minimum du contrat doctoral"),
            fields=("amount",),
            description=_(
                "Avant 2023, le minimum dépend de la date de signature du contrat : une série "
                "par date de signature (vide : tous les contrats)."
            ),
        )
    )
    register_parameters(
        owner=Role.HR,
        slug="parametres-rh",
        title=_("Paramètres des ressources humaines"),
        description=_("Délais et seuils appliqués par les pages RH."),
    )
