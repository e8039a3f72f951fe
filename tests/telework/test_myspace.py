from datetime import date

import pytest
from django.urls import reverse

from imtsocial.accounts.roles import Role
from tests.telework.factories import LoanFactory, TeleworkRequestFactory

pytestmark = pytest.mark.django_db


def _todo_labels(response):
    return [item.label for section in response.context["sections"] for item in section.todo]


def test_employee_sees_own_requests_and_loans_to_accept(client, make_user):
    user = make_user(Role.EMPLOYEE)
    TeleworkRequestFactory(employee=user.employee, start=date(2026, 1, 5))
    LoanFactory(employee=user.employee, due_on=date(2099, 1, 1))
    client.force_login(user)
    response = client.get(reverse("home"))
    section = next(
        s for s in response.context["sections"] if s.title == "Télétravail et équipement"
    )
    assert section.items[0].label == "Télétravail du 05/01/2026 au 31/12/2026"
    assert section.items[0].badge == "En attente du responsable"
    assert "1 convention de prêt à accepter" in _todo_labels(response)


def test_manager_and_hr_see_requests_to_decide(client, make_user):
    manager = make_user(Role.MANAGER)
    report = manager.employee.reports.get()
    TeleworkRequestFactory(employee=report, manager=manager.employee, pending_manager=True)
    client.force_login(manager)
    assert "1 demande de télétravail attend votre décision" in _todo_labels(
        client.get(reverse("home"))
    )
    hr = make_user(Role.HR)
    TeleworkRequestFactory(pending_final=True)
    TeleworkRequestFactory(pending_final=True)
    client.force_login(hr)
    assert "2 demandes de télétravail attendent votre décision" in _todo_labels(
        client.get(reverse("home"))
    )


def test_it_sees_overdue_loans(client, make_user):
    LoanFactory(due_on=date(2026, 1, 31))
    client.force_login(make_user(Role.IT))
    assert "1 prêt d'équipement est en retard" in _todo_labels(client.get(reverse("home")))
