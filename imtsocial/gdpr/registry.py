"""What each app declares for the GDPR (RULES.md §6), without the platform importing it.

RULES.md §6: « The personnel file […] is kept until the agent's 80th birthday; access
logs 3 years. » — « Retention for aid files, tax notices and evaluation records outside
the personnel file: defaults in a settings table (e.g. aid files 5 years after the
decision), to be confirmed by the data-protection officer. » — « Every data subject can
obtain everything held about them; a record of processing per module. »

An app contributes from ``AppConfig.ready()``, with its own ``gdpr.py``::

    from imtsocial.gdpr import registry as gdpr
    gdpr.retention_rules.register(gdpr.RetentionRule(...), order=40)
    gdpr.subject_providers.register(subject_sections, order=40)

A rule's period is a dated parameter (``imtsocial.refdata.parameters.Parameter``, unit
years, kept by the DPO in « Référentiels »), or a fixed label for a period set
elsewhere (a setting). ``due(today)`` is the queryset of what has passed its period;
``apply(queryset, today)`` deletes or anonymises it and returns how many rows it
treated. A rule with ``due=None`` is never applied (DUERP editions: 40 years, kept).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from imtsocial.registry import Registry

retention_rules = Registry("GDPR retention rules")
subject_providers = Registry("GDPR subject access sections")


class Outcome(models.TextChoices):
    DELETE = "delete", _("suppression")
    ANONYMISE = "anonymise", _("anonymisation")
    KEEP = "keep", _("conservation (jamais purgé)")


@dataclass(frozen=True)
class RetentionRule:
    key: str  # unique: "social_action.aid_files"
    category: str  # « Dossiers d'aide sociale »
    module: str  # « Action sociale »
    starts: str  # « après la décision »
    outcome: str  # an Outcome
    legal_basis: str
    parameter: object = None  # a refdata Parameter (years), or None
    fixed_period: str = ""  # when the period is not a parameter (« 3 ans (réglage …) »)
    due: Callable | None = None  # (today) -> QuerySet of what passed its period
    apply: Callable | None = None  # (queryset, today) -> int
    detail: str = ""  # what « anonymise » or « delete » means here

    @property
    def outcome_label(self) -> str:
        return str(Outcome(self.outcome).label)

    def years(self, today: date) -> int | None:
        return self.parameter.at(today) if self.parameter is not None else None

    def period_label(self, today: date) -> str:
        if self.parameter is None:
            return str(self.fixed_period)
        return f"{self.years(today)} {self.parameter.unit_label}"


@dataclass
class SubjectSection:
    """One part of what the intranet holds about a person: records of label → value."""

    title: str
    records: list[dict] = field(default_factory=list)


def years_before(day: date, years: int) -> date:
    """``day`` moved back ``years`` years (29 February → 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def display(value):
    """A record's value as shown: text, except amounts, kept as ``Decimal`` so that the
    JSON gives them as written (``3456.78``) and the PDF the French way (``3 456,78 €``)."""
    if value is None or value == "":
        return ""
    if isinstance(value, Decimal):
        return value
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y %H:%M" if hasattr(value, "hour") else "%d/%m/%Y")
    if isinstance(value, bool):
        return str(_("oui") if value else _("non"))
    return str(value)


def record_of(obj, fields: tuple[str, ...]) -> dict:
    """``{verbose name: shown value}`` of ``fields`` (choices shown by their label)."""
    result = {}
    for name in fields:
        model_field = obj._meta.get_field(name)
        getter = getattr(obj, f"get_{name}_display", None)
        value = getter() if getter and model_field.choices else getattr(obj, name)
        result[str(model_field.verbose_name)] = display(value)
    return result
