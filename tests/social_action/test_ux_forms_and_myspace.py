"""[UX] points 5 and 6 in social_action/: the aid form keeps the attached document across
« Estimer mon aide », « Objet » has a maximum, « Mon espace » lists the person's requests
and appointments, booking and cancelling send content-free e-mails."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from imtsocial.accounts.roles import Role
from imtsocial.myspace import sections_of
from social_action import myspace, services
from social_action.enums import RequestStatus
from social_action.models import AidDocument, AidRequest, Booking
from tests.social_action.factories import PDF_BYTES, AidRequestFactory, SlotFactory, scheme
from tests.telework.conftest import _Inline

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"


def _new_url(code="aide-exceptionnelle"):
    return reverse("social_action:request_new", args=[scheme(code).pk])


def test_the_document_is_kept_across_the_estimate(client, make_user, tmp_path):
    client.force_login(make_user(Role.EMPLOYEE))
    upload = SimpleUploadedFile("devis.pdf", PDF_BYTES)
    response = client.post(
        _new_url(),
        {"amount_asked": "400", "reason": "Panne", "action": "estimate", "documents": [upload]},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Document joint : devis.pdf" in page and "conservé" in page
    assert not AidRequest.objects.exists() and not AidDocument.objects.exists()
    # kept server-side, in a private folder outside the media (never served)
    kept = list((tmp_path / "var" / "pending-uploads").iterdir())
    assert len(kept) == 1 and kept[0].read_bytes() == PDF_BYTES
    # « Déposer » without choosing the file again: it is attached
    response = client.post(
        _new_url(), {"amount_asked": "400", "reason": "Panne", "action": "submit"}
    )
    aid = AidRequest.objects.get()
    assert response.status_code == 302 and aid.status == RequestStatus.SUBMITTED
    assert list(aid.documents.values_list("original_name", flat=True)) == ["devis.pdf"]
    with aid.documents.get().file.open("rb") as stored:
        assert stored.read() == PDF_BYTES
    assert list((tmp_path / "var" / "pending-uploads").iterdir()) == []  # forgotten


def test_a_kept_document_can_be_dropped_and_is_only_for_its_session(client, make_user):
    client.force_login(make_user(Role.EMPLOYEE))
    upload = SimpleUploadedFile("devis.pdf", PDF_BYTES)
    client.post(
        _new_url(),
        {"amount_asked": "400", "reason": "Panne", "action": "estimate", "documents": [upload]},
    )
    # someone else's session sees nothing of it
    other = client.__class__()
    other.force_login(make_user(Role.EMPLOYEE))
    other_page = other.post(_new_url(), {"amount_asked": "400", "reason": "", "action": "estimate"})
    assert "devis.pdf" not in other_page.content.decode()
    # « Ne plus joindre ces documents »
    client.post(
        _new_url(),
        {"amount_asked": "400", "reason": "Panne", "action": "draft", "discard_kept": "1"},
    )
    assert AidRequest.objects.filter(documents__isnull=False).count() == 0


def test_an_error_elsewhere_keeps_the_document(client, make_user):
    client.force_login(make_user(Role.EMPLOYEE))
    upload = SimpleUploadedFile("devis.pdf", PDF_BYTES)
    response = client.post(
        _new_url(),
        {"amount_asked": "-5", "reason": "Panne", "action": "submit", "documents": [upload]},
    )
    assert "amount_asked" in response.context["form"].errors
    assert "Document joint : devis.pdf" in response.content.decode()


def test_the_object_has_a_maximum(client, make_user):
    client.force_login(make_user(Role.EMPLOYEE))
    response = client.post(
        _new_url(), {"amount_asked": "400", "reason": "x" * 102_000, "action": "submit"}
    )
    assert response.status_code == 200
    assert "au plus 2000 caractères" in response.context["form"].errors["reason"][0]
    assert not AidRequest.objects.exists()


def _aid_section(client):
    return next(
        (
            s
            for s in client.get(reverse("home")).context["sections"]
            if s.title == "Mes demandes d'aide sociale"
        ),
        None,
    )


def test_my_space_lists_my_requests_whatever_their_state(client, make_user):
    """The demo employee has three requests (paid, needs info…): the card was empty."""
    user = make_user(Role.EMPLOYEE)
    for status in (RequestStatus.PAID, RequestStatus.REJECTED, RequestStatus.NEEDS_INFO):
        AidRequestFactory(requester=user.employee, status=status)
    AidRequestFactory(status=RequestStatus.SUBMITTED)  # someone else's
    client.force_login(user)
    section = _aid_section(client)
    assert sorted(item.badge for item in section.items) == [
        "Complément demandé",
        "Refusée",
        "Versée",
    ]
    assert all(item.url for item in section.items)
    assert [item.detail for item in section.todo] == ["La correspondante attend un complément."]


def test_my_space_shows_a_booked_appointment(client, make_user):
    user = make_user(Role.EMPLOYEE)
    client.force_login(user)
    assert _aid_section(client) is None  # nothing to say
    slot = SlotFactory(starts_at=timezone.now() + timedelta(days=3))
    Booking.objects.create(slot=slot, employee=user.employee)
    cancelled = SlotFactory(starts_at=timezone.now() + timedelta(days=4))
    Booking.objects.create(slot=cancelled, employee=user.employee, cancelled_at=timezone.now())
    when = timezone.localtime(slot.starts_at)
    labels = [item.label for item in _aid_section(client).items]
    assert labels == [f"Rendez-vous le {when:%d/%m/%Y} à {when:%H:%M}"]


@pytest.mark.parametrize("size", [2, 12])
def test_my_space_of_an_employee_constant_queries(
    client, make_user, django_assert_num_queries, size
):
    user = make_user(Role.EMPLOYEE)
    AidRequestFactory.create_batch(size, requester=user.employee)
    for _ in range(size):
        Booking.objects.create(slot=SlotFactory(), employee=user.employee)
    client.force_login(user)
    request = client.get(reverse("home")).wsgi_request
    # the batch (has a request, has a coming appointment: on the page, the statement
    # every app's counters share), the latest requests, the next appointments
    with django_assert_num_queries(3):
        sections = sections_of(myspace.sections, request)
    # the latest requests (5 at most), the next appointments (3 at most)
    assert len(sections[0].items) == min(size, 5) + min(size, 3)


def test_my_space_of_an_employee_without_aid_reads_no_list(
    client, make_user, django_assert_num_queries
):
    client.force_login(make_user(Role.EMPLOYEE))
    request = client.get(reverse("home")).wsgi_request
    with django_assert_num_queries(1):  # the batch: no request, no coming appointment
        assert sections_of(myspace.sections, request) == []


def test_booking_and_cancelling_email_the_person_and_the_correspondent(
    make_user, monkeypatch, mailoutbox, django_capture_on_commit_callbacks
):
    import social_action.tasks

    monkeypatch.setattr(
        social_action.tasks, "notify_booking", _Inline(social_action.tasks.notify_booking)
    )
    person = make_user(Role.EMPLOYEE)
    correspondent = make_user(Role.SOCIAL_ACTION)
    slot = SlotFactory(kind="psychologist")
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.slot_book(slot=slot, employee=person.employee, by=person)
    assert sorted(m.to[0] for m in mailoutbox) == sorted([person.email, correspondent.email])
    for message in mailoutbox:  # content-free: neither the kind nor the name
        text = message.subject + message.body
        assert "sychologue" not in text and person.employee.last_name not in text
        assert "réservé" in message.subject
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_cancel(booking=booking, by=person)
    assert len(mailoutbox) == 2 and all("annulé" in m.subject for m in mailoutbox)


@pytest.mark.parametrize("name", ["devis.pdf", "€€€.pdf", ".pdf"])
def test_the_estimate_of_an_invalid_form_shows_the_errors_and_keeps_the_document(
    client, make_user, name
):
    """The bug: a document whose name leaves no usable stem (« €€€.pdf », « .pdf ») made
    « Estimer mon aide » answer HTTP 400 with no form. Now the form comes back (200) with
    the error next to its field and the document kept."""
    client.force_login(make_user(Role.EMPLOYEE))
    upload = SimpleUploadedFile(name, PDF_BYTES)
    response = client.post(
        _new_url(),
        {"amount_asked": "-5", "reason": "Panne", "action": "estimate", "documents": [upload]},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["amount_asked"] == ["Le montant ne peut pas être négatif."]
    assert "documents" not in form.errors
    page = response.content.decode()
    assert "Le montant ne peut pas être négatif." in page
    assert "Document joint :" in page and "conservé" in page
    assert not AidRequest.objects.exists()
    # corrected, then submitted without choosing the file again: it is attached
    response = client.post(
        _new_url(), {"amount_asked": "400", "reason": "Panne", "action": "submit"}
    )
    assert response.status_code == 302
    assert AidRequest.objects.get().documents.count() == 1
