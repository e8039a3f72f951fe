"""The RSST in the browser: an employee writes an observation from « Mon espace »; the
prevention agent of the unit opens it from their to-dos and answers; the employee sees
the answer and the new state. axe-core on every page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role
from tests.browser.test_social_action_journey import _login, _logout
from tests.factories import DepartmentFactory
from tests.safety.factories import WorkUnitFactory

pytestmark = pytest.mark.browser


def test_an_observation_written_then_answered(page, make_user, check_accessibility):
    department = DepartmentFactory()
    manager = make_user(Role.EMPLOYEE, department=department)
    person = make_user(Role.EMPLOYEE, department=department, manager=manager.employee)
    agent = make_user(Role.PREVENTION)
    WorkUnitFactory(code="R132", name="Salle de synthèse", department=department, agents=[agent])
    yesterday = timezone.localdate() - timedelta(days=1)

    _login(page, person)
    page.get_by_role("link", name="Signaler au registre santé et sécurité").click()
    check_accessibility(page)
    page.locator("label[for=id_kind_0]").click()
    page.get_by_label("Date des faits").fill(yesterday.isoformat())
    page.get_by_label("Lieu").fill("Salle R132, armoire ventilée")
    page.get_by_label("Unité de travail").select_option(label="R132 – Salle de synthèse")
    page.get_by_label("Observation ou suggestion").fill("La porte de l'armoire ne ferme plus.")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_test_id("rsst-state")).to_contain_text("En attente de réponse")
    check_accessibility(page)
    _logout(page)

    _login(page, agent)
    page.get_by_role("link", name="1 observation attend une réponse").click()
    check_accessibility(page)
    page.get_by_role("link", name=re.compile(str(yesterday.year))).first.click()
    expect(page.get_by_test_id("rsst-text")).to_contain_text("ne ferme plus")
    page.get_by_role("textbox", name="Réponse de la prévention").fill(
        "Charnière remplacée ce matin."
    )
    page.get_by_role("button", name="Enregistrer la réponse").click()
    expect(page.get_by_text("Votre réponse est enregistrée")).to_be_visible()
    check_accessibility(page)
    _logout(page)

    _login(page, person)
    page.get_by_role("link", name=re.compile(r"^Observation du")).click()
    expect(page.get_by_test_id("rsst-answer")).to_contain_text("Charnière remplacée ce matin.")
    expect(page.get_by_test_id("rsst-state")).to_contain_text("en attente du visa du responsable")
    check_accessibility(page)
