"""The demo gives, through the catalogue, the reference figures of the 2020 chapter
(DESIGN.md, « The reference figures ») and a 2019 with other values, so that the
previous-year column of the report means something. The demo is built once."""

import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role
from imtsocial.demo import demo_email
from imtsocial.reports.catalogue import figures_for, rows_for, series_for
from tests.factories import give_totp

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
# code → display in the 2020 chapter. The source's « about » figures are the exact
# aggregates of the demo records; the SMIC quoted is the one of 1 January 2021 (RULES §1).
REFERENCE_2020 = {
    "pay_permanent_average": f"4{NBSP}090{NBSP}€",
    "smic_monthly": f"1{NBSP}555{NBSP}€",
    "benchmarks_below_smic": "0",
    "mix_permanent_pct": f"90{NBSP}%",
    "mix_fixed_term_pct": f"10{NBSP}%",
    "mix_fixed_term_under_2y_pct": f"3{NBSP}%",
    "mix_fixed_term_2y_or_more_pct": f"7{NBSP}%",
    "teleworkers_before_regime": "33",
    "exceptional_regime_active": "oui",
    "loans_laptops": "100",
    "loans_headsets": "150",
    "loans_screens": "150",
    "training_hours": "100",
    "training_hours_remote": "100",
    "talent_developers_trained": "23",
    "prevention_agents": "12",
    "prevention_agents_labs": "6",
    "first_aiders": "26",
    "first_aiders_labs": "3",
    "fume_hoods_inspected": "44",
    "exposure_exceedances": "0",
    "appointments": "50",
    "aid_higher_education": "10",
    "aid_exceptional": "10",
    "consultations_lawyer_psychologist": "5",
    "consultations_social_worker": "15",
    "christmas_children": "120",
    "newsletters": "47",
    "testimonials": "50",
    "workstation_photos": "30",
    "green_line": "oui",
}
# 2019 as the demo builds it (hand-checked against the builders' plans).
REFERENCE_2019 = {
    "exceptional_regime_active": "non",
    "fume_hoods_inspected": "40",  # HOODS_INSPECTED_2019
    "dialogue_meetings": "14",  # MEETINGS_2019: 3 + 2 + 2 + 2 + 3 + 2
    "appointments": "42",
    "consultations_lawyer_psychologist": "4",  # 2 + 2
    "consultations_social_worker": "12",
    "aid_higher_education": "8",
    "aid_exceptional": "6",
    "christmas_children": "105",  # 30 × 2 + 45
    "newsletters": "12",
    "green_line": "non",
}


@pytest.fixture
def demo(settings):
    settings.EMBEDDED = True
    call_command("demo", stdout=StringIO())


def test_the_demo_gives_the_reference_figures_and_a_different_2019(client, demo):
    figures = figures_for(2020)
    assert {code: figures[code].display for code in REFERENCE_2020} == REFERENCE_2020
    assert "saisie par Hélène Ressources" in figures["newsletters"].declared_source
    # Exposure: the four substances of R132 and R279, all within the limits.
    exposure = {row["label"]: row for row in series_for(2020)["exposure_by_substance"]}
    assert set(exposure) == {"Styrène", "α-Méthylstyrène", "Éthylène glycol", "n-Hexane"}
    assert all(row["within_limits"] for row in exposure.values())
    assert {unit for row in exposure.values() for unit in row["units"]} == {"R132", "R279"}
    pay = series_for(2020)["pay_distribution"]
    assert [row["label"] for row in pay if row["smic"]] == [
        f"de 1{NBSP}500{NBSP}€ à moins de 2{NBSP}000{NBSP}€"
    ]

    before = figures_for(2019)
    assert {code: before[code].display for code in REFERENCE_2019} == REFERENCE_2019
    # Contracts and salaries in force at 31/12/2019 differ from 2020's.
    assert before["pay_permanent_average"].value != figures["pay_permanent_average"].value
    assert before["mix_permanent_pct"].value != figures["mix_permanent_pct"].value
    assert before["staff_headcount"].value < figures["staff_headcount"].value
    rows = {row.indicator.code: row for row in rows_for(2020)}
    assert rows["christmas_children"].change_display == "+15"  # 120 − 105
    assert rows["fume_hoods_inspected"].change_display == "+4"  # 44 − 40

    # The figures page of the director answers fast: nothing slow happens inside.
    # (the tests' settings require a second factor, which the embedded demo does not)
    director = User.objects.get(email=demo_email(Role.DIRECTOR))
    give_totp(director)
    client.force_login(director)
    url = reverse("reports:figures", kwargs={"year": 2020})
    client.get(url)
    timings = []
    for _attempt in range(3):
        start = time.perf_counter()
        assert client.get(url).status_code == 200
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.3, timings
