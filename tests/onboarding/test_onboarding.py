"""Onboarding: a checklist opens for a newcomer, each item is done by its owner only,
owners see their to-dos on « Mon espace », and « Qui fait quoi ? » lists the referents."""

from datetime import date, timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from hr.onboarding import services
from hr.onboarding.models import Onboarding, OnboardingItem, Referent, Topic
from imtsocial.accounts.roles import Role
from imtsocial.errors import DomainError
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def test_a_newcomer_gets_a_checklist_and_an_old_hand_does_not(make_user):
    manager = make_user(Role.EMPLOYEE)
    newcomer = EmployeeFactory(
        manager=manager.employee, hire_date=timezone.localdate() + timedelta(days=7)
    )
    recent = EmployeeFactory(hire_date=timezone.localdate() - timedelta(days=30))
    old = EmployeeFactory(hire_date=date(2015, 9, 1))
    assert Onboarding.objects.filter(employee=newcomer).exists()
    assert Onboarding.objects.filter(employee=recent).exists()  # 30 days: still recent
    assert not Onboarding.objects.filter(employee=old).exists()
    items = OnboardingItem.objects.filter(onboarding__employee=newcomer)
    assert items.count() == 7  # the seven migrated steps
    newcomer.job_title = "Technicienne"
    newcomer.save()  # a later save opens nothing more
    assert Onboarding.objects.filter(employee=newcomer).count() == 1


def test_each_item_is_done_by_its_owner_only(make_user):
    manager = make_user(Role.EMPLOYEE)
    newcomer = EmployeeFactory(manager=manager.employee, hire_date=timezone.localdate())
    items = {i.step.code: i for i in OnboardingItem.objects.filter(onboarding__employee=newcomer)}
    it, hr = make_user(Role.IT), make_user(Role.HR)
    with pytest.raises(DomainError, match="Informatique"):
        services.item_done(item=items["compte-informatique"], by=hr)
    services.item_done(item=items["compte-informatique"], by=it)
    with pytest.raises(DomainError, match="Responsable de l'agent"):
        services.item_done(item=items["presentation-equipe"], by=hr)
    services.item_done(item=items["presentation-equipe"], by=manager)
    with pytest.raises(DomainError, match="déjà faite"):
        services.item_done(item=items["presentation-equipe"], by=manager)
    assert (
        OnboardingItem.objects.filter(onboarding__employee=newcomer, done_on__isnull=False).count()
        == 2
    )


def test_owners_see_their_todos_and_strangers_get_404(client, make_user):
    manager = make_user(Role.EMPLOYEE)
    newcomer = EmployeeFactory(manager=manager.employee, hire_date=timezone.localdate())
    onboarding = Onboarding.objects.get(employee=newcomer)
    client.force_login(make_user(Role.IT))
    assert "2 étapes d'accueil à faire" in unescape(client.get(reverse("home")).content.decode())
    client.force_login(manager)
    assert "1 étape d'accueil à faire" in unescape(client.get(reverse("home")).content.decode())
    stranger = make_user(Role.EMPLOYEE)
    client.force_login(stranger)
    assert client.get(onboarding.get_absolute_url()).status_code == 404
    item = onboarding.items.first()
    assert client.post(reverse("onboarding:item_done", args=[item.pk])).status_code == 404


def test_who_does_what_lists_the_referents(client, make_user):
    head = make_user(Role.HR)
    Referent.objects.create(topic=Topic.HR_HEAD, employee=head.employee, note="Permanence le mardi")
    client.force_login(make_user(Role.EMPLOYEE))
    html = unescape(client.get(reverse("onboarding:who_does_what")).content.decode())
    assert head.employee.full_name in html and "Permanence le mardi" in html
