"""Training in the browser: the employee finds a course in the catalogue and asks for a
place; the manager approves from « Mon espace »; the employee sees it accepted and their
CPF counter. axe-core on every page."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from hr.enums import ContractKind
from imtsocial.accounts.roles import Role
from imtsocial.formats import of_name
from tests.browser.test_social_action_journey import _login, _logout
from tests.factories import ContractFactory
from tests.training.factories import CourseFactory, SessionFactory

pytestmark = pytest.mark.browser


def test_an_employee_enrols_and_the_manager_approves(page, make_user, check_accessibility):
    manager = make_user(Role.EMPLOYEE)
    person = make_user(Role.EMPLOYEE, manager=manager.employee)
    ContractFactory(employee=person.employee, kind=ContractKind.TITULAIRE, start=date(2018, 7, 1))
    session = SessionFactory(course=CourseFactory(title="Manager à distance"), capacity=3)

    _login(page, person)
    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("button", name="Vie professionnelle").click()
    menu.get_by_role("link", name="Formation").click()
    check_accessibility(page)
    page.get_by_role("link", name="Manager à distance").click()
    check_accessibility(page)
    page.get_by_role("link", name=re.compile(r"^du ")).click()
    expect(page.get_by_test_id("places")).to_contain_text("3 places restantes sur 3")
    page.locator("label[for=id_uses_cpf]").click()  # the DSFR label covers the box
    page.get_by_role("button", name="Demander une place").click()
    expect(page.get_by_test_id("my-enrolment")).to_contain_text("Demandée")
    expect(page.get_by_test_id("places")).to_contain_text("2 places restantes sur 3")
    check_accessibility(page)
    _logout(page)

    _login(page, manager)
    page.get_by_role("link", name="1 demande de formation à décider").click()
    check_accessibility(page)
    # « de Marc », « d'Élisabeth »: the label elides before a vowel.
    page.get_by_role(
        "button", name=f"Accepter la demande {of_name(person.employee.full_name)}"
    ).click()
    expect(page.get_by_text("Votre décision est enregistrée")).to_be_visible()
    _logout(page)

    _login(page, person)
    page.goto(session.get_absolute_url())
    expect(page.get_by_test_id("my-enrolment")).to_contain_text("Acceptée")
    page.get_by_role("link", name="Mes formations").first.click()
    # Hired 1 July 2018: 13 + 25 × every full year since, capped at 150 h.
    expect(page.get_by_test_id("cpf-balance")).to_contain_text("150 heures")
    check_accessibility(page)
