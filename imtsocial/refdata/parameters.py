"""Business parameters: a threshold the code reads is a dated row, never a constant.

The app that reads a parameter declares it (key, French label, unit, owner role) in
its ``parameters.py``; its migration writes the first value; the owner changes it
in the intranet (« Référentiels »), from a date::

    # social_action/parameters.py
    CESU_MAX_AGE = Parameter(
        "social_action.cesu_max_age", _("CESU garde d'enfant : âge limite de l'enfant"),
        unit=Unit.YEARS, owner=Role.SOCIAL_ACTION,
    )

    # social_action/rules.py
    limit = CESU_MAX_AGE.at(day)                       # 6
    _("… moins de %(age)s ans.") % {"age": limit}      # the message says the stored value
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from imtsocial.errors import DomainError
from imtsocial.memo import CachedReads
from imtsocial.refdata.models import Parameter as ParameterRow
from imtsocial.refdata.models import Unit

_SPECS: dict[str, "Parameter"] = {}
WHOLE_UNITS = {Unit.DAYS, Unit.MONTHS, Unit.YEARS, Unit.PEOPLE}
# Inside a request (``ParameterCacheMiddleware``): every row of the table, by key, read
# once (the table holds a few rows per key: one per period). « Mon espace » reads
# several parameters of several apps at several dates; in a request they cost one query
# in all, and none while the table is unchanged: the rows are kept in the cache
# (``PARAMETER_READS``, whose version moves on every save or delete of a row). Any save
# or delete of a parameter row also empties the request's copy
# (``clear_request_values``); outside a request nothing is kept.
PARAMETER_READS = CachedReads("refdata.parameters", models=("refdata.Parameter",))
_request_values: ContextVar[dict | None] = ContextVar("parameter_values", default=None)


@contextmanager
def request_scope():
    """Parameters read inside are read once (all keys and periods in one query)."""
    token = _request_values.set({})
    try:
        yield
    finally:
        _request_values.reset(token)


def clear_request_values(**kwargs) -> None:
    values = _request_values.get()
    if values is not None:
        values.clear()


def _row_in_force(key: str, day: date):
    values = _request_values.get()
    if values is None:
        return ParameterRow.objects.get_in_force(day, key=key)
    if not values:
        values["rows"] = PARAMETER_READS.get_or_compute(("rows",), _rows_by_key)
    for row in values["rows"].get(key, ()):  # the latest period first
        if row.valid_from <= day and (row.valid_to is None or row.valid_to >= day):
            return row
    return None


def _rows_by_key() -> dict[str, list]:
    rows = {}
    for row in ParameterRow.objects.order_by("key", "-valid_from"):
        rows.setdefault(row.key, []).append(row)
    return rows


class MissingReferenceData(DomainError):
    """No row of a reference table is in force at the date asked."""


@dataclass(frozen=True)
class Parameter:
    key: str
    label: str
    unit: str
    owner: str  # a Role
    help_text: str = ""

    def __post_init__(self):
        _SPECS[self.key] = self

    @property
    def unit_label(self) -> str:
        return str(Unit(self.unit).label)

    def at(self, day: date) -> int | Decimal:
        """The value in force at ``day`` (an int for days, months, years and people)."""
        row = _row_in_force(self.key, day)
        if row is None:
            raise MissingReferenceData(
                _("Aucune valeur du paramètre « %(label)s » n'est en vigueur au %(date)s.")
                % {"label": self.label, "date": day.strftime("%d/%m/%Y")}
            )
        return int(row.value) if self.unit in WHOLE_UNITS else row.value


def spec_of(key: str) -> Parameter | None:
    return _SPECS.get(key)


def specs(owner=None) -> list[Parameter]:
    return [spec for spec in _SPECS.values() if owner is None or spec.owner == owner]
