"""Requests: submit → manager → HR (or director) → approved/rejected, withdrawal,
renewal, the e-mails at each step, and nothing half-saved on a refusal."""

from datetime import date

import pytest
from django.core import mail

from imtsocial.accounts.roles import Role
from imtsocial.errors import ConcurrentChangeError, IllegalTransitionError
from telework import services
from telework.enums import Reason, RequestStatus
from telework.models import TeleworkRequest
from telework.rules import Proposal
from tests.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(make_user):
    manager_user = make_user(Role.EMPLOYEE, first_name="Marc", last_name="Chef")
    manager = manager_user.employee
    agent_user = UserFactory(email="agent@example.fr")
    agent = EmployeeFactory(user=agent_user, manager=manager, department=manager.department)
    hr = make_user(Role.HR)
    return {"manager": manager_user, "agent": agent_user, "agent_employee": agent, "hr": hr}


def two_days(**kw):
    data = {
        "start": date(2026, 1, 5),
        "end": date(2026, 12, 31),
        "reason": Reason.COMMUTE,
        "fixed_days": [1, 3],
    }
    data.update(kw)
    return Proposal(**data)


def submit(people, **kw):
    return services.telework_request_create(
        employee=people["agent_employee"], proposal=two_days(**kw), by=people["agent"]
    )


def test_full_workflow_with_emails(
    people, inline_notifications, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        req = submit(people)
    assert req.status == RequestStatus.SUBMITTED
    assert (req.manager, req.days_per_week, req.fixed_days) == (
        people["manager"].employee,
        2,
        "1,3",
    )
    # the agent (acknowledgement) and the manager (to review)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        ["agent@example.fr", people["manager"].email]
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.telework_request_manager_decide(request=req, approve=True, by=people["manager"])
    req.refresh_from_db()
    assert req.status == RequestStatus.MANAGER_APPROVED
    assert sorted(m.to[0] for m in mail.outbox) == sorted(["agent@example.fr", people["hr"].email])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.telework_request_final_decide(request=req, approve=True, by=people["hr"])
    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED
    assert req.decided_by == people["hr"]
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["agent@example.fr"] == "Télétravail : autorisée"
    assert people["manager"].email in subjects
    # the e-mails never carry the reason of the request
    reason = str(Reason.COMMUTE.label)
    assert all(reason not in m.subject + m.body for m in mail.outbox)
    # history keeps who did each step
    assert [h.history_user for h in req.history.order_by("history_id")] == [
        people["agent"],
        people["manager"],
        people["hr"],
    ]


def test_refusal_needs_reason_and_interview_and_saves_nothing(people):
    req = submit(people)
    with pytest.raises(services.TeleworkError) as exc:
        services.telework_request_manager_decide(request=req, approve=False, by=people["manager"])
    assert exc.value.messages == [
        "Un refus doit être motivé.",
        "Un refus suppose un entretien préalable : indiquez sa date.",
    ]
    req.refresh_from_db()
    assert req.status == RequestStatus.SUBMITTED
    services.telework_request_manager_decide(
        request=req,
        approve=False,
        refusal_reason="Continuité du service d'accueil.",
        interview_on=date(2026, 1, 2),
        by=people["manager"],
    )
    req.refresh_from_db()
    assert (req.status, req.refusal_reason) == (
        RequestStatus.REJECTED,
        "Continuité du service d'accueil.",
    )


def test_a_health_derogation_never_appears_in_an_email(
    people, inline_notifications, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        req = submit(
            people,
            reason=Reason.HEALTH,
            fixed_days=[0, 1, 2, 3],
            end=date(2026, 6, 30),
            physician_opinion_received=True,
            physician_opinion_date=date(2025, 12, 15),
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.telework_request_manager_decide(request=req, approve=True, by=people["manager"])
    texts = [m.subject + m.body for m in mail.outbox]
    assert len(texts) == 4  # submitted (agent, manager), manager's opinion (agent, HR)
    for text in texts:
        assert "Santé" not in text and "médecin" not in text and "dérogation" not in text


def test_rules_and_overlap_refused_with_french_message(people):
    with pytest.raises(services.TeleworkError) as exc:
        submit(people, fixed_days=[0, 1, 2, 3])
    assert "limité à 3 jours par semaine" in exc.value.messages[0]
    with pytest.raises(services.TeleworkError) as exc:
        submit(people, end=date(2025, 12, 31))
    assert exc.value.messages[0] == "La date de fin précède la date de début."
    assert not TeleworkRequest.objects.exists()
    submit(people)
    with pytest.raises(services.TeleworkError) as exc:
        submit(people, start=date(2026, 6, 1), end=date(2027, 6, 1))
    assert "du 05/01/2026 au 31/12/2026" in exc.value.messages[0]
    assert TeleworkRequest.objects.count() == 1


def test_nobody_decides_their_own_request(make_user):
    # An HR agent who is also a manager: their own request has another manager.
    boss = make_user(Role.EMPLOYEE)
    hr_manager = make_user(Role.HR, Role.MANAGER, manager=boss.employee)
    req = services.telework_request_create(
        employee=hr_manager.employee, proposal=two_days(), by=hr_manager
    )
    with pytest.raises(services.TeleworkError, match="propre demande"):
        services.telework_request_manager_decide(request=req, approve=True, by=hr_manager)
    services.telework_request_manager_decide(request=req, approve=True, by=boss)
    with pytest.raises(services.TeleworkError, match="propre demande"):
        services.telework_request_final_decide(request=req, approve=True, by=hr_manager)
    req.refresh_from_db()
    assert req.status == RequestStatus.MANAGER_APPROVED


def test_only_the_manager_gives_the_first_opinion(people, make_user):
    req = submit(people)
    other_manager = make_user(Role.MANAGER)
    for user in (other_manager, people["hr"]):
        with pytest.raises(services.TeleworkError, match="responsable hiérarchique"):
            services.telework_request_manager_decide(request=req, approve=True, by=user)
    with pytest.raises(IllegalTransitionError, match="dans l'état « En attente du respo"):
        services.telework_request_final_decide(request=req, approve=True, by=people["hr"])


def test_director_decides_when_configured(people, make_user, settings):
    settings.TELEWORK_FINAL_DECIDER = "director"
    director = make_user(Role.DIRECTOR)
    req = submit(people)
    services.telework_request_manager_decide(request=req, approve=True, by=people["manager"])
    with pytest.raises(services.TeleworkError, match="Direction"):
        services.telework_request_final_decide(request=req, approve=True, by=people["hr"])
    services.telework_request_final_decide(request=req, approve=True, by=director)
    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED


def test_stale_decision_is_refused(people):
    req = submit(people)
    seen = req.version
    services.telework_request_manager_decide(request=req, approve=True, by=people["manager"])
    with pytest.raises(ConcurrentChangeError, match="Quelqu'un d'autre a modifié"):
        services.telework_request_final_decide(
            request=req, approve=False, by=people["hr"], version=seen
        )


def test_withdraw_then_the_period_is_free_again(
    people, inline_notifications, django_capture_on_commit_callbacks
):
    req = submit(people)
    with django_capture_on_commit_callbacks(execute=True):
        services.telework_request_withdraw(request=req, by=people["agent"])
    req.refresh_from_db()
    assert req.status == RequestStatus.WITHDRAWN
    assert {m.to[0] for m in mail.outbox} == {"agent@example.fr", people["manager"].email}
    with pytest.raises(IllegalTransitionError, match="« Retirée »"):
        services.telework_request_withdraw(request=req, by=people["agent"])
    submit(people)  # no overlap with a withdrawn request


def test_renewal_copies_an_expiring_authorisation(people):
    req = submit(people, start=date(2026, 1, 5), end=date(2026, 6, 30))
    services.telework_request_manager_decide(request=req, approve=True, by=people["manager"])
    services.telework_request_final_decide(request=req, approve=True, by=people["hr"])
    proposal = services.renewal_proposal(req)
    assert (proposal.start, proposal.end, proposal.fixed_days) == (
        date(2026, 7, 1),
        date(2026, 7, 1) + (date(2026, 6, 30) - date(2026, 1, 5)),
        [1, 3],
    )
    renewal = services.telework_request_create(
        employee=people["agent_employee"], proposal=proposal, by=people["agent"], renewed_from=req
    )
    assert renewal.renewed_from == req


def test_without_manager_the_request_goes_to_hr(make_user):
    alone = make_user(Role.EMPLOYEE)
    req = services.telework_request_create(employee=alone.employee, proposal=two_days(), by=alone)
    assert req.status == RequestStatus.MANAGER_APPROVED
