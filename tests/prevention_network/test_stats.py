"""``network_at``: the network in force at a date, counted by hand."""

from datetime import date

import pytest

from hr.enums import DepartmentKind
from safety.network import stats
from safety.network.enums import Expertise, Function
from tests.factories import DepartmentFactory, EmployeeFactory
from tests.prevention_network.factories import AppointmentFactory

pytestmark = pytest.mark.django_db


def test_network_at_a_date_counts_people_in_force_by_function_and_laboratory():
    lab_a = DepartmentFactory(name="Labo A", kind=DepartmentKind.LABORATORY)
    lab_b = DepartmentFactory(name="Labo B", kind=DepartmentKind.LABORATORY)
    # in force at 31/12/2020: 2 in lab A, 1 in lab B, 1 in a service, the advisor
    for _ in range(2):
        AppointmentFactory(laboratory=lab_a, starts_on=date(2018, 1, 1))
    AppointmentFactory(laboratory=lab_b, starts_on=date(2020, 12, 31))  # starts that day
    AppointmentFactory(starts_on=date(2017, 1, 1), ends_on=date(2020, 12, 31))  # ends that day
    advisor = AppointmentFactory(function=Function.ADVISOR, employee__first_name="Paul")
    # not in force: ended before, starting after
    AppointmentFactory(laboratory=lab_a, starts_on=date(2016, 1, 1), ends_on=date(2020, 12, 30))
    AppointmentFactory(laboratory=lab_b, starts_on=date(2021, 1, 1))
    # an assistant appointed twice (two laboratories) counts once
    twice = EmployeeFactory()
    AppointmentFactory(employee=twice, laboratory=lab_a)
    AppointmentFactory(employee=twice, laboratory=lab_b)
    # experts: one chemical, one laser; an expert is not an agent
    AppointmentFactory(function=Function.EXPERT, expertise=Expertise.CHEMICAL, laboratory=lab_a)
    AppointmentFactory(function=Function.EXPERT, expertise=Expertise.LASER)

    figures = stats.network_at(date(2020, 12, 31))

    # agents: 2 (lab A) + 1 (lab B) + 1 (service) + advisor + twice = 6
    assert figures["agents"] == 6
    assert figures["assistants"] == 5
    # in laboratories: 2 + 1 + twice = 4; lab A: 2 + twice = 3; lab B: 1 + twice = 2
    assert figures["in_laboratories"] == 4
    assert figures["by_laboratory"] == [
        {"laboratory": "Labo A", "agents": 3},
        {"laboratory": "Labo B", "agents": 2},
    ]
    assert figures["experts"] == {
        "radiation": 0,
        "lab_waste": 0,
        "chemical": 1,
        "biological": 0,
        "laser": 1,
    }
    assert figures["advisors"] == [advisor.employee.full_name]


def test_the_next_day_the_ended_and_starting_appointments_change_the_count():
    AppointmentFactory(starts_on=date(2017, 1, 1), ends_on=date(2020, 12, 31))
    AppointmentFactory(starts_on=date(2021, 1, 1))
    AppointmentFactory(starts_on=date(2021, 1, 2))
    assert stats.network_at(date(2020, 12, 31))["agents"] == 1
    assert stats.network_at(date(2021, 1, 1))["agents"] == 1  # one left, one came
    assert stats.network_at(date(2021, 1, 2))["agents"] == 2
