"""Query budgets: every list page runs a constant number of queries, whatever the row count.

Each page is loaded at two sizes (10 and 200 rows): the same budget must hold for both,
so that an N+1 (a query per row) fails the test. The queue has its own in test_views."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from imtsocial.accounts.roles import Role, employee_of
from imtsocial.audit.models import AuditEvent
from social_action.enums import RequestStatus
from social_action.models import (
    AidDocument,
    AidMessage,
    AidScheme,
    Association,
    AssociationGrant,
    Booking,
    ChristmasChild,
    EventRegistration,
    SchemeBudget,
)
from tests.factories import EmployeeFactory
from tests.social_action.factories import (
    AidRequestFactory,
    EventFactory,
    SchemeBudgetFactory,
    SlotFactory,
    scheme,
)

pytestmark = pytest.mark.django_db

SIZES = [10, 200]


@pytest.fixture
def employee(make_user):
    return make_user(Role.EMPLOYEE)


@pytest.fixture
def correspondent(make_user):
    return make_user(Role.SOCIAL_ACTION)


def _people(count):
    """``count`` employees spread over a few departments (shared, as in real life)."""
    departments = [EmployeeFactory().department for _index in range(3)]
    return [EmployeeFactory(department=departments[i % 3]) for i in range(count)]


@pytest.mark.parametrize("rows", SIZES)
def test_own_requests_list(client, employee, rows, django_assert_num_queries):
    requester = employee_of(employee)
    schemes = list(AidScheme.objects.filter(on_request=True)[:3])
    for index in range(rows):
        AidRequestFactory(requester=requester, scheme=schemes[index % len(schemes)])
    AidRequestFactory()  # someone else's: never listed
    client.force_login(employee)
    # session, user, roles, employee, count, page (scheme joined)
    with django_assert_num_queries(6):
        response = client.get(reverse("social_action:request_list"))
    assert response.status_code == 200
    assert response.context["page"].paginator.count == rows


@pytest.mark.parametrize("rows", SIZES)
def test_scheme_catalogue(client, employee, rows, django_assert_num_queries):
    model = scheme("aide-exceptionnelle")
    AidScheme.objects.bulk_create(
        AidScheme(
            code=f"dispositif-{index}",
            name=f"Dispositif {index}",
            category=model.category,
            description=model.description,
            eligibility=model.eligibility,
            amount_mode=model.amount_mode,
            rule=model.rule,
            position=100 + index,
        )
        for index in range(rows)
    )
    client.force_login(employee)
    # session, user, roles, employee, schemes
    with django_assert_num_queries(5):
        response = client.get(reverse("social_action:scheme_list"))
    assert response.status_code == 200
    assert f"Dispositif {rows - 1}" in response.content.decode()


def _slots(rows, booked_by=None):
    """``rows`` upcoming slots; each booked by one of ``booked_by`` (cycled) if given."""
    slots = SlotFactory.create_batch(rows)
    if booked_by:
        Booking.objects.bulk_create(
            Booking(slot=slot, employee=booked_by[index % len(booked_by)])
            for index, slot in enumerate(slots)
        )
    return slots


@pytest.mark.parametrize("rows", SIZES)
def test_slots_for_the_correspondent(client, correspondent, rows, django_assert_num_queries):
    _slots(rows, booked_by=_people(rows))
    client.force_login(correspondent)
    # session, user, roles, employee, count, page, bookings, their employees,
    # own appointments
    with django_assert_num_queries(9):
        response = client.get(reverse("social_action:slot_list"))
    assert response.status_code == 200
    assert response.context["page"].paginator.count == rows


@pytest.mark.parametrize("rows", SIZES)
def test_slots_and_own_appointments_for_an_employee(
    client, employee, rows, django_assert_num_queries
):
    _slots(rows)  # free
    _slots(rows, booked_by=[employee_of(employee)])  # the employee's appointments
    client.force_login(employee)
    # session, user, roles, employee, count, own appointments (slot joined), page
    with django_assert_num_queries(7):
        response = client.get(reverse("social_action:slot_list"))
    assert response.status_code == 200
    assert response.context["page"].paginator.count == rows
    assert len(response.context["my_bookings"]) == rows


def _registrations(event, people, *, children=1):
    registrations = EventRegistration.objects.bulk_create(
        EventRegistration(event=event, employee=person) for person in people
    )
    ChristmasChild.objects.bulk_create(
        ChristmasChild(
            registration=registration, first_name=f"Enfant {n}", age=n, gift_category="eveil"
        )
        for registration in registrations
        for n in range(children)
    )
    return registrations


@pytest.mark.parametrize("rows", SIZES)
def test_events(client, employee, rows, django_assert_num_queries):
    people = _people(5)
    for index in range(rows):
        event = EventFactory(date=timezone.localdate() + timedelta(days=index))
        _registrations(event, people[: index % 5])
    client.force_login(employee)
    # session, user, roles, employee, count, page of events with their registration count
    with django_assert_num_queries(6):
        response = client.get(reverse("social_action:event_list"))
    assert response.status_code == 200
    assert len(response.context["page"]) == min(rows, 50)


@pytest.mark.parametrize("rows", SIZES)
def test_event_detail_with_many_children(client, employee, rows, django_assert_num_queries):
    event = EventFactory()
    _registrations(event, [employee_of(employee)], children=rows)
    _registrations(event, _people(rows))
    client.force_login(employee)
    # session, user, roles, employee, event, own registration, its children,
    # registration count, the gift categories in force (the children's age limit)
    with django_assert_num_queries(9):
        response = client.get(reverse("social_action:event_detail", args=[event.pk]))
    assert response.status_code == 200
    assert len(response.context["children"]) == rows


@pytest.mark.parametrize("rows", SIZES)
def test_christmas_buying_lists(client, correspondent, rows, django_assert_num_queries):
    event = EventFactory()
    _registrations(event, _people(rows), children=2)
    _registrations(EventFactory(), _people(3))  # another event: not listed
    client.force_login(correspondent)
    # session, user, roles, employee, event, children per category, the gift
    # categories in force, registrations (employee and department joined), their children
    with django_assert_num_queries(9):
        response = client.get(reverse("social_action:event_lists", args=[event.pk]))
    assert response.status_code == 200
    assert response.context["children_count"] == 2 * rows


@pytest.mark.parametrize("rows", SIZES)
def test_budgets(client, correspondent, rows, django_assert_num_queries):
    schemes = list(AidScheme.objects.all())
    SchemeBudget.objects.bulk_create(
        SchemeBudget(
            scheme=schemes[index % len(schemes)],
            year=2000 + index // len(schemes),
            envelope=Decimal("1000"),
        )
        for index in range(rows)
    )
    associations = list(Association.objects.order_by("code"))
    AssociationGrant.objects.bulk_create(
        AssociationGrant(
            association=associations[index % 2],
            year=1800 + index // 2,
            amount=Decimal("500"),
        )
        for index in range(rows)
    )
    client.force_login(correspondent)
    # session, user, roles, employee, scheme choices, association choices,
    # envelopes (scheme joined), grants (association joined)
    with django_assert_num_queries(8):
        response = client.get(reverse("social_action:budgets"))
    assert response.status_code == 200


def _busy_request(rows, *, reader):
    """A submitted request with ``rows`` documents, messages and access-log lines."""
    aid = AidRequestFactory(submitted=True)
    AidDocument.objects.bulk_create(
        AidDocument(
            request=aid,
            file=f"social_action/piece-{index}.pdf",
            original_name=f"piece-{index}.pdf",
            content_type="application/pdf",
            size=1000 + index,
            uploaded_by=aid.requester.user,
        )
        for index in range(rows)
    )
    AidMessage.objects.bulk_create(
        AidMessage(
            request=aid,
            author=aid.requester.user if index % 2 else reader,
            body=f"Message {index}",
        )
        for index in range(rows)
    )
    for document in aid.documents.all()[: rows // 2]:
        AuditEvent.log_download(actor=reader, obj=document, subject=aid.requester.user)
    for _index in range(rows - rows // 2):
        AuditEvent.log_view(actor=reader, obj=aid, subject=aid.requester.user)
    return aid


@pytest.mark.parametrize("rows", SIZES)
def test_request_file_for_the_requester(client, correspondent, rows, django_assert_num_queries):
    aid = _busy_request(rows, reader=correspondent)
    SchemeBudgetFactory(scheme=aid.scheme)
    client.force_login(aid.requester.user)
    # session, user, roles, employee, request, the scheme's cap (estimate), documents,
    # thread (author joined), document ids and access log
    with django_assert_num_queries(10):
        response = client.get(aid.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["thread"]) == rows
    assert len(response.context["documents"]) == rows
    assert len(response.context["access_log"]) == min(rows, 100)


@pytest.mark.parametrize("rows", SIZES)
def test_request_file_for_the_correspondent(client, correspondent, rows, django_assert_num_queries):
    aid = _busy_request(rows, reader=correspondent)
    SchemeBudgetFactory(scheme=aid.scheme)
    client.force_login(correspondent)
    # session, user, roles, employee, request, journaled view (insert), envelope,
    # consumed, the scheme's cap (estimate), documents, thread (author joined)
    with django_assert_num_queries(11):
        response = client.get(aid.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["thread"]) == rows
    assert response.context["access_log"] is None


@pytest.mark.parametrize("rows", SIZES)
def test_module_home(client, employee, rows, django_assert_num_queries):
    requester = employee_of(employee)
    AidRequestFactory.create_batch(rows, requester=requester, status=RequestStatus.SUBMITTED)
    _slots(rows, booked_by=[requester])
    client.force_login(employee)
    # session, user, roles, employee, open requests, appointments, contacts
    with django_assert_num_queries(7):
        response = client.get(reverse("social_action:index"))
    assert response.status_code == 200
    assert len(response.context["open_requests"]) == 10


@pytest.mark.parametrize("rows", SIZES)
def test_statistics(client, correspondent, rows, django_assert_num_queries):
    schemes = list(AidScheme.objects.filter(on_request=True))
    for index in range(rows):
        AidRequestFactory(
            scheme=schemes[index % len(schemes)],
            status=RequestStatus.PAID,
            amount_granted=Decimal("100"),
        )
    client.force_login(correspondent)
    # session, user, roles, employee, then six aggregate queries and the associations
    with django_assert_num_queries(11):
        response = client.get(reverse("social_action:statistics"))
    assert response.status_code == 200
