"""The asbestos file in the browser: the advisor records a condition assessment (score 2:
an air measurement is needed) then an air measurement over 5 f/L (works); a works
employee opens the « Avant d'intervenir » sheet of the building. axe-core on every page."""

import pytest
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role
from tests.asbestos.factories import LocationFactory
from tests.browser.test_social_action_journey import _login, _logout
from tests.safety.factories import PreventionAdvisorFactory

pytestmark = pytest.mark.browser


def test_the_advisor_keeps_the_file_and_a_worker_reads_the_sheet(
    page, make_user, check_accessibility
):
    advisor = make_user(Role.PREVENTION)
    PreventionAdvisorFactory(user=advisor)
    worker = make_user(Role.EMPLOYEE)
    location = LocationFactory(building="C", room="C012", element="Revêtement de sol")

    _login(page, advisor)
    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("button", name="Prévention").click()
    menu.get_by_role("link", name="Dossier technique amiante").click()
    check_accessibility(page)
    page.get_by_role("link", name=f"{location.room} — {location.element}").click()
    expect(page.get_by_test_id("status")).to_contain_text("Évaluation de l'état")
    page.get_by_label("Date de l'évaluation").fill("2020-03-10")
    page.get_by_label("État de conservation").select_option("2")
    page.get_by_label("Évalué par").fill("Service hygiène et sécurité")
    page.get_by_role("button", name="Enregistrer l'évaluation").click()
    expect(page.get_by_test_id("status")).to_contain_text("Mesure d'empoussièrement")
    check_accessibility(page)
    page.get_by_label("Date du prélèvement").fill("2020-04-01")
    page.get_by_label("Concentration (fibres par litre)").fill("6,5")
    page.get_by_label("Laboratoire", exact=True).fill("Laboratoire agréé")
    page.get_by_role("button", name="Enregistrer la mesure d'empoussièrement").click()
    expect(page.get_by_test_id("status")).to_contain_text("Travaux")
    expect(page.get_by_text("Dernière mesure au-dessus du seuil de 5 f/L")).to_be_visible()
    check_accessibility(page)
    _logout(page)

    _login(page, worker)
    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("button", name="Prévention").click()
    menu.get_by_role("link", name="Amiante : avant d'intervenir").click()
    check_accessibility(page)
    page.get_by_role("link", name="C", exact=True).click()
    expect(
        page.get_by_role("heading", name="Toute intervention doit être contrôlée")
    ).to_be_visible()
    expect(page.locator("tbody")).to_contain_text("6,50 f/L")
    check_accessibility(page)
