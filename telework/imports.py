"""Bulk import of the IT inventory with django-import-export: a dry run (preview),
then the confirmed import of the same file. One error anywhere: nothing is saved."""

import base64

import tablib
from django.core import signing
from django.utils.translation import gettext as _
from import_export import resources, widgets
from import_export.fields import Field

from hr.imports.files import ImportFileError, check_headers, read_table
from hr.models import Site
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
SIGNING_SALT = "telework.asset-import"


class ChoiceWidget(widgets.Widget):
    def __init__(self, aliases, choices):
        super().__init__()
        self.aliases = aliases
        self.values = {value for value, _label in choices}

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip().lower()
        if text in self.values:
            return text
        if text in self.aliases:
            return self.aliases[text]
        raise ValueError(_("Valeur inconnue : « %(value)s ».") % {"value": value})


class YesNoWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip().lower()
        if text in ("oui", "o", "1", "true", "vrai", "x"):
            return True
        if text in ("non", "n", "0", "false", "faux", ""):
            return False
        raise ValueError(_("Répondez oui ou non (« %(value)s »).") % {"value": value})


class SiteWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(Site, field="code")

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(str(value or "").strip().lower(), row, **kwargs)
        except Site.DoesNotExist as exc:
            raise ValueError(_("Site inconnu : « %(value)s ».") % {"value": value}) from exc


class AssetResource(resources.ModelResource):
    tag = Field(attribute="tag", column_name="inventaire")
    serial = Field(attribute="serial", column_name="serie")
    kind = Field(
        attribute="kind", column_name="type", widget=ChoiceWidget(KIND_ALIASES, AssetKind.choices)
    )
    model_name = Field(attribute="model_name", column_name="modele")
    site = Field(attribute="site", column_name="site", widget=SiteWidget())
    state = Field(
        attribute="state",
        column_name="etat",
        widget=ChoiceWidget(STATE_ALIASES, AssetState.choices),
    )
    vpn_configured = Field(attribute="vpn_configured", column_name="vpn", widget=YesNoWidget())
    videoconf_configured = Field(
        attribute="videoconf_configured", column_name="visio", widget=YesNoWidget()
    )

    class Meta:
        model = Asset
        import_id_fields = ("tag",)
        fields = (
            "tag",
            "serial",
            "kind",
            "model_name",
            "site",
            "state",
            "vpn_configured",
            "videoconf_configured",
        )
        skip_unchanged = True
        use_transactions = True

    def before_import_row(self, row, **kwargs):
        row["inventaire"] = str(row.get("inventaire") or "").strip()
        if not row["inventaire"]:
            raise ValueError(_("Numéro d'inventaire manquant."))

    def before_save_instance(self, instance, row, **kwargs):
        if instance.pk:
            current = Asset.objects.filter(pk=instance.pk).values_list("state", flat=True).first()
            if current == AssetState.LENT:
                instance.state = AssetState.LENT  # a file never ends a loan
            instance.version += 1


def sign_file(content: bytes, name: str) -> str:
    return signing.dumps(
        {"name": name, "content": base64.b64encode(content).decode()},
        salt=SIGNING_SALT,
        compress=True,
    )


def unsign_file(token: str) -> tuple[bytes, str]:
    try:
        data = signing.loads(token, salt=SIGNING_SALT, max_age=3600)
    except signing.BadSignature as exc:
        raise ImportFileError(_("Le fichier à confirmer a expiré : déposez-le à nouveau.")) from exc
    return base64.b64decode(data["content"]), data["name"]


def run_import(content: bytes, *, filename: str, dry_run: bool) -> dict:
    """Counts and French errors (``line``, ``message``); writes only when confirmed and clean."""
    table = read_table(content, filename=filename)
    problem = check_headers(table.headers, COLUMNS)
    if problem:
        raise ImportFileError(problem)
    dataset = tablib.Dataset(*[tuple(r) for r in table.rows], headers=table.headers)
    result = AssetResource().import_data(dataset, dry_run=True, raise_errors=False)
    errors = []
    for index, row in enumerate(result.rows):
        line = table.lines[index] if index < len(table.lines) else index + 2
        for error in row.errors:
            errors.append({"line": line, "message": str(error.error)})
        if row.validation_error is not None:
            for field_name, messages in row.validation_error.message_dict.items():
                column = (
                    AssetResource.fields[field_name].column_name
                    if (field_name in AssetResource.fields)
                    else ""
                )
                for message in messages:
                    errors.append({"line": line, "message": f"{column} : {message}".strip(" :")})
    errors.sort(key=lambda e: e["line"])
    summary = {
        "new": result.totals.get("new", 0),
        "update": result.totals.get("update", 0),
        "skip": result.totals.get("skip", 0),
        "errors": errors,
        "imported": False,
    }
    if not dry_run and not errors:
        AssetResource().import_data(dataset, dry_run=False, raise_errors=True)
        summary["imported"] = True
    return summary
