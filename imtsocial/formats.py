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

from django.utils.translation import gettext_noop

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
_AMOUNT = re.compile(r"^[-+]?(?:[0-9]{1,3}(?: [0-9]{3})+|[0-9]+)(?:[.,][0-9]+)?$")
# « 4,090 » or « 4.090 »: thousands (4 090) in one country, a decimal (4,09) in another
_AMBIGUOUS = re.compile(r"^[-+]?[0-9]{1,3}[.,][0-9]{3}$")


def parse_amount(text) -> Decimal | None:
    """An amount typed the French way, or None when the text is not one.

    Spaces (ordinary, non-breaking or narrow) may group the thousands by three; the
    decimal separator is a comma or a point; a trailing « € » is allowed. Anything else
    (« 1e3 », « 4.090,50 », « 4,090.50 », « NaN », digits of another script) is not an
    amount, nor is one separator before exactly three digits (« 4,090 », « 4.090 »:
    thousands in one country, a decimal in another)."""
    compact = _SPACES.sub(" ", str(text)).strip().removesuffix("€").strip()
    if not _AMOUNT.match(compact) or _AMBIGUOUS.match(compact):
        return None
    try:
        return Decimal(compact.replace(" ", "").replace(",", "."))
    except InvalidOperation:
        return None


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def date_bounds(kind: str) -> tuple[date, date]:
    """The earliest and latest plausible ``kind`` of date (``settings.DATE_BOUNDS``, the
    one place of these bounds: « birth », « done », « due », « event »)."""
    from django.conf import settings
    from django.utils import timezone

    bounds = settings.DATE_BOUNDS[kind]
    earliest = date.fromisoformat(bounds["earliest"])
    return earliest, _years_after(timezone.localdate(), int(bounds["years_ahead"]))


# The messages, as msgids (translated where shown: forms at once, imports per reader).
DATE_IN_FUTURE = gettext_noop("Cette date (%(date)s) est dans le futur : elle ne peut pas l'être.")
DATE_OUT_OF_BOUNDS = gettext_noop(
    "Cette date (%(date)s) n'est pas plausible : indiquez une date entre le %(earliest)s "
    "et le %(latest)s."
)
BAD_EMPLOYEE_NUMBER = gettext_noop(
    "Matricule invalide : « %(value)s » (attendu : jusqu'à 4 lettres puis des chiffres, "
    "par exemple S0001)."
)
BAD_ASSET_TAG = gettext_noop(
    "Numéro d'inventaire invalide : « %(value)s » (attendu : des lettres, un tiret "
    "facultatif puis des chiffres, par exemple PC-0001)."
)


def date_problem(value: date | None, kind: str = "event") -> tuple[str, dict] | None:
    """``(msgid, params)`` when ``value`` is outside the plausible bounds of its kind (a
    return date in 9999, a birth date in 1850), else ``None``."""
    if value is None:
        return None
    if hasattr(value, "date"):
        value = value.date()
    earliest, latest = date_bounds(kind)
    if earliest <= value <= latest:
        return None
    from django.utils import timezone

    shown = f"{value:%d/%m/%Y}"
    if value > latest and latest == timezone.localdate():
        return DATE_IN_FUTURE, {"date": shown}
    return DATE_OUT_OF_BOUNDS, {
        "date": shown,
        "earliest": f"{earliest:%d/%m/%Y}",
        "latest": f"{latest:%d/%m/%Y}",
    }


def implausible_date(value: date | None, kind: str = "event") -> str | None:
    """The French (active language) message of ``date_problem``, or ``None``."""
    from django.utils.translation import gettext

    problem = date_problem(value, kind)
    return gettext(problem[0]) % problem[1] if problem else None


def identifier_issue(value: str, kind: str) -> tuple[str, dict] | None:
    """``(msgid, params)`` when ``value`` does not have the pattern of its kind of
    identifier (``settings.IDENTIFIER_PATTERNS``: « employee_number », « asset_tag »), else
    ``None``. « 0000-00-00 » is no employee number, « NaN » no asset tag."""
    from django.conf import settings

    if re.fullmatch(settings.IDENTIFIER_PATTERNS[kind], value or "", flags=re.ASCII):
        return None
    msgid = BAD_EMPLOYEE_NUMBER if kind == "employee_number" else BAD_ASSET_TAG
    return msgid, {"value": value}


def identifier_problem(value: str, kind: str) -> str | None:
    """The message of ``identifier_issue`` in the active language, or ``None``."""
    from django.utils.translation import gettext

    issue = identifier_issue(value, kind)
    return gettext(issue[0]) % issue[1] if issue else None


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
