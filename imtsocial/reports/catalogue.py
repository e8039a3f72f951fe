"""The indicator catalogue of the DD&RS chapter: one source of truth.

Every figure of the « ODD 8 » chapter is an :class:`Indicator` with a stable code, a
French label, its definition (population, reference date, unit, rounding), the
statistics function of an app that computes it and the intranet page it comes from.
The chapter, its figures page, the CSV/XLSX export and later reports read the same
catalogue. The reference date of a year is its 31 December.

Apps never import the reports: the catalogue composes the apps' ``stats.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _

from imtsocial.memo import CachedReads
from imtsocial.reports.enums import Unit

# Every table an indicator may read: the apps the catalogue composes, the reference data
# and the declared values (connected in ``ReportsConfig.ready``).
FIGURES_READS = CachedReads(
    "reports.figures",
    apps=(
        "refdata", "hr", "evaluations", "training", "dialogue", "coaching", "skills",
        "onboarding", "telework", "safety", "prevention_network", "qualifications",
        "inspections", "exposure", "asbestos", "registers", "safety_trainings",
        "social_action", "reports",
    ),
)  # fmt: skip

Number = int | Decimal


@dataclass(frozen=True)
class Indicator:
    code: str  # stable: never renamed once an edition used it, e.g. "pay_permanent_average"
    section: str  # "A" … "E", as in the source chapter
    label: str  # lazy French label
    definition: str  # lazy: population, reference date, unit, rounding
    unit: Unit
    compute: Callable[[date], Number | None] | None  # value at the reference date; None = no data
    source: str = ""  # URL name of the intranet page the figure comes from
    people: bool = False  # a count of people: 1 … 4 shown « < 5 »
    declared: bool = False  # a declared (manual) indicator: value from DeclaredValue

    def __reduce__(self):
        """Pickled as its code (its ``compute`` is a function of the app that declared
        it): the figures kept in the cache (``FIGURES_READS``) find it again."""
        return (indicator_by_code, (self.code,))


@dataclass(frozen=True)
class Figure:
    """An indicator's value for a year, formatted for the page and the chapter."""

    indicator: Indicator
    year: int
    value: Number | None  # None: no data for that year
    display: str  # French, « < 5 » applied, "—" when no data
    declared_source: str = ""  # for a declared value: its source and who entered it


@dataclass(frozen=True)
class Series:
    """A list of the chapter (a table or a chart): rows of plain dicts, each with a
    ``label`` and its figures (``count``, ``hours``…; ``display`` when a count of people
    is shown « < 5 »). ``compute`` receives the reference date of the year."""

    code: str  # stable, like an indicator's
    section: str
    label: str
    definition: str
    compute: Callable[[date], list[dict]]
    source: str = ""


def reference_date(year: int) -> date:
    return date(year, 12, 31)


INDICATORS: list[Indicator] = []


def register(*indicators: Indicator) -> None:
    known = {i.code for i in INDICATORS}
    for indicator in indicators:
        if indicator.code in known:
            raise ValueError(f"indicator {indicator.code} registered twice")
        INDICATORS.append(indicator)
        known.add(indicator.code)


def by_code() -> dict[str, Indicator]:
    return {i.code: i for i in INDICATORS}


def indicator_by_code(code: str) -> Indicator:
    return by_code()[code]


SERIES: list[Series] = []


def register_series(*series: Series) -> None:
    known = {s.code for s in SERIES}
    for one in series:
        if one.code in known:
            raise ValueError(f"series {one.code} registered twice")
        SERIES.append(one)
        known.add(one.code)


def series_by_code() -> dict[str, Series]:
    return {s.code: s for s in SERIES}


SECTIONS = {
    "A": _("A. Politique salariale et de l'emploi"),
    "B": _("B. Politique de dialogue social"),
    "C": _(
        "C. Politique de formation du personnel, de gestion des compétences et de "
        "développement des talents"
    ),
    "D": _("D. Politique de prévention des risques professionnels"),
    "E": _("E. Qualité de vie au travail et action sociale"),
}


# One computation per year ------------------------------------------------------
#
# Several indicators read the same statistics (the contract mix gives four of them):
# while ``computing()`` is open, ``shared(fn, …)`` calls each function once per set of
# arguments, so ``figures_for`` runs a bounded number of queries, whatever the data.

_memo: ContextVar[dict | None] = ContextVar("reports_catalogue_memo", default=None)


@contextmanager
def computing() -> Iterator[None]:
    token = _memo.set({}) if _memo.get() is None else None
    try:
        yield
    finally:
        if token is not None:
            _memo.reset(token)


def shared(fn, *args, **kwargs):
    """``fn(*args, **kwargs)``, computed once inside ``computing()``."""
    cache = _memo.get()
    if cache is None:
        return fn(*args, **kwargs)
    key = (fn, args, tuple(sorted(kwargs.items())))
    if key not in cache:
        cache[key] = fn(*args, **kwargs)
    return cache[key]


# Values ------------------------------------------------------------------------

NO_DATA = "—"
MINUS = "\u2212"


def plain(value) -> Decimal:
    """A value as a Decimal without trailing zeros (a declared 47.00 reads 47)."""
    value = Decimal(str(value))
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _number(value, decimals: int | None = None) -> str:
    from django.utils.formats import number_format

    value = plain(value)
    if decimals is not None:
        value = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return number_format(value, use_l10n=True, force_grouping=True)


def _percent(value) -> str:
    return f"{_number(value, 0)}\u00a0%"


def is_masked(indicator: Indicator, value: Number | None) -> bool:
    from imtsocial.privacy import is_small_group

    return indicator.people and value is not None and is_small_group(int(value))


def display(indicator: Indicator, value: Number | None) -> str:
    """The value as the figures page and the chapter print it (French, « < 5 »).

    Euros to the euro, percentages to the unit, hours to the unit, yes/no as
    « oui »/« non »; a count of 1 to 4 people « < 5 »; no data « — »."""
    from imtsocial.formats import euros
    from imtsocial.privacy import mask

    if value is None:
        return NO_DATA
    if is_masked(indicator, value):
        return mask(int(value))
    if indicator.unit == Unit.EUROS:
        return euros(value)
    if indicator.unit == Unit.PERCENT:
        return _percent(value)
    if indicator.unit == Unit.YES_NO:
        return _gettext("oui") if value else _gettext("non")
    if indicator.unit == Unit.HOURS:
        return _number(value, 0)
    return _number(value)


def change(indicator: Indicator, value: Number | None, previous: Number | None) -> Number | None:
    """``value − previous`` (in points for a percentage), None when either is missing,
    masked (« < 5 » would be given away by the difference) or a yes/no."""
    if value is None or previous is None or indicator.unit == Unit.YES_NO:
        return None
    if is_masked(indicator, value) or is_masked(indicator, previous):
        return None
    return Decimal(str(value)) - Decimal(str(previous))


def display_change(indicator: Indicator, difference: Number | None) -> str:
    """« +3 », « −120 € », « +1,5 pt » (percentages change in points), « 0 »."""
    from imtsocial.formats import euros

    if difference is None:
        return NO_DATA
    sign = "+" if difference > 0 else (MINUS if difference < 0 else "")
    size = abs(Decimal(str(difference)))
    if indicator.unit == Unit.EUROS:
        text = euros(size)
    elif indicator.unit == Unit.PERCENT:
        points = _number(size, 1).removesuffix(",0")
        text = f"{points}\u00a0{_gettext('pt') if size <= 1 else _gettext('pts')}"
    elif indicator.unit == Unit.HOURS:
        text = _number(size, 0)
    else:
        text = _number(size)
    if text.startswith("0") and not size.quantize(Decimal("0.1")):
        sign = ""
    return f"{sign}{text}"


def declared_source(entry) -> str:
    """« Source — saisie par Hélène Ressources le 15 janvier 2021 »."""
    from imtsocial.formats import long_date

    return _gettext("%(source)s — saisie par %(name)s le %(date)s") % {
        "source": entry.source,
        "name": entry.entered_by.get_full_name() or entry.entered_by.email,
        "date": long_date(entry.entered_at.date()),
    }


def _computed(compute, at):
    """``compute(at)``; a dated rule or parameter not in force then (a year before the
    intranet's reference data) is no data for that year, not an error."""
    from imtsocial.refdata.parameters import MissingReferenceData

    try:
        return compute(at)
    except MissingReferenceData:
        return None


def figures_for(year: int) -> dict[str, Figure]:
    """Every indicator's figure for ``year`` (reference date: its 31 December), by code.

    Declared indicators read their :class:`DeclaredValue`; the others call their
    statistics function at the reference date. A value of ``None`` means no data.
    A bounded number of queries, whatever the size of the data (see ``shared``).
    """
    from imtsocial.reports.models import DeclaredValue

    at = reference_date(year)
    declared = {
        d.code: d for d in DeclaredValue.objects.filter(year=year).select_related("entered_by")
    }
    result = {}
    with computing():
        for indicator in INDICATORS:
            source = ""
            if indicator.declared:
                entry = declared.get(indicator.code)
                value = plain(entry.value) if entry else None
                if entry:
                    source = declared_source(entry)
            else:
                value = _computed(indicator.compute, at)
            result[indicator.code] = Figure(
                indicator=indicator,
                year=year,
                value=value,
                display=display(indicator, value),
                declared_source=source,
            )
    return result


def series_for(year: int) -> dict[str, list[dict]]:
    """Every series' rows for ``year`` (reference date: its 31 December), by code; an
    empty list when there is no data."""
    at = reference_date(year)
    with computing():
        return {series.code: _computed(series.compute, at) or [] for series in SERIES}


# The figures page -------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One line of the figures page and of its export."""

    indicator: Indicator
    figure: Figure
    previous: Figure
    change: Number | None
    change_display: str

    @property
    def section_label(self) -> str:
        return SECTIONS.get(self.indicator.section, self.indicator.section)

    @property
    def source_url(self) -> str:
        from django.urls import NoReverseMatch, reverse

        if self.indicator.declared:
            return reverse("reports:declared_list") + f"?annee={self.figure.year}"
        try:
            return reverse(self.indicator.source) if self.indicator.source else ""
        except NoReverseMatch:
            return ""


def rows_for(year: int) -> list[Row]:
    """Every indicator with its value for ``year``, the previous year's and the change,
    in the order of the chapter (section A to E, then as registered)."""
    current, previous = figures_for(year), figures_for(year - 1)
    order = {code: index for index, code in enumerate(SECTIONS)}
    rows = []
    for indicator in sorted(INDICATORS, key=lambda i: order.get(i.section, len(order))):
        figure, before = current[indicator.code], previous[indicator.code]
        difference = change(indicator, figure.value, before.value)
        rows.append(
            Row(
                indicator=indicator,
                figure=figure,
                previous=before,
                change=difference,
                change_display=display_change(indicator, difference),
            )
        )
    return rows


def rows_by_section(rows: list[Row]) -> list[tuple[str, str, list[Row]]]:
    """``(letter, title, rows)`` per section, for the grouped table."""
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row.indicator.section, []).append(row)
    return [(letter, SECTIONS.get(letter, letter), items) for letter, items in groups.items()]
