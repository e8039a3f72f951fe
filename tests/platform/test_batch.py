"""The kit's batch of counters (``imtsocial.batch.Aggregates``): several counts over
different tables read in one statement, with the values the ORM itself answers."""

from datetime import date
from decimal import Decimal

import pytest
from django.db.models import Count, Max, Q, Sum

from hr.models import Contract, Employee
from imtsocial.batch import Aggregates
from tests.factories import ContractFactory, EmployeeFactory, SalaryRecordFactory


@pytest.fixture
def staff(db):
    managed = EmployeeFactory.create_batch(3)
    boss = EmployeeFactory(last_name="Zola")
    for employee in managed:
        employee.manager = boss
        employee.save()
    ContractFactory(employee=managed[0], start=date(2020, 1, 1), end=date(2020, 12, 31))
    ContractFactory(employee=managed[1], start=date(2021, 3, 1), end=None)
    return managed, boss


def test_counters_of_several_tables_cost_one_statement(staff, django_assert_num_queries):
    _managed, boss = staff
    batch = Aggregates()
    team = batch.count(Employee.objects.filter(manager=boss))
    people = batch.aggregate(
        Employee.objects.all(),
        total=Count("pk"),
        without_manager=Count("pk", filter=Q(manager__isnull=True)),
    )
    fixed_term = batch.exists(Contract.objects.filter(end__isnull=False))
    latest = batch.aggregate(Contract.objects.all(), start=Max("start"))
    with django_assert_num_queries(1):
        assert team.value == 3
        assert people.value == {"total": 4, "without_manager": 1}
        assert fixed_term.value is True
        assert latest.value == {"start": date(2021, 3, 1)}
    with django_assert_num_queries(0):  # read once
        assert team.value == 3


def test_counts_read_only_the_rows_of_their_conditions(staff, django_assert_num_queries):
    """``counts()``: one number per condition, the rows of none left out of the read."""
    managed, boss = staff
    batch = Aggregates()
    counts = batch.counts(
        Employee.objects.exclude(pk=managed[2].pk),
        of_boss=Q(manager=boss),  # managed[0] and [1]: [2] is excluded
        zola=Q(last_name="Zola"),
        nobody=Q(last_name="Personne"),
    )
    with django_assert_num_queries(1) as captured:
        assert counts.value == {"of_boss": 2, "zola": 1, "nobody": 0}
    where = captured.captured_queries[0]["sql"].split(" WHERE ", 1)[1]
    # the statement's WHERE is the exclusion and the union of the conditions
    assert all(term in where for term in ("NOT", "manager_id", "'Zola'", "'Personne'")), where


def test_the_values_are_the_orms_own(staff):
    """Same answers as ``aggregate()`` and ``exists()``, decimals included."""
    contract = Contract.objects.get(start=date(2021, 3, 1))
    SalaryRecordFactory(contract=contract, gross_monthly=Decimal("3000.00"))
    SalaryRecordFactory(
        contract=contract, effective_date=date(2022, 1, 1), gross_monthly=Decimal("250.50")
    )
    contracts = Contract.objects.filter(start__year=2021)
    batch = Aggregates()
    total = batch.aggregate(contracts, salary=Sum("salaries__gross_monthly"))
    missing = batch.exists(Employee.objects.filter(last_name="Personne"))
    assert total.value == {"salary": Decimal("3250.50")}  # 3 000 + 250,50
    assert total.value == contracts.aggregate(salary=Sum("salaries__gross_monthly"))
    assert missing.value is False


def test_a_filter_that_matches_nothing_costs_no_query(db, django_assert_num_queries):
    batch = Aggregates()
    nobody = batch.count(Employee.objects.filter(pk__in=[]))
    none = batch.aggregate(Contract.objects.none(), start=Max("start"), n=Count("pk"))
    never = batch.exists(Employee.objects.none())
    with django_assert_num_queries(0):
        assert (nobody.value, none.value, never.value) == (0, {"start": None, "n": 0}, False)


def test_a_counter_added_after_a_read_is_read_too(staff, django_assert_num_queries):
    _managed, boss = staff
    batch = Aggregates()
    first = batch.count(Employee.objects.all())
    assert first.value == 4
    later = batch.count(Employee.objects.filter(manager=boss))
    with django_assert_num_queries(1):
        assert later.value == 3


def test_sliced_or_distinct_querysets_are_refused(db):
    batch = Aggregates()
    with pytest.raises(TypeError):
        batch.count(Employee.objects.all()[:5])
    with pytest.raises(TypeError):
        batch.count(Employee.objects.distinct())
