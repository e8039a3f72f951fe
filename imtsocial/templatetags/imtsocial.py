from decimal import ROUND_HALF_UP, Decimal

from django import template

register = template.Library()

NBSP = "\u00a0"


@register.filter
def euros(value, decimals=0):
    """French amount: ``Decimal("4090.4")`` → ``4 090 €`` (non-breaking spaces)."""
    if value is None or value == "":
        return ""
    decimals = int(decimals)
    quantum = Decimal(1).scaleb(-decimals)
    amount = Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    whole, _, fraction = f"{abs(amount):f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = NBSP.join(groups)
    if decimals:
        text += "," + fraction
    return f"{sign}{text}{NBSP}€"


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "")
