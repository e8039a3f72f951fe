"""The rule engine of RULES.md §2 as a table of cases (thresholds from the data migration:
3 days a week at most, 2 on site at least, health ≤ 6 months, carers ≤ 3 months)."""

from datetime import date

import pytest

from imtsocial.refdata.services import reference_row_add
from telework.enums import FloatingPeriod, Reason
from telework.models import TeleworkRule
from telework.rules import Proposal, broken_rules, days_per_week

H = date(2026, 3, 2)  # a Monday, rules of 2023-01-01 in force
OPINION = {"physician_opinion_received": True, "physician_opinion_date": date(2026, 2, 20)}


def proposal(**kw):
    base = {"start": H, "end": date(2026, 12, 31), "reason": Reason.COMMUTE, "fixed_days": [1]}
    base.update(kw)
    return Proposal(**base)


CASES = [
    # (case, proposal, fragments expected in the messages; [] = allowed)
    ("un jour fixe", proposal(), []),
    ("deux jours fixes", proposal(fixed_days=[0, 3]), []),
    ("trois jours fixes : le plafond", proposal(fixed_days=[0, 2, 4]), []),
    (
        "quatre jours fixes",
        proposal(fixed_days=[0, 1, 2, 3]),
        ["limité à 3 jours par semaine", "Au moins 2 jours de présence"],
    ),
    (
        "deux fixes + deux flottants par semaine",
        proposal(fixed_days=[0, 1], floating_days=2),
        ["la demande en compte 4", "la demande en laisse 1"],
    ),
    ("deux fixes + quatre flottants par mois", proposal(fixed_days=[0, 1], floating_days=4), None),
    (
        "deux fixes + quatre flottants par mois (mensuel)",
        proposal(fixed_days=[0, 1], floating_days=4, floating_period=FloatingPeriod.MONTH),
        [],
    ),
    (
        "deux fixes + huit flottants par mois",
        proposal(fixed_days=[0, 1], floating_days=8, floating_period=FloatingPeriod.MONTH),
        ["limité à 3 jours", "Au moins 2 jours"],
    ),
    ("aucun jour", proposal(fixed_days=[]), ["au moins un jour fixe ou un jour flottant"]),
    ("fin avant début", proposal(end=date(2026, 1, 1)), ["La date de fin précède"]),
    ("jour en double", proposal(fixed_days=[1, 1]), ["jours ouvrés distincts"]),
    ("samedi", proposal(fixed_days=[5]), ["jours ouvrés distincts"]),
    (
        "santé : quatre jours avec avis, 6 mois moins un jour",
        proposal(fixed_days=[0, 1, 2, 3], reason=Reason.HEALTH, end=date(2026, 9, 1), **OPINION),
        [],
    ),
    (
        "santé sans avis du médecin du travail",
        proposal(fixed_days=[0, 1, 2, 3], reason=Reason.HEALTH, end=date(2026, 9, 1)),
        ["l'avis du médecin du travail"],
    ),
    (
        "santé : plus de 6 mois",
        proposal(fixed_days=[0, 1], reason=Reason.HEALTH, end=date(2026, 9, 2), **OPINION),
        ["6 mois au plus"],
    ),
    (
        "proche aidant : 3 mois moins un jour, 5 jours",
        proposal(fixed_days=[0, 1, 2, 3, 4], reason=Reason.CARER, end=date(2026, 6, 1)),
        [],
    ),
    (
        "proche aidant : plus de 3 mois",
        proposal(fixed_days=[0], reason=Reason.CARER, end=date(2026, 6, 2)),
        ["3 mois au plus"],
    ),
    (
        "grossesse : quatre jours, pas de durée maximale",
        proposal(fixed_days=[0, 1, 2, 3], reason=Reason.PREGNANCY),
        [],
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "prop", "expected"), CASES, ids=[c[0] for c in CASES])
def test_rule_table(case, prop, expected):
    rule = TeleworkRule.objects.get_in_force(H)
    problems = broken_rules(prop, rule)
    if expected is None:  # 2 + 4 a week = 6 > 3
        assert problems and "limité à 3 jours" in problems[0]
        return
    assert len(problems) == len(expected), problems
    for fragment, message in zip(expected, problems, strict=True):
        assert fragment in message


@pytest.mark.django_db
def test_thresholds_are_reference_data_changed_from_a_date():
    current = TeleworkRule.objects.get_in_force(H)
    new = TeleworkRule.objects.get(pk=current.pk)
    new.pk, new.valid_from, new.valid_to = None, date(2027, 1, 1), None
    new.max_days_per_week, new.min_onsite_days_per_week = 4, 1
    new.replaces_latest = True
    reference_row_add(row=new, by=None)
    four_days = proposal(fixed_days=[0, 1, 2, 3])
    assert broken_rules(four_days, TeleworkRule.objects.get_in_force(date(2027, 1, 4))) == []
    # until then the 3-day ceiling still applies, and its row now ends the day before
    assert broken_rules(four_days, TeleworkRule.objects.get_in_force(date(2026, 12, 28)))
    assert TeleworkRule.objects.get(pk=current.pk).valid_to == date(2026, 12, 31)
    # 2020: the 2016 row (no allowance), same thresholds.
    old = TeleworkRule.objects.get_in_force(date(2020, 6, 1))
    assert (old.max_days_per_week, old.daily_allowance) == (3, 0)
    assert TeleworkRule.objects.get_in_force(date(2022, 1, 1)).daily_allowance == 2.5


@pytest.mark.django_db
def test_monthly_assessment_speaks_in_months():
    rule = TeleworkRule.objects.get_in_force(H)
    rule.assessment_period = "month"
    problems = broken_rules(proposal(fixed_days=[0, 1, 2, 3]), rule)
    assert "limité à 12 jours par mois" in problems[0]


@pytest.mark.django_db
def test_days_per_week_rounds_floating_days_up():
    rule = TeleworkRule.objects.get_in_force(H)
    # 1 fixed + 2 floating a month (half a day a week) → 2 in the statistics
    prop = proposal(fixed_days=[0], floating_days=2, floating_period=FloatingPeriod.MONTH)
    assert days_per_week(prop, rule) == 2
    assert days_per_week(proposal(fixed_days=[0, 3]), rule) == 2
