"""Enrolment, decision, cancellation and attendance through the services and the pages."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hr.training import perms, services
from hr.training.enums import EnrolmentStatus
from hr.training.models import Enrolment
from imtsocial.accounts.roles import Role
from imtsocial.errors import DomainError
from tests.factories import EmployeeFactory
from tests.training.factories import CourseFactory, EnrolmentFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(make_user):
    manager = make_user(Role.EMPLOYEE)
    person = make_user(Role.EMPLOYEE, manager=manager.employee)
    return person, manager


def test_a_request_waits_for_the_manager_and_hr_enrols_directly(team, make_user):
    person, manager = team
    session = SessionFactory()
    enrolment = services.enrolment_request(session=session, employee=person.employee, by=person)
    assert enrolment.status == EnrolmentStatus.REQUESTED
    services.enrolment_decide(enrolment=enrolment, approve=True, reason="", by=manager, version=0)
    assert Enrolment.objects.get(pk=enrolment.pk).status == EnrolmentStatus.APPROVED
    hr = make_user(Role.HR)
    other = EmployeeFactory()
    direct = services.enrolment_request(session=session, employee=other, by=hr)
    assert (direct.status, direct.decided_by) == (EnrolmentStatus.APPROVED, hr)


def test_enrolling_twice_past_capacity_or_in_a_started_session_is_refused(team, make_user):
    person, _manager = team
    session = SessionFactory(capacity=2)
    services.enrolment_request(session=session, employee=person.employee, by=person)
    with pytest.raises(DomainError, match="déjà inscrit"):
        services.enrolment_request(session=session, employee=person.employee, by=person)
    EnrolmentFactory(session=session)
    latecomer = make_user(Role.EMPLOYEE)
    with pytest.raises(DomainError, match=r"complète \(2 places\)"):
        services.enrolment_request(session=session, employee=latecomer.employee, by=latecomer)
    started = SessionFactory(starts_on=timezone.localdate())
    with pytest.raises(DomainError, match="déjà commencé"):
        services.enrolment_request(session=started, employee=person.employee, by=person)
    assert Enrolment.objects.filter(session=session).count() == 2


def test_a_cancelled_place_can_be_asked_again(team):
    person, _manager = team
    session = SessionFactory(capacity=1)
    first = services.enrolment_request(session=session, employee=person.employee, by=person)
    services.enrolment_cancel(enrolment=first, by=person, version=0)
    again = services.enrolment_request(session=session, employee=person.employee, by=person)
    assert again.status == EnrolmentStatus.REQUESTED


def test_only_the_manager_decides_and_a_refusal_needs_a_reason(team, make_user):
    person, manager = team
    enrolment = EnrolmentFactory(employee=person.employee)
    for intruder in (person, make_user(Role.EMPLOYEE), make_user(Role.HR)):
        with pytest.raises(DomainError, match="Seul le responsable"):
            services.enrolment_decide(
                enrolment=enrolment, approve=True, reason="", by=intruder, version=0
            )
    with pytest.raises(DomainError) as refused:
        services.enrolment_decide(
            enrolment=enrolment, approve=False, reason=" ", by=manager, version=0
        )
    assert refused.value.errors == {"reason": ["Un refus doit être motivé."]}
    assert Enrolment.objects.get(pk=enrolment.pk).status == EnrolmentStatus.REQUESTED


def test_hr_decides_for_someone_without_a_manager(make_user):
    loner = EmployeeFactory(manager=None)
    enrolment = EnrolmentFactory(employee=loner)
    hr = make_user(Role.HR)
    assert perms.can(hr, enrolment, "approve")
    services.enrolment_decide(enrolment=enrolment, approve=True, reason="", by=hr, version=0)


def test_attended_hours_between_zero_and_the_course_length(make_user, team):
    person, _manager = team
    hr = make_user(Role.HR)
    session = SessionFactory(
        course=CourseFactory(hours=Decimal("7")), starts_on=timezone.localdate() - timedelta(days=1)
    )
    present = EnrolmentFactory(session=session, employee=person.employee, status="approved")
    absent = EnrolmentFactory(session=session, status="approved")
    for bad in (Decimal("-1"), Decimal("0"), Decimal("7.5")):
        with pytest.raises(DomainError) as refused:
            services.attendance_record(
                session=session, hours={present.pk: bad, absent.pk: None}, by=hr
            )
        assert list(refused.value.errors) == [f"hours_{present.pk}"]
    assert Enrolment.objects.get(pk=present.pk).status == EnrolmentStatus.APPROVED
    services.attendance_record(
        session=session, hours={present.pk: Decimal("3.5"), absent.pk: None}, by=hr
    )
    present.refresh_from_db()
    absent.refresh_from_db()
    assert (present.status, present.attended_hours) == (EnrolmentStatus.ATTENDED, Decimal("3.5"))
    assert (absent.status, absent.attended_hours) == (EnrolmentStatus.ABSENT, None)


def test_attendance_waits_for_the_session(make_user):
    session = SessionFactory()
    enrolment = EnrolmentFactory(session=session, status="approved")
    with pytest.raises(DomainError, match="une fois la session commencée"):
        services.attendance_record(
            session=session, hours={enrolment.pk: Decimal(7)}, by=make_user(Role.HR)
        )


# Pages ------------------------------------------------------------------------


def test_the_attendance_form_shows_errors_next_to_the_hours(client, make_user):
    hr = make_user(Role.HR)
    session = SessionFactory(starts_on=timezone.localdate() - timedelta(days=2))
    enrolment = EnrolmentFactory(session=session, status="approved")
    client.force_login(hr)
    response = client.post(
        reverse("training:session_attendance", args=[session.pk]),
        {f"present_{enrolment.pk}": "on", f"hours_{enrolment.pk}": "12"},
    )
    assert response.context["attendance_form"].errors == {
        f"hours_{enrolment.pk}": ["Entre 0 et 7 heures (la durée de la formation)."]
    }
    response = client.post(
        reverse("training:session_attendance", args=[session.pk]),
        {f"present_{enrolment.pk}": "on", f"hours_{enrolment.pk}": "abc"},
    )
    assert response.context["attendance_form"].errors == {
        f"hours_{enrolment.pk}": ["Saisissez un nombre d'heures, par exemple 3,5."]
    }
    client.post(
        reverse("training:session_attendance", args=[session.pk]),
        {f"present_{enrolment.pk}": "on", f"hours_{enrolment.pk}": "6,5"},
    )
    assert Enrolment.objects.get(pk=enrolment.pk).attended_hours == Decimal("6.5")


def test_a_session_in_the_past_is_refused(client, make_user):
    client.force_login(make_user(Role.HR))
    course = CourseFactory()
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.post(
        reverse("training:session_create", args=[course.pk]),
        {"starts_on": yesterday.isoformat(), "ends_on": yesterday.isoformat(), "capacity": "5"},
    )
    assert response.context["form"].errors["starts_on"] == [
        "Une session ne se crée pas dans le passé."
    ]
    assert not course.sessions.exists()


def test_someone_elses_enrolment_answers_404(client, team, make_user):
    person, manager = team
    enrolment = EnrolmentFactory(employee=person.employee)
    colleague = make_user(Role.EMPLOYEE, manager=manager.employee)
    for stranger in (colleague, make_user(Role.TALENT_DEVELOPER), make_user(Role.DIRECTOR)):
        client.force_login(stranger)
        for verb in ("accepter", "refuser"):
            url = reverse("training:enrolment_decide", args=[enrolment.pk, verb])
            assert client.post(url, {"version": "0"}).status_code == 404
        url = reverse("training:enrolment_cancel", args=[enrolment.pk])
        assert client.post(url, {"version": "0"}).status_code == 404
    assert Enrolment.objects.get(pk=enrolment.pk).status == EnrolmentStatus.REQUESTED


def test_hr_enrols_by_employee_number_with_an_error_next_to_the_field(client, make_user):
    client.force_login(make_user(Role.HR))
    session = SessionFactory()
    url = reverse("training:session_enrol", args=[session.pk])
    response = client.post(url, {"employee_number": "INCONNU"})
    assert response.context["hr_enrol_form"].errors["employee_number"] == [
        "Aucun agent en poste n'a le matricule INCONNU."
    ]
    person = EmployeeFactory()
    client.post(url, {"employee_number": person.employee_number})
    response = client.post(url, {"employee_number": person.employee_number})
    assert "est déjà inscrit" in response.context["hr_enrol_form"].errors["employee_number"][0]


def _queries(client, url) -> int:
    client.get(url)  # the first request may fill caches (the parameters in force…)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


PAGES = {
    "catalogue": ("employee", lambda: reverse("training:catalogue")),
    "my_trainings": ("employee", lambda: reverse("training:my_trainings")),
    "team_requests": ("manager", lambda: reverse("training:team_requests")),
    "plan": ("hr", lambda: reverse("training:plan")),
    "Mon espace (manager)": ("manager", lambda: reverse("home")),
    "Mon espace (employee)": ("employee", lambda: reverse("home")),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_lists_run_a_constant_number_of_queries(client, team, make_user, page):
    """10 rows of each, then 40: the same number of queries."""
    person, manager = team
    who, url = PAGES[page]
    viewer = {"employee": person, "manager": manager, "hr": make_user(Role.HR)}[who]
    client.force_login(viewer)
    counts = []
    for added in (10, 30):
        for _index in range(added):
            session = SessionFactory(course=CourseFactory())
            EnrolmentFactory(session=session, employee=person.employee)
            EnrolmentFactory(
                session=session,
                employee=EmployeeFactory(manager=manager.employee),
                status="attended",
                attended_hours=Decimal(3),
            )
        counts.append(_queries(client, url()))
    assert counts[0] == counts[1], counts
