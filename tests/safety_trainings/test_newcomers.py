"""Newcomers without induction: employees hired and learners arrived within the last N
months (N the dated parameter), still present, with no induction attendance; filters,
the manager's department only, constant queries."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from imtsocial.accounts.roles import Role
from imtsocial.refdata.models import Parameter
from safety.trainings import queries
from safety.trainings.enums import LearnerKind
from tests.factories import DepartmentFactory, EmployeeFactory
from tests.safety_trainings.factories import (
    AttendanceFactory,
    LearnerFactory,
    SessionFactory,
    kind,
)

pytestmark = pytest.mark.django_db
TODAY = date(2021, 3, 15)
KEY = "safety_trainings.newcomer_window_months"


def _names(rows):
    return [row["person_last"] for row in rows]


@time_machine.travel(TODAY)
def test_the_window_is_the_dated_parameter_and_induction_removes_people():
    # 12 months (migration): arrivals after 15/03/2020 count, up to today.
    EmployeeFactory(last_name="Ancien", hire_date=date(2020, 3, 15))  # on the edge: out
    EmployeeFactory(last_name="Récent", hire_date=date(2020, 3, 16))
    EmployeeFactory(last_name="Futur", hire_date=date(2021, 4, 1))  # not arrived yet
    EmployeeFactory(last_name="Parti", hire_date=date(2020, 6, 1), leave_date=date(2021, 1, 31))
    trained = EmployeeFactory(last_name="Formé", hire_date=date(2020, 9, 1))
    AttendanceFactory(employee=trained)
    other_training = EmployeeFactory(last_name="Chimie", hire_date=date(2020, 9, 1))
    AttendanceFactory(employee=other_training, session=SessionFactory(kind=kind("chimique")))
    LearnerFactory(last_name="Stagiaire", kind=LearnerKind.INTERN, arrived_on=date(2021, 1, 4))
    LearnerFactory(last_name="Sorti", arrived_on=date(2020, 9, 1), left_on=date(2021, 1, 31))
    rows = list(queries.newcomers_without_induction(TODAY))
    assert _names(rows) == ["Stagiaire", "Chimie", "Récent"]  # latest arrival first
    assert queries.newcomers_count(TODAY) == 3
    # From 1 March 2021 the window is 6 months: after 15/09/2020.
    Parameter.objects.filter(key=KEY).update(valid_to=date(2021, 2, 28))
    Parameter.objects.create(key=KEY, valid_from=date(2021, 3, 1), value=Decimal(6))
    assert _names(queries.newcomers_without_induction(TODAY)) == ["Stagiaire"]


@time_machine.travel(TODAY)
def test_filters_and_the_manager_scope(client, make_user):
    lab, other = DepartmentFactory(name="C2MA"), DepartmentFactory(name="LGEI")
    manager = make_user(Role.MANAGER, department=lab)
    EmployeeFactory(last_name="Dulab", department=lab, hire_date=date(2021, 1, 4))
    EmployeeFactory(last_name="Dailleurs", department=other, hire_date=date(2021, 1, 4))
    LearnerFactory(last_name="Lapprentie", kind=LearnerKind.APPRENTICE, department=lab,
                   arrived_on=date(2021, 2, 1))  # fmt: skip
    LearnerFactory(last_name="Externe", department=other, arrived_on=date(2021, 2, 1))
    url = reverse("safety_trainings:newcomer_list")
    client.force_login(manager)
    page = client.get(url).content.decode()
    assert "Dulab" in page and "Lapprentie" in page
    assert "Dailleurs" not in page and "Externe" not in page
    # the manager cannot widen the scope by asking for another department
    forced = client.get(url, {"department": other.pk}).content.decode()
    assert "Dailleurs" not in forced
    client.force_login(make_user(Role.PREVENTION))
    assert "Dailleurs" in client.get(url).content.decode()
    only_lab = client.get(url, {"department": lab.pk}).content.decode()
    assert "Dulab" in only_lab and "Dailleurs" not in only_lab
    apprentices = client.get(url, {"kind": "apprenti"}).content.decode()
    assert "Lapprentie" in apprentices and "Dulab" not in apprentices
    staff = client.get(url, {"kind": "agent"}).content.decode()
    assert "Dulab" in staff and "Lapprentie" not in staff
    for junk in ({"department": "abc"}, {"kind": "zzz"}, {"page": "x"}, {"department": "-1"}):
        assert client.get(url, junk).status_code == 200


@time_machine.travel(TODAY)
def test_the_list_runs_a_constant_number_of_queries(client, make_user):
    client.force_login(make_user(Role.PREVENTION))
    url = reverse("safety_trainings:newcomer_list")
    client.get(url)  # the reference parameters read once, then cached (PARAMETER_READS)
    counts = []
    for size in (2, 12):
        for index in range(size):
            EmployeeFactory(hire_date=date(2021, 1, 4))
            LearnerFactory(arrived_on=date(2021, 1, 4), department=DepartmentFactory())
            if index % 2:
                AttendanceFactory(employee=EmployeeFactory(hire_date=date(2021, 1, 4)))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


@time_machine.travel(TODAY)
def test_the_exposed_without_road_training(client, make_user):
    from tests.safety_trainings.factories import ExposureFactory

    trained = ExposureFactory(employee=EmployeeFactory(last_name="Formé"))
    AttendanceFactory(
        employee=trained.employee, session=SessionFactory(kind=kind("risque-routier"))
    )
    ExposureFactory(employee=EmployeeFactory(last_name="Durand"))
    ExposureFactory(employee=EmployeeFactory(last_name="Ancien"), until=date(2020, 12, 31))
    inducted = ExposureFactory(employee=EmployeeFactory(last_name="Martin"))
    AttendanceFactory(employee=inducted.employee)  # an induction is not a road-risk training
    rows = queries.exposed_without_road_training(TODAY)
    assert [e.employee.last_name for e in rows] == ["Durand", "Martin"]
    client.force_login(make_user(Role.PREVENTION))
    url = reverse("safety_trainings:road_untrained")
    client.get(url)  # the reference parameters read once, then cached (PARAMETER_READS)
    counts = []
    for size in (2, 12):
        for _index in range(size):
            ExposureFactory()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
