import pytest
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_employee_logs_in_sees_my_space_and_logs_out(page, make_user, check_accessibility):
    user = make_user(Role.EMPLOYEE)

    page.goto("/")
    expect(page).to_have_url("/comptes/login/?next=/")
    check_accessibility(page)

    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill("un mauvais mot de passe")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_text("L’adresse e-mail ou le mot de passe sont incorrects.")).to_be_visible()
    check_accessibility(page)

    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Mon espace", level=1)).to_be_visible()
    expect(page.get_by_test_id("user-name")).to_have_text(user.get_full_name())
    expect(page.get_by_text(user.employee.department.name).first).to_be_visible()
    check_accessibility(page)

    page.get_by_role("link", name="Voir mon dossier").click()
    expect(page.get_by_role("heading", name="Mon dossier", level=1)).to_be_visible()
    check_accessibility(page)

    page.get_by_role("button", name="Se déconnecter").click()
    expect(page).to_have_url("/comptes/login/")
    page.goto("/rh/mon-dossier/")
    expect(page).to_have_url("/comptes/login/?next=/rh/mon-dossier/")


def test_keyboard_user_can_skip_to_the_content(page, make_user):
    user = make_user(Role.EMPLOYEE)
    page.goto("/comptes/login/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Contenu"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "login"
    page.keyboard.type(user.email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Mon espace", level=1)).to_be_visible()
