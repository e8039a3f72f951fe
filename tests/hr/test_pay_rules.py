from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hr.models import PayBenchmark, SmicRate
from imtsocial.accounts.roles import Role
from tests.factories import PayBenchmarkFactory

pytestmark = pytest.mark.django_db


def test_the_smic_table_is_prefilled_by_effective_date():
    # RULES.md §1: the SMIC changes mid-year; each row ends the day before the next one.
    assert SmicRate.objects.get_in_force(date(2021, 9, 30)).monthly == Decimal("1554.58")
    assert SmicRate.objects.get_in_force(date(2021, 10, 1)).monthly == Decimal("1589.47")
    assert SmicRate.objects.get_in_force(date(2018, 12, 31)) is None
    assert SmicRate.objects.get(valid_from=date(2021, 1, 1)).valid_to == date(2021, 9, 30)
    assert SmicRate.objects.order_by("valid_from").last().valid_to is None


@pytest.mark.parametrize(
    ("amount", "valid_to", "accepted"),
    [
        # SMIC from 1 January to 31 December 2020: 1 539,42 €.
        ("1539.42", date(2020, 12, 31), False),
        ("1500.00", date(2020, 12, 31), False),
        ("1539.43", date(2020, 12, 31), True),
        # Open-ended, the same benchmark meets the SMIC of 2021 (1 554,58 €) and later ones.
        ("1539.43", None, False),
        ("1823.04", None, True),  # above every SMIC of the table (the last: 1 823,03 €)
    ],
)
def test_a_benchmark_must_be_above_the_smic_over_its_whole_period(amount, valid_to, accepted):
    benchmark = PayBenchmark(
        category="C",
        valid_from=date(2020, 3, 1),
        valid_to=valid_to,
        minimum_gross_monthly=Decimal(amount),
    )
    if accepted:
        benchmark.full_clean()
    else:
        with pytest.raises(ValidationError, match="supérieur au SMIC en vigueur sur toute sa"):
            benchmark.full_clean()


def test_a_new_smic_that_reaches_a_benchmark_is_refused_until_the_benchmark_rises():
    PayBenchmarkFactory(category="C", valid_from=date(2026, 1, 1), minimum_gross_monthly=1850)
    smic = SmicRate(valid_from=date(2027, 1, 1), hourly=Decimal("12.20"), monthly=Decimal("1850"))
    smic.replaces_latest = True
    with pytest.raises(ValidationError, match="atteindrait le repère « Catégorie C »"):
        smic.full_clean()
    # HR raises the benchmark from the same date first: the SMIC is then accepted.
    PayBenchmarkFactory(category="C", valid_from=date(2027, 1, 1), minimum_gross_monthly=1900)
    smic.full_clean()


def test_hr_is_told_next_to_the_field_and_nothing_is_saved(client, make_user):
    client.force_login(make_user(Role.HR))
    response = client.post(
        reverse("refdata:table", args=["reperes-de-remuneration"]),
        {
            "category": "B",
            "valid_from": "2023-06-01",
            "minimum_gross_monthly": "1700",
            "source": "test",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "supérieur au SMIC en vigueur sur toute sa période" in errors["minimum_gross_monthly"][0]
    # from 1 June 2023 the SMIC in force is the one of 1 May 2023: 1 747,20 €
    assert (
        "1\u00a0747,20\u00a0€ brut mensuel du 01/05/2023 au 31/12/2023"
        in (errors["minimum_gross_monthly"][0])
    )
    assert not PayBenchmark.objects.exists()
