"""The person search behind the pickers: who may ask, what they get back."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from imtsocial.accounts.roles import Role
from tests.factories import DepartmentFactory, EmployeeFactory

pytestmark = pytest.mark.django_db

URL = reverse("hr:person_search")


def _search(client, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    return response.json()["results"]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.HR, 200),
        (Role.IT, 200),
        (Role.PREVENTION, 200),
        (Role.MANAGER, 200),
        (Role.EMPLOYEE, 403),
        (Role.SOCIAL_ACTION, 403),
        (Role.DIRECTOR, 403),
        (Role.DPO, 403),
        (Role.TALENT_DEVELOPER, 403),
        (None, 403),
    ],
)
def test_only_the_roles_that_designate_people_may_search(client, user_with_role, role, status):
    client.force_login(user_with_role(role))
    assert client.get(URL, {"q": "ma"}).status_code == status


def test_anonymous_is_sent_to_the_login_page_and_post_is_refused(client, make_user):
    response = client.get(URL, {"q": "ma"})
    assert response.status_code == 302
    assert "/comptes/login/" in response["Location"]
    client.force_login(make_user(Role.HR))
    assert client.post(URL, {"q": "ma"}).status_code == 405


def test_finds_by_name_without_accents_or_by_staff_number(client, make_user):
    client.force_login(make_user(Role.IT, first_name="Inès", last_name="Martin"))
    elodie = EmployeeFactory(first_name="Élodie", last_name="Lefèvre", employee_number="A1234")
    EmployeeFactory(first_name="Paul", last_name="Durand", employee_number="B5678")

    expected = [{"value": "A1234", "label": "Élodie Lefèvre", "hint": elodie.department.name}]
    assert _search(client, "lefev") == expected  # « è » typed as « e »
    assert _search(client, "ÉLODIE") == expected  # upper case and accent
    assert _search(client, "elodie lef") == expected  # each word, first or last name
    assert _search(client, "a12") == expected  # start of the staff number
    assert _search(client, "elodie durand") == []  # both words must match
    assert _search(client, "234") == []  # a number matches from its start only


def test_at_most_ten_people_and_never_someone_who_has_left(client, make_user):
    client.force_login(make_user(Role.HR, first_name="Inès", last_name="Martin"))
    for index in range(12):
        EmployeeFactory(last_name=f"Bernard{index:02d}")
    EmployeeFactory(last_name="Bernardin", leave_date=date(2020, 1, 31))

    results = _search(client, "bernard")
    # 12 in post match, the one who left in 2020 does not: the first 10 by name.
    assert [r["label"].split()[-1] for r in results] == [f"Bernard{i:02d}" for i in range(10)]


def test_a_manager_finds_their_team_only(client, make_user):
    manager = make_user(Role.EMPLOYEE, first_name="Inès", last_name="Martin")
    boss = manager.employee
    report = EmployeeFactory(manager=boss, last_name="Lefèvre", department=boss.department)
    EmployeeFactory(last_name="Lefèvre", department=DepartmentFactory())  # another department
    EmployeeFactory(last_name="Lefèvre", department=boss.department)  # same one, not a report
    client.force_login(manager)

    assert [r["value"] for r in _search(client, "lefevre")] == [report.employee_number]


def test_bad_queries_answer_an_empty_list(client, make_user):
    client.force_login(make_user(Role.HR))
    EmployeeFactory(last_name="Martin")
    assert client.get(URL).json() == {"results": []}
    assert _search(client, "   ") == []
    assert _search(client, "%_\\'\"" * 300) == []  # bounded, escaped, never a 500


def test_the_search_costs_the_same_queries_with_2_or_12_matches(client, make_user):
    client.force_login(make_user(Role.HR, first_name="Inès", last_name="Martin"))

    def count(matching):
        for _ in range(matching):
            EmployeeFactory(last_name="Garnier")
        with CaptureQueriesContext(connection) as queries:
            found = _search(client, "garnier")
        return len(found), len(queries)

    small = count(2)
    large = count(10)  # 12 in all, 10 sent
    assert small[0] == 2 and large[0] == 10
    assert small[1] == large[1]
