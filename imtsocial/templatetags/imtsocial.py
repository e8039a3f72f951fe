import json
from datetime import date
from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext as _

from imtsocial import formats as formats_fr
from imtsocial import privacy

register = template.Library()


@register.filter
def euros(value, decimals=0):
    """French amount: ``Decimal("4090.4")`` → ``4 090 €`` (non-breaking spaces)."""
    return formats_fr.euros(value, decimals)


@register.filter
def masked(count):
    """A head count for readers of aggregates: « < 5 » for a small group (``privacy``)."""
    return privacy.mask(count)


@register.filter
def small_group(count) -> bool:
    return privacy.is_small_group(count)


@register.filter
def long_date(value):
    """« 1er décembre 2026 » (French), « 1 December 2026 » (English)."""
    return formats_fr.long_date(value)


@register.filter
def long_datetime(value):
    """« 17 décembre 2020 à 10:00 » (French), « 17 December 2020 at 10:00 » (English)."""
    return formats_fr.long_datetime(value)


@register.filter(is_safe=True)
def elide(text, name):
    """« Le dossier de Élodie » → « Le dossier d'Élodie » in French (``formats.elide``).

    Safe in, safe out (the text of a ``{% blocktranslate … asvar %}`` is already escaped;
    the elision only adds an apostrophe)."""
    safe = isinstance(text, SafeData)
    result = formats_fr.elide(text, conditional_escape(name) if safe else name)
    return mark_safe(result) if safe else result  # noqa: S308


@register.filter
def of_name(name):
    """« de Marc » / « d'Élodie » in French."""
    return formats_fr.of_name(name)


@register.filter
def filesize_fr(size):
    """« 1,5 Ko », « 3,0 Mo » in French, « 1.5 KB » in English (``formats.filesize``)."""
    return formats_fr.filesize(size)


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
