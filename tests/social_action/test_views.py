"""The pages: happy paths, bad input refused in French, query budgets, aggregates."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from imtsocial.accounts.roles import Role
from imtsocial.audit.models import AuditEvent
from social_action.enums import RequestStatus
from social_action.models import AidDocument, AidRequest, Booking, ChristmasChild
from tests.factories import EmployeeFactory
from tests.social_action.factories import (
    PDF_BYTES,
    AidRequestFactory,
    EventFactory,
    SchemeBudgetFactory,
    SlotFactory,
    close_response,
    scheme,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def employee(make_user):
    return make_user(Role.EMPLOYEE)


@pytest.fixture
def correspondent(make_user):
    return make_user(Role.SOCIAL_ACTION)


def _new_url(code):
    return reverse("social_action:request_new", args=[scheme(code).pk])


def _cesu_data(**extra):
    return {
        "household": "couple",
        "reference_income": "30000",
        "tax_shares": "3",
        "child_birth_date": (timezone.localdate() - timedelta(days=700)).isoformat(),
        "months": "6",
    } | extra


def test_the_form_asks_only_what_the_scheme_needs(client, employee):
    client.force_login(employee)
    cesu = client.get(_new_url("cesu-garde")).context["form"]
    assert set(cesu.fields) == {
        "household",
        "reference_income",
        "tax_shares",
        "child_birth_date",
        "months",
        "documents",
        "version",
    }
    aid = client.get(_new_url("aide-exceptionnelle")).context["form"]
    assert set(aid.fields) == {"amount_asked", "reason", "documents", "version"}


def test_the_estimate_is_shown_before_anything_is_saved(client, employee):
    client.force_login(employee)
    response = client.post(_new_url("cesu-garde"), _cesu_data(action="estimate"))
    assert response.status_code == 200
    # Couple, 3 shares, RFR 30 000 € ≤ 38 000 €: band 1, 700 €/year × 6/12 = 350 €.
    assert response.context["estimate"].amount == Decimal("350.00")
    assert "350,00" in response.content.decode()
    assert not AidRequest.objects.exists()


def test_an_employee_submits_a_request_with_a_pdf(client, employee):
    client.force_login(employee)
    upload = SimpleUploadedFile("Avis d'impôt 2022.pdf", PDF_BYTES)
    response = client.post(_new_url("cesu-garde"), _cesu_data(action="submit", documents=[upload]))
    aid = AidRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == aid.get_absolute_url()
    assert aid.status == RequestStatus.SUBMITTED and aid.amount_estimated == Decimal("350.00")
    document = AidDocument.objects.get()
    assert document.original_name == "Avis_dimpôt_2022.pdf"
    assert document.content_type == "application/pdf"


def test_a_fake_pdf_is_refused_and_nothing_is_saved(client, employee):
    client.force_login(employee)
    upload = SimpleUploadedFile("avis.pdf", b"<html>not a pdf</html>")
    response = client.post(_new_url("cesu-garde"), _cesu_data(action="submit", documents=[upload]))
    assert response.status_code == 200
    assert "n&#x27;est pas un document PDF, JPEG ou PNG valide" in response.content.decode()
    assert not AidRequest.objects.exists() and not AidDocument.objects.exists()


def test_a_file_over_the_limit_is_refused(client, employee, settings):
    settings.SOCIAL_ACTION_MAX_UPLOAD_BYTES = 1024
    client.force_login(employee)
    upload = SimpleUploadedFile("gros.pdf", PDF_BYTES + b"0" * 2000)
    response = client.post(_new_url("cesu-garde"), _cesu_data(action="submit", documents=[upload]))
    assert "dépasse la taille maximale de 1,0" in response.content.decode()
    assert not AidRequest.objects.exists()


def test_an_amount_over_the_cap_is_refused(client, employee):
    client.force_login(employee)
    response = client.post(
        _new_url("aide-exceptionnelle"),
        {"amount_asked": "1600", "reason": "Panne", "action": "submit"},
    )
    assert "dépasse le plafond du dispositif" in response.content.decode()
    assert not AidRequest.objects.exists()


def test_an_ineligible_request_is_refused(client, employee):
    client.force_login(employee)
    old_child = date(timezone.localdate().year - 9, 1, 1).isoformat()
    response = client.post(
        _new_url("cesu-garde"), _cesu_data(action="submit", child_birth_date=old_child)
    )
    assert "moins de 6 ans" in response.content.decode()
    assert not AidRequest.objects.exists()


def test_a_scheme_without_individual_request_has_no_form(client, employee):
    client.force_login(employee)
    assert client.get(_new_url("subvention-repas")).status_code == 404


def test_correspondent_reads_are_logged_and_shown_to_the_requester(
    client, employee, correspondent, django_capture_on_commit_callbacks
):
    aid = AidRequestFactory(requester=employee.employee, submitted=True)
    from social_action import services
    from social_action.forms import checked_document

    document = services.aid_documents_add(
        request=AidRequestFactory(requester=employee.employee),
        uploads=[checked_document(SimpleUploadedFile("a.pdf", PDF_BYTES))],
        by=employee,
    )[0]
    client.force_login(correspondent)
    client.get(aid.get_absolute_url())
    response = client.get(reverse("social_action:document_download", args=[document.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == PDF_BYTES
    close_response(response)
    assert AuditEvent.objects.filter(actor=correspondent, action="view").count() == 1
    assert AuditEvent.objects.filter(actor=correspondent, action="download").count() == 1
    # The requester's own reads are not journaled; they see the correspondent's.
    client.force_login(employee)
    page = client.get(document.request.get_absolute_url())
    assert [e.action for e in page.context["access_log"]] == ["download"]
    page = client.get(aid.get_absolute_url())
    assert [e.actor_label for e in page.context["access_log"]] == [str(correspondent)]
    assert AuditEvent.objects.filter(actor=employee).count() == 0


def test_the_correspondent_asks_for_information_then_approves_within_the_envelope(
    client, employee, correspondent
):
    SchemeBudgetFactory(envelope=Decimal("500"))
    aid = AidRequestFactory(requester=employee.employee, submitted=True)
    url = reverse("social_action:request_decide", args=[aid.pk])
    client.force_login(correspondent)
    client.post(url, {"action": "ask_info", "message": "Un devis ?", "version": aid.version})
    aid.refresh_from_db()
    assert aid.status == RequestStatus.NEEDS_INFO
    client.force_login(employee)
    client.post(
        reverse("social_action:request_message", args=[aid.pk]), {"body": "Voici le devis."}
    )
    client.post(reverse("social_action:request_submit", args=[aid.pk]), {"version": aid.version})
    aid.refresh_from_db()
    assert aid.status == RequestStatus.SUBMITTED
    client.force_login(correspondent)
    response = client.post(
        url, {"action": "approve", "amount": "600", "version": aid.version}, follow=True
    )
    assert "dépasserait l&#x27;enveloppe" in response.content.decode()
    aid.refresh_from_db()
    assert aid.status == RequestStatus.SUBMITTED
    client.post(
        url,
        {
            "action": "approve",
            "amount": "600",
            "version": aid.version,
            "override_reason": "Urgence",
        },
    )
    aid.refresh_from_db()
    assert (aid.status, aid.amount_granted) == (RequestStatus.APPROVED, Decimal("600"))
    # « > 1 000 € »? no: the scheme's cap is 1 500 €; the override is recorded.
    assert aid.over_budget_reason == "Urgence"


def test_a_decision_on_a_stale_page_is_refused(client, correspondent):
    aid = AidRequestFactory(submitted=True)
    client.force_login(correspondent)
    response = client.post(
        reverse("social_action:request_decide", args=[aid.pk]),
        {"action": "reject", "message": "Non", "version": aid.version - 1},
        follow=True,
    )
    assert "Quelqu&#x27;un d&#x27;autre a modifié cet élément" in response.content.decode()


def _queue_rows(count):
    people = EmployeeFactory.create_batch(3)
    for index in range(count):
        AidRequestFactory(
            requester=people[index % 3],
            status=RequestStatus.SUBMITTED,
            submitted_at=timezone.now() - timedelta(days=index),
        )


@pytest.mark.parametrize("rows", [10, 200])
def test_the_queue_runs_a_constant_number_of_queries(
    client, correspondent, rows, django_assert_num_queries
):
    _queue_rows(rows)
    SchemeBudgetFactory()
    client.force_login(correspondent)
    # session, user, roles (2), filter choices (schemes), count, page rows, budgets,
    # the delay parameter (late requests)
    with django_assert_num_queries(9):
        response = client.get(reverse("social_action:queue"))
    page = response.context["page"]
    # Oldest first: the row submitted (rows - 1) days ago comes first, and is late.
    first = page.object_list[0]
    assert first.age_days == rows - 1
    assert first.late is (first.age_days > 15)


def test_the_queue_filters_by_status(client, correspondent):
    AidRequestFactory(submitted=True)
    AidRequestFactory(status=RequestStatus.PAID, submitted_at=timezone.now())
    AidRequestFactory()  # a draft is never in the queue
    client.force_login(correspondent)
    assert client.get(reverse("social_action:queue")).context["page"].paginator.count == 1
    everything = client.get(reverse("social_action:queue") + "?status=all")
    assert everything.context["page"].paginator.count == 2


def test_hr_sees_only_masked_aggregates(client, make_user):
    year = timezone.localdate().year
    for _index in range(6):
        AidRequestFactory(status=RequestStatus.PAID, amount_granted=Decimal("100"))
    for _index in range(2):
        AidRequestFactory(
            scheme=scheme("allocation-superieur"),
            status=RequestStatus.PAID,
            amount_granted=Decimal("300"),
        )
    client.force_login(make_user(Role.HR))
    response = client.get(reverse("social_action:statistics") + f"?annee={year}")
    html = response.content.decode()
    figures = response.context["figures"]["by_code"]
    assert figures["aide-exceptionnelle"].masked_beneficiaries == "6"
    assert figures["aide-exceptionnelle"].masked_amount == Decimal("600")
    assert figures["allocation-superieur"].masked_beneficiaries == "< 5"
    assert figures["allocation-superieur"].masked_amount is None
    assert "&lt; 5" in html
    assert "600,00 €" in html.replace("\xa0", " ")
    assert "Réparation" not in html  # no request content, no names


def test_statistics_open_on_the_last_closed_year(client, make_user):
    client.force_login(make_user(Role.HR))
    response = client.get(reverse("social_action:statistics"))
    assert response.context["year"] == timezone.localdate().year - 1
    # the choice is shown: the year selector has last year selected
    assert f'<option value="{timezone.localdate().year - 1}" selected>' in response.content.decode()


def test_the_small_group_threshold_is_the_setting_on_the_page(client, make_user, settings):
    settings.SMALL_GROUP_THRESHOLD = 3
    for _index in range(2):
        AidRequestFactory(status=RequestStatus.PAID, amount_granted=Decimal("100"))
    client.force_login(make_user(Role.HR))
    # The page opens on the last closed year (31 December of last year, as every
    # statistics page); the two requests are of this year, so ask for it.
    year = timezone.localdate().year
    response = client.get(reverse("social_action:statistics") + f"?annee={year}")
    html = response.content.decode()
    assert "groupes de moins de 3 personnes sont indiqués « &lt; 3 »" in html
    assert response.context["figures"]["by_code"]["aide-exceptionnelle"].masked_beneficiaries == (
        "< 3"
    )


def test_an_employee_books_and_cancels_a_slot(client, employee):
    slot = SlotFactory()
    client.force_login(employee)
    client.post(reverse("social_action:slot_book", args=[slot.pk]))
    booking = Booking.objects.get()
    listing = client.get(reverse("social_action:slot_list"))
    assert list(listing.context["page"]) == []  # the booked slot is no longer offered
    assert listing.context["my_bookings"] == [booking]
    client.post(reverse("social_action:booking_cancel", args=[booking.pk]))
    booking.refresh_from_db()
    assert booking.cancelled_at is not None


def test_the_correspondent_publishes_consecutive_slots(client, correspondent):
    client.force_login(correspondent)
    start = (timezone.localtime() + timedelta(days=3)).replace(hour=9, minute=0, second=0)
    response = client.post(
        reverse("social_action:slot_new"),
        {
            "kind": "lawyer",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": "45",
            "location": "Salle 2",
            "count": "3",
        },
    )
    assert response.status_code == 302
    listing = client.get(reverse("social_action:slot_list"))
    times = [timezone.localtime(s.starts_at).strftime("%H:%M") for s in listing.context["page"]]
    assert times == ["09:00", "09:45", "10:30"]


def test_an_employee_registers_children_for_christmas(client, employee, correspondent):
    event = EventFactory()
    client.force_login(employee)
    url = reverse("social_action:event_register", args=[event.pk])
    client.post(url, {"first_name": "Léa", "age": "4"})
    client.post(url, {"first_name": "Tom", "age": "12"})
    response = client.post(url, {"first_name": "Max", "age": "15"}, follow=True)
    assert "inférieure ou égale à 14" in response.content.decode()
    assert ChristmasChild.objects.count() == 2
    client.force_login(correspondent)
    lists = client.get(reverse("social_action:event_lists", args=[event.pk]))
    counts = {c["code"]: c["count"] for c in lists.context["categories"]}
    assert lists.context["children_count"] == 2
    assert (counts["petits"], counts["ados"], counts["eveil"]) == (1, 1, 0)


def test_my_space_shows_the_request_waiting_for_the_employee(client, employee):
    AidRequestFactory(requester=employee.employee, status=RequestStatus.NEEDS_INFO)
    client.force_login(employee)
    html = client.get(reverse("home")).content.decode()
    assert "Mes demandes d&#x27;aide sociale" in html
    assert "La correspondante attend un complément." in html


def test_my_space_shows_the_correspondent_queue(client, correspondent):
    AidRequestFactory(submitted=True)
    AidRequestFactory(
        status=RequestStatus.SUBMITTED, submitted_at=timezone.now() - timedelta(days=20)
    )
    client.force_login(correspondent)
    html = client.get(reverse("home")).content.decode()
    assert "2 demandes d&#x27;aide à instruire" in html
    assert "1 hors délai" in html


def test_the_correspondent_sets_an_envelope_and_a_grant(client, correspondent):
    client.force_login(correspondent)
    url = reverse("social_action:budgets")
    data = {"form": "budget", "budget-scheme": scheme("aip").pk, "budget-year": "2025"}
    client.post(url, data | {"budget-envelope": "5000"})
    client.post(url, data | {"budget-envelope": "6000"})  # the same year: updated
    from social_action.models import Association, AssociationGrant, SchemeBudget

    assert list(SchemeBudget.objects.values_list("year", "envelope")) == [(2025, Decimal("6000"))]
    client.post(
        url,
        {
            "form": "grant",
            "grant-association": Association.objects.get(code="athema").pk,
            "grant-year": "2025",
            "grant-amount": "3500",
        },
    )
    client.post(
        url,
        {
            "form": "grant",
            "grant-association": Association.objects.get(code="athema").pk,
            "grant-year": "2025",
            "grant-amount": "3600",
        },
    )
    assert AssociationGrant.objects.get().amount == Decimal("3600")
