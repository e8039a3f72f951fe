"""French formats for amounts, shared by templates (``|euros``) and French messages.

    euros(Decimal("4090.4"))        # "4 090 €"
    euros(Decimal("1539.42"), 2)    # "1 539,42 €"

Non-breaking spaces between thousands and before the euro sign. ``parse_amount`` reads
what people type (forms and import files alike)::

    parse_amount("4 250,75 €")   # Decimal("4250.75")
    parse_amount("4250.75")      # Decimal("4250.75")
    parse_amount("1e3")          # None: not an amount

Dates in a sentence (``|long_date``): « 1er décembre 2026 » in French, « 1 December
2026 » in English::

    long_date(date(2026, 12, 1))  # "1er décembre 2026"
"""

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

NBSP = "\u00a0"


def euros(value, decimals=0) -> str:
    if value is None or value == "":
        return ""
    decimals = int(decimals)
    quantum = Decimal(1).scaleb(-decimals)
    amount = Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    whole, _sep, fraction = f"{abs(amount):f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = NBSP.join(groups)
    if decimals:
        text += "," + fraction
    return f"{sign}{text}{NBSP}€"


def money(value) -> str:
    """An amount to the cent, the French way, for messages: ``1 539,42 €``."""
    return euros(value, 2)


_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_AMOUNT = re.compile(r"^[-+]?(?:\d{1,3}(?: \d{3})+|\d+)(?:[.,]\d+)?$")


def parse_amount(text) -> Decimal | None:
    """An amount typed the French way, or None when the text is not one.

    Spaces (ordinary, non-breaking or narrow) may group the thousands by three; the
    decimal separator is a comma or a point; a trailing « € » is allowed. Anything else
    (« 1e3 », « 4.090,50 », « 4,090.50 », « NaN ») is not an amount."""
    compact = _SPACES.sub(" ", str(text)).strip().removesuffix("€").strip()
    if not _AMOUNT.match(compact):
        return None
    try:
        return Decimal(compact.replace(" ", "").replace(",", "."))
    except InvalidOperation:
        return None


def long_date(value: date | None) -> str:
    """A date in a sentence, in the active language; the first of the month is « 1er »."""
    if not value:
        return ""
    from django.utils import dateformat
    from django.utils.translation import get_language

    text = dateformat.format(value, "j F Y")
    if value.day == 1 and (get_language() or "fr").startswith("fr"):
        text = "1er" + text[1:]
    return text


def long_datetime(value) -> str:
    """A moment in a sentence: « 17 décembre 2020 à 10:00 », « 17 December 2020 at 10:00 »
    (local time; the first of the month is « 1er » in French)."""
    if not value:
        return ""
    from django.utils import timezone
    from django.utils.translation import gettext

    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return gettext("%(date)s à %(time)s") % {
        "date": long_date(local.date()),
        "time": f"{local:%H:%M}",
    }


def _french() -> bool:
    from django.utils.translation import get_language

    return (get_language() or "fr").startswith("fr")


# A vowel or a mute h: « de Élodie » → « d'Élodie », « de Hélène » → « d'Hélène ».
_ELIDING = "aeiouyhàâäéèêëîïôöùûüÿæœ"


def elide(text, *names) -> str:
    """French elision before each given name: « de » → « d' », « que » → « qu' ».

    Only the exact « de <name> » / « que <name> » of the names given are changed (nothing
    else in the sentence), and only in French; an English sentence is left as it is::

        elide("Le dossier de Élodie Agent", "Élodie Agent")   # "Le dossier d'Élodie Agent"
        elide("Le dossier de Marc Manager", "Marc Manager")   # unchanged
    """
    text = str(text)
    if not _french():
        return text
    for name in names:
        name = str(name or "").strip()
        if not name or name[0].lower() not in _ELIDING:
            continue
        text = re.sub(
            rf"\b([dD]|[qQ]u)e\s+(?={re.escape(name)})",
            lambda m: f"{m.group(1)}'",
            text,
        )
    return text


def of_name(name) -> str:
    """« de Marc » or « d'Élodie » in French (for a French sentence built around it)."""
    return elide(f"de {name}", name)


def filesize(size) -> str:
    """A file size in the active language: « 1,5 Ko », « 3,0 Mo », « 500 octets » in French
    (Django's ``filesizeformat`` says « Kio/Mio » in French), « 1.5 KB » in English."""
    from django.template.defaultfilters import filesizeformat

    text = str(filesizeformat(size))
    if _french():
        for binary, usual in (("Kio", "Ko"), ("Mio", "Mo"), ("Gio", "Go"), ("Tio", "To")):
            text = text.replace(binary, usual)
    return text
