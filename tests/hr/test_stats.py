"""HR statistics at a reference date (hr/stats.py) and their two pages.

Every expected figure is worked out by hand in the test, from the small dataset the
test builds; the arithmetic is in the comments.
"""

import re
from datetime import date
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse

from hr.enums import ContractKind
from hr.models import Contract, SalaryRecord
from hr.stats import (
    contract_mix,
    headcount_by_contract_kind,
    hr_statistics,
    pay_distribution,
    permanent_pay,
    salaries_below_benchmark,
    smic_in_force,
)
from hr.views.stats import default_reference_date
from imtsocial.accounts.roles import Role
from tests.factories import (
    ContractFactory,
    DepartmentFactory,
    EmployeeFactory,
    PayBenchmarkFactory,
    SalaryRecordFactory,
)

pytestmark = pytest.mark.django_db

D = date(2020, 12, 31)  # the reference date of the source chapter
NBSP = "\u00a0"

TITULAIRE = ContractKind.TITULAIRE
CDI = ContractKind.CDI
CDD = ContractKind.CDD
DOCTORANT = ContractKind.DOCTORANT
APPRENTI = ContractKind.APPRENTI


def hire(kind=TITULAIRE, start=date(2015, 9, 1), end=None, *, pay=None, salaries=(), **fields):
    """One person with one contract; ``pay`` is a salary from the start, ``salaries``
    a list of ``(effective date, amount)``. Other keywords go to the contract, except
    ``employee`` and ``department``."""
    employee = fields.pop("employee", None)
    if employee is None:
        department = fields.pop("department", None)
        employee = EmployeeFactory(**({"department": department} if department else {}))
    contract = ContractFactory(employee=employee, kind=kind, start=start, end=end, **fields)
    records = list(salaries) + ([(start, pay)] if pay is not None else [])
    for effective, amount in records:
        SalaryRecordFactory(
            contract=contract, effective_date=effective, gross_monthly=Decimal(amount)
        )
    return contract


def euros(text: str) -> str:
    """The way the page writes an amount: ``euros("4 090 €")`` with non-breaking spaces."""
    return text.replace(" ", NBSP)


def table_rows(html: str) -> list[str]:
    """Text of every table row of a page, tags removed and spaces collapsed."""
    rows = re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)
    return [
        " ".join(unescape(re.sub(r"<[^>]+>", " ", row)).replace(NBSP, " ").split()) for row in rows
    ]


class TestHeadcount:
    def test_counts_the_people_with_a_contract_in_force_per_kind(self):
        hire(TITULAIRE, date(2010, 1, 1))  # open-ended: in force
        hire(TITULAIRE, date(2015, 1, 1), D)  # ends on D itself: still in force
        hire(TITULAIRE, date(2015, 1, 1), date(2020, 12, 30))  # ended the day before
        hire(CDI, D)  # starts on D itself: in force
        hire(CDI, date(2021, 1, 1))  # starts the day after: not yet
        # One person, two successive contracts: counted once, under the one in force.
        person = EmployeeFactory()
        hire(CDD, date(2018, 1, 1), date(2019, 12, 31), employee=person)
        hire(CDI, date(2020, 1, 1), employee=person)
        hire(CDD, date(2020, 1, 1), date(2021, 6, 30))
        hire(DOCTORANT, date(2019, 10, 1), date(2022, 9, 30))

        headcount = headcount_by_contract_kind(at=D)

        # titulaire: the open-ended one + the one ending on D = 2
        # cdi: the one starting on D + the second contract of ``person`` = 2
        # cdd: 1 (the 2018–2019 CDD of ``person`` ended before D); doctorant: 1; apprenti: 0
        assert headcount.by_kind == {
            TITULAIRE: 2,
            CDI: 2,
            CDD: 1,
            DOCTORANT: 1,
            APPRENTI: 0,
        }
        assert headcount.total == 6  # 2 + 2 + 1 + 1 + 0
        assert [kind for kind, _count in headcount.rows] == list(ContractKind)

    def test_no_contract_gives_zeros_for_every_kind(self):
        headcount = headcount_by_contract_kind(at=D)
        assert headcount.by_kind == dict.fromkeys(ContractKind, 0)
        assert headcount.total == 0


class TestContractMix:
    def test_phd_students_are_excluded_and_fixed_term_is_split_at_two_years(self):
        hire(TITULAIRE)
        hire(TITULAIRE)
        hire(CDI)
        # Lengths counted from the first to the last day, both included (end − start + 1):
        hire(CDD, date(2020, 9, 1), date(2021, 8, 31))  # 364 + 1 = 365 days: under 2 years
        hire(CDD, date(2020, 9, 1), date(2022, 8, 30))  # 728 + 1 = 729 days: under 2 years
        hire(CDD, date(2020, 9, 1), date(2022, 8, 31))  # 729 + 1 = 730 days: exactly 2 years
        hire(CDD, date(2019, 9, 1), date(2022, 8, 31))  # 1095 + 1 days: 2 years or more
        hire(APPRENTI, date(2020, 9, 1), date(2021, 6, 30))  # 10 months: under 2 years
        hire(DOCTORANT, date(2019, 10, 1), date(2022, 9, 30))  # excluded
        hire(DOCTORANT, date(2020, 10, 1), date(2023, 9, 30))  # excluded
        hire(CDD, date(2019, 1, 1), date(2020, 12, 30))  # not in force at D

        mix = contract_mix(at=D)

        # permanent = 2 titulaires + 1 CDI = 3; fixed-term = 4 CDD + 1 apprentice = 5
        # under 2 years = 365-day CDD + 729-day CDD + apprentice = 3; 2 years or more = 2
        assert (mix.permanent, mix.fixed_term) == (3, 5)
        assert (mix.fixed_term_under_2_years, mix.fixed_term_2_years_or_more) == (3, 2)
        assert mix.total == 8  # 3 + 5, PhD students left out
        assert mix.phd_students_excluded == 2
        assert mix.permanent_pct == Decimal("37.5")  # 3 / 8 = 0.375
        assert mix.fixed_term_pct == Decimal("62.5")  # 5 / 8 = 0.625
        assert mix.fixed_term_under_2_years_pct == Decimal("37.5")  # 3 / 8
        assert mix.fixed_term_2_years_or_more_pct == Decimal("25.0")  # 2 / 8

    def test_reproduces_the_split_of_the_source_chapter(self):
        # The 2020 chapter: 90 % civil servants or CDI, 10 % CDD (3 % under 2 years,
        # 7 % 2 years or more), PhD students excluded. 100 people give those shares.
        department = DepartmentFactory()
        for index in range(90):
            hire(TITULAIRE if index < 60 else CDI, department=department)
        for _ in range(3):
            hire(CDD, date(2020, 9, 1), date(2021, 8, 31), department=department)
        for _ in range(7):
            hire(CDD, date(2019, 9, 1), date(2022, 8, 31), department=department)
        for _ in range(12):
            hire(DOCTORANT, date(2019, 10, 1), date(2022, 9, 30), department=department)

        mix = contract_mix(at=D)

        assert mix.total == 100  # 90 + 3 + 7
        assert mix.permanent_pct == Decimal("90.0")  # 90 / 100
        assert mix.fixed_term_pct == Decimal("10.0")  # 10 / 100
        assert mix.fixed_term_under_2_years_pct == Decimal("3.0")
        assert mix.fixed_term_2_years_or_more_pct == Decimal("7.0")

    def test_percentages_are_rounded_to_one_decimal(self):
        hire(TITULAIRE)
        hire(TITULAIRE)
        hire(CDD, date(2020, 9, 1), date(2021, 8, 31))
        mix = contract_mix(at=D)
        assert mix.permanent_pct == Decimal("66.7")  # 2 / 3 = 66.666… → 66.7
        assert mix.fixed_term_pct == Decimal("33.3")  # 1 / 3 = 33.333… → 33.3

    def test_nobody_gives_no_percentage(self):
        hire(DOCTORANT, date(2019, 10, 1), date(2022, 9, 30))
        mix = contract_mix(at=D)
        assert mix.total == 0
        assert mix.permanent_pct is None and mix.fixed_term_2_years_or_more_pct is None


class TestPermanentPay:
    def test_average_and_median_of_an_odd_count(self):
        # An older record, the one in force at D, and a raise after D (ignored).
        hire(
            TITULAIRE,
            date(2010, 9, 1),
            salaries=[
                (date(2010, 9, 1), "2000.00"),
                (date(2020, 1, 1), "3000.00"),
                (date(2021, 1, 1), "9000.00"),
            ],
        )
        hire(TITULAIRE, pay="4000.00")
        hire(CDI, pay="5500.00")
        hire(CDI)  # no salary record at all: excluded, counted apart
        hire(CDI, salaries=[(date(2021, 3, 1), "7000.00")])  # only a record after D: excluded
        hire(CDD, date(2020, 1, 1), date(2021, 6, 30), pay="1000.00")  # not permanent
        hire(DOCTORANT, date(2019, 10, 1), date(2022, 9, 30), pay="1800.00")  # not permanent
        hire(TITULAIRE, date(2010, 1, 1), date(2020, 6, 30), pay="9999.00")  # left before D

        pay = permanent_pay(at=D)

        assert pay.headcount == 5  # 2 titulaires + 3 CDI in force
        assert (pay.counted, pay.without_salary) == (3, 2)
        # (3000 + 4000 + 5500) / 3 = 12500 / 3 = 4166.666… → 4166.67
        assert pay.average == Decimal("4166.67")
        # 3000 < 4000 < 5500: the middle one
        assert pay.median == Decimal("4000.00")

    def test_median_of_an_even_count_is_the_mean_of_the_two_middle_values(self):
        for amount in ("9000.00", "2000.00", "4100.02", "3000.01"):
            hire(TITULAIRE, pay=amount)
        pay = permanent_pay(at=D)
        # (2000 + 3000.01 + 4100.02 + 9000) / 4 = 18100.03 / 4 = 4525.0075 → 4525.01
        assert pay.average == Decimal("4525.01")
        # sorted: 2000, 3000.01, 4100.02, 9000 → (3000.01 + 4100.02) / 2 = 3550.015 → 3550.02
        assert pay.median == Decimal("3550.02")

    def test_uses_the_salary_record_in_force_at_the_date(self):
        hire(
            TITULAIRE,
            date(2010, 9, 1),
            salaries=[
                (date(2010, 9, 1), "2000.00"),
                (date(2020, 1, 1), "3000.00"),
                (date(2021, 1, 1), "9000.00"),
            ],
        )
        assert permanent_pay(at=date(2019, 12, 31)).average == Decimal("2000.00")
        assert permanent_pay(at=date(2020, 1, 1)).average == Decimal("3000.00")  # effective
        assert permanent_pay(at=D).average == Decimal("3000.00")
        assert permanent_pay(at=date(2021, 1, 1)).average == Decimal("9000.00")

    def test_nobody_gives_no_figure(self):
        pay = permanent_pay(at=D)
        assert (pay.headcount, pay.counted, pay.average, pay.median) == (0, 0, None, None)


class TestPayDistribution:
    def test_counts_permanent_staff_per_bucket_lower_bound_included(self):
        hire(TITULAIRE, pay="1600.00")
        hire(TITULAIRE, pay="1999.99")
        hire(CDI, pay="2000.00")  # lower bound of [2000, 2500)
        hire(CDI, pay="3000.00")
        hire(CDD, date(2020, 1, 1), date(2021, 6, 30), pay="2700.00")  # not permanent
        hire(CDI)  # no salary

        distribution = pay_distribution(at=D)

        rows = [(b.lower, b.upper, b.count) for b in distribution.buckets]
        assert rows == [
            (Decimal(1500), Decimal(2000), 2),  # 1600, 1999.99
            (Decimal(2000), Decimal(2500), 1),  # 2000
            (Decimal(2500), Decimal(3000), 0),  # gap filled with a zero
            (Decimal(3000), Decimal(3500), 1),  # 3000
        ]
        assert distribution.total == 4

        wide = pay_distribution(at=D, bucket=Decimal(1000))
        assert [(b.lower, b.count) for b in wide.buckets] == [
            (Decimal(1000), 2),  # 1600, 1999.99
            (Decimal(2000), 1),  # 2000
            (Decimal(3000), 1),  # 3000
        ]


def test_smic_in_force_is_the_latest_on_or_before_the_date():
    # RULES.md §1, loaded by migration 0003: 1 539.42 € from 2020-01-01, 1 554.58 € from 2021.
    assert smic_in_force(at=D).monthly == Decimal("1539.42")
    assert smic_in_force(at=date(2021, 1, 1)).monthly == Decimal("1554.58")


def test_hr_statistics_bundles_the_figures_at_one_date():
    hire(TITULAIRE, pay="4000.00")
    hire(CDD, date(2020, 9, 1), date(2021, 8, 31), pay="2000.00")
    stats = hr_statistics(at=D)
    assert stats.at == D
    assert stats.headcount.total == 2
    assert stats.mix.permanent_pct == Decimal("50.0")  # 1 / 2
    assert stats.pay.average == Decimal("4000.00")  # the CDD is not permanent
    assert stats.distribution.total == 1
    assert stats.smic.monthly == Decimal("1539.42")


class TestSalariesBelowBenchmark:
    @pytest.fixture
    def benchmarks(self):
        PayBenchmarkFactory(category="A", valid_from=date(2019, 1, 1), minimum_gross_monthly=2400)
        PayBenchmarkFactory(category="A", valid_from=date(2020, 1, 1), minimum_gross_monthly=2500)
        PayBenchmarkFactory(category="A", valid_from=date(2021, 1, 1), minimum_gross_monthly=2600)
        PayBenchmarkFactory(category="B", valid_from=date(2020, 1, 1), minimum_gross_monthly=2000)

    def alerts(self, at):
        return {c.pk: (c.current_salary, c.minimum, c.gap) for c in salaries_below_benchmark(at=at)}

    def test_benchmark_in_force_pro_rata_of_working_time(self, benchmarks):
        low = hire(category="A", pay="2450.00")
        above = hire(category="A", pay="2550.00")
        part_80 = hire(category="A", working_time_ratio=80, pay="2100.00")
        part_50 = hire(category="A", working_time_ratio=50, pay="1200.00")
        b_low = hire(category="B", pay="1999.99")
        b_equal = hire(category="B", pay="2000.00")
        raised = hire(
            category="A",
            salaries=[(date(2020, 1, 1), "2400.00"), (date(2020, 6, 1), "2500.00")],
        )
        hire(category="C", pay="1000.00")  # no benchmark for C: not an alert
        hire(CDI, category="", pay="1000.00")  # no category: not an alert
        hire(category="A")  # no salary: not an alert
        hire(category="A", start=date(2010, 1, 1), end=date(2020, 6, 30), pay="100.00")  # left

        # At D the A benchmark is the 2020 one (2 500 €), the 2021 one is not yet in force.
        assert self.alerts(D) == {
            low.pk: (Decimal("2450.00"), Decimal("2500.00"), Decimal("50.00")),
            # 50 % of 2 500 = 1 250; 1 250 − 1 200 = 50
            part_50.pk: (Decimal("1200.00"), Decimal("1250.00"), Decimal("50.00")),
            # 2 000 − 1 999.99 = 0.01
            b_low.pk: (Decimal("1999.99"), Decimal("2000.00"), Decimal("0.01")),
        }
        # Not alerts at D: ``above`` (2 550 ≥ 2 500), ``part_80`` (80 % of 2 500 = 2 000
        # ≤ 2 100, though below the full-time 2 500), ``b_equal`` (equal is not below),
        # ``raised`` (its 2 500 of June replaces the 2 400 of January).
        assert {above.pk, part_80.pk, b_equal.pk, raised.pk}.isdisjoint(self.alerts(D))

        # From 2021-01-01 the A benchmark is 2 600 €.
        assert self.alerts(date(2021, 1, 15)) == {
            low.pk: (Decimal("2450.00"), Decimal("2600.00"), Decimal("150.00")),
            above.pk: (Decimal("2550.00"), Decimal("2600.00"), Decimal("50.00")),
            # 80 % of 2 600 = 2 080 ≤ 2 100: still not an alert
            # 50 % of 2 600 = 1 300; 1 300 − 1 200 = 100
            part_50.pk: (Decimal("1200.00"), Decimal("1300.00"), Decimal("100.00")),
            b_low.pk: (Decimal("1999.99"), Decimal("2000.00"), Decimal("0.01")),
            raised.pk: (Decimal("2500.00"), Decimal("2600.00"), Decimal("100.00")),
        }

    def test_doctoral_minimum_depends_on_the_signature_date_before_2023(self, benchmarks):
        # RULES.md §1 (migration 0003): 1 758 € for contracts signed before 2021-09-01,
        # 1 866 € signed from 2021-09-01, 1 975 € signed from 2022-09-01, then
        # 2 044.12 € for every contract from 2023-01-01.
        signed_2020 = hire(
            DOCTORANT, date(2020, 10, 1), date(2023, 9, 30), signed_on=date(2020, 7, 1), pay="1800"
        )
        signed_2021 = hire(
            DOCTORANT, date(2021, 10, 1), date(2024, 9, 30), signed_on=date(2021, 9, 15), pay="1800"
        )
        signed_2022 = hire(
            DOCTORANT, date(2022, 10, 1), date(2025, 9, 30), signed_on=date(2022, 9, 1), pay="1900"
        )
        # Signature date unknown: the start date stands for it (signed from 2021-09-01).
        unknown = hire(DOCTORANT, date(2021, 10, 1), date(2024, 9, 30), signed_on=None, pay="1800")
        # A PhD student in category A: the doctoral minimum applies, not the A benchmark.
        in_a = hire(
            DOCTORANT,
            date(2020, 10, 1),
            date(2023, 9, 30),
            signed_on=date(2020, 7, 1),
            category="A",
            pay="1800",
        )

        at_end_2022 = date(2022, 12, 31)
        assert self.alerts(at_end_2022) == {
            # signed 2021-09-15 ≥ 2021-09-01 → 1 866; 1 866 − 1 800 = 66
            signed_2021.pk: (Decimal("1800.00"), Decimal("1866.00"), Decimal("66.00")),
            # signed on 2022-09-01 itself → 1 975; 1 975 − 1 900 = 75
            signed_2022.pk: (Decimal("1900.00"), Decimal("1975.00"), Decimal("75.00")),
            unknown.pk: (Decimal("1800.00"), Decimal("1866.00"), Decimal("66.00")),
        }
        # signed_2020 and in_a: signed before 2021-09-01 → 1 758 ≤ 1 800, no alert (the
        # A benchmark of 2 500 would have flagged in_a).

        at_2023 = date(2023, 3, 31)
        # 2 044.12 for everyone: 2 044.12 − 1 800 = 244.12; 2 044.12 − 1 900 = 144.12
        assert self.alerts(at_2023) == {
            signed_2020.pk: (Decimal("1800.00"), Decimal("2044.12"), Decimal("244.12")),
            signed_2021.pk: (Decimal("1800.00"), Decimal("2044.12"), Decimal("244.12")),
            signed_2022.pk: (Decimal("1900.00"), Decimal("2044.12"), Decimal("144.12")),
            unknown.pk: (Decimal("1800.00"), Decimal("2044.12"), Decimal("244.12")),
            in_a.pk: (Decimal("1800.00"), Decimal("2044.12"), Decimal("244.12")),
        }


# Pages ---------------------------------------------------------------------------

STATISTICS = "hr:statistics"
PAY_ALERTS = "hr:pay_alerts"


@pytest.mark.parametrize(
    ("role", "statistics_status", "alerts_status"),
    [
        (Role.EMPLOYEE, 403, 403),
        (Role.MANAGER, 403, 403),
        (Role.HR, 200, 200),
        (Role.DIRECTOR, 200, 403),
        (Role.IT, 403, 403),
        (Role.SOCIAL_ACTION, 403, 403),
        (Role.PREVENTION, 403, 403),
        (Role.TALENT_DEVELOPER, 403, 403),
        (Role.DPO, 403, 403),
        (None, 403, 403),
    ],
)
def test_permission_matrix(client, user_with_role, role, statistics_status, alerts_status):
    client.force_login(user_with_role(role))
    assert client.get(reverse(STATISTICS)).status_code == statistics_status
    assert client.get(reverse(PAY_ALERTS)).status_code == alerts_status


@pytest.mark.parametrize("url_name", [STATISTICS, PAY_ALERTS])
def test_anonymous_is_sent_to_login(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("url_name", [STATISTICS, PAY_ALERTS])
def test_pages_only_answer_get(client, make_user, url_name):
    client.force_login(make_user(Role.HR))
    assert client.post(reverse(url_name)).status_code == 405


def _populate(rows: int, *, pay: str, category: str = "A") -> None:
    """``rows`` civil servants in force at D and today, each with one salary."""
    department = DepartmentFactory()
    employees = EmployeeFactory.create_batch(rows, department=department)
    contracts = Contract.objects.bulk_create(
        Contract(employee=e, kind=TITULAIRE, start=date(2015, 9, 1), category=category)
        for e in employees
    )
    SalaryRecord.objects.bulk_create(
        SalaryRecord(contract=c, effective_date=c.start, gross_monthly=Decimal(pay))
        for c in contracts
    )


class TestStatisticsPage:
    def test_shows_the_figures_at_the_chosen_date(self, client, make_user):
        # Five permanent salaries: (2950 + 3600 + 3800 + 4600 + 5500) / 5 = 20450 / 5 = 4090;
        # median: the third of five, 3800.
        for amount in ("2950", "3600", "3800", "4600", "5500"):
            hire(TITULAIRE, pay=amount)
        hire(CDD, date(2020, 9, 1), date(2021, 8, 31), pay="2000")
        hire(DOCTORANT, date(2019, 10, 1), date(2022, 9, 30), pay="1800")
        client.force_login(make_user(Role.DIRECTOR))

        response = client.get(reverse(STATISTICS), {"at": "2020-12-31"})

        html = response.content.decode()
        assert response.context["at"] == D
        assert euros("4 090 €") in html  # the average, written the French way
        assert euros("3 800 €") in html  # the median
        rows = table_rows(html)
        assert "Fonctionnaire titulaire 5" in rows
        assert "CDD 1" in rows and "Contrat doctoral 1" in rows and "Total 7" in rows
        # Mix without the PhD student: 5 / 6 = 83.33… → 83,3 %; 1 / 6 = 16.66… → 16,7 %
        assert "Permanents (fonctionnaires titulaires et CDI) 5 83,3 %" in rows
        assert "CDD (CDD et apprentis) 1 16,7 %" in rows
        assert "dont CDD de moins de 2 ans 1 16,7 %" in rows
        # The SMIC at D (1 539.42 €) is quoted and marked on the chart.
        assert euros("1 539,42 €") in html
        assert "SMIC " + euros("1 539 €") in html
        assert '<title id="pay-chart-title">' in html and '<desc id="pay-chart-desc">' in html
        assert "style=" not in html  # strict CSP: no inline style anywhere
        assert "Définitions et méthode" in html

    def test_director_sees_aggregates_only_and_no_name(self, client, make_user):
        for index in range(6):
            contract = hire(TITULAIRE, pay=f"{3000 + index * 100}")
            contract.employee.last_name = f"Confidentiel{index}"
            contract.employee.save()
        client.force_login(make_user(Role.DIRECTOR))
        html = client.get(reverse(STATISTICS), {"at": "2020-12-31"}).content.decode()
        assert "Confidentiel" not in html
        assert reverse(PAY_ALERTS) not in html  # no way to the list of names

    def test_hr_gets_a_link_to_the_pay_alerts(self, client, make_user):
        client.force_login(make_user(Role.HR))
        assert reverse(PAY_ALERTS) in client.get(reverse(STATISTICS)).content.decode()

    def test_a_date_without_data_or_smic_renders(self, client, make_user):
        hire(TITULAIRE, pay="3000")  # starts in 2015: not in force in 2000
        client.force_login(make_user(Role.HR))
        response = client.get(reverse(STATISTICS), {"at": "2000-01-01"})
        html = response.content.decode()
        assert response.status_code == 200
        assert "Aucun SMIC n'est enregistré pour cette date." in html  # first one: 2019
        assert "Aucun salaire enregistré pour les personnels permanents" in html
        assert "<svg" not in html

    def test_groups_under_five_are_shown_less_than_five_totals_stay_exact(self, client, make_user):
        for amount in ("3000", "3100", "3200", "3300", "3400", "3499.99"):
            hire(TITULAIRE, pay=amount)  # 6 in [3 000, 3 500)
        for amount in ("4500", "4999.99"):
            hire(CDI, pay=amount)  # 2 in [4 500, 5 000)
        client.force_login(make_user(Role.DIRECTOR))

        html = client.get(reverse(STATISTICS), {"at": "2020-12-31"}).content.decode()

        rows = table_rows(html)
        assert "de 3 000 € à moins de 3 500 € 6" in rows
        assert "de 3 500 € à moins de 4 000 € 0" in rows
        assert "de 4 500 € à moins de 5 000 € < 5" in rows
        assert "de 4 500 € à moins de 5 000 € 2" not in rows
        assert "Total 8" in rows  # 6 + 2, exact
        # In the chart, the small group is a dashed outline labelled "< 5", not a count.
        assert 'stroke-dasharray="4 3"' in html
        assert ">&lt; 5</text>" in html

    def test_average_and_median_of_fewer_than_five_people_are_not_shown(self, client, make_user):
        for amount in ("3000", "3500", "4000", "4500"):
            hire(TITULAIRE, pay=amount)
        client.force_login(make_user(Role.DIRECTOR))
        html = client.get(reverse(STATISTICS), {"at": "2020-12-31"}).content.decode()
        # (3000 + 3500 + 4000 + 4500) / 4 = 3750 would be nearly individual pay.
        assert euros("3 750 €") not in html
        assert "ne sont pas diffusées" in html

    def test_default_date_is_the_31st_of_december_of_last_year(self, client, make_user):
        assert default_reference_date(date(2026, 3, 15)) == date(2025, 12, 31)
        assert default_reference_date(date(2026, 12, 31)) == date(2025, 12, 31)
        client.force_login(make_user(Role.HR))
        response = client.get(reverse(STATISTICS))
        assert response.context["at"] == default_reference_date()

    def test_a_bad_date_gives_a_french_error_and_the_default_date(self, client, make_user):
        client.force_login(make_user(Role.HR))
        response = client.get(reverse(STATISTICS), {"at": "31/02/2020"})
        assert response.status_code == 200
        assert "Saisissez une date valide." in response.content.decode()
        assert response.context["at"] == default_reference_date()

    @pytest.mark.parametrize("rows", [10, 200])
    def test_constant_number_of_queries(self, client, make_user, rows, django_assert_num_queries):
        _populate(rows, pay="3000.00")
        client.force_login(make_user(Role.DIRECTOR))
        # session, user, roles (groups, employee), headcount, mix (its "2 years" parameter,
        # the counts), the salaries of permanent staff (read once for the pay, its median
        # and its distribution), SMIC
        with django_assert_num_queries(9):
            response = client.get(reverse(STATISTICS), {"at": "2020-12-31"})
        assert response.context["stats"].pay.counted == rows


class TestPayAlertsPage:
    @pytest.fixture
    def alerts(self):
        PayBenchmarkFactory(category="A", valid_from=date(2020, 1, 1), minimum_gross_monthly=2500)
        PayBenchmarkFactory(category="B", valid_from=date(2020, 1, 1), minimum_gross_monthly=2000)
        lab = DepartmentFactory(name="C2MA")
        office = DepartmentFactory(name="Scolarité")
        low_a = hire(category="A", pay="2450.00", department=lab)
        low_a.employee.last_name = "Durand"
        low_a.employee.save()
        low_b = hire(CDI, category="B", pay="1900.00", department=office)
        low_b.employee.last_name = "Dupont"
        low_b.employee.save()
        fine = hire(category="A", pay="3000.00", department=lab)
        fine.employee.last_name = "Bienpayé"
        fine.employee.save()
        return low_a, low_b, fine

    def test_lists_people_paid_below_their_minimum(self, client, make_user, alerts):
        low_a, _low_b, _fine = alerts
        client.force_login(make_user(Role.HR))
        response = client.get(reverse(PAY_ALERTS), {"at": "2020-12-31"})
        html = response.content.decode()
        assert "Durand" in html and "Dupont" in html and "Bienpayé" not in html
        assert low_a.employee.get_absolute_url() in html
        # Durand: 2 450.00 paid, 2 500.00 minimum, 50.00 missing
        assert euros("2 450,00 €") in html and euros("2 500,00 €") in html
        assert euros("50,00 €") in html
        # Dupont: 2 000 − 1 900 = 100
        assert euros("100,00 €") in html
        assert response.context["page"].paginator.count == 2

    def test_filters(self, client, make_user, alerts):
        low_a, _low_b, _fine = alerts
        client.force_login(make_user(Role.HR))
        url = reverse(PAY_ALERTS)

        def names(params):
            page = client.get(url, {"at": "2020-12-31", **params}).context["page"]
            return {contract.employee.last_name for contract in page}

        assert names({}) == {"Durand", "Dupont"}
        assert names({"department": low_a.employee.department_id}) == {"Durand"}
        assert names({"category": "B"}) == {"Dupont"}
        assert names({"kind": CDI}) == {"Dupont"}
        assert names({"kind": TITULAIRE, "category": "B"}) == set()

    def test_default_date_is_today_and_a_bad_date_is_reported(self, client, make_user, alerts):
        client.force_login(make_user(Role.HR))
        response = client.get(reverse(PAY_ALERTS))
        # Open-ended contracts: still below the 2020 benchmarks today.
        assert response.context["page"].paginator.count == 2
        response = client.get(reverse(PAY_ALERTS), {"at": "2020-13-45", "category": "A"})
        assert "Saisissez une date valide." in response.content.decode()
        # The other filters still apply.
        assert [c.employee.last_name for c in response.context["page"]] == ["Durand"]

    @pytest.mark.parametrize("rows", [10, 200])
    def test_constant_number_of_queries(self, client, make_user, rows, django_assert_num_queries):
        PayBenchmarkFactory(category="A", valid_from=date(2020, 1, 1), minimum_gross_monthly=2500)
        _populate(rows, pay="2000.00")  # everyone below 2 500
        client.force_login(make_user(Role.HR))
        # session, user, roles (groups, employee), department choices, the minimums in
        # force (read once, then constants in the contracts' query), count, page
        with django_assert_num_queries(8):
            response = client.get(reverse(PAY_ALERTS), {"at": "2020-12-31"})
        assert response.context["page"].paginator.count == rows
