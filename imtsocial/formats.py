"""French formats for amounts, shared by templates (``|euros``) and French messages.

    euros(Decimal("4090.4"))        # "4 090 €"
    euros(Decimal("1539.42"), 2)    # "1 539,42 €"

Non-breaking spaces between thousands and before the euro sign.
"""

from decimal import ROUND_HALF_UP, Decimal

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
