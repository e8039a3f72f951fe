"""The correspondent keeps the events and the associations (no longer only a superuser)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from imtsocial.accounts.roles import Role
from social_action import services, stats
from social_action.models import Association, AssociationGrant, Event
from tests.social_action.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def correspondent(make_user):
    return make_user(Role.SOCIAL_ACTION)


def test_the_correspondent_creates_an_event(client, correspondent):
    client.force_login(correspondent)
    response = client.post(
        reverse("social_action:event_new"),
        {
            "kind": "christmas",
            "title": "Arbre de Noël 2026",
            "date": "2026-12-16",
            "registration_deadline": "2026-12-01",
            "location": "Amphithéâtre",
        },
    )
    event = Event.objects.get(title="Arbre de Noël 2026")
    assert response.status_code == 302 and response.url == event.get_absolute_url()


def test_an_event_cannot_close_its_registrations_after_it_happened(client, correspondent):
    client.force_login(correspondent)
    response = client.post(
        reverse("social_action:event_new"),
        {
            "kind": "flu",
            "title": "Grippe",
            "date": "2026-11-05",
            "registration_deadline": "2026-11-20",
        },
    )
    assert (
        "au plus tard le jour de l" in response.context["form"].errors["registration_deadline"][0]
    )
    assert not Event.objects.exists()


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.HR, Role.DIRECTOR, None])
def test_nobody_else_manages_events_or_associations(client, user_with_role, role):
    event = EventFactory()
    association = Association.objects.first()
    client.force_login(user_with_role(role))
    assert client.get(reverse("social_action:association_list")).status_code == 403
    for url in (
        reverse("social_action:event_new"),
        reverse("social_action:event_edit", args=[event.pk]),
        reverse("social_action:association_new"),
        reverse("social_action:association_edit", args=[association.pk]),
    ):
        assert client.get(url).status_code == 403
        assert client.post(url, {"title": "x", "name": "x"}).status_code == 403
    assert Event.objects.count() == 1 and Association.objects.count() == 2


def test_a_new_association_gets_grants_and_is_in_the_figures(client, correspondent):
    client.force_login(correspondent)
    client.post(
        reverse("social_action:association_new"),
        {"name": "Club de théâtre", "code": "theatre", "active": "on"},
    )
    theatre = Association.objects.get(code="theatre")
    services.association_grant_set(
        association=theatre, year=2026, amount=Decimal("800"), note="", by=correspondent
    )
    grants = {g.association.code: g.amount for g in stats.grants_for_year(2026)}
    # every active association is listed, with 0 when it received nothing
    assert grants == {"theatre": Decimal("800"), "staff": Decimal("0"), "athema": Decimal("0")}


def test_an_inactive_association_keeps_its_past_grants_but_gets_no_new_one(client, correspondent):
    staff = Association.objects.get(code="staff")
    AssociationGrant.objects.create(association=staff, year=2020, amount=Decimal("18000"))
    client.force_login(correspondent)
    client.post(
        reverse("social_action:association_edit", args=[staff.pk]),
        {"name": staff.name, "code": "staff"},  # « active » unticked
    )
    assert {g.association.code for g in stats.grants_for_year(2020)} == {"staff", "athema"}
    assert "staff" not in {g.association.code for g in stats.grants_for_year(2027)}
    form = client.get(reverse("social_action:budgets")).context["grant_form"]
    assert staff not in form.fields["association"].queryset


def test_the_christmas_age_limit_is_the_oldest_gift_category(client, make_user):
    employee = make_user(Role.EMPLOYEE)
    event = EventFactory(date=date(2030, 12, 16), registration_deadline=date(2030, 12, 1))
    client.force_login(employee)
    url = reverse("social_action:event_register", args=[event.pk])
    response = client.post(url, {"first_name": "Léa", "age": "15"}, follow=True)
    assert "inférieure ou égale à 14" in response.content.decode()
    assert not event.registrations.exists()
    client.post(url, {"first_name": "Léa", "age": "14"})
    assert event.registrations.get().children.get().gift_category == "ados"
