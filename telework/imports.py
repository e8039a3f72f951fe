"""The IT inventory importer: assets matched on their inventory tag, run by the platform's
import job (upload → analysis in the worker → preview → confirmation → one transaction).
A file never ends a loan: a lent asset stays lent whatever its row says."""

from django.utils.translation import gettext_lazy as _
from import_export.fields import Field

from hr.models import Site
from imtsocial.accounts.roles import Role
from imtsocial.imports.registry import Importer, register
from imtsocial.imports.resources import ImportResource
from imtsocial.imports.widgets import (
    ChoiceWidget,
    CodeWidget,
    IdentifierWidget,
    TextWidget,
    YesNoWidget,
)
from telework.enums import AssetKind, AssetState
from telework.models import Asset

COLUMNS = ("inventaire", "serie", "type", "modele", "site", "etat", "vpn", "visio")
KIND_ALIASES = {
    "portable": AssetKind.LAPTOP,
    "ordinateur portable": AssetKind.LAPTOP,
    "casque": AssetKind.HEADSET,
    "ecran": AssetKind.SCREEN,
    "écran": AssetKind.SCREEN,
    "poste_fixe": AssetKind.DESKTOP,
    "poste fixe": AssetKind.DESKTOP,
}
STATE_ALIASES = {
    "": AssetState.IN_STOCK,
    "stock": AssetState.IN_STOCK,
    "en stock": AssetState.IN_STOCK,
    "reparation": AssetState.REPAIR,
    "réparation": AssetState.REPAIR,
    "en réparation": AssetState.REPAIR,
    "reforme": AssetState.RETIRED,
    "réformé": AssetState.RETIRED,
}


class AssetResource(ImportResource):
    inventaire = Field("tag", "inventaire", IdentifierWidget("asset_tag"))
    serie = Field("serial", "serie", TextWidget())
    type = Field("kind", "type", ChoiceWidget(KIND_ALIASES, AssetKind.choices))
    modele = Field("model_name", "modele", TextWidget())
    site = Field(
        "site_id",
        "site",
        CodeWidget(Site, unknown_message=_("Site inconnu : « %(value)s ».")),
    )
    etat = Field("state", "etat", ChoiceWidget(STATE_ALIASES, AssetState.choices))
    vpn = Field("vpn_configured", "vpn", YesNoWidget())
    visio = Field("videoconf_configured", "visio", YesNoWidget())

    columns = COLUMNS
    other_column = "inventaire"
    trusted_fields = ("site",)

    class Meta(ImportResource.Meta):
        model = Asset
        fields = COLUMNS
        import_order = COLUMNS
        import_id_fields = ("inventaire",)

    def before_import(self, dataset, **kwargs):
        self.existing = {asset.tag: asset for asset in Asset.objects.all()}
        self.lent = {tag for tag, asset in self.existing.items() if asset.state == AssetState.LENT}

    def get_instance(self, instance_loader, row):
        return self.existing.get(str(row.get("inventaire") or "").strip())

    def check_row(self, instance, row, errors):
        tag = instance.tag
        if tag and "tag" not in errors:
            self.duplicate(
                tag,
                errors,
                field_name="tag",
                message=lambda first: (
                    _("Le numéro d'inventaire « %(tag)s » figure déjà ligne %(line)s.")
                    % {"tag": tag, "line": first}
                ),
            )
        if instance.pk and tag in self.lent:
            instance.state = AssetState.LENT  # a file never ends a loan


def register_importers():
    register(
        Importer(
            key="telework.assets",
            label=_("Inventaire informatique"),
            owner=Role.IT,
            resource=AssetResource,
            samples=["inventaire.csv"],
            help_text=_(
                "Équipements reconnus par leur numéro d'inventaire ; type : portable, casque, "
                "ecran, poste_fixe ; site : code du site ; vpn et visio : oui ou non. Un "
                "équipement prêté le reste."
            ),
        )
    )
