"""Heavy reads kept in the cache (imtsocial/memo.py): the HR figures, the pay alerts and
HR's « Mon espace » counts are computed once, and never served after a change of what
they were computed from — a form's save, a bulk import, a write without signals that
says so, a commit."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hr.enums import ContractKind
from hr.models import Employee, PayBenchmark, Site
from hr.stats import PAY_READS
from imtsocial import memo
from imtsocial.accounts.roles import Role
from tests.factories import (
    ContractFactory,
    EmployeeFactory,
    PayBenchmarkFactory,
    SalaryRecordFactory,
)

pytestmark = pytest.mark.django_db
D = date(2020, 12, 31)


def hire(pay, category="B"):
    contract = ContractFactory(
        employee=EmployeeFactory(),
        kind=ContractKind.TITULAIRE,
        start=date(2015, 9, 1),
        category=category,
    )
    SalaryRecordFactory(contract=contract, effective_date=contract.start, gross_monthly=pay)
    return contract


def statistics(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("hr:statistics"), {"at": D.isoformat()})
    assert response.status_code == 200
    read_contracts = any('"hr_contract"' in q["sql"] for q in queries.captured_queries)
    return response.context["stats"], read_contracts


def test_the_figures_are_computed_once_then_follow_a_new_salary(client, make_user):
    hire(Decimal(3000))
    client.force_login(make_user(Role.HR))
    first, computed = statistics(client)
    assert (first.headcount.total, first.pay.average, computed) == (1, Decimal(3000), True)
    again, computed = statistics(client)
    assert (again.headcount.total, computed) == (1, False)  # from the cache: no contract read
    hire(Decimal(2000))  # a save: the figures move on
    after, computed = statistics(client)
    # two people: (3000 + 2000) / 2 = 2500
    assert (after.headcount.total, after.pay.average, computed) == (2, Decimal(2500), True)


def test_the_pay_alerts_follow_a_benchmark_change(client, make_user):
    PayBenchmarkFactory(category="B", valid_from=date(2019, 1, 1), minimum_gross_monthly=1900)
    hire(Decimal(2000))
    client.force_login(make_user(Role.HR))
    url = reverse("hr:pay_alerts") + f"?at={D.isoformat()}"
    assert client.get(url).context["page"].paginator.count == 0  # 2000 ≥ 1900
    row = PayBenchmark.objects.get()
    row.minimum_gross_monthly = Decimal(2100)
    row.save()
    assert client.get(url).context["page"].paginator.count == 1  # 2000 < 2100


def test_a_write_without_signals_is_followed_once_touched():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert PAY_READS.get_or_compute(("test", D), compute) == 1
    assert PAY_READS.get_or_compute(("test", D), compute) == 1  # kept
    Employee.objects.update(corps="Ingénieurs")  # update(): no signal, the result stays
    assert PAY_READS.get_or_compute(("test", D), compute) == 1
    memo.touch(Employee)  # what the import kit's bulk path and the GDPR task do
    assert PAY_READS.get_or_compute(("test", D), compute) == 2
    Site.objects.create(name="Autre site", code="autre")  # not read by the figures
    assert PAY_READS.get_or_compute(("test", D), compute) == 2
    assert PAY_READS.get_or_compute(("test", date(2021, 1, 1)), compute) == 3  # another day


def test_the_version_moves_at_once_and_again_at_the_commit(django_capture_on_commit_callbacks):
    """A figure computed between the save and the commit (from the rows of before) is
    stored under the intermediate version, never served after the commit."""
    before = PAY_READS.version()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        EmployeeFactory()
        during = PAY_READS.version()
    assert during > before
    assert PAY_READS.version() > during


def test_a_bulk_import_moves_the_figures_on(client, make_user):
    """The employees import writes in bulk (no post_save): it touches the family."""
    from hr.enums import ImportKind
    from imtsocial.imports.services import import_job_confirm
    from tests.factories import DepartmentFactory, SiteFactory
    from tests.hr.test_imports import EMPLOYEE_HEADER, analysed

    hr = make_user(Role.HR)
    DepartmentFactory(code="rh", site=SiteFactory(code="clavieres"))
    before = PAY_READS.version()
    job = analysed(
        hr, ImportKind.EMPLOYEES, EMPLOYEE_HEADER, "N1;Valette;Inès;;clavieres;rh;;01/11/2020;;C;;;"
    )
    assert PAY_READS.version() == before  # the analysis writes nothing
    import_job_confirm(job=job, by=hr)
    assert PAY_READS.version() > before


def test_the_report_figures_are_computed_once_until_a_table_they_read_changes(client, make_user):
    from imtsocial.reports.services import years_offered

    client.force_login(make_user(Role.HR))
    url = reverse("reports:figures", kwargs={"year": years_offered()[0]})

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    first = queries()
    assert queries() < first / 5  # the second visit reads the figures from the cache
    hire(Decimal(2500))  # an HR write: every figure is computed again
    assert queries() == first - 1  # but the asbestos rules stay cached (rules.RULE_READS)


def test_every_family_of_cached_reads_follows_its_tables():
    """A family declared but never connected (``connect()`` in its app's ``ready()``)
    would serve stale figures after every write: each one is connected, and follows at
    least one model."""
    from imtsocial import memo

    assert len(memo._families) >= 8
    for family in memo._families:
        assert family.connected, f"{family.name}: CachedReads.connect() never called"
        assert family.model_labels, family.name
