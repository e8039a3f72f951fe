"""Pickers: choose a person or an asset by typing part of a name or a number.

Progressive enhancement. The server renders an ordinary text input in which the
staff number (or the inventory tag) can be typed, as before. ``static/js/picker.js``
turns every input that has a ``data-picker-url`` into an ARIA 1.2 combobox
(``role="combobox"``, ``aria-autocomplete="list"``, ``aria-expanded``, a listbox of
at most ``PICKER_LIMIT`` options, arrows / Enter / Escape, the number of results in
an ``aria-live`` region): the roles are added by the script, so a page without
JavaScript announces no widget that cannot open.

A chosen option fills the input with « Marie Dupont (A123) »; the server reads the key
between the last parentheses (``picked_key``), so the typed number and the chosen
label both work, and an unknown key is refused next to the field.

The search endpoints live in the domain apps (the platform imports none): they
answer ``picker_response(...)`` after a role check, with ``search_term`` and
``folded`` for an accent-insensitive match without the ``unaccent`` extension.
"""

import re

from django import forms
from django.db.models import F, Func, Value
from django.db.models.functions import Lower
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _

PICKER_LIMIT = 10
TERM_MAX_LENGTH = 100
_KEY_IN_PARENTHESES = re.compile(r"\(([^()]+)\)\s*$")

# Upper case too: ``lower()`` leaves « É » alone under a C collation.
_ACCENTED = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿœæÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸŒÆ"
_PLAIN = "aaaaaaceeeeiiiinooooouuuuyyoa" * 2


def picked_key(value) -> str:
    """The key (staff number, inventory tag) in what was posted: the whole text, or the
    part between the last parentheses of a chosen label (« Marie Dupont (A123) »)."""
    text = str(value or "").strip()
    match = _KEY_IN_PARENTHESES.search(text)
    return match.group(1).strip() if match else text


def fold(text: str) -> str:
    """Lower case without accents, as ``folded`` computes it in SQL."""
    return str(text).lower().translate(str.maketrans(_ACCENTED, _PLAIN))


def folded(field: str):
    """SQL expression: the column in lower case without accents (PostgreSQL ``translate``)."""
    return Func(Lower(F(field)), Value(_ACCENTED), Value(_PLAIN), function="translate")


def search_term(request) -> str:
    """The typed text of a search request, trimmed and bounded (never an error)."""
    return str(request.GET.get("q", "")).strip()[:TERM_MAX_LENGTH]


def picker_response(options) -> JsonResponse:
    """``options``: iterable of ``(value, label, hint)``; the first ``PICKER_LIMIT`` are sent."""
    results = [
        {"value": value, "label": label, "hint": hint}
        for value, label, hint in list(options)[:PICKER_LIMIT]
    ]
    response = JsonResponse({"results": results})
    response["Cache-Control"] = "private, no-store"
    return response


class PickerInput(forms.TextInput):
    """A text input that ``picker.js`` enhances into a combobox fed by ``search_url``."""

    def __init__(self, search_url, attrs=None):
        self.search_url = search_url
        super().__init__(attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs.update(
            {
                "autocomplete": "off",
                "spellcheck": "false",
                "data-picker-url": str(self.search_url),
                "data-picker-list": str(_("Suggestions")),
                "data-picker-none": str(_("Aucun résultat.")),
                "data-picker-one": str(_("1 résultat. Flèches haut et bas pour parcourir.")),
                "data-picker-many": str(
                    _("{count} résultats. Flèches haut et bas pour parcourir.")
                ),
                "data-picker-error": str(_("La recherche n'a pas abouti : saisissez le numéro.")),
            }
        )
        return context


class PickerCharField(forms.CharField):
    """A key typed or chosen in a picker, cleaned to the bare key (« A123 »).

    For forms whose ``clean_<field>`` already looks the key up."""

    def __init__(self, *, search_url, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("widget", PickerInput(search_url))
        super().__init__(**kwargs)

    def to_python(self, value):
        return picked_key(super().to_python(value))


class ModelPickerField(forms.Field):
    """A record designated by its key (``key_field``, compared case-insensitively),
    typed or chosen in a picker; cleans to the record, or to None when left empty."""

    default_error_messages = {
        "unknown": _("Aucun résultat pour « %(key)s »."),
    }
    key_field = "pk"
    search_url = ""

    def __init__(self, *, queryset=None, search_url=None, **kwargs):
        self._queryset = queryset
        kwargs.setdefault("widget", PickerInput(search_url or self.search_url))
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("maxlength", "200")

    @property
    def queryset(self):
        """The records that may be chosen, computed at each use (« in post » is of today)."""
        if self._queryset is not None:
            return self._queryset.all()
        return self.default_queryset()

    def default_queryset(self):
        raise NotImplementedError

    def label_of(self, obj) -> str:
        """The text shown for a chosen record; must end with « (key) »."""
        return f"{obj} ({getattr(obj, self.key_field)})"

    def prepare_value(self, value):
        if isinstance(value, self.queryset.model):
            return self.label_of(value)
        if isinstance(value, int):
            # Shown even when no longer choosable (a person who has left): cleaning says so.
            obj = self.queryset.model._default_manager.filter(pk=value).first()
            return self.label_of(obj) if obj else ""
        return value

    def to_python(self, value):
        key = picked_key(value)
        if key in self.empty_values:
            return None
        if "\x00" in key:  # no record has one (and PostgreSQL refuses it in a query)
            shown = key.replace("\x00", "")
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"key": shown}
            )
        obj = self.queryset.filter(**{f"{self.key_field}__iexact": key}).first()
        if obj is None:
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"key": key}
            )
        return obj

    def has_changed(self, initial, data):
        initial_key = picked_key(self.prepare_value(initial)) if initial is not None else ""
        return initial_key.lower() != picked_key(data).lower()
