"""Every list page of telework/ runs a constant number of queries, at 10 and 200 rows.

Each test warms the session with a first request, then counts the queries of the
second one. Budgets common to every page: session, user, groups, employee.
"""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from imtsocial.accounts.roles import Role
from telework.enums import RequestStatus
from telework.models import ExceptionalRegime
from tests.factories import EmployeeFactory, UserFactory
from tests.telework.factories import LoanFactory, TeleworkRequestFactory

pytestmark = pytest.mark.django_db

SIZES = [10, 200]


def warm(client, user, url):
    client.force_login(user)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_index_contacts(client, make_user, django_assert_num_queries, size):
    for _ in range(size):
        make_user(Role.HR)
    UserFactory.create_batch(size, roles=[Role.IT])  # contacts without an employee record
    url = reverse("telework:index")
    warm(client, make_user(Role.EMPLOYEE), url)
    # session, user, groups, employee, HR contacts, IT contacts, rule, regime
    with django_assert_num_queries(8):
        response = client.get(url)
    assert len(response.context["contacts"][0]["people"]) == size


@pytest.mark.parametrize("size", SIZES)
def test_my_requests(client, make_user, django_assert_num_queries, size):
    agent = make_user(Role.EMPLOYEE)
    TeleworkRequestFactory.create_batch(size, employee=agent.employee)
    TeleworkRequestFactory()  # someone else's
    url = reverse("telework:my_requests")
    warm(client, agent, url)
    # session, user, groups, employee, count, page, regime of the day
    with django_assert_num_queries(7):
        response = client.get(url)
    assert response.context["page"].paginator.count == size


@pytest.mark.parametrize("size", SIZES)
def test_my_loans(client, make_user, django_assert_num_queries, size):
    agent = make_user(Role.EMPLOYEE)
    LoanFactory.create_batch(size, employee=agent.employee)
    LoanFactory()  # someone else's
    url = reverse("telework:my_loans")
    warm(client, agent, url)
    # session, user, groups, employee, count, page
    with django_assert_num_queries(6):
        response = client.get(url)
    assert response.context["page"].paginator.count == size


@pytest.mark.parametrize("size", SIZES)
def test_overdue_loans(client, make_user, django_assert_num_queries, size):
    due = timezone.localdate() - timedelta(days=3)
    LoanFactory.create_batch(size, out_on=due - timedelta(days=30), due_on=due)
    LoanFactory(due_on=timezone.localdate() + timedelta(days=30))  # not overdue
    url = reverse("telework:overdue_loans")
    warm(client, make_user(Role.IT), url)
    # session, user, groups, employee, count, page
    with django_assert_num_queries(6):
        response = client.get(url)
    assert response.context["page"].paginator.count == size


@pytest.mark.parametrize("size", SIZES)
def test_team_calendar(client, make_user, django_assert_num_queries, size):
    manager = make_user(Role.MANAGER)  # comes with one report already
    for _ in range(size):
        TeleworkRequestFactory(
            employee=EmployeeFactory(manager=manager.employee), status=RequestStatus.APPROVED
        )
    url = reverse("telework:team_calendar") + "?semaine=2026-03-02"
    warm(client, manager, url)
    # session, user, groups, employee, count, page, authorisations, regime x 5 days
    with django_assert_num_queries(12):
        response = client.get(url)
    assert response.context["page"].paginator.count == size + 1


@pytest.mark.parametrize("size", SIZES)
def test_statistics(client, make_user, django_assert_num_queries, size):
    for _ in range(size):
        TeleworkRequestFactory(status=RequestStatus.APPROVED)
    LoanFactory.create_batch(size, out_on=date(2026, 2, 1))
    url = reverse("telework:statistics") + "?at=2026-03-02"
    warm(client, make_user(Role.HR), url)
    # session, user, groups, employee, by days, by reason, by department, regime,
    # headcount, teleworkers, loans by kind
    with django_assert_num_queries(11):
        response = client.get(url)
    assert response.context["figures"].teleworkers == size


@pytest.mark.parametrize("size", SIZES)
def test_regime_list(client, make_user, django_assert_num_queries, size):
    hr = make_user(Role.HR)
    start = date(2020, 1, 1)
    for i in range(size):
        ExceptionalRegime.objects.create(
            name=f"Régime {i}",
            start=start + timedelta(days=2 * i),
            end=start + timedelta(days=2 * i + 1),
            declared_by=hr,
        )
    url = reverse("telework:regime_list")
    warm(client, hr, url)
    # session, user, groups, employee, regimes with who declared them
    with django_assert_num_queries(5):
        response = client.get(url)
    assert len(response.context["regimes"]) == size


@pytest.mark.parametrize("size", SIZES)
def test_manager_decision_queue(client, make_user, django_assert_num_queries, size):
    manager = make_user(Role.MANAGER)
    for _ in range(size):
        TeleworkRequestFactory(employee=EmployeeFactory(manager=manager.employee, with_login=True))
    TeleworkRequestFactory()  # another team
    url = reverse("telework:request_list") + "?a_traiter=1"
    warm(client, manager, url)
    # session, user, groups, employee, count, page, departments of the filter
    with django_assert_num_queries(7):
        response = client.get(url)
    assert response.context["page"].paginator.count == size


@pytest.mark.parametrize("size", SIZES)
def test_final_decision_queue(client, make_user, django_assert_num_queries, size):
    TeleworkRequestFactory.create_batch(size, status=RequestStatus.MANAGER_APPROVED)
    TeleworkRequestFactory(status=RequestStatus.SUBMITTED)  # still with the manager
    url = reverse("telework:request_list") + "?a_traiter=1"
    warm(client, make_user(Role.HR), url)
    # session, user, groups, employee, count, page, departments of the filter
    with django_assert_num_queries(7):
        response = client.get(url)
    assert response.context["page"].paginator.count == size
