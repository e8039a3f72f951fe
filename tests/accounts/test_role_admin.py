"""Roles are granted on one intranet page, by a superuser or a role administrator, never to
oneself; each change is journaled and e-mailed (content-free); the admin site is closed."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

from imtsocial.accounts.models import User
from imtsocial.accounts.roles import ROLE_ADMIN_GROUP, Role, roles_of
from imtsocial.accounts.tasks import notify_roles_changed
from imtsocial.audit.models import AuditEvent
from imtsocial.outbox.models import OutboxMessage
from tests.factories import UserFactory, give_totp

pytestmark = pytest.mark.django_db


def _role_admin(make_user):
    admin = make_user(Role.EMPLOYEE)
    admin.groups.add(Group.objects.get(name=ROLE_ADMIN_GROUP))
    give_totp(admin)  # role administrators need a second factor too
    return User.objects.get(pk=admin.pk)


def test_hr_cannot_reach_the_admin_site_nor_the_roles_page(client, make_user):
    hr = make_user(Role.HR)
    client.force_login(hr)
    # before: the hr group could open the admin's user form and tick social_action
    response = client.get(reverse("admin:accounts_user_change", args=[hr.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    assert client.get(reverse("accounts:people")).status_code == 403
    response = client.post(
        reverse("accounts:person_roles", args=[hr.pk]), {"roles": ["social_action"]}
    )
    assert response.status_code == 403
    assert Role.SOCIAL_ACTION not in roles_of(User.objects.get(pk=hr.pk))


def test_the_admin_is_at_a_non_default_path_and_for_superusers_only(client, make_user):
    assert not reverse("admin:index").startswith("/admin/")
    superuser = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(superuser)
    assert client.get("/admin/").status_code == 404  # no admin there, even for a superuser
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_admin_sign_in_form_never_signs_in_around_the_second_factor(client):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    from tests.factories import PASSWORD

    response = client.post(
        reverse("admin:login"), {"username": superuser.email, "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"].startswith("/comptes/login/")
    assert "_auth_user_id" not in client.session


def test_a_superuser_without_second_factor_is_kept_out_of_the_admin(client):
    superuser = UserFactory(is_superuser=True, is_staff=True, totp=False)
    client.force_login(superuser)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_a_role_administrator_grants_and_removes_roles_journaled_and_emailed(
    client, make_user, django_capture_on_commit_callbacks
):
    admin = _role_admin(make_user)
    dpo = make_user(Role.DPO)
    person = make_user(Role.EMPLOYEE, Role.IT)
    client.force_login(admin)
    url = reverse("accounts:person_roles", args=[person.pk])
    page = client.get(url).content.decode()
    assert 'name="roles" value="it"' in page and "checked" in page
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(url, {"roles": ["hr", "social_action"]}, follow=True)
    assert "Rôles de" in response.content.decode()
    assert roles_of(User.objects.get(pk=person.pk)) >= {Role.HR, Role.SOCIAL_ACTION}
    assert Role.IT not in roles_of(User.objects.get(pk=person.pk))
    # two granted, one removed: three lines of the journal, by the administrator
    events = AuditEvent.objects.filter(object_id=str(person.pk), object_type="accounts.user")
    assert sorted(e.detail for e in events) == [
        "Rôle accordé : Action sociale",
        "Rôle accordé : Ressources humaines",
        "Rôle retiré : Informatique",
    ]
    assert {e.actor_id for e in events} == {admin.pk}
    assert OutboxMessage.objects.filter(task=notify_roles_changed.name).count() == 1
    # the task (run by the worker) writes to the person and to the DPO, without detail
    assert notify_roles_changed(person.pk) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([person.email, dpo.email])
    for message in mail.outbox:
        assert "Ressources humaines" not in message.body and "social" not in message.body
    # the history of the person's page shows them
    page = client.get(url).content.decode()
    assert "Rôle retiré : Informatique" in page


def test_nobody_changes_their_own_roles(client, make_user):
    admin = _role_admin(make_user)
    client.force_login(admin)
    url = reverse("accounts:person_roles", args=[admin.pk])
    assert "Vous ne pouvez pas modifier vos propres rôles" in client.get(url).content.decode()
    response = client.post(url, {"roles": ["hr"]})
    assert response.status_code == 200
    assert "Vous ne pouvez pas modifier vos propres rôles" in response.content.decode()
    assert Role.HR not in roles_of(User.objects.get(pk=admin.pk))
    assert not AuditEvent.objects.exists()


def test_a_superuser_may_grant_but_an_unknown_role_or_person_is_refused(client, make_user):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    person = make_user(Role.EMPLOYEE)
    client.force_login(superuser)
    url = reverse("accounts:person_roles", args=[person.pk])
    response = client.post(url, {"roles": ["employee", "superuser"]})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert client.get(reverse("accounts:person_roles", args=[999_999])).status_code == 404
    assert client.post(url, {"roles": ["dpo"]}).status_code == 302
    assert Role.DPO in roles_of(User.objects.get(pk=person.pk))


def test_a_role_administrator_without_second_factor_is_taken_to_its_setup(client, make_user):
    admin = make_user(Role.EMPLOYEE)
    admin.groups.add(Group.objects.get(name=ROLE_ADMIN_GROUP))
    client.force_login(admin)
    response = client.get(reverse("accounts:people"))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")


def test_the_permission_holder_may_use_the_page_and_the_permission_is_not_grantable_there(
    client, make_user
):
    holder = make_user(Role.EMPLOYEE)
    holder.user_permissions.add(Permission.objects.get(codename="manage_roles"))
    client.force_login(User.objects.get(pk=holder.pk))
    page = client.get(reverse("accounts:person_roles", args=[make_user(Role.EMPLOYEE).pk]))
    assert page.status_code == 200
    assert ROLE_ADMIN_GROUP not in page.content.decode()


def test_people_list_is_searchable_paginated_in_constant_queries(client, make_user, settings):
    settings.PAGE_SIZE = 3
    admin = _role_admin(make_user)
    client.force_login(admin)
    UserFactory(last_name="Zébulon", roles=[Role.HR])
    url = reverse("accounts:people")

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    count()  # the first page of a session writes it (second factor noted, activity)
    small = count()
    for _ in range(6):
        make_user(Role.IT)
    assert count() == small
    # 1 admin + 1 hr + 6 it = 8 people (the DPO alone is not there): « 8 personnes »
    assert "8 personnes" in client.get(url).content.decode()
    found = client.get(url, {"q": "zébul"}).content.decode()
    assert "1 personne" in found and "Ressources humaines" in found


def test_the_navigation_links_to_the_roles_page_for_role_admins_only(client, make_user):
    hr = make_user(Role.HR)
    client.force_login(hr)
    home = client.get(reverse("home")).content.decode()
    assert reverse("accounts:people") not in home
    assert reverse("admin:index") not in home
    client.force_login(_role_admin(make_user))
    assert reverse("accounts:people") in client.get(reverse("home")).content.decode()
