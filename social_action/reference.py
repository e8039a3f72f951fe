"""social_action's reference tables, kept by the correspondent in « Référentiels »."""

from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.roles import Role
from imtsocial.refdata.tables import ReferenceTable, register, register_parameters
from social_action.models import GiftCategory, IncomeBand, Rate, SchemeCap


def register_tables():
    owner = Role.SOCIAL_ACTION
    register(
        ReferenceTable(
            slug="baremes-action-sociale",
            model=Rate,
            owner=owner,
            title=_("Barèmes de l'action sociale"),
            fields=("amount",),
            description=_(
                "Montants lus par les règles des dispositifs (CESU, AIP, AEEH, subvention "
                "repas…) ; « à confirmer » quand la valeur n'a pas été lue dans un texte."
            ),
        )
    )
    register(
        ReferenceTable(
            slug="tranches-cesu",
            model=IncomeBand,
            owner=owner,
            title=_("Tranches de revenus du CESU"),
            fields=("band1_max", "band2_max"),
            description=_(
                "Revenu fiscal de référence maximal des tranches 1 et 2, selon le foyer et le "
                "nombre de parts."
            ),
        )
    )
    register(
        ReferenceTable(
            slug="plafonds-des-dispositifs",
            model=SchemeCap,
            owner=owner,
            title=_("Plafonds des dispositifs"),
            fields=("amount",),
            description=_("Le plus qu'un dispositif accorde à une demande, à partir d'une date."),
        )
    )
    register(
        ReferenceTable(
            slug="cadeaux-de-noel",
            model=GiftCategory,
            owner=owner,
            title=_("Catégories de cadeaux de l'arbre de Noël"),
            fields=("label", "max_age"),
            description=_(
                "Chaque catégorie accueille les enfants jusqu'à un âge le jour de l'arbre de "
                "Noël ; l'âge de la plus âgée est la limite d'inscription."
            ),
        )
    )
    register_parameters(
        owner=owner,
        slug="parametres-action-sociale",
        title=_("Paramètres de l'action sociale"),
        description=_("Âges, délais et fenêtres appliqués par les règles des dispositifs."),
    )
