"""Journeys of the strong login and of the roles page, in a real browser (axe on each page)."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from imtsocial.accounts.roles import ROLE_ADMIN_GROUP, Role, roles_of
from imtsocial.audit.models import AuditEvent
from tests.factories import PASSWORD, UserFactory, give_totp, totp_code

pytestmark = pytest.mark.browser


def _sign_in(page, user):
    page.goto("/")
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()


def test_hr_without_second_factor_sets_it_up_before_anything_else(page, check_accessibility):
    hr = UserFactory(roles=[Role.HR], totp=False)
    _sign_in(page, hr)
    # taken to the setup, whatever page is asked for
    expect(page).to_have_url("/comptes/2fa/totp/activate/")
    page.goto("/rh/mon-dossier/")
    expect(page).to_have_url("/comptes/2fa/totp/activate/")
    expect(page.get_by_text("activez la double authentification")).to_be_visible()
    check_accessibility(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("input[name=code]").fill(totp_code(secret))
    page.locator("input[name=code]").press("Enter")
    # allauth shows the recovery codes next; then the intranet opens
    page.goto("/")
    expect(page.get_by_role("heading", name="Mon espace", level=1)).to_be_visible()
    check_accessibility(page)


def test_a_role_administrator_grants_a_role_with_confirmation(page, make_user, check_accessibility):
    admin = make_user(Role.EMPLOYEE)
    admin.groups.add(Group.objects.get(name=ROLE_ADMIN_GROUP))
    give_totp(admin)
    person = UserFactory(last_name="Zéphyrin", first_name="Ana")
    _sign_in(page, admin)  # the code is typed by the page fixture (tests/browser/conftest)
    expect(page.get_by_role("heading", name="Mon espace", level=1)).to_be_visible()
    page.get_by_role("link", name="Rôles", exact=True).click()
    expect(page.get_by_role("heading", name="Rôles des personnes", level=1)).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Nom ou adresse e-mail").fill("Zéphyrin")
    page.get_by_role("button", name="Chercher").click()
    page.get_by_role("link", name="Ana Zéphyrin").click()
    expect(page.get_by_role("heading", name="Ana Zéphyrin", level=1)).to_be_visible()
    check_accessibility(page)
    # DSFR checkboxes: the label covers the box, as a person clicks it
    page.locator("label", has_text="Action sociale").click()
    expect(page.get_by_label("Action sociale")).to_be_checked()
    page.get_by_test_id("roles-dialog-open").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    # axe reads colours: let the DSFR opening transition end first.
    page.wait_for_function(
        "el => getComputedStyle(el).opacity === '1'", arg=dialog.element_handle()
    )
    check_accessibility(page)
    page.get_by_test_id("roles-dialog-confirm").click()
    expect(page.get_by_text("Rôles de Ana Zéphyrin enregistrés")).to_be_visible()
    expect(page.get_by_role("cell", name="Rôle accordé : Action sociale")).to_be_visible()
    person.refresh_from_db()
    assert Role.SOCIAL_ACTION in roles_of(person)
    assert AuditEvent.objects.filter(object_id=str(person.pk)).count() == 1
