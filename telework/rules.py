"""The telework rule engine (RULES.md §2): one function, the list of broken rules.

Thresholds come from the ``TeleworkRule`` row in force at the start of the
request; nothing here is a constant of the law.
"""

import math
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from django.utils.translation import gettext as _

from telework.enums import AssessmentPeriod, FloatingPeriod, Reason
from telework.models import TeleworkRule


@dataclass
class Proposal:
    start: date | None
    end: date | None
    reason: str
    fixed_days: list[int] = field(default_factory=list)
    floating_days: int = 0
    floating_period: str = FloatingPeriod.WEEK
    physician_opinion_received: bool = False
    physician_opinion_date: date | None = None


def weekly_days(proposal: Proposal, rule: TeleworkRule) -> Fraction:
    """Telework days a week: fixed days plus the weekly equivalent of floating days."""
    per_week = {
        FloatingPeriod.WEEK: Fraction(1),
        FloatingPeriod.MONTH: Fraction(1, rule.weeks_per_month),
        FloatingPeriod.YEAR: Fraction(1, rule.weeks_per_year),
    }[FloatingPeriod(proposal.floating_period)]
    return len(set(proposal.fixed_days)) + proposal.floating_days * per_week


def days_per_week(proposal: Proposal, rule: TeleworkRule) -> int:
    """Rounded up: half a floating day a week counts as a day in the statistics."""
    return math.ceil(weekly_days(proposal, rule))


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for candidate in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _fmt(value: Fraction) -> str:
    return str(int(value)) if value.denominator == 1 else f"{float(value):.2f}".replace(".", ",")


def broken_rules(proposal: Proposal, rule: TeleworkRule | None) -> list[str]:
    """French messages, one per rule the proposal breaks (empty: it may be approved)."""
    return [message for _field, message in _broken(proposal, rule)]


def broken_rules_by_field(
    proposal: Proposal, rule: TeleworkRule | None
) -> dict[str | None, list[str]]:
    """The broken rules keyed by the form field they concern (``None``: the whole request),
    so that each message is shown next to the field the person must change."""
    problems: dict[str | None, list[str]] = {}
    for field_name, message in _broken(proposal, rule):
        problems.setdefault(field_name, []).append(message)
    return problems


def _broken(proposal: Proposal, rule: TeleworkRule | None) -> list[tuple[str, str]]:
    """(form field, French message) for each broken rule, in the order they are checked."""
    problems: list[tuple[str, str]] = []

    def broken(field_name, message):
        problems.append((field_name, message))

    if proposal.start and proposal.end and proposal.end < proposal.start:
        broken("end", _("La date de fin précède la date de début."))
    if rule is None:
        broken("start", _("Aucune règle de télétravail n'est en vigueur à cette date."))
        return problems
    days = list(proposal.fixed_days)
    if len(set(days)) != len(days) or any(d < 0 or d >= rule.working_days_per_week for d in days):
        broken("fixed_days", _("Les jours fixes doivent être des jours ouvrés distincts."))
    telework = weekly_days(proposal, rule)
    if telework <= 0:
        broken("fixed_days", _("Indiquez au moins un jour fixe ou un jour flottant."))
    # The amount of telework is set by the fixed days, or by the floating days alone.
    amount_field = "fixed_days" if proposal.fixed_days else "floating_days"
    derogation = proposal.reason in (Reason.HEALTH, Reason.PREGNANCY, Reason.CARER)
    per_month = rule.assessment_period == AssessmentPeriod.MONTH
    unit = rule.weeks_per_month if per_month else 1
    period = _("par mois") if per_month else _("par semaine")
    if not derogation:
        if telework > rule.max_days_per_week:
            broken(
                amount_field,
                _(
                    "Le télétravail est limité à %(max)s jours %(period)s (décret 2016-151) : "
                    "la demande en compte %(asked)s."
                )
                % {
                    "max": rule.max_days_per_week * unit,
                    "period": period,
                    "asked": _fmt(telework * unit),
                },
            )
        onsite = rule.working_days_per_week - telework
        if onsite < rule.min_onsite_days_per_week:
            broken(
                amount_field,
                _(
                    "Au moins %(min)s jours de présence sur site %(period)s sont requis : "
                    "la demande en laisse %(left)s."
                )
                % {
                    "min": rule.min_onsite_days_per_week * unit,
                    "period": period,
                    "left": _fmt(max(onsite, Fraction(0)) * unit),
                },
            )
    opinion = proposal.physician_opinion_received and proposal.physician_opinion_date
    if proposal.reason == Reason.HEALTH and not opinion:
        broken(
            "physician_opinion_date"
            if proposal.physician_opinion_received
            else "physician_opinion_received",
            _(
                "Une dérogation pour raison de santé suppose l'avis du médecin du travail : "
                "indiquez qu'il a été reçu et sa date."
            ),
        )
    limits = {Reason.HEALTH: rule.health_max_months, Reason.CARER: rule.carer_max_months}
    if proposal.reason in limits and proposal.start and proposal.end:
        months = limits[proposal.reason]
        if proposal.end >= _add_months(proposal.start, months):
            label = Reason(proposal.reason).label
            broken(
                "end",
                _("%(reason)s : dérogation accordée pour %(months)s mois au plus (renouvelable).")
                % {"reason": label, "months": months},
            )
    return problems
