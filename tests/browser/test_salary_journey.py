"""HR types a salary the French way in a real browser and reads it back on the file;
a mistyped amount comes back for confirmation (axe runs on every page)."""

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from hr.models import SalaryRecord
from imtsocial.accounts.roles import Role
from tests.factories import PASSWORD, ContractFactory, EmployeeFactory, SalaryRecordFactory

pytestmark = pytest.mark.browser


def test_hr_types_a_french_amount_and_confirms_an_unusual_one(page, make_user, check_accessibility):
    hr = make_user(Role.HR)
    employee = EmployeeFactory(first_name="Inès", last_name="Valette")
    contract = ContractFactory(employee=employee, kind="cdi", start=date(2018, 1, 1))
    SalaryRecordFactory(
        contract=contract, effective_date=date(2018, 1, 1), gross_monthly=Decimal("4090.00")
    )

    page.goto("/")
    page.get_by_label("Adresse e-mail").fill(hr.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Mon espace", level=1)).to_be_visible()

    page.goto(f"/rh/agents/{employee.pk}/")
    page.get_by_role("link", name="Ajouter un salaire").click()
    # salary entry is sensitive: the password is asked again
    expect(page.get_by_role("heading", name="Confirmer l'accès", level=1)).to_be_visible()
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Confirmer").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nouveau salaire")
    check_accessibility(page)
    page.get_by_label("Date d'effet").fill("2024-01-01")
    page.get_by_label("Brut mensuel (€)").fill("4 250,75")
    page.get_by_role("button", name="Enregistrer").click()

    expect(page.get_by_role("heading", name="Inès Valette", level=1)).to_be_visible()
    pay = page.locator("section", has=page.get_by_role("heading", name="Rémunération"))
    expect(pay.get_by_role("row").filter(has_text="01/01/2024")).to_contain_text(
        "4\u00a0250,75\u00a0€"
    )
    check_accessibility(page)

    # The mistake of the issue: the amount typed without its comma is not saved at once.
    page.get_by_role("link", name="Ajouter un salaire").click()
    page.get_by_label("Date d'effet").fill("2025-01-01")
    page.get_by_label("Brut mensuel (€)").fill("425075")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("dépasse 150 % du salaire précédent", exact=False)).to_be_visible()
    check_accessibility(page)
    assert not SalaryRecord.objects.filter(effective_date=date(2025, 1, 1)).exists()
    page.locator("label[for=id_confirm_amount]").click()
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_role("heading", name="Inès Valette", level=1)).to_be_visible()
    assert SalaryRecord.objects.get(effective_date=date(2025, 1, 1)).gross_monthly == 425075
