"""Notifications carry no sensitive content; reminders are sent once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from imtsocial.accounts.roles import Role
from social_action import services
from social_action.tasks import notify_correspondents, notify_requester, send_appointment_reminders
from tests.social_action.factories import AidRequestFactory, SlotFactory


@pytest.mark.django_db
def test_the_requester_is_told_only_to_log_in(make_user):
    aid = AidRequestFactory(reason="Dette de loyer", amount_asked=777)
    assert notify_requester(aid.pk) == 1
    message = mail.outbox[0]
    assert message.to == [aid.requester.user.email]
    text = message.subject + message.body
    assert "Connectez-vous" in text
    for secret in ("Dette", "777", aid.scheme.name, "exceptionnelle"):
        assert secret not in text


@pytest.mark.django_db
def test_every_correspondent_is_told(make_user):
    first, second = make_user(Role.SOCIAL_ACTION), make_user(Role.SOCIAL_ACTION)
    aid = AidRequestFactory()
    notify_correspondents(aid.pk)
    assert sorted(mail.outbox[0].to) == sorted([first.email, second.email])
    assert aid.requester.last_name not in mail.outbox[0].body


@pytest.mark.django_db
def test_a_missing_request_sends_nothing():
    assert notify_requester(999_999) == 0 and mail.outbox == []


@pytest.mark.django_db
def test_reminders_are_sent_once_for_the_next_24_hours(make_user):
    user = make_user(Role.EMPLOYEE)
    soon = SlotFactory(starts_at=timezone.now() + timedelta(hours=20), kind="psychologist")
    later = SlotFactory(starts_at=timezone.now() + timedelta(days=3))
    services.slot_book(slot=soon, employee=user.employee, by=user)
    services.slot_book(slot=later, employee=user.employee, by=user)
    assert send_appointment_reminders() == 1
    assert send_appointment_reminders() == 0  # idempotent
    assert mail.outbox[0].to == [user.email]
    assert "sychologue" not in mail.outbox[0].body  # the kind of appointment stays private


@pytest.mark.services
def test_a_decision_notifies_the_requester_through_a_real_worker(
    celery_worker, transactional_db, make_user
):
    correspondent = make_user(Role.SOCIAL_ACTION)
    aid = AidRequestFactory(submitted=True)
    services.aid_request_ask_info(request=aid, message="Un devis ?", by=correspondent)
    deadline = timezone.now() + timedelta(seconds=20)
    while not mail.outbox and timezone.now() < deadline:
        import time

        time.sleep(0.2)
    assert [m.to for m in mail.outbox] == [[aid.requester.user.email]]
    assert "Un devis" not in mail.outbox[0].body
