"""Learners' records and the road-risk census: what prevention types, refused in French
next to the field when wrong; the panel on « Mon dossier »."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from imtsocial.accounts.roles import Role
from safety.trainings.models import Learner, RoadRiskExposure
from tests.factories import EmployeeFactory
from tests.safety_trainings.factories import AttendanceFactory, ExposureFactory, LearnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agent_client(client, make_user):
    client.force_login(make_user(Role.PREVENTION))
    return client


LEARNER = {
    "last_name": "Martin",
    "first_name": "Léa",
    "kind": "stagiaire",
    "school_year": "",
    "arrived_on": "01/09/2020",
    "department": "",
    "left_on": "",
    "version": "0",
}


def test_a_learner_record_is_checked(agent_client):
    url = reverse("safety_trainings:learner_create")
    bad_year = agent_client.post(url, {**LEARNER, "school_year": "2020-2022"})
    assert "Écrivez l&#x27;année scolaire ainsi : 2020-2021." in bad_year.content.decode()
    left_first = agent_client.post(url, {**LEARNER, "left_on": "31/08/2020"})
    assert "La date de départ précède la date d&#x27;arrivée." in left_first.content.decode()
    bad_kind = agent_client.post(url, {**LEARNER, "kind": "doctorant"})
    assert bad_kind.status_code == 200
    no_name = agent_client.post(url, {**LEARNER, "last_name": ""})
    assert no_name.status_code == 200
    assert not Learner.objects.exists()
    ok = agent_client.post(url, {**LEARNER, "school_year": "2020-2021"})
    assert ok.status_code == 302
    learner = Learner.objects.get()
    assert (learner.kind, learner.school_year, learner.history.count()) == (
        "stagiaire",
        "2020-2021",
        1,
    )


@time_machine.travel(date(2021, 3, 15))
def test_the_census_is_checked(agent_client):
    EmployeeFactory(employee_number="M12345")
    url = reverse("safety_trainings:exposure_create")
    data = {
        "employee_number": "M12345",
        "since": "01/01/2021",
        "reason": "Déplacements entre sites",
        "until": "",
        "version": "0",
    }
    future = agent_client.post(url, {**data, "since": "16/03/2021"})
    assert "Une exposition se recense à partir d&#x27;aujourd&#x27;hui." in future.content.decode()
    unknown = agent_client.post(url, {**data, "employee_number": "X"})
    assert "Aucun agent en poste n&#x27;a le matricule X" in unknown.content.decode()
    reversed_dates = agent_client.post(url, {**data, "until": "31/12/2020"})
    assert "La fin de l&#x27;exposition précède son début." in reversed_dates.content.decode()
    assert not RoadRiskExposure.objects.exists()
    assert agent_client.post(url, data).status_code == 302
    twice = agent_client.post(url, data)
    assert twice.status_code == 200
    assert "Cet agent est déjà recensé comme exposé." in twice.content.decode()
    exposure = RoadRiskExposure.objects.get()
    assert exposure.history.count() == 1
    # the end of an exposure is an edit of the record
    edit = reverse("safety_trainings:exposure_edit", args=[exposure.pk])
    response = agent_client.post(edit, {**data, "until": "28/02/2021"})
    assert response.status_code == 302
    exposure.refresh_from_db()
    assert (exposure.until, exposure.version) == (date(2021, 2, 28), 1)


def test_the_panel_is_on_my_file(client, make_user):
    user = make_user(Role.EMPLOYEE)
    AttendanceFactory(employee=user.employee)
    ExposureFactory(employee=user.employee, since=date(2019, 1, 1))
    client.force_login(user)
    page = client.get(reverse("hr:my_file")).content.decode()
    assert 'data-testid="safety-panel"' in page
    assert "Exposé au risque routier depuis le 1er janvier 2019" in page


def test_lists_run_constant_queries(agent_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import DepartmentFactory
    from tests.safety_trainings.factories import SessionFactory

    pages = {
        "learner_list": lambda: LearnerFactory(department=DepartmentFactory()),
        "exposure_list": ExposureFactory,
        "session_list": lambda: AttendanceFactory(session=SessionFactory()),
    }
    for name, make in pages.items():
        url = reverse(f"safety_trainings:{name}")
        counts = []
        for size in (2, 12):
            for _index in range(size):
                make()
            from django.core.cache import cache

            cache.clear()
            with CaptureQueriesContext(connection) as captured:
                assert agent_client.get(url).status_code == 200
            counts.append(len(captured))
        assert counts[0] == counts[1], name
