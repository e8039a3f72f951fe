"""People sorted the French way: « Éric » among the E, not after « Zoé ».

PostgreSQL sorts by the bytes of the database's collation (often ``C`` or ``en_US``),
which puts accented capitals after Z. Its ICU collation ``fr-x-icu`` sorts as a French
reader expects: Emma, Éric, Étienne, Eve, Zoé. The embedded demo runs on SQLite, which
has no such collation: there the plain field is used (the demo keeps working, with the
byte order). Use it in the ordering of every list of people::

    Employee.objects.order_by(*by_name())                 # last name, first name, pk
    Loan.objects.order_by(*by_name("employee__"))
    queryset.order_by(french("department__name"))
"""

from django.db import connection
from django.db.models import F
from django.db.models.functions import Collate

FRENCH_COLLATION = "fr-x-icu"


def french(field: str):
    """An ordering expression for ``field`` (prefix « - » for descending) in French order."""
    descending = field.startswith("-")
    name = field.removeprefix("-")
    if connection.vendor != "postgresql":
        return F(name).desc() if descending else F(name).asc()
    expression = Collate(F(name), FRENCH_COLLATION)
    return expression.desc() if descending else expression.asc()


def by_name(prefix: str = "", *, descending: bool = False) -> list:
    """Last name, first name (French order), then the primary key for a stable page."""
    sign = "-" if descending else ""
    return [
        french(f"{sign}{prefix}last_name"),
        french(f"{sign}{prefix}first_name"),
        f"{sign}{prefix}pk",
    ]
