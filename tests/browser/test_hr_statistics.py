"""HR opens the statistics (inline SVG chart under the strict CSP), then the pay alerts."""

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role
from tests.factories import (
    PASSWORD,
    ContractFactory,
    EmployeeFactory,
    PayBenchmarkFactory,
    SalaryRecordFactory,
)

pytestmark = pytest.mark.browser


def test_hr_reads_the_statistics_then_the_pay_alerts(page, make_user, check_accessibility):
    PayBenchmarkFactory(category="A", valid_from=date(2020, 1, 1), minimum_gross_monthly=2500)
    for index, amount in enumerate(("2400", "3000", "3200", "3400", "3600", "5200")):
        employee = EmployeeFactory(last_name=f"Agent{index}")
        contract = ContractFactory(employee=employee, start=date(2015, 9, 1))
        SalaryRecordFactory(contract=contract, gross_monthly=Decimal(amount))
    user = make_user(Role.HR)

    page.goto("/comptes/login/")
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_role("link", name="Statistiques RH").first.click()
    expect(page.get_by_role("heading", name="Statistiques RH", level=1)).to_be_visible()

    page.get_by_role("textbox", name="Date de référence").fill("2020-12-31")
    page.get_by_role("button", name="Afficher").click()
    expect(page.get_by_text("Chiffres au 31 décembre 2020")).to_be_visible()
    expect(page.get_by_role("img", name="Répartition des salaires bruts mensuels")).to_be_visible()
    check_accessibility(page)

    page.get_by_role("link", name="Agents payés sous leur repère de rémunération").click()
    expect(page.get_by_role("heading", name="Alertes de rémunération", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Agent0")).to_be_visible()
    check_accessibility(page)
