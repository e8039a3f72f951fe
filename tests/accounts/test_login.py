import pytest
from django.core import mail
from django.urls import reverse

from imtsocial.accounts.roles import Role
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("account_login")


def test_login_page_is_french_with_labelled_email_and_password(client):
    response = client.get(LOGIN_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr"' in html
    assert "Connexion à imtsocial" in html
    assert 'name="login"' in html and 'name="password"' in html
    assert '<label class="fr-label" for="id_login">' in html
    assert '<label class="fr-label" for="id_password">' in html
    # No public sign-up anywhere.
    assert "signup" not in html


def test_login_with_email_and_password_lands_on_my_space(client, make_user):
    user = make_user(Role.EMPLOYEE)
    response = client.post(LOGIN_URL, {"login": user.email, "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Mon espace" in response.content.decode()
    assert response.context["user"] == user


def test_login_email_is_case_insensitive(client, make_user):
    user = make_user(Role.EMPLOYEE)
    response = client.post(LOGIN_URL, {"login": user.email.upper(), "password": PASSWORD})
    assert response.status_code == 302


def test_wrong_password_shows_a_french_error_and_nothing_else(client, make_user):
    user = make_user(Role.EMPLOYEE)
    response = client.post(LOGIN_URL, {"login": user.email, "password": "pas le bon"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "L’adresse e-mail ou le mot de passe sont incorrects." in html
    # The error does not say which of the two was wrong, nor leak the account.
    assert "Mon espace" not in html
    assert "_auth_user_id" not in client.session


def test_unknown_email_gets_the_same_error_as_a_wrong_password(client, db):
    response = client.post(LOGIN_URL, {"login": "personne@example.fr", "password": "x" * 12})
    assert "L’adresse e-mail ou le mot de passe sont incorrects." in response.content.decode()


def test_repeated_failures_are_locked_out_even_with_the_right_password(client, make_user):
    user = make_user(Role.EMPLOYEE)
    for _attempt in range(5):
        client.post(LOGIN_URL, {"login": user.email, "password": "mauvais-mot-de-passe"})
    response = client.post(LOGIN_URL, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "Trop de tentatives de connexion échouées" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_up_is_closed(client, db):
    response = client.get(reverse("account_signup"))
    assert "Inscriptions fermées" in response.content.decode()
    response = client.post(
        reverse("account_signup"),
        {"email": "intrus@example.fr", "password1": "x" * 14, "password2": "x" * 14},
    )
    from imtsocial.accounts.models import User

    assert not User.objects.filter(email="intrus@example.fr").exists()


def test_page_without_login_redirects_to_login(client, db):
    response = client.get(reverse("hr:my_file"))
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN_URL}?next={reverse('hr:my_file')}"


def test_logout_is_a_post_and_ends_the_session(client, make_user):
    user = make_user(Role.EMPLOYEE)
    client.force_login(user)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302


def test_password_reset_sends_a_link_by_email(client, make_user):
    user = make_user(Role.EMPLOYEE)
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert "/comptes/password/reset/key/" in mail.outbox[0].body


def test_invitation_link_lets_a_new_account_choose_a_password(client, db):
    from imtsocial.accounts.models import User
    from imtsocial.accounts.services import user_invitation_url

    user = User.objects.create_user("recrue@example.fr")
    assert not user.has_usable_password()
    url = user_invitation_url(user=user).removeprefix("http://127.0.0.1:8000")
    response = client.get(url, follow=True)
    form_url = response.redirect_chain[-1][0]
    new_password = "Un-mot-de-passe-solide-2026"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_two_factor_authentication_can_be_enabled_from_the_account_page(client, make_user):
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    user = make_user(Role.EMPLOYEE)
    client.force_login(user)
    page = client.get(reverse("mfa_index"))
    assert page.status_code == 200
    assert "Double authentification" in page.content.decode()
    # Turning 2FA on is a sensitive action: the password is asked again first.
    activate = client.get(reverse("mfa_activate_totp"))
    assert activate["Location"].startswith(reverse("account_reauthenticate"))
    client.post(activate["Location"], {"password": PASSWORD})
    activate = client.get(reverse("mfa_activate_totp"))
    assert activate.status_code == 200
    secret = client.session["mfa.totp.secret"]
    import time

    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    response = client.post(reverse("mfa_activate_totp"), {"code": code})
    assert response.status_code == 302
    assert user.authenticator_set.filter(type="totp").exists()

    # From now on the password alone is not enough.
    client.logout()
    response = client.post(LOGIN_URL, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
