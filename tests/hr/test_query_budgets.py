"""The HR pages people open all day keep a constant number of queries, whatever the
headcount (loaded at n and 3n people: the same count, within the budget of 15), and
an employee file opens whether or not the file has a history."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hr.enums import ContractKind
from hr.models import Contract, Employee, SalaryRecord
from imtsocial.accounts.roles import Role
from imtsocial.formats import money
from tests.factories import DepartmentFactory, PayBenchmarkFactory

pytestmark = pytest.mark.django_db

BUDGET = 15  # queries of a page, whatever the size ([PERF] item 3)
# The file also shows the panels of other modules (training hours and CPF, skills,
# qualifications, safety trainings: 7 queries); HR's own part is 11 queries.
BUDGETS = {"employee file": 18}


def _bulk_staff(count: int, *, offset: int = 0) -> list[Employee]:
    """``count`` people as an import or the benchmark makes them (``bulk_create``: no
    history rows), each with a civil-servant contract in force and two salary records,
    one in three under the category-A benchmark of 2 500 €."""
    department = DepartmentFactory()
    employees = Employee.objects.bulk_create(
        Employee(
            employee_number=f"Q{offset + i:05d}",
            first_name=f"Prénom{i}",
            last_name=f"Nom{offset + i:05d}",
            site=department.site,
            department=department,
            hire_date=date(2015, 9, 1),
        )
        for i in range(count)
    )
    contracts = Contract.objects.bulk_create(
        Contract(employee=e, kind=ContractKind.TITULAIRE, start=date(2015, 9, 1), category="A")
        for e in employees
    )
    SalaryRecord.objects.bulk_create(
        SalaryRecord(contract=c, effective_date=day, gross_monthly=Decimal(pay))
        for i, c in enumerate(contracts)
        for day, pay in ((c.start, "2400"), (date(2020, 1, 1), "2400" if i % 3 == 0 else "3100"))
    )
    return employees


@pytest.fixture
def benchmark():
    return PayBenchmarkFactory(category="A", valid_from=date(2015, 1, 1))


def test_a_file_without_any_history_row_opens(client, make_user):
    """People created in bulk (an import, the benchmark) have no history row: their file
    shows the contract and the pay, and an empty history, instead of an error."""
    (employee,) = _bulk_staff(1)
    client.force_login(make_user(Role.HR))
    response = client.get(reverse("hr:employee_detail", args=[employee.pk]))
    assert response.status_code == 200
    assert money(Decimal("2400")) in response.content.decode()  # the pay in force
    history_url = reverse("hr:employee_history", args=[employee.pk])
    response = client.get(history_url)
    assert (response.status_code, response.context["history"]) == (200, [])
    # A first change recorded afterwards has no earlier row to compare with: shown alone.
    employee.job_title = "Gestionnaire"
    employee.save()
    response = client.get(history_url)
    assert response.status_code == 200
    assert [row.kind for row in response.context["history"]] == ["~"]


def _queries(client, url) -> int:
    client.get(url)  # the first request of a login may fill caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


PAGES = {
    "pay alerts": lambda staff: reverse("hr:pay_alerts"),
    "pay alerts, last page": lambda staff: reverse("hr:pay_alerts") + "?page=last",
    "statistics": lambda staff: reverse("hr:statistics") + f"?at={timezone.localdate():%Y-%m-%d}",
    "my space": lambda staff: reverse("home"),  # every module's sections: see below
    "directory": lambda staff: reverse("hr:employee_list"),
    "directory, last page": lambda staff: reverse("hr:employee_list") + "?page=last",
    "employee file": lambda staff: reverse("hr:employee_detail", args=[staff[0].pk]),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_hr_pages_run_the_same_queries_at_n_and_3n_people(client, make_user, benchmark, page):
    client.force_login(make_user(Role.HR))
    staff = _bulk_staff(30)
    small = _queries(client, PAGES[page](staff))
    _bulk_staff(60, offset=30)  # 3n
    large = _queries(client, PAGES[page](staff))
    assert small == large, (page, small, large)
    if page != "my space":
        assert large <= BUDGETS.get(page, BUDGET), (page, large)


def test_hr_sections_of_my_space_run_four_queries_at_n_and_3n(rf, make_user, benchmark):
    """HR's part of « Mon espace »: the people in post (a counter of the page's batch),
    the notice parameter (read from the table: no request scope here), the pay minimums
    in force, then the ending contracts and the pay alerts counted together."""
    from hr.myspace import sections
    from imtsocial.myspace import sections_of

    request = rf.get(reverse("home"))
    request.user = make_user(Role.HR)
    sections_of(sections, request)  # the login's roles and employee record, once
    counts = []
    for size in (30, 60):
        _bulk_staff(size, offset=len(counts) * 30)
        with CaptureQueriesContext(connection) as captured:
            result = sections_of(sections, request)
        counts.append(len(captured))
    assert counts == [4, 4]
    (staff,) = [section for section in result if section.title == "Personnel"]
    # 90 people, one in three under the minimum (2 400 € < 2 500 €), plus the HR login
    assert [item.label for item in staff.items] == ["91 agents en poste"]
    assert [item.label for item in staff.todo] == [
        "30 agents sont payés sous leur repère de rémunération"
    ]
