"""Confidentiality matrix: every social-action URL, for each kind of visitor.

200 allowed, 403 wrong role, 404 someone else's (or a confidential) object, 405 wrong
method, 302 to the login page for anonymous visitors. HR and the director never open an
aid file nor a document: 404, like any other stranger to it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imtsocial.accounts.roles import Role
from social_action import services
from social_action.forms import checked_document
from tests.factories import UserFactory
from tests.social_action.factories import (
    PDF_BYTES,
    AidRequestFactory,
    EventFactory,
    SlotFactory,
    close_response,
)

pytestmark = pytest.mark.django_db

ANON, OWNER, OTHER, SA, HR, DIRECTOR = "anonymous", "owner", "other", "sa", "hr", "director"
OK = {ANON: 302, OWNER: 200, OTHER: 200, SA: 200, HR: 200, DIRECTOR: 200}

# url name → (target object, expected status per visitor) — GET requests
MATRIX = {
    "social_action:index": (None, OK),
    "social_action:scheme_list": (None, OK),
    "social_action:scheme_detail": ("scheme", OK),
    "social_action:request_new": ("scheme", OK | {DIRECTOR: 403}),
    "social_action:request_list": (None, OK | {DIRECTOR: 403}),
    "social_action:request_detail": ("request", OK | {OTHER: 404, HR: 404, DIRECTOR: 404}),
    "social_action:request_edit": ("request", OK | {OTHER: 404, HR: 404, DIRECTOR: 404, SA: 302}),
    "social_action:document_download": (
        "document",
        OK | {OTHER: 404, HR: 404, DIRECTOR: 404},
    ),
    "social_action:queue": (None, OK | {OWNER: 403, OTHER: 403, HR: 403, DIRECTOR: 403}),
    "social_action:statistics": (None, OK | {OWNER: 403, OTHER: 403}),
    "social_action:slot_list": (None, OK | {HR: 200, DIRECTOR: 403}),
    "social_action:budgets": (None, OK | {OWNER: 403, OTHER: 403, HR: 403, DIRECTOR: 403}),
    "social_action:slot_new": (None, OK | {OWNER: 403, OTHER: 403, HR: 403, DIRECTOR: 403}),
    "social_action:event_list": (None, OK | {DIRECTOR: 403}),
    "social_action:event_detail": ("event", OK | {DIRECTOR: 403}),
    "social_action:event_lists": (
        "event",
        OK | {OWNER: 403, OTHER: 403, HR: 403, DIRECTOR: 403},
    ),
}
# POST-only URLs: a GET answers 405 to everyone signed in.
POST_ONLY = {
    "social_action:request_submit": "request",
    "social_action:request_delete": "request",
    "social_action:request_documents": "request",
    "social_action:request_message": "request",
    "social_action:request_decide": "request",
    "social_action:slot_book": "slot",
    "social_action:booking_cancel": "booking",
    "social_action:event_register": "event",
    "social_action:event_unregister": "event",
}


@pytest.fixture
def world(make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    owner = make_user(Role.EMPLOYEE)
    aid = AidRequestFactory(requester=owner.employee)
    upload = checked_document(SimpleUploadedFile("avis.pdf", PDF_BYTES))
    document = services.aid_documents_add(request=aid, uploads=[upload], by=owner)[0]
    slot = SlotFactory()
    booking = services.slot_book(slot=SlotFactory(), employee=owner.employee, by=owner)
    visitors = {
        ANON: None,
        OWNER: owner,
        OTHER: make_user(Role.EMPLOYEE),
        SA: make_user(Role.SOCIAL_ACTION),
        HR: make_user(Role.HR),
        # The director holds no employee record here: aggregates only.
        DIRECTOR: UserFactory(roles=[Role.DIRECTOR]),
    }
    objects = {
        "scheme": aid.scheme,
        "request": aid,
        "document": document,
        "slot": slot,
        "booking": booking,
        "event": EventFactory(),
    }
    return objects, visitors


def _cases():
    for url_name, (target, expected) in MATRIX.items():
        for visitor, status in expected.items():
            yield pytest.param(url_name, target, visitor, status, id=f"{url_name}-{visitor}")


@pytest.mark.parametrize(("url_name", "target", "visitor", "status"), list(_cases()))
def test_social_action_permission_matrix(client, world, url_name, target, visitor, status):
    objects, visitors = world
    args = [objects[target].pk] if target else []
    if visitors[visitor] is not None:
        client.force_login(visitors[visitor])
    response = client.get(reverse(url_name, args=args))
    close_response(response)  # a streamed document holds its file open
    assert response.status_code == status
    if visitor == ANON:
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(("url_name", "target"), list(POST_ONLY.items()))
def test_post_only_urls_refuse_get(client, world, url_name, target):
    objects, visitors = world
    client.force_login(visitors[OWNER])
    assert client.get(reverse(url_name, args=[objects[target].pk])).status_code == 405


@pytest.mark.parametrize(
    "url_name",
    [
        "social_action:request_submit",
        "social_action:request_delete",
        "social_action:request_documents",
        "social_action:request_message",
        "social_action:request_decide",
    ],
)
@pytest.mark.parametrize("visitor", [OTHER, HR, DIRECTOR])
def test_strangers_posting_to_a_request_get_404(client, world, url_name, visitor):
    objects, visitors = world
    client.force_login(visitors[visitor])
    response = client.post(reverse(url_name, args=[objects["request"].pk]), {"body": "x"})
    assert response.status_code == 404


@pytest.mark.parametrize("visitor", [OTHER, HR])
def test_strangers_cannot_cancel_someone_elses_booking(client, world, visitor):
    objects, visitors = world
    client.force_login(visitors[visitor])
    response = client.post(reverse("social_action:booking_cancel", args=[objects["booking"].pk]))
    assert response.status_code in (403, 404)
    objects["booking"].refresh_from_db()
    assert objects["booking"].cancelled_at is None


def test_the_requester_cannot_decide_on_their_own_request(client, world):
    objects, visitors = world
    client.force_login(visitors[OWNER])
    aid = objects["request"]
    response = client.post(
        reverse("social_action:request_decide", args=[aid.pk]),
        {"action": "approve", "amount": "100", "version": aid.version},
    )
    assert response.status_code == 302
    aid.refresh_from_db()
    assert aid.status == "draft"
