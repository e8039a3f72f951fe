"""Deny by default: every page checks the role; anonymous users go to the login page."""

import pytest
from django.urls import reverse

from imtsocial.accounts.roles import Role

pytestmark = pytest.mark.django_db

# One page of each app, and who may open it.
APP_PAGES = {
    "hr:my_file": {
        Role.EMPLOYEE,
        Role.MANAGER,
        Role.HR,
        Role.IT,
        Role.SOCIAL_ACTION,
        Role.PREVENTION,
        Role.TALENT_DEVELOPER,
        Role.DIRECTOR,
        Role.DPO,
    },
    "hr:employee_list": {Role.HR},
    "hr:team": {Role.MANAGER},
    "telework:index": {
        Role.EMPLOYEE,
        Role.MANAGER,
        Role.HR,
        Role.IT,
        Role.SOCIAL_ACTION,
        Role.PREVENTION,
        Role.TALENT_DEVELOPER,
        Role.DIRECTOR,
        Role.DPO,
    },
    "safety:index": {
        Role.EMPLOYEE,
        Role.MANAGER,
        Role.HR,
        Role.IT,
        Role.SOCIAL_ACTION,
        Role.PREVENTION,
        Role.TALENT_DEVELOPER,
        Role.DIRECTOR,
        Role.DPO,
    },
    "social_action:index": {
        Role.EMPLOYEE,
        Role.MANAGER,
        Role.HR,
        Role.IT,
        Role.SOCIAL_ACTION,
        Role.PREVENTION,
        Role.TALENT_DEVELOPER,
        Role.DIRECTOR,
        Role.DPO,
    },
    "audit:journal": {Role.DPO},
}


def _cases():
    for url_name, allowed in APP_PAGES.items():
        for role in [None, *Role]:
            yield pytest.param(url_name, role, role in allowed, id=f"{url_name}-{role}")


@pytest.mark.parametrize(("url_name", "role", "allowed"), list(_cases()))
def test_role_matrix(client, user_with_role, url_name, role, allowed):
    # In the test users, every role but None comes with an employee record, so the
    # pages open to all staff are open to every role; None is "no role at all".
    client.force_login(user_with_role(role))
    response = client.get(reverse(url_name))
    assert response.status_code == (200 if allowed else 403)
    if not allowed:
        assert "Accès refusé" in response.content.decode()


@pytest.mark.parametrize("url_name", APP_PAGES)
def test_anonymous_is_sent_to_login(client, url_name):
    url = reverse(url_name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("url_name", APP_PAGES)
def test_pages_only_answer_get(client, make_user, url_name):
    client.force_login(make_user(Role.EMPLOYEE, Role.HR, Role.MANAGER, Role.DPO))
    assert client.post(reverse(url_name)).status_code == 405


def test_unknown_url_gets_the_french_404_page(client, make_user):
    client.force_login(make_user(Role.EMPLOYEE))
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_admin_site_is_closed_to_non_staff(client, make_user):
    client.force_login(make_user(Role.EMPLOYEE))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
