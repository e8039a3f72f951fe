"""Single sign-on by OpenID Connect, end to end against a real provider on the loopback
(tests/accounts/oidc_provider.py): the browser's trip is followed by hand — the sign-in
button posts to our login URL, which redirects to the provider; the provider's
authorization endpoint is called over HTTP and redirects back; the callback is opened
with the test client, and our side calls the provider's token, JWKS and userinfo
endpoints over HTTP."""

from copy import deepcopy
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse

from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role
from tests.accounts.oidc_provider import CLIENT_ID, CLIENT_SECRET, OIDCProvider
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("account_login")
PROVIDER_ID = "agents"
SSO_LOGIN_URL = reverse("openid_connect_login", kwargs={"provider_id": PROVIDER_ID})
CALLBACK_URL = reverse("openid_connect_callback", kwargs={"provider_id": PROVIDER_ID})
UNKNOWN_ACCOUNT = "aucun compte actif de l’intranet ne correspond à votre adresse e-mail"
FAILED = "La connexion par le fournisseur d’identité a échoué."


@pytest.fixture(scope="module")
def oidc_server():
    server = OIDCProvider().start()
    yield server
    server.stop()


@pytest.fixture
def oidc(oidc_server, settings):
    """The provider, configured as settings.py does from the OIDC_* variables."""
    oidc_server.reset()
    providers = deepcopy(settings.SOCIALACCOUNT_PROVIDERS)
    providers["openid_connect"]["APPS"] = [
        {
            "provider_id": PROVIDER_ID,
            "name": "ProConnect",
            "client_id": CLIENT_ID,
            "secret": CLIENT_SECRET,
            "settings": {
                "server_url": oidc_server.issuer,
                "scope": ["openid", "email", "given_name", "usual_name"],
                "email_always_verified": False,
                "oauth_pkce_enabled": True,
            },
        }
    ]
    settings.SOCIALACCOUNT_PROVIDERS = providers
    return oidc_server


def sso_sign_in(client, provider, *, proconnect=False, **identity):
    """The whole trip; returns our answer to the callback."""
    verified = {} if proconnect else {"email_verified": True}
    provider.identity = {"sub": "agent-0001", **verified, **identity}
    response = client.post(SSO_LOGIN_URL)
    assert response.status_code == 302
    authorize = response["Location"]
    assert authorize.startswith(f"{provider.issuer}/authorize?")
    asked = dict(parse_qsl(urlsplit(authorize).query))
    assert asked["nonce"] and asked["code_challenge"] and asked["state"]
    answer = requests.get(authorize, allow_redirects=False, timeout=5)
    assert answer.status_code == 302
    back = urlsplit(answer.headers["Location"])
    assert back.path == CALLBACK_URL
    return client.get(back.path, dict(parse_qsl(back.query)))


def refusal_page(client, response) -> str:
    """The refusal leads back to the sign-in page, which says why."""
    assert response.status_code == 302
    assert response["Location"] == LOGIN_URL
    assert "_auth_user_id" not in client.session
    page = client.get(LOGIN_URL)
    assert page.status_code == 200
    return page.content.decode()


def test_the_sign_in_page_shows_the_sso_button_only_when_configured(client, db, settings):
    html = client.get(LOGIN_URL).content.decode()
    assert "Se connecter avec" not in html
    assert (
        client.post(reverse("openid_connect_login", kwargs={"provider_id": "sso"})).status_code
        == 404
    )

    providers = deepcopy(settings.SOCIALACCOUNT_PROVIDERS)
    providers["openid_connect"]["APPS"] = [
        {"provider_id": PROVIDER_ID, "name": "ProConnect", "client_id": "x", "secret": "y",
         "settings": {"server_url": "http://127.0.0.1:9"}},
    ]  # fmt: skip
    settings.SOCIALACCOUNT_PROVIDERS = providers
    html = client.get(LOGIN_URL).content.decode()
    assert f'<form method="post" action="{SSO_LOGIN_URL}?process=login"' in html
    assert "Se connecter avec ProConnect" in html
    assert "<script" not in html.split("<main", 1)[-1].split("</main>", 1)[0]


def test_an_employee_signs_in_with_the_matching_email(client, oidc, make_user):
    employee = make_user(Role.EMPLOYEE)
    users_before = User.objects.count()
    response = sso_sign_in(client, oidc, email=employee.email.upper())
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.session["_auth_user_id"] == str(employee.pk)
    assert "Mon espace" in client.get(reverse("home")).content.decode()
    assert User.objects.count() == users_before
    account = SocialAccount.objects.get()
    assert (account.user, account.uid) == (employee, "agent-0001")

    # The next time, through the now connected provider account.
    client.logout()
    response = sso_sign_in(client, oidc, email=employee.email)
    assert client.session["_auth_user_id"] == str(employee.pk)
    assert SocialAccount.objects.count() == 1


def test_a_signed_userinfo_as_proconnect_sends_it(client, oidc, make_user, settings):
    employee = make_user(Role.EMPLOYEE)
    oidc.userinfo_format = "jwt"
    # ProConnect sends no email_verified: it verifies every address.
    settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"][0]["settings"][
        "email_always_verified"
    ] = True
    response = sso_sign_in(client, oidc, proconnect=True, email=employee.email, usual_name="Martin")
    assert client.session["_auth_user_id"] == str(employee.pk)
    assert response["Location"] == reverse("home")


def test_an_unknown_email_is_refused_and_no_account_is_created(client, oidc, make_user):
    make_user(Role.EMPLOYEE)
    users_before = User.objects.count()
    response = sso_sign_in(client, oidc, email="inconnu@example.fr")
    assert UNKNOWN_ACCOUNT in refusal_page(client, response)
    assert User.objects.count() == users_before
    assert not User.objects.filter(email="inconnu@example.fr").exists()
    assert not SocialAccount.objects.exists()


def test_an_inactive_login_is_refused(client, oidc, make_user):
    former = make_user(Role.EMPLOYEE)
    former.is_active = False
    former.save()
    response = sso_sign_in(client, oidc, email=former.email)
    assert UNKNOWN_ACCOUNT in refusal_page(client, response)


def test_an_unverified_email_is_refused(client, oidc, make_user):
    employee = make_user(Role.EMPLOYEE)
    response = sso_sign_in(client, oidc, email=employee.email, email_verified=False)
    html = refusal_page(client, response)
    assert "n’a pas confirmé que votre adresse e-mail est vérifiée" in html
    assert not SocialAccount.objects.exists()


def test_an_id_token_with_another_nonce_is_refused(client, oidc, make_user):
    employee = make_user(Role.EMPLOYEE)
    oidc.forced_nonce = "nonce-of-another-sign-in"
    response = sso_sign_in(client, oidc, email=employee.email)
    assert FAILED in refusal_page(client, response)
    assert not SocialAccount.objects.exists()


def test_an_id_token_with_a_forged_signature_is_refused(client, oidc, make_user):
    employee = make_user(Role.EMPLOYEE)
    oidc.sign_id_token_with_other_key = True
    response = sso_sign_in(client, oidc, email=employee.email)
    assert FAILED in refusal_page(client, response)


def test_a_userinfo_with_a_forged_signature_is_refused(client, oidc, make_user):
    employee = make_user(Role.EMPLOYEE)
    oidc.userinfo_format = "jwt"
    oidc.sign_userinfo_with_other_key = True
    response = sso_sign_in(client, oidc, email=employee.email)
    assert FAILED in refusal_page(client, response)
    assert not SocialAccount.objects.exists()


def test_a_login_with_a_second_factor_still_gives_its_code(client, oidc):
    hr = UserFactory(roles=[Role.HR])  # with a TOTP authenticator
    response = sso_sign_in(client, oidc, email=hr.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
