"""Workflow, budget envelope, documents and concurrency of the social-action services."""

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from imtsocial.accounts.roles import Role
from imtsocial.audit.models import AuditEvent
from imtsocial.errors import ConcurrentChangeError, IllegalTransitionError
from social_action import services, stats
from social_action.enums import RequestStatus
from social_action.forms import checked_document
from social_action.models import AidDocument, AidMessage, AidRequest, HouseholdFacts
from tests.social_action.factories import PDF_BYTES, AidRequestFactory, SchemeBudgetFactory, scheme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def correspondent(make_user):
    return make_user(Role.SOCIAL_ACTION)


def pdf(name="avis.pdf", content=PDF_BYTES):
    return checked_document(SimpleUploadedFile(name, content, content_type="application/pdf"))


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_the_whole_workflow(correspondent, django_capture_on_commit_callbacks):
    aid = AidRequestFactory()
    user = aid.requester.user
    SchemeBudgetFactory()
    with django_capture_on_commit_callbacks():
        aid = services.aid_request_save(request=aid, uploads=[pdf()], submit=True, by=user)
    assert aid.status == RequestStatus.SUBMITTED and aid.submitted_at
    aid = services.aid_request_ask_info(request=aid, message="Un devis, SVP", by=correspondent)
    assert aid.status == RequestStatus.NEEDS_INFO
    assert AidMessage.objects.get(request=aid).body == "Un devis, SVP"
    aid = services.aid_request_submit(request=aid, by=user)
    aid = services.aid_request_approve(request=aid, amount=Decimal("350"), by=correspondent)
    assert (aid.status, aid.amount_granted) == (RequestStatus.APPROVED, Decimal("350.00"))
    aid = services.aid_request_mark_paid(request=aid, by=correspondent)
    assert aid.status == RequestStatus.PAID and aid.paid_at
    statuses = list(aid.history.order_by("history_id").values_list("status", flat=True))
    # created by the factory, saved with its document, then each move
    assert statuses == [
        "draft",
        "draft",
        "submitted",
        "needs_info",
        "submitted",
        "approved",
        "paid",
    ]
    assert aid.history.filter(history_user=correspondent).count() == 3


@pytest.mark.parametrize(
    ("start", "move"),
    [
        (RequestStatus.DRAFT, "approve"),
        (RequestStatus.NEEDS_INFO, "approve"),
        (RequestStatus.SUBMITTED, "pay"),
        (RequestStatus.REJECTED, "pay"),
        (RequestStatus.PAID, "reject"),
        (RequestStatus.APPROVED, "submit"),
        (RequestStatus.PAID, "ask"),
    ],
)
def test_illegal_transitions_are_refused_in_french(correspondent, start, move):
    SchemeBudgetFactory()
    aid = AidRequestFactory(status=start)
    calls = {
        "approve": lambda: services.aid_request_approve(
            request=aid, amount=Decimal("10"), by=correspondent
        ),
        "pay": lambda: services.aid_request_mark_paid(request=aid, by=correspondent),
        "reject": lambda: services.aid_request_reject(request=aid, note="non", by=correspondent),
        "submit": lambda: services.aid_request_submit(request=aid, by=aid.requester.user),
        "ask": lambda: services.aid_request_ask_info(request=aid, message="?", by=correspondent),
    }
    label = RequestStatus(start).label
    with pytest.raises(IllegalTransitionError, match=f"pas possible dans l'état « {label} »"):
        calls[move]()
    aid.refresh_from_db()
    assert aid.status == start


def test_a_stale_version_is_refused(correspondent):
    aid = AidRequestFactory(submitted=True)
    stale = aid.version
    services.aid_request_ask_info(request=aid, message="Pièce ?", by=correspondent)
    with pytest.raises(ConcurrentChangeError):
        services.aid_request_reject(request=aid, note="non", by=correspondent, version=stale)


def test_approval_is_refused_past_the_envelope_unless_overridden(correspondent):
    # Envelope 1 000 €: 700 € already granted; 400 € more would make 1 100 €.
    SchemeBudgetFactory(envelope=Decimal("1000"))
    AidRequestFactory(status=RequestStatus.PAID, amount_granted=Decimal("700"))
    aid = AidRequestFactory(submitted=True)
    with pytest.raises(services.SocialActionError, match="dépasserait l'enveloppe"):
        services.aid_request_approve(request=aid, amount=Decimal("400"), by=correspondent)
    # 300 € fits exactly (700 + 300 = 1 000).
    fits = AidRequestFactory(submitted=True)
    services.aid_request_approve(request=fits, amount=Decimal("300"), by=correspondent)
    approved = services.aid_request_approve(
        request=aid, amount=Decimal("400"), by=correspondent, override_reason="Urgence logement"
    )
    assert approved.over_budget_reason == "Urgence logement"
    assert stats.budget_consumed(approved.scheme_id, approved.year) == Decimal("1400")
    assert AuditEvent.objects.filter(object_id=str(aid.pk), action="change").exists()


def test_approval_over_the_scheme_cap_is_refused(correspondent):
    SchemeBudgetFactory(envelope=Decimal("10000"))
    aid = AidRequestFactory(submitted=True)
    with pytest.raises(services.SocialActionError, match="plafond"):
        services.aid_request_approve(request=aid, amount=Decimal("1500.01"), by=correspondent)


def test_approval_without_an_envelope_is_refused(correspondent):
    aid = AidRequestFactory(submitted=True)
    with pytest.raises(services.SocialActionError, match="Aucune enveloppe"):
        services.aid_request_approve(request=aid, amount=Decimal("10"), by=correspondent)


def test_a_request_for_an_ineligible_scheme_is_refused_and_nothing_is_saved(make_user):
    user = make_user(Role.EMPLOYEE)
    aid = AidRequest(
        requester=user.employee,
        scheme=scheme("cesu-garde"),
        year=2024,
        household="couple",
        reference_income=Decimal("30000"),
        tax_shares=Decimal("2"),
        child_birth_date=date(2010, 1, 1),  # far past 6 years old
        months=12,
    )
    with pytest.raises(services.SocialActionError, match="moins de 6 ans"):
        services.aid_request_save(request=aid, uploads=[pdf()], submit=False, by=user)
    assert not AidRequest.objects.exists() and not AidDocument.objects.exists()


def test_a_failed_upload_leaves_no_request_and_no_file(make_user, monkeypatch, tmp_path):
    user = make_user(Role.EMPLOYEE)
    aid = AidRequestFactory.build(requester=user.employee)
    uploads = [pdf("one.pdf"), pdf("two.pdf")]
    calls = []
    real = services.aid_document_add

    def failing(**kwargs):
        if calls:
            raise OSError("disk full")
        calls.append(1)
        return real(**kwargs)

    monkeypatch.setattr(services, "aid_document_add", failing)
    with pytest.raises(OSError):
        services.aid_request_save(request=aid, uploads=uploads, submit=False, by=user)
    assert not AidRequest.objects.exists()
    stored = list((tmp_path / "media").rglob("*.pdf"))
    assert stored == []


def test_household_facts_are_kept_per_income_year(make_user):
    user = make_user(Role.EMPLOYEE)
    aid = AidRequest(
        requester=user.employee,
        scheme=scheme("cesu-garde"),
        year=2025,
        household="single",
        reference_income=Decimal("25000"),
        tax_shares=Decimal("2"),
        child_birth_date=date(2023, 1, 1),
        months=12,
    )
    services.aid_request_save(request=aid, uploads=[], submit=False, by=user)
    facts = HouseholdFacts.objects.get(employee=user.employee)
    assert (facts.income_year, facts.reference_income) == (2023, Decimal("25000"))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("faux.pdf", b"MZ\x90\x00 this is an executable"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + b"not really a png"),
        ("photo.jpg", b"\xff\xd8\xff\xe0 broken jpeg"),
        ("note.txt", b"%PD no"),
    ],
)
def test_documents_are_checked_by_content(name, content):
    with pytest.raises(ValidationError, match="n'est pas un document PDF, JPEG ou PNG"):
        checked_document(SimpleUploadedFile(name, content))


def test_a_real_png_with_a_misleading_name_is_accepted_as_png():
    upload = checked_document(SimpleUploadedFile("../../etc/passwd.pdf", png_bytes()))
    assert upload.checked_type == "image/png"
    assert upload.safe_name == "passwd.png"


def test_a_document_over_the_limit_is_refused(settings):
    settings.SOCIAL_ACTION_MAX_UPLOAD_BYTES = 100
    with pytest.raises(ValidationError, match="dépasse la taille maximale"):
        checked_document(SimpleUploadedFile("gros.pdf", PDF_BYTES + b"0" * 100))


def test_deleting_a_request_deletes_its_files(make_user, django_capture_on_commit_callbacks):
    user = make_user(Role.EMPLOYEE)
    aid = AidRequestFactory(requester=user.employee)
    services.aid_documents_add(request=aid, uploads=[pdf()], by=user)
    name = AidDocument.objects.get().file.name
    assert default_storage.exists(name)
    assert name.startswith(f"social_action/{aid.pk}/")
    with django_capture_on_commit_callbacks(execute=True):
        services.aid_request_delete(request=aid, by=user)
    assert not AidRequest.objects.exists()
    assert not default_storage.exists(name)


def test_only_a_draft_can_be_deleted(make_user):
    aid = AidRequestFactory(submitted=True)
    with pytest.raises(services.SocialActionError):
        services.aid_request_delete(request=aid, by=aid.requester.user)


def test_a_slot_is_booked_once(make_user):
    from tests.social_action.factories import SlotFactory

    slot = SlotFactory()
    first, second = make_user(Role.EMPLOYEE), make_user(Role.EMPLOYEE)
    services.slot_book(slot=slot, employee=first.employee, by=first)
    with pytest.raises(services.SocialActionError, match="vient d'être réservé"):
        services.slot_book(slot=slot, employee=second.employee, by=second)


def test_a_cancelled_booking_frees_the_slot(make_user):
    from tests.social_action.factories import SlotFactory

    slot = SlotFactory()
    first, second = make_user(Role.EMPLOYEE), make_user(Role.EMPLOYEE)
    booking = services.slot_book(slot=slot, employee=first.employee, by=first)
    services.booking_cancel(booking=booking, by=first)
    with pytest.raises(services.SocialActionError, match="déjà annulé"):
        services.booking_cancel(booking=booking, by=first)
    services.slot_book(slot=slot, employee=second.employee, by=second)


def test_christmas_children_get_their_gift_category(make_user):
    from tests.social_action.factories import EventFactory

    user = make_user(Role.EMPLOYEE)
    event = EventFactory()
    registration = services.event_register(
        event=event,
        employee=user.employee,
        children=[{"first_name": "Léa", "age": 2}, {"first_name": "Hugo", "age": 9}],
        by=user,
    )
    assert sorted(registration.children.values_list("gift_category", flat=True)) == [
        "eveil",
        "grands",
    ]


def test_registration_after_the_deadline_is_refused(make_user):
    from tests.social_action.factories import EventFactory

    user = make_user(Role.EMPLOYEE)
    event = EventFactory(registration_deadline=date.today() - timedelta(days=1))
    with pytest.raises(services.SocialActionError, match="closes"):
        services.event_register(event=event, employee=user.employee, children=[], by=user)
