"""A second factor is mandatory for the roles that read other people's files; a disabled
account loses its sessions; an aid file asks for the password again after a long idle."""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from imtsocial.accounts.mfa import MFA_ROLES
from imtsocial.accounts.roles import Role
from imtsocial.accounts.sessions import IDLE_SINCE, LAST_SEEN
from imtsocial.accounts.tasks import close_departed_accounts
from tests.factories import PASSWORD, UserFactory, totp_code

pytestmark = pytest.mark.django_db
LOGIN_URL = reverse("account_login")


@pytest.mark.parametrize("role", MFA_ROLES)
def test_an_mfa_role_without_second_factor_is_taken_to_its_setup_from_every_page(
    client, role, settings
):
    assert settings.IMTSOCIAL_MFA_REQUIRED
    user = UserFactory(roles=[role], totp=False)
    response = client.post(LOGIN_URL, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    for url in (reverse("home"), reverse("hr:my_file"), reverse("audit:journal")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse(
            "mfa_activate_totp"
        ), url
    # the setup page, sign-out and static files stay reachable
    assert client.get(reverse("mfa_index")).status_code == 200
    static = client.get("/static/js/confirm.js")
    assert static.status_code == 200
    static.close()


def test_an_employee_needs_no_second_factor(client, make_user):
    client.force_login(make_user(Role.EMPLOYEE))
    assert client.get(reverse("home")).status_code == 200


def test_setting_up_totp_then_signing_in_with_a_real_code(client):
    user = UserFactory(roles=[Role.HR], totp=False)
    client.post(LOGIN_URL, {"login": user.email, "password": PASSWORD})
    # right after signing in, the forced setup does not ask for the password a second time
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    page = client.get(reverse("mfa_activate_totp"))
    html = page.content.decode()
    # the QR code is an image (data: URI), no inline script or style under the CSP
    assert "<svg" in html or "data:image" in html
    assert not re.search(r"<script(?![^>]*\bsrc=)|\sstyle=|<style", html)
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type="totp").exists()
    assert Authenticator.objects.filter(user=user, type="recovery_codes").exists()
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("account_logout"))
    # next sign-in: password, then the code of the phone app
    response = client.post(LOGIN_URL, {"login": user.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("home")).status_code == 302  # not signed in yet
    stale = totp_code(secret, at=time.time() - 3600)  # an hour-old code
    wrong = client.post(reverse("mfa_authenticate"), {"code": stale})
    assert wrong.status_code == 200 and "Code incorrect" in wrong.content.decode()
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200


def test_a_login_that_must_have_a_second_factor_cannot_switch_it_off(client, make_user):
    hr = make_user(Role.HR)
    client.force_login(hr)
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "reauthenticated": True}
    ]
    session["account_authentication_methods_user"] = str(hr.pk)
    session.save()
    response = client.post(reverse("mfa_deactivate_totp"))
    assert Authenticator.objects.filter(user=hr, type="totp").exists()
    assert response.status_code in (200, 302)


def test_the_embedded_demo_does_not_require_a_second_factor(client, settings):
    settings.IMTSOCIAL_MFA_REQUIRED = False
    user = UserFactory(roles=[Role.HR], totp=False)
    client.force_login(user)
    assert client.get(reverse("home")).status_code == 200


def _sessions_of(user) -> int:
    return sum(
        1 for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk)
    )


def test_disabling_an_account_ends_its_open_sessions(make_user, django_capture_on_commit_callbacks):
    user = make_user(Role.EMPLOYEE)
    other = make_user(Role.EMPLOYEE)
    first, second, bystander = Client(), Client(), Client()
    first.force_login(user)
    second.force_login(user)
    bystander.force_login(other)
    assert _sessions_of(user) == 2
    with django_capture_on_commit_callbacks(execute=True):
        user.is_active = False
        user.save()
    assert _sessions_of(user) == 0
    assert _sessions_of(other) == 1
    assert first.get(reverse("home")).status_code == 302


def test_the_daily_task_closes_the_logins_of_people_who_have_left(
    make_user, django_capture_on_commit_callbacks
):
    from datetime import date

    leaver = make_user(Role.EMPLOYEE, leave_date=date(2020, 6, 30))
    stayer = make_user(Role.EMPLOYEE)
    Client().force_login(leaver)
    with django_capture_on_commit_callbacks(execute=True):
        assert close_departed_accounts() == 1
    leaver.refresh_from_db()
    stayer.refresh_from_db()
    assert not leaver.is_active and stayer.is_active
    assert _sessions_of(leaver) == 0


def _idle(client, seconds):
    session = client.session
    session[LAST_SEEN] = time.time() - seconds
    session.save()


def test_an_aid_file_asks_for_the_password_after_a_long_idle(client, make_user, settings):
    from tests.social_action.factories import AidRequestFactory

    settings.MEDIA_ROOT = settings.VAR_DIR / "media-idle"
    correspondent = make_user(Role.SOCIAL_ACTION)
    aid = AidRequestFactory(submitted=True)
    url = reverse("social_action:request_detail", args=[aid.pk])
    client.force_login(correspondent)
    assert client.get(url).status_code == 200
    # 16 minutes without a page (the delay is 15): the next page marks the session…
    assert settings.IDLE_REAUTH_SECONDS == 15 * 60
    _idle(client, 16 * 60)
    assert client.get(reverse("home")).status_code == 200
    assert IDLE_SINCE in client.session
    # …and browsing elsewhere first does not lift it: the aid file asks again
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == url
    assert client.get(url).status_code == 200


def test_a_short_pause_does_not_ask_again(client, make_user):
    from tests.social_action.factories import AidRequestFactory

    correspondent = make_user(Role.SOCIAL_ACTION)
    aid = AidRequestFactory(submitted=True)
    client.force_login(correspondent)
    _idle(client, 5 * 60)
    url = reverse("social_action:request_detail", args=[aid.pk])
    assert client.get(url).status_code == 200
