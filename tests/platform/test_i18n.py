from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse

from imtsocial.accounts.roles import Role
from imtsocial.templatetags.imtsocial import euros

pytestmark = pytest.mark.django_db


def test_french_is_the_default(client):
    html = client.get(reverse("account_login")).content.decode()
    assert '<html lang="fr"' in html and "Se connecter" in html


def test_foreign_staff_can_switch_to_english_before_logging_in(client):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("account_login")}
    )
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    html = client.get(reverse("account_login")).content.decode()
    assert '<html lang="en"' in html
    assert "Sign in to imtsocial" in html and "E-mail address" in html


def test_my_space_in_english(client, make_user):
    client.force_login(make_user(Role.EMPLOYEE, Role.MANAGER))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("home")).content.decode()
    assert "My space" in html and "1 employee reporting to me" in html
    assert "Mon espace" not in html


@pytest.mark.parametrize(
    ("amount", "decimals", "expected"),
    [
        (Decimal("4090"), 0, "4\u00a0090\u00a0€"),
        (Decimal("1554.58"), 2, "1\u00a0554,58\u00a0€"),
        (Decimal("1554.58"), 0, "1\u00a0555\u00a0€"),
        (Decimal("999.5"), 0, "1\u00a0000\u00a0€"),
        (Decimal("-220"), 0, "-220\u00a0€"),
        (Decimal("1234567.891"), 2, "1\u00a0234\u00a0567,89\u00a0€"),
    ],
)
def test_amounts_are_written_the_french_way(amount, decimals, expected):
    assert euros(amount, decimals) == expected


def test_an_english_browser_still_gets_french_until_the_person_chooses(client):
    html = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="en-US,en").content.decode()
    assert '<html lang="fr"' in html


def test_the_choice_is_remembered_on_the_account(client, make_user):
    user = make_user(Role.EMPLOYEE)
    client.force_login(user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    user.refresh_from_db()
    assert user.preferred_language == "en"
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME)
    assert "My space" in client.get(reverse("home")).content.decode()
