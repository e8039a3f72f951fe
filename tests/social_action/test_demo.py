"""The 2020 demo gives section E's figures, computed by the same stats function the
yearly report uses; a second run changes nothing."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from social_action.enums import RequestStatus
from social_action.models import AidDocument, AidRequest, Booking, ChristmasChild, Slot
from social_action.stats import social_action_figures

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.EMBEDDED = True
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo", stdout=StringIO())


def _counts():
    return (
        AidRequest.objects.count(),
        AidDocument.objects.count(),
        Slot.objects.count(),
        Booking.objects.count(),
        ChristmasChild.objects.count(),
    )


def test_demo_figures_for_2020(demo):
    figures = social_action_figures(2020)
    assert figures["appointments_correspondent"] == 50
    assert figures["consultations_social_worker"] == 15
    assert figures["consultations_lawyer_psychologist"] == 5  # 3 lawyer + 2 psychologist
    assert figures["christmas_children"] == 120  # 45 parents × 2 + 30 × 1
    assert figures["by_code"]["allocation-superieur"].requests == 10
    assert figures["by_code"]["allocation-superieur"].amount == Decimal("3000")  # 10 × 300 €
    assert figures["by_code"]["aide-exceptionnelle"].requests == 10
    assert {g.association.code: g.amount for g in figures["grants"]} == {
        "staff": Decimal("18000"),
        "athema": Decimal("3500"),
    }


def test_the_demo_employee_has_one_request_in_progress(demo):
    aid = AidRequest.objects.get(requester__user__email="employee@demo.imtsocial.fr")
    assert aid.status == RequestStatus.NEEDS_INFO
    assert aid.documents.count() == 1 and aid.messages.count() == 1


def test_demo_is_idempotent(demo, settings):
    before = _counts()
    call_command("demo", "--force", stdout=StringIO())
    assert _counts() == before


def test_the_demo_has_a_living_present(demo):
    """Slots to book in the coming weeks and a Christmas party still open (point 8)."""
    from datetime import datetime, time, timedelta

    from django.db.models import Exists, OuterRef
    from django.utils import timezone

    from social_action.enums import EventKind, SlotKind
    from social_action.models import Event

    today = timezone.localdate()
    monday = today + timedelta(days=7 - today.weekday())
    # Each of the next four weeks offers each kind of appointment, with free places.
    for week in range(4):
        start = timezone.make_aware(datetime.combine(monday + timedelta(weeks=week), time()))
        booked = Booking.objects.filter(slot=OuterRef("pk"), cancelled_at__isnull=True)
        free = Slot.objects.filter(
            ~Exists(booked),
            starts_at__gte=start,
            starts_at__lt=start + timedelta(days=7),
            cancelled=False,
        )
        assert set(free.values_list("kind", flat=True)) == set(SlotKind.values), week
    party = Event.objects.filter(kind=EventKind.CHRISTMAS, date__gte=timezone.localdate()).get()
    assert party.registration_open()


def test_the_christmas_party_ahead_of_the_demo():
    from datetime import date

    from social_action.demo import christmas_party_date

    assert christmas_party_date(date(2026, 3, 1)) == date(2026, 12, 16)
    assert christmas_party_date(date(2026, 12, 2)) == date(2026, 12, 16)
    assert christmas_party_date(date(2026, 12, 3)) == date(2027, 12, 16)
