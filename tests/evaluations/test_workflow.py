"""The interview workflow (décret 2010-888) through its services, on dates fixed by hand.

Today is Wednesday 2 December 2026 unless a test travels: the date must be given at least
8 days ahead (earliest: Thursday 10 December); reviews within 15 clear days of the
notification; the joint committee within one month of the answer."""

from datetime import date

import pytest
import time_machine

from hr.enums import ContractKind
from hr.evaluations import services
from hr.evaluations.enums import Committee, InterviewStatus, ReviewStatus
from hr.evaluations.models import EvaluationInterview
from imtsocial.accounts.roles import Role
from imtsocial.errors import ConcurrentChangeError, DomainError, IllegalTransitionError
from tests.evaluations.factories import REPORT, InterviewFactory
from tests.factories import ContractFactory, EmployeeFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 2)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(date(2026, 12, 2), tick=False):
        yield


@pytest.fixture
def chain(make_user):
    """The person, their manager (evaluator), the manager's manager (endorser), HR."""
    n2 = make_user(Role.EMPLOYEE)
    manager = make_user(Role.EMPLOYEE, manager=n2.employee)
    person = make_user(Role.EMPLOYEE, manager=manager.employee)
    return person, manager, n2, make_user(Role.HR)


def _fresh(interview):
    return EvaluationInterview.objects.get(pk=interview.pk)


def test_the_whole_workflow_from_planning_to_endorsement(chain):
    person, manager, n2, _hr = chain
    interview = InterviewFactory(employee=person.employee)

    services.interview_plan(
        interview=interview, scheduled_for=date(2026, 12, 10), by=manager, version=0
    )
    interview = _fresh(interview)
    assert (interview.status, interview.convened_on) == (InterviewStatus.PLANNED, TODAY)
    with time_machine.travel(date(2026, 12, 10), tick=False):
        services.interview_hold(
            interview=interview, held_on=date(2026, 12, 10), by=manager, version=1
        )
        services.interview_write(interview=interview, report=REPORT, by=manager, version=2)
        services.interview_notify(interview=interview, by=manager, version=3)
    interview = _fresh(interview)
    assert interview.status == InterviewStatus.NOTIFIED
    assert interview.notified_on == date(2026, 12, 10)
    with time_machine.travel(date(2026, 12, 14), tick=False):
        services.interview_sign(
            interview=interview, comments="Je souhaite une formation.", by=person, version=4
        )
        services.interview_endorse(interview=interview, by=n2, version=5)
    interview = _fresh(interview)
    assert interview.status == InterviewStatus.ENDORSED
    assert interview.employee_comments == "Je souhaite une formation."
    assert (interview.signed_on, interview.endorsed_on) == (date(2026, 12, 14), date(2026, 12, 14))
    assert interview.endorsed_by == n2


def test_a_date_less_than_8_days_ahead_is_refused_next_to_the_date(chain):
    person, manager, *_ = chain
    interview = InterviewFactory(employee=person.employee)
    with pytest.raises(DomainError) as refused:
        services.interview_plan(
            interview=interview, scheduled_for=date(2026, 12, 9), by=manager, version=0
        )
    assert refused.value.errors == {
        "scheduled_for": [
            "La date doit être communiquée à l'agent au moins 8 jours à l'avance : "
            "au plus tôt le 10/12/2026."
        ]
    }
    assert _fresh(interview).status == InterviewStatus.TO_PLAN


def test_the_notice_is_a_dated_parameter(chain):
    from imtsocial.refdata.models import Parameter

    Parameter.objects.filter(key="evaluations.notice_days").update(value=10)
    person, manager, *_ = chain
    interview = InterviewFactory(employee=person.employee)
    with pytest.raises(DomainError, match="au moins 10 jours"):
        services.interview_plan(
            interview=interview, scheduled_for=date(2026, 12, 11), by=manager, version=0
        )


def test_only_the_direct_manager_plans_and_only_the_person_signs(chain, make_user):
    person, manager, n2, hr = chain
    interview = InterviewFactory(employee=person.employee)
    for intruder in (n2, hr, person):
        with pytest.raises(DomainError, match="Seul le responsable direct"):
            services.interview_plan(
                interview=interview, scheduled_for=date(2026, 12, 20), by=intruder, version=0
            )
    notified = InterviewFactory(employee=person.employee, notified=True, campaign__year=2025)
    for intruder in (manager, n2, hr):
        with pytest.raises(DomainError, match="Seul l'agent évalué signe"):
            services.interview_sign(interview=notified, comments="", by=intruder, version=0)
    assert _fresh(notified).status == InterviewStatus.NOTIFIED


def test_a_notified_report_is_locked(chain):
    person, manager, *_ = chain
    interview = InterviewFactory(employee=person.employee, notified=True)
    with pytest.raises(DomainError, match="notifié : il ne se modifie plus"):
        services.interview_write(
            interview=interview, report={**REPORT, "results": "Autre"}, by=manager, version=0
        )
    assert _fresh(interview).results == REPORT["results"]


def test_steps_out_of_order_are_refused(chain):
    person, manager, n2, _hr = chain
    interview = InterviewFactory(employee=person.employee, planned=True)
    with pytest.raises(IllegalTransitionError, match="« Planifié »"):
        services.interview_notify(interview=interview, by=manager, version=0)
    with pytest.raises(IllegalTransitionError):
        services.interview_endorse(interview=interview, by=n2, version=0)


def test_every_report_section_is_required(chain):
    person, manager, *_ = chain
    interview = InterviewFactory(employee=person.employee, planned=True, status="held")
    with pytest.raises(DomainError) as refused:
        services.interview_write(
            interview=interview, report={**REPORT, "objectives": " "}, by=manager, version=0
        )
    assert list(refused.value.errors) == ["objectives"]


def test_a_stale_page_does_not_overwrite(chain):
    person, manager, *_ = chain
    interview = InterviewFactory(employee=person.employee)
    services.interview_plan(
        interview=interview, scheduled_for=date(2026, 12, 14), by=manager, version=0
    )
    with pytest.raises(ConcurrentChangeError):
        services.interview_plan(
            interview=interview, scheduled_for=date(2026, 12, 21), by=manager, version=0
        )
    assert _fresh(interview).scheduled_for == date(2026, 12, 14)


def test_a_held_date_in_the_future_is_refused(chain):
    person, manager, *_ = chain
    interview = InterviewFactory(employee=person.employee, planned=True)
    with pytest.raises(DomainError) as refused:
        services.interview_hold(
            interview=interview, held_on=date(2026, 12, 3), by=manager, version=0
        )
    assert list(refused.value.errors) == ["held_on"]


# The review track ---------------------------------------------------------------


def test_review_deadlines_in_clear_days(chain):
    """Notified Friday 20 November 2026: + 15 = Saturday 5 December, the day after is a
    Sunday → the review may be asked until Monday 7 December."""
    person, manager, *_ = chain
    interview = InterviewFactory(employee=person.employee, notified=True)
    assert interview.review_request_deadline == date(2026, 12, 7)
    with (
        time_machine.travel(date(2026, 12, 8), tick=False),
        pytest.raises(DomainError, match="expiré le 07/12/2026"),
    ):
        services.review_request(interview=interview, text="Objectifs", by=person, version=0)
    with time_machine.travel(date(2026, 12, 7), tick=False):
        services.review_request(interview=interview, text="Objectifs", by=person, version=0)
    interview = _fresh(interview)
    # Asked Monday 7 December: + 15 = Tuesday 22 December → answer until Wednesday 23.
    assert interview.review_answer_deadline == date(2026, 12, 23)
    with time_machine.travel(date(2026, 12, 10), tick=False):
        with pytest.raises(DomainError, match="peut encore répondre jusqu'au 23/12/2026"):
            services.committee_refer(interview=interview, by=person, version=1)
        services.review_answer(interview=interview, text="Maintenu.", by=manager, version=1)
    interview = _fresh(interview)
    assert interview.review_status == ReviewStatus.ANSWERED
    # Answered Thursday 10 December: + 1 month = Sunday 10 January 2027, the day after is
    # Monday 11 January.
    assert interview.committee_referral_deadline == date(2027, 1, 11)
    with (
        time_machine.travel(date(2027, 1, 12), tick=False),
        pytest.raises(DomainError, match="expiré le 11/01/2027"),
    ):
        services.committee_refer(interview=interview, by=person, version=2)
    with time_machine.travel(date(2027, 1, 11), tick=False):
        services.committee_refer(interview=interview, by=person, version=2)
    interview = _fresh(interview)
    assert (interview.review_status, interview.referred_on) == (
        ReviewStatus.REFERRED,
        date(2027, 1, 11),
    )


def test_without_an_answer_the_committee_may_be_referred_after_the_answer_delay(chain):
    person, _manager, *_ = chain
    interview = InterviewFactory(
        employee=person.employee,
        notified=True,
        review_status=ReviewStatus.REQUESTED,
        review_requested_on=date(2026, 11, 23),
        review_request="Objectifs",
    )
    # Asked Monday 23 November: answer until Wednesday 9 December (+15 = Tue 8, +1).
    assert interview.review_answer_deadline == date(2026, 12, 9)
    # No answer: one month from 9 December = Saturday 9 January, the day after a Sunday
    # → Monday 11 January 2027.
    assert interview.committee_referral_deadline == date(2027, 1, 11)
    with time_machine.travel(date(2026, 12, 10), tick=False):
        services.committee_refer(interview=interview, by=person, version=0)
    assert _fresh(interview).review_status == ReviewStatus.REFERRED


def test_no_review_before_the_notification(chain):
    person, *_ = chain
    interview = InterviewFactory(employee=person.employee, written=True)
    with pytest.raises(DomainError, match="une fois le compte rendu notifié"):
        services.review_request(interview=interview, text="x", by=person, version=0)


# The population and the hierarchy -------------------------------------------------


def test_the_campaign_population(make_user):
    """Civil servants, CDI, CDD of more than a year; not a CDD of exactly a year, a PhD
    student, an apprentice, nor someone who has left."""
    hr = make_user(Role.HR)
    head = EmployeeFactory()
    people = {}
    for name, kind, start, end in [
        ("titulaire", ContractKind.TITULAIRE, date(2010, 9, 1), None),
        ("cdi", ContractKind.CDI, date(2018, 1, 1), None),
        ("cdd_13_months", ContractKind.CDD, date(2026, 1, 1), date(2027, 1, 31)),
        ("cdd_one_year", ContractKind.CDD, date(2026, 3, 1), date(2027, 2, 28)),
        ("cdd_one_year_and_a_day", ContractKind.CDD, date(2026, 3, 1), date(2027, 3, 1)),
        ("doctorant", ContractKind.DOCTORANT, date(2025, 10, 1), date(2028, 9, 30)),
        ("apprenti", ContractKind.APPRENTI, date(2025, 9, 1), date(2027, 8, 31)),
    ]:
        people[name] = EmployeeFactory(manager=head)
        ContractFactory(employee=people[name], kind=kind, start=start, end=end)
    gone = EmployeeFactory(manager=head, leave_date=date(2026, 6, 30))
    ContractFactory(employee=gone)
    campaign = services.campaign_open(year=2026, deadline=date(2027, 1, 31), by=hr)
    got = {i.employee_id: i.committee for i in campaign.interviews.all()}
    assert got == {
        people["titulaire"].pk: Committee.CAP,
        people["cdi"].pk: Committee.CCP,
        people["cdd_13_months"].pk: Committee.CCP,
        people["cdd_one_year_and_a_day"].pk: Committee.CCP,
    }
    assert {i.evaluator_id for i in campaign.interviews.all()} == {head.pk}
    # Idempotent: nobody is added twice.
    assert services.campaign_add_missing(campaign=campaign) == 0
    with pytest.raises(DomainError, match="déjà ouverte"):
        services.campaign_open(year=2026, deadline=date(2027, 1, 31), by=hr)


def test_the_evaluator_follows_the_hierarchy_until_the_notification(chain, make_user):
    person, manager, n2, _hr = chain
    open_one = InterviewFactory(employee=person.employee, planned=True)
    notified = InterviewFactory(employee=person.employee, notified=True, campaign__year=2025)
    new_manager = make_user(Role.EMPLOYEE, manager=n2.employee)
    employee = person.employee
    employee.manager = new_manager.employee
    employee.save()
    assert (_fresh(open_one).evaluator, _fresh(open_one).endorser) == (
        new_manager.employee,
        n2.employee,
    )
    assert _fresh(notified).evaluator == manager.employee  # the one who conducted it
    # The old manager may no longer conduct it.
    with pytest.raises(DomainError, match="Seul le responsable direct"):
        services.interview_hold(
            interview=open_one, held_on=date(2026, 11, 16), by=manager, version=0
        )


def test_the_endorser_follows_when_the_evaluators_manager_changes(chain, make_user):
    person, manager, _n2, _hr = chain
    interview = InterviewFactory(employee=person.employee, planned=True)
    other_n2 = make_user(Role.EMPLOYEE)
    evaluator = manager.employee
    evaluator.manager = other_n2.employee
    evaluator.save()
    assert _fresh(interview).endorser == other_n2.employee
