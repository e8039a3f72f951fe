"""Every read of another person's sensitive record is journaled — who, what, about whom,
when, from where — and a person's read of their own is not (RULES.md §6)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from hr.coaching.models import CoachingRelationship
from imtsocial.accounts.roles import Role, employee_of
from imtsocial.audit.context import client_ip
from imtsocial.audit.models import AuditEvent
from safety.qualifications.defaults import load
from safety.qualifications.models import QualificationType, QualificationValidity
from tests.evaluations.factories import InterviewFactory
from tests.factories import (
    PASSWORD,
    ContractFactory,
    EmployeeFactory,
    SalaryRecordFactory,
    TalentDeveloperFactory,
)
from tests.qualifications.factories import QualificationFactory
from tests.registers.factories import WorkAccidentFactory
from tests.social_action.factories import AidRequestFactory

pytestmark = pytest.mark.django_db

IP = "203.0.113.7"


def _event():
    return AuditEvent.objects.get()


def _read(client, user, url):
    client.force_login(user)
    response = client.get(url, REMOTE_ADDR=IP)
    assert response.status_code == 200, response.status_code
    return response


@pytest.fixture
def person():
    """An employee without a login: the journal still names them."""
    return EmployeeFactory(first_name="Zoé", last_name="Sans-Compte")


def test_hr_reading_a_file_without_login_is_journaled_with_pay_and_the_address(
    client, make_user, person
):
    hr = make_user(Role.HR)
    _read(client, hr, reverse("hr:employee_detail", args=[person.pk]))
    event = _event()
    assert (event.actor, event.action, event.object_type) == (hr, "view", "hr.employee")
    assert (event.subject, event.subject_employee, event.subject_label) == (
        None,
        person,
        "Zoé Sans-Compte",
    )
    assert (event.with_pay, event.actor_role, event.ip) == (True, "hr", IP)


def test_the_manager_reads_the_file_without_pay(client, make_user):
    manager = make_user(Role.MANAGER)
    report = EmployeeFactory(manager=employee_of(manager))
    _read(client, manager, reverse("hr:employee_detail", args=[report.pk]))
    event = _event()
    assert (event.with_pay, event.actor_role, event.subject_employee) == (False, "manager", report)


def test_reading_ones_own_file_is_not_journaled(client, make_user):
    hr = make_user(Role.HR)
    own = employee_of(hr)
    _read(client, hr, reverse("hr:my_file"))
    _read(client, hr, reverse("hr:employee_detail", args=[own.pk]))
    assert not AuditEvent.objects.exists()


def test_opening_a_salary_correction_is_a_read_of_pay(client, make_user, person):
    hr = make_user(Role.HR)
    contract = ContractFactory(employee=person)
    record = SalaryRecordFactory(contract=contract, gross_monthly=Decimal("3210.00"))
    client.force_login(hr)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    for name in ("hr:salary_edit", "hr:salary_cancel"):
        assert client.get(reverse(name, args=[record.pk]), REMOTE_ADDR=IP).status_code == 200
    events = list(AuditEvent.objects.order_by("pk"))
    assert [(e.object_type, e.with_pay, e.subject_employee) for e in events] == [
        ("hr.salaryrecord", True, person)
    ] * 2


def test_the_evaluator_reading_an_interview_is_journaled_not_the_employee(client, make_user):
    manager = make_user(Role.MANAGER)
    employee = EmployeeFactory(with_login=True, manager=employee_of(manager))
    interview = InterviewFactory(employee=employee)
    url = reverse("evaluations:interview_detail", args=[interview.pk])
    _read(client, employee.user, url)
    assert not AuditEvent.objects.exists()
    _read(client, manager, url)
    event = _event()
    assert (event.actor, event.subject, event.subject_employee, event.ip) == (
        manager,
        employee.user,
        employee,
        IP,
    )


def test_the_coach_reading_the_coaching_record_is_journaled_not_the_coachee(client):
    coach = TalentDeveloperFactory()
    coachee = EmployeeFactory(with_login=True)
    relationship = CoachingRelationship.objects.create(
        coachee=coachee, coach=coach, started_on=timezone.localdate()
    )
    _read(client, coachee.user, relationship.get_absolute_url())
    assert not AuditEvent.objects.exists()
    _read(client, coach.employee.user, relationship.get_absolute_url())
    event = _event()
    assert (event.actor, event.object_type, event.actor_role, event.subject_employee) == (
        coach.employee.user,
        "coaching.coachingrelationship",
        "talent_developer",
        coachee,
    )


def test_the_correspondent_reading_an_aid_file_is_journaled(client, make_user):
    correspondent = make_user(Role.SOCIAL_ACTION)
    aid = AidRequestFactory(submitted=True)
    _read(client, correspondent, aid.get_absolute_url())
    event = _event()
    assert (event.actor_role, event.subject_employee, event.subject_label, event.ip) == (
        "social_action",
        aid.requester,
        aid.requester.full_name,
        IP,
    )


def test_prevention_reading_a_qualification_is_journaled(client, make_user, person):
    load(QualificationType, QualificationValidity)
    prevention = make_user(Role.PREVENTION)
    qualification = QualificationFactory(holder=person)
    _read(client, prevention, qualification.get_absolute_url())
    event = _event()
    assert (event.object_type, event.subject_employee, event.actor_role) == (
        "qualifications.qualification",
        person,
        "prevention",
    )


def test_reading_an_accident_is_journaled_except_by_the_victim(client, make_user):
    victim = EmployeeFactory(with_login=True)
    accident = WorkAccidentFactory(victim=victim, occurred_on=date.today() - timedelta(days=3))
    _read(client, victim.user, accident.get_absolute_url())
    assert not AuditEvent.objects.exists()
    hr = make_user(Role.HR)
    _read(client, hr, accident.get_absolute_url())
    event = _event()
    assert (event.subject_employee, event.detail) == (victim, "avec les circonstances")


@pytest.mark.parametrize(
    ("remote", "forwarded", "trusted", "expected"),
    [
        ("198.51.100.1", "", [], "198.51.100.1"),
        # a client's header is ignored when the request does not come from the proxy
        ("198.51.100.1", "10.9.9.9", [], "198.51.100.1"),
        # behind the proxy: the hop it appended, not the one the client typed before it
        ("10.0.0.2", "6.6.6.6, 203.0.113.7", ["10.0.0.2"], "203.0.113.7"),
        ("10.0.0.2", "pas une adresse", ["10.0.0.2"], "10.0.0.2"),
    ],
)
def test_the_client_address(rf, settings, remote, forwarded, trusted, expected):
    settings.AUDIT_TRUSTED_PROXIES = trusted
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_outside_a_request_the_address_is_empty(make_user):
    actor = make_user(Role.HR)
    assert AuditEvent.log_view(actor=actor, obj=actor).ip is None
