import json
from datetime import date
from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

from imtsocial import formats as formats_fr

register = template.Library()


@register.filter
def euros(value, decimals=0):
    """French amount: ``Decimal("4090.4")`` → ``4 090 €`` (non-breaking spaces)."""
    return formats_fr.euros(value, decimals)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "")


@register.filter
def reference_value(value):
    """A value of a reference table as people read it (amounts with French separators)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    if isinstance(value, Decimal):
        return formats.number_format(
            value.normalize() if value == value.to_integral() else value,
            use_l10n=True,
            force_grouping=True,
        )
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value
