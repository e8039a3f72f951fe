"""The admin site never changes nor deletes a published edition, even for a superuser."""

import pytest
from django.urls import reverse

from safety.models import DuerpEdition
from tests.factories import UserFactory
from tests.safety.test_views import make_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_edition_is_read_only_in_the_admin(admin_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    edition = make_edition(UserFactory())
    change = reverse("admin:safety_duerpedition_change", args=[edition.pk])
    page = admin_client.get(change)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert admin_client.post(change, {"note": "modifiée"}).status_code == 403
    delete = reverse("admin:safety_duerpedition_delete", args=[edition.pk])
    assert admin_client.get(delete).status_code == 403
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert admin_client.get(reverse("admin:safety_duerpedition_add")).status_code == 403
    changelist = reverse("admin:safety_duerpedition_changelist")
    response = admin_client.post(
        changelist, {"action": "delete_selected", "_selected_action": [edition.pk]}
    )
    assert response.status_code in (200, 302)
    edition = DuerpEdition.objects.get(pk=edition.pk)
    assert edition.note == ""


def test_other_safety_models_are_in_the_admin(admin_client):
    for name in ("workunit", "hazard", "riskentry", "actionitem", "ratingmethod"):
        assert admin_client.get(reverse(f"admin:safety_{name}_changelist")).status_code == 200
