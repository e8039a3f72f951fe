"""Qualifications and the prevention network in the browser: the advisor appoints a
prevention agent and records a first-aid certificate, first with an obtained date in
the future (refused next to the field); the holder sees it in « Mes habilitations » and
who their site's prevention agents are. axe-core on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role
from safety.qualifications.defaults import load
from safety.qualifications.models import QualificationType, QualificationValidity
from tests.browser.test_social_action_journey import _login, _logout
from tests.safety.factories import PreventionAdvisorFactory

pytestmark = pytest.mark.browser


def test_the_advisor_records_a_certificate_and_the_holder_sees_it(
    page, make_user, check_accessibility
):
    load(QualificationType, QualificationValidity)
    advisor = make_user(Role.PREVENTION)
    PreventionAdvisorFactory(user=advisor)
    holder = make_user(Role.EMPLOYEE, site=advisor.employee.site)
    today = timezone.localdate()

    _login(page, advisor)
    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("button", name="Prévention").click()
    menu.get_by_role("link", name="Réseau de prévention").click()
    check_accessibility(page)
    page.get_by_role("link", name="Nouvelle nomination").click()
    page.get_by_label("Matricule de l'agent nommé").fill(holder.employee.employee_number)
    page.get_by_label("Fonction").select_option("agent")
    page.get_by_label("Début de la nomination").fill(today.isoformat())
    check_accessibility(page)
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("La nomination est enregistrée.")).to_be_visible()
    expect(page.get_by_test_id("network-figures")).to_contain_text("1 agent de prévention, dont 0")

    menu.get_by_role("button", name="Prévention").click()
    menu.get_by_role("link", name="Habilitations", exact=True).click()
    check_accessibility(page)
    page.get_by_role("link", name="Nouvelle habilitation").click()
    page.get_by_label("Matricule du titulaire").fill(holder.employee.employee_number)
    page.get_by_label("Type d'habilitation").select_option(
        label="Sauveteur secouriste du travail (SST)"
    )
    page.get_by_label("Obtenue le").fill((today + timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("La date d'obtention ne peut pas être dans le futur.")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Obtenue le").fill(today.isoformat())
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("L'habilitation est enregistrée.")).to_be_visible()
    expect(page.get_by_test_id("expires-on")).to_contain_text("Valide")
    check_accessibility(page)
    _logout(page)

    _login(page, holder)
    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("button", name="Prévention").click()
    menu.get_by_role("link", name="Mes habilitations").click()
    expect(page.get_by_role("link", name="Sauveteur secouriste du travail (SST)")).to_be_visible()
    check_accessibility(page)
    menu.get_by_role("button", name="Prévention").click()
    menu.get_by_role("link", name="Réseau de prévention").click()
    expect(page.get_by_role("heading", name="Mes interlocuteurs prévention")).to_be_visible()
    expect(page.get_by_role("cell", name=holder.employee.full_name)).to_be_visible()
    check_accessibility(page)
