"""Exposure measurements in the browser: a prevention agent records a campaign in their
work unit and a short-term styrene value over the limit; the advisor finds the to-do on
« Mon espace » and examines it. axe-core on every page."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role
from safety.exposure import tasks
from tests.browser.test_social_action_journey import _login, _logout
from tests.safety.factories import PreventionAdvisorFactory, WorkUnitFactory

pytestmark = pytest.mark.browser


def test_an_exceedance_is_recorded_and_examined(page, make_user, check_accessibility, monkeypatch):
    monkeypatch.setattr(tasks.notify_over_limit, "delay_on_commit", lambda pk: None)
    agent = make_user(Role.PREVENTION)
    advisor = make_user(Role.PREVENTION)
    PreventionAdvisorFactory(user=advisor)
    unit = WorkUnitFactory(code="R279", name="Infusion sous vide", agents=[agent])

    _login(page, agent)
    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("button", name="Prévention").click()
    menu.get_by_role("link", name="Mesures d'exposition").click()
    check_accessibility(page)
    page.get_by_role("link", name="Nouvelle campagne de mesures").click()
    page.get_by_label("Unité de travail").select_option(str(unit.pk))
    page.get_by_label("Date des prélèvements").fill(timezone.localdate().isoformat())
    page.get_by_label("Laboratoire ou organisme de mesure").fill("Laboratoire accrédité")
    check_accessibility(page)
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("R279")
    page.get_by_label("Substance").select_option(label="Styrène (100-42-5)")
    page.get_by_label("Type de mesure").select_option("15min")
    page.get_by_label("Durée de prélèvement (minutes)").fill("15")
    page.get_by_label("Valeur mesurée").fill("-3")
    page.get_by_label("Unité", exact=True).select_option("mg_m3")
    page.get_by_role("button", name="Enregistrer la mesure").click()
    expect(page.get_by_text("Une concentration n'est pas négative.")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Valeur mesurée").fill("236")
    page.get_by_role("button", name="Enregistrer la mesure").click()
    expect(page.get_by_text("elle dépasse la valeur limite")).to_be_visible()
    row = page.locator("tbody tr").first
    expect(row).to_contain_text("Dépassement")
    expect(row).to_contain_text("200 mg/m³")
    check_accessibility(page)
    _logout(page)

    _login(page, advisor)
    todo = page.get_by_role("link", name="1 dépassement de valeur limite à examiner")
    todo.click()
    check_accessibility(page)
    page.locator("tbody a").first.click()
    page.get_by_label("Suite donnée au dépassement").fill("Captage renforcé au démoulage.")
    page.get_by_role("button", name="Marquer comme examiné").click()
    expect(page.get_by_text("Le dépassement est marqué comme examiné.")).to_be_visible()
    expect(page.locator("tbody tr").first).to_contain_text("Captage renforcé")
    check_accessibility(page)
    page.goto("/")
    expect(page.get_by_text("dépassement de valeur limite à examiner")).to_have_count(0)
