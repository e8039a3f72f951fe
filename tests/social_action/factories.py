from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from social_action.enums import RequestStatus, SlotKind
from social_action.models import AidRequest, AidScheme, Event, SchemeBudget, Slot
from tests import pdfs
from tests.factories import EmployeeFactory

PDF_BYTES = pdfs.PDF_BYTES  # a real PDF: uploads are opened by a PDF parser


def scheme(code: str) -> AidScheme:
    """A scheme of the catalogue created by the data migration."""
    return AidScheme.objects.get(code=code)


class AidRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AidRequest

    class Params:
        submitted = factory.Trait(
            status=RequestStatus.SUBMITTED,
            submitted_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=3)),
        )

    requester = factory.SubFactory(EmployeeFactory, with_login=True)
    scheme = factory.LazyFunction(lambda: scheme("aide-exceptionnelle"))
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    amount_asked = Decimal("400")
    reason = "Réparation de la voiture"


class SchemeBudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchemeBudget

    scheme = factory.LazyFunction(lambda: scheme("aide-exceptionnelle"))
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    envelope = Decimal("1000")


class SlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Slot

    kind = SlotKind.OFFICE_HOURS
    starts_at = factory.Sequence(lambda n: timezone.now() + timedelta(days=2, hours=n))
    location = "Clavières, bureau 12"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    kind = "christmas"
    title = "Arbre de Noël"
    date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    registration_deadline = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=10))


def birth(years_ago: int, at: date | None = None) -> date:
    at = at or timezone.localdate()
    return date(at.year - years_ago, 1, 1)


def close_response(response) -> None:
    """Close a streamed (file) response without ending the test's database connection
    (``request_finished`` would run ``close_old_connections``), as Django's test client does."""
    from django.core.signals import request_finished
    from django.db import close_old_connections

    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
