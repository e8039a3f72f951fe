"""The daily reminder: holder and manager told once per threshold, content-free."""

from datetime import date

import pytest
import time_machine
from django.core import mail

from safety.qualifications.models import QualificationReminder
from safety.qualifications.tasks import remind_expiring_qualifications
from tests.factories import EmployeeFactory
from tests.qualifications.factories import QualificationFactory, kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    manager = EmployeeFactory(with_login=True, user__email="chef@example.fr")
    holder = EmployeeFactory(with_login=True, user__email="titulaire@example.fr", manager=manager)
    return holder


def test_reminders_at_each_threshold_once(people, django_capture_on_commit_callbacks):
    # SST notice 60 days; expiry 30/06/2026: the notice period starts on 01/05/2026
    qualification = QualificationFactory(
        holder=people, obtained_on=date(2024, 7, 1), expires_on=date(2026, 6, 30)
    )
    with (
        time_machine.travel(date(2026, 4, 30), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert remind_expiring_qualifications() == 0  # 61 days before: not yet
    with (
        time_machine.travel(date(2026, 5, 1), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert remind_expiring_qualifications() == 1
        assert remind_expiring_qualifications() == 0  # the same day again: nothing
    assert sorted(m.to[0] for m in mail.outbox) == ["chef@example.fr", "titulaire@example.fr"]
    body = " ".join(m.body + m.subject for m in mail.outbox)
    assert "SST" not in body and people.last_name not in body  # content-free
    with (
        time_machine.travel(date(2026, 6, 15), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert remind_expiring_qualifications() == 0  # notice already sent
    with (
        time_machine.travel(date(2026, 7, 1), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert remind_expiring_qualifications() == 1  # now expired
        assert remind_expiring_qualifications() == 0
    assert len(mail.outbox) == 4
    assert set(
        QualificationReminder.objects.filter(qualification=qualification).values_list(
            "threshold", flat=True
        )
    ) == {"notice", "expired"}


def test_no_reminder_for_a_renewed_an_old_or_a_departed_ones(people):
    # renewed: a later SST of the same holder
    QualificationFactory(holder=people, obtained_on=date(2024, 7, 1), expires_on=date(2026, 6, 30))
    QualificationFactory(holder=people, obtained_on=date(2026, 4, 1), expires_on=date(2028, 3, 31))
    # expired more than the notice period ago (61 days before 01/05/2026)
    QualificationFactory(expires_on=date(2026, 3, 1))
    # the holder left
    QualificationFactory(holder__leave_date=date(2026, 4, 1), expires_on=date(2026, 5, 20))
    # another type, its own notice (electrical, 60 days too) — outside
    QualificationFactory(
        qualification_type=kind("electrique"), level="BR", expires_on=date(2026, 9, 1)
    )
    with time_machine.travel(date(2026, 5, 1), tick=False):
        assert remind_expiring_qualifications() == 0
    assert mail.outbox == []


@pytest.mark.services
def test_the_reminder_runs_in_a_real_worker(celery_worker, transactional_db):
    from django.utils import timezone

    today = timezone.localdate()
    QualificationFactory(
        holder=EmployeeFactory(with_login=True, user__email="secouriste@example.fr"),
        obtained_on=today.replace(year=today.year - 2),
        expires_on=today,
    )
    assert remind_expiring_qualifications.delay().get(timeout=20) == 1
    assert [m.to for m in mail.outbox] == [["secouriste@example.fr"]]
    assert remind_expiring_qualifications.delay().get(timeout=20) == 0
