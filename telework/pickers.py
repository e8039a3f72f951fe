"""Asset pickers: an inventory item chosen by tag, serial or model (see ``imtsocial.pickers``)."""

from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from imtsocial.pickers import ModelPickerField, fold, folded
from telework.enums import AssetState
from telework.models import Asset

ASSET_SEARCH_URL = reverse_lazy("telework:asset_search")


def lendable_assets():
    """Assets that may be lent: in stock (a lent one waits for its return)."""
    return Asset.objects.filter(state=AssetState.IN_STOCK)


def search_assets(queryset, term: str):
    """``queryset`` narrowed to the assets whose every word of ``term`` is found in the
    inventory tag, the serial number or the model (case and accents ignored); one query."""
    words = fold(term).split()
    if not words:
        return queryset.none()
    queryset = queryset.annotate(_model_folded=folded("model_name"))
    for word in words:
        queryset = queryset.filter(
            Q(tag__icontains=word) | Q(serial__icontains=word) | Q(_model_folded__contains=word)
        )
    return queryset.select_related("site").order_by("tag")


def asset_option(asset: Asset) -> tuple[str, str, str]:
    """``(key, label, hint)`` of an asset in the picker's list."""
    label = f"{asset.get_kind_display()} {asset.model_name}".strip()
    return asset.tag, label, f"{asset.site} — {asset.get_state_display()}"


class AssetField(ModelPickerField):
    """An asset in stock, typed by inventory tag or chosen by model or serial; cleans
    to the ``Asset``."""

    key_field = "tag"
    search_url = ASSET_SEARCH_URL
    default_error_messages = {
        "unknown": _("Aucun équipement en stock n'a le numéro d'inventaire %(key)s."),
    }

    def default_queryset(self):
        return lendable_assets()

    def label_of(self, obj) -> str:
        return f"{asset_option(obj)[1]} ({obj.tag})"
