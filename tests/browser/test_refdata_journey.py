"""HR keeps a reference value in the intranet: a wrong date is told next to the field,
then the new value from today ends the previous one and « Mon espace » applies it."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role
from imtsocial.refdata.models import Parameter
from tests.factories import PASSWORD, ContractFactory, EmployeeFactory

pytestmark = pytest.mark.browser


def test_hr_changes_the_ending_contracts_alert_from_today(page, make_user, check_accessibility):
    today = timezone.localdate()
    ContractFactory(
        employee=EmployeeFactory(),
        kind="cdd",
        start=date(2020, 1, 1),
        end=today + timedelta(days=80),
    )
    hr = make_user(Role.HR)
    page.goto("/comptes/login/")
    page.get_by_label("Adresse e-mail").fill(hr.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Mon espace", level=1)).to_be_visible()
    expect(page.get_by_text("se termine dans les")).to_have_count(0)

    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Référentiels"
    ).click()
    page.get_by_role("link", name="Paramètres des ressources humaines").click()
    expect(page.get_by_role("heading", name="Paramètres des ressources humaines")).to_be_visible()
    rows = page.get_by_test_id("refdata-rows")
    expect(rows.get_by_text("Alerte des fins de contrat : délai avant la fin")).to_be_visible()

    page.get_by_label("Paramètre").select_option(
        label="Alerte des fins de contrat : délai avant la fin"
    )
    page.get_by_label("En vigueur du").fill("1999-12-31")  # before the value in force
    page.get_by_label("Valeur", exact=True).fill("90")
    page.get_by_role("button", name="Enregistrer la nouvelle valeur").click()
    expect(page.get_by_text("une valeur passée ne se modifie pas")).to_be_visible()
    check_accessibility(page)  # the form with its error

    page.get_by_label("En vigueur du").fill(today.isoformat())
    page.get_by_role("button", name="Enregistrer la nouvelle valeur").click()
    expect(page.get_by_text("Nouvelle valeur enregistrée")).to_be_visible()
    current = rows.locator("tr.imt-row--current", has_text="Alerte des fins de contrat")
    expect(current).to_contain_text("90")
    assert (
        Parameter.objects.get(key="hr.contract_end_notice_days", valid_to=None).valid_from == today
    )

    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Mon espace"
    ).click()
    expect(page.get_by_text("1 contrat se termine dans les 90 jours")).to_be_visible()
