from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from imtsocial.accounts.roles import Role
from imtsocial.imports.models import ImportJob, ImportStatus
from tests.factories import ContractFactory, EmployeeFactory

pytestmark = pytest.mark.django_db


def todo_labels(client):
    response = client.get(reverse("home"))
    return [item.label for section in response.context["sections"] for item in section.todo]


def test_the_manager_is_told_when_a_team_contract_ends_soon(client, make_user):
    manager = make_user(Role.MANAGER)
    report = EmployeeFactory(manager=manager.employee)
    today = timezone.localdate()
    ContractFactory(
        employee=report, kind="cdd", start=date(2020, 1, 1), end=today + timedelta(days=30)
    )
    # Another team's contract does not count, nor one ending in 90 days.
    ContractFactory(kind="cdd", start=date(2020, 1, 1), end=today + timedelta(days=10))
    ContractFactory(
        employee=EmployeeFactory(manager=manager.employee),
        kind="cdd",
        start=date(2020, 1, 1),
        end=today + timedelta(days=90),
    )
    client.force_login(manager)
    assert todo_labels(client) == ["1 contrat de votre équipe se termine dans les 60 jours"]


def test_hr_sees_contracts_ending_and_imports_to_confirm(client, make_user):
    hr = make_user(Role.HR)
    today = timezone.localdate()
    ContractFactory(kind="cdd", start=date(2020, 1, 1), end=today + timedelta(days=59))
    ContractFactory(kind="cdd", start=date(2020, 1, 1), end=today + timedelta(days=5))
    ImportJob.objects.create(
        kind="hr.employees", original_name="a.csv", created_by=hr, status=ImportStatus.READY
    )
    ImportJob.objects.create(
        kind="hr.employees", original_name="b.csv", created_by=hr, status=ImportStatus.DONE
    )
    client.force_login(hr)
    last_year = today.year - 1
    assert todo_labels(client) == [
        "2 contrats se terminent dans les 60 jours",
        # the yearly report's card: HR asks for the chapter and enters the declared values
        f"Aucune édition du chapitre {last_year} : demandez le PDF.",
        f"4 valeurs déclarées manquent pour {last_year}",
        "1 import analysé attend votre confirmation",
    ]


def test_hr_is_told_of_salaries_below_their_benchmark(client, make_user):
    from decimal import Decimal

    from tests.factories import PayBenchmarkFactory, SalaryRecordFactory

    PayBenchmarkFactory(
        category="C", valid_from=date(2020, 1, 1), minimum_gross_monthly=Decimal("1900.00")
    )
    low = ContractFactory(kind="titulaire", category="C", start=date(2020, 1, 1))
    SalaryRecordFactory(contract=low, gross_monthly=Decimal("1850.00"))
    fine = ContractFactory(kind="titulaire", category="C", start=date(2020, 1, 1))
    SalaryRecordFactory(contract=fine, gross_monthly=Decimal("1900.00"))
    client.force_login(make_user(Role.HR))
    assert "1 agent est payé sous son repère de rémunération" in todo_labels(client)


def test_the_directory_link_of_the_todo_lists_those_people(client, make_user):
    today = timezone.localdate()
    soon = ContractFactory(kind="cdd", start=date(2020, 1, 1), end=today + timedelta(days=20))
    ContractFactory(kind="titulaire", start=date(2020, 1, 1))
    client.force_login(make_user(Role.HR))
    limit = today + timedelta(days=60)
    page = client.get(reverse("hr:employee_list"), {"ending_before": f"{limit:%Y-%m-%d}"})
    assert [e.pk for e in page.context["page"]] == [soon.employee_id]


def test_the_team_page_shows_the_current_contract(client, make_user):
    manager = make_user(Role.MANAGER)
    report = manager.employee.reports.get()
    ContractFactory(employee=report, kind="cdd", start=date(2020, 1, 1), end=date(2099, 6, 30))
    client.force_login(manager)
    html = client.get(reverse("hr:team")).content.decode()
    assert "CDD" in html and "30/06/2099" in html
