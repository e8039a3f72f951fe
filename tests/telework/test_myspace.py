from datetime import date

import pytest
from django.urls import reverse

from imtsocial.accounts.roles import Role
from imtsocial.myspace import sections_of
from telework import myspace
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


def test_the_director_as_final_decider_sees_requests_under_their_role(client, make_user, settings):
    settings.TELEWORK_FINAL_DECIDER = "director"
    TeleworkRequestFactory(pending_final=True)
    client.force_login(make_user(Role.DIRECTOR))
    section = next(
        s
        for s in client.get(reverse("home")).context["sections"]
        if s.title == "Demandes de télétravail"
    )
    assert section.role_label == "Direction"
    assert [item.label for item in section.todo] == [
        "1 demande de télétravail attend votre décision"
    ]


@pytest.mark.parametrize("size", [0, 1, 5])
def test_the_provider_reads_its_counters_in_one_statement(
    client, make_user, django_assert_num_queries, size
):
    user = make_user(Role.EMPLOYEE, Role.MANAGER, Role.HR, Role.IT)
    TeleworkRequestFactory.create_batch(size, employee=user.employee)
    LoanFactory.create_batch(size, employee=user.employee, due_on=date(2026, 1, 31))
    LoanFactory.create_batch(size)
    client.force_login(user)
    request = client.get(reverse("home")).wsgi_request
    # the batch (has a request, own loans, requests to review as manager and as final
    # decider, every open loan: on the page, the statement every app's counters share),
    # then the latest own requests, only when there is one
    with django_assert_num_queries(2 if size else 1):
        sections = sections_of(myspace.sections, request)
    own = [s.items for s in sections if s.title == "Télétravail et équipement"]
    # the latest requests and the loans; nothing to say: no card
    assert [len(items) for items in own] == ([min(size, 3) + 1] if size else [])
    equipment = next(s for s in sections if s.title == "Équipement informatique")
    loans = 2 * size
    assert equipment.items[0].label == f"{loans} prêt{'s' if loans > 1 else ''} en cours"
