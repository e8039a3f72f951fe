"""In the browser: HR declares a value and finds it, marked « déclarée », on the figures
page of the year; axe-core on every page."""

import pytest
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role
from tests.browser.test_social_action_journey import _login

pytestmark = pytest.mark.browser


def test_hr_declares_a_value_and_reads_it_on_the_figures_page(
    page, live_server, make_user, check_accessibility
):
    hr = make_user(Role.HR)
    _login(page, hr)
    page.goto(f"{live_server.url}/rapport/valeurs-declarees/?annee=2020")
    check_accessibility(page)
    page.get_by_role("link", name="Déclarer une valeur").click()
    page.locator("#id_code").select_option("newsletters")
    page.locator("#id_value").fill("-1")
    page.locator("#id_on").fill("2020-12-31")
    page.locator("#id_source").fill("Archives de la lettre interne")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("La valeur doit être positive ou nulle.")).to_be_visible()
    check_accessibility(page)
    page.locator("#id_value").fill("47")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("La valeur déclarée est enregistrée.")).to_be_visible()
    page.goto(f"{live_server.url}/rapport/2020/indicateurs/")
    row = page.locator("tr[data-code=newsletters]")
    expect(row).to_contain_text("47")
    expect(row).to_contain_text("déclarée")
    expect(row).to_contain_text("Archives de la lettre interne")
    check_accessibility(page)
