"""Pickers in the browser: IT lends a laptop choosing the asset and the borrower from
the keyboard, by typing part of a tag and of a name; axe checks the open listbox."""

import pytest
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role
from telework.models import Loan
from tests.browser.test_telework_journeys import sign_in
from tests.factories import EmployeeFactory
from tests.telework.factories import AssetFactory

pytestmark = pytest.mark.browser


def test_it_lends_a_laptop_choosing_the_borrower_by_name(page, make_user, check_accessibility):
    it = make_user(Role.IT, first_name="Inès", last_name="Martin")
    borrower = make_user(Role.EMPLOYEE, employee_number="E0077", first_name="Léa", last_name="Roux")
    EmployeeFactory(employee_number="E0078", first_name="Marc", last_name="Rousseau")
    AssetFactory(tag="PORT-0042", site=borrower.employee.site)

    sign_in(page, it)
    page.goto("/teletravail/equipements/")
    page.get_by_role("link", name="Nouveau prêt").click()

    asset = page.get_by_role("combobox", name="Équipement")
    asset.press_sequentially("port-00")
    # Only the open list is in the accessibility tree (the other one is hidden).
    expect(page.get_by_role("listbox", name="Suggestions").get_by_role("option")).to_have_count(1)
    expect(asset).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")  # closes the list, keeps the text
    expect(asset).to_have_attribute("aria-expanded", "false")
    expect(asset).to_have_value("port-00")
    page.keyboard.press("ArrowDown")  # opens it again on the first option
    page.keyboard.press("Enter")
    expect(asset).to_have_value("Ordinateur portable (PORT-0042)")

    person = page.get_by_role("combobox", name="Emprunteur")
    person.press_sequentially("rou")
    # Rousseau before Roux (« s » < « x »): the second option is Léa Roux.
    options = page.get_by_role("listbox", name="Suggestions").get_by_role("option")
    expect(options).to_have_count(2)
    expect(page.get_by_role("status").filter(has_text="2 résultats")).to_have_count(1)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    expect(person).to_have_attribute("aria-activedescendant", options.nth(1).get_attribute("id"))
    check_accessibility(page)  # the listbox open, an option active
    page.keyboard.press("Enter")  # chooses; does not submit the form
    expect(person).to_have_value("Léa Roux (E0077)")
    expect(person).to_have_attribute("aria-expanded", "false")

    page.get_by_label("Date du prêt").fill("2026-01-05")
    page.get_by_label("À rendre le").fill("2026-06-30")
    page.get_by_role("button", name="Enregistrer le prêt").click()
    expect(page.get_by_test_id("loan-status")).to_be_visible()
    loan = Loan.objects.get()
    assert (loan.asset.tag, loan.employee) == ("PORT-0042", borrower.employee)
