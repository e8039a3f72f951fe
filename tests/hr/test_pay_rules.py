from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hr.models import PayBenchmark, SmicRate
from imtsocial.accounts.roles import Role

pytestmark = pytest.mark.django_db


def test_the_smic_table_is_prefilled_by_effective_date():
    # RULES.md §1: the SMIC changes mid-year; the row in force is the latest one started.
    assert SmicRate.objects.in_force(date(2021, 9, 30)).monthly == Decimal("1554.58")
    assert SmicRate.objects.in_force(date(2021, 10, 1)).monthly == Decimal("1589.47")
    assert SmicRate.objects.in_force(date(2018, 12, 31)) is None


@pytest.mark.parametrize(
    ("amount", "accepted"),
    [("1539.42", False), ("1500.00", False), ("1539.43", True), ("2100.00", True)],
)
def test_a_benchmark_must_be_above_the_smic_in_force_on_its_date(amount, accepted):
    # SMIC in force on 1 March 2020: 1 539,42 € (from 1 January 2020).
    benchmark = PayBenchmark(
        category="C", valid_from=date(2020, 3, 1), minimum_gross_monthly=Decimal(amount)
    )
    if accepted:
        benchmark.full_clean()
    else:
        with pytest.raises(ValidationError, match="supérieur au SMIC en vigueur le 01/03/2020"):
            benchmark.full_clean()


def test_hr_cannot_save_a_benchmark_below_the_smic_in_the_admin(client, make_user):
    hr = make_user(Role.HR)
    hr.is_staff = True
    hr.save()
    client.force_login(hr)
    response = client.post(
        reverse("admin:hr_paybenchmark_add"),
        {
            "category": "B",
            "valid_from": "2023-06-01",
            "minimum_gross_monthly": "1700",
            "source": "test",
        },
    )
    assert response.status_code == 200
    assert "Un repère doit être supérieur au SMIC en vigueur le 01/06/2023" in (
        response.content.decode()
    )
    assert not PayBenchmark.objects.exists()
