"""Sessions and attendance: one person per attendance (an employee or a learner), never
twice at a session, only on or after the session day; a session of a kind that exists."""

from datetime import date

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.urls import reverse

from imtsocial.accounts.roles import Role
from imtsocial.errors import DomainError
from safety.trainings import services
from safety.trainings.models import Attendance, SafetySession
from tests.factories import EmployeeFactory
from tests.safety_trainings.factories import LearnerFactory, SessionFactory, kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def agent(make_user):
    return make_user(Role.PREVENTION)


def test_the_database_refuses_both_or_neither_person():
    session = SessionFactory()
    employee, learner = EmployeeFactory(), LearnerFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(session=session, employee=employee, learner=learner)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(session=session)
    assert not Attendance.objects.exists()


def test_the_service_refuses_both_neither_and_duplicates(agent):
    session = SessionFactory()
    employee, learner = EmployeeFactory(), LearnerFactory()
    for people in ({"employee": employee, "learner": learner}, {}):
        with pytest.raises(DomainError, match="soit le matricule"):
            services.attendance_add(session=session, by=agent, **people)
    services.attendance_add(session=session, employee=employee, by=agent)
    with pytest.raises(DomainError, match="déjà inscrit"):
        services.attendance_add(session=session, employee=employee, by=agent)
    services.attendance_add(session=session, learner=learner, by=agent)
    with pytest.raises(DomainError, match="déjà inscrite"):
        services.attendance_add(session=session, learner=learner, by=agent)
    assert session.attendances.count() == 2


@time_machine.travel(date(2020, 9, 21))
def test_attendance_waits_for_the_session_day(agent):
    session = SessionFactory(date=date(2020, 9, 22))
    with pytest.raises(DomainError, match="le jour de la session ou après"):
        services.attendance_add(session=session, employee=EmployeeFactory(), by=agent)


def test_the_page_shows_errors_next_to_the_form_and_saves_nothing(client, agent):
    session = SessionFactory()
    employee = EmployeeFactory(employee_number="M77777")
    learner = LearnerFactory()
    client.force_login(agent)
    url = reverse("safety_trainings:attendance_add", args=[session.pk])
    both = client.post(url, {"employee_number": "M77777", "learner": learner.pk})
    assert both.status_code == 200
    assert "soit le matricule d&#x27;un agent" in both.content.decode()
    neither = client.post(url, {"employee_number": "", "learner": ""})
    assert "soit le matricule d&#x27;un agent" in neither.content.decode()
    unknown = client.post(url, {"employee_number": "ZZZ"})
    assert "Aucun agent en poste n&#x27;a le matricule ZZZ" in unknown.content.decode()
    not_a_number = client.post(url, {"learner": "abc"})
    assert not_a_number.status_code == 200
    assert not Attendance.objects.exists()
    ok = client.post(url, {"employee_number": "m77777"})
    assert ok.status_code == 302
    again = client.post(url, {"employee_number": "M77777"})
    assert again.status_code == 200
    assert "déjà inscrit comme présent" in again.content.decode()
    assert list(Attendance.objects.values_list("employee", flat=True)) == [employee.pk]


def test_a_session_needs_an_existing_kind_and_one_trainer(client, agent):
    client.force_login(agent)
    url = reverse("safety_trainings:session_create")
    base = {"date": "22/09/2020", "place": "Amphi A", "trainer_body": "INRS", "version": "0"}
    response = client.post(url, {**base, "kind": "999999"})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    response = client.post(url, {**base, "kind": "laser"})
    assert "Sélectionnez un choix valide" in response.content.decode()
    both = client.post(url, {**base, "kind": kind("laser").pk, "trainer_agent": agent.pk})
    assert "soit un agent de prévention, soit un organisme" in both.content.decode()
    neither = client.post(url, {**base, "kind": kind("laser").pk, "trainer_body": ""})
    assert "soit un agent de prévention, soit un organisme" in neither.content.decode()
    bad_date = client.post(url, {**base, "kind": kind("laser").pk, "date": "31/02/2020"})
    assert bad_date.status_code == 200
    assert not SafetySession.objects.exists()
    created = client.post(url, {**base, "kind": kind("laser").pk})
    session = SafetySession.objects.get()
    assert created.url == session.get_absolute_url()
    assert (session.kind.code, session.trainer_body, session.date) == (
        "laser",
        "INRS",
        date(2020, 9, 22),
    )
    assert session.history.count() == 1


def test_two_people_editing_a_session_at_once(client, agent):
    session = SessionFactory()
    client.force_login(agent)
    url = reverse("safety_trainings:session_edit", args=[session.pk])
    data = {
        "kind": session.kind_id,
        "date": "22/09/2020",
        "place": "Salle B12",
        "trainer_body": "INRS",
        "version": "0",
    }
    assert client.post(url, data).status_code == 302
    stale = client.post(url, {**data, "place": "Salle C3"})
    assert stale.status_code == 200
    assert "Quelqu&#x27;un d&#x27;autre a modifié" in stale.content.decode()
    session.refresh_from_db()
    assert (session.place, session.version) == ("Salle B12", 1)
