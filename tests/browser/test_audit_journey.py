"""HR opens a person's file; the DPO finds the read in the journal (filtered to the reads
with pay); the person sees on « Mon dossier » who opened it."""

import pytest
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role, employee_of
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def _sign_in(page, user):
    page.context.clear_cookies()
    page.goto("/comptes/login/")
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Mon espace", level=1)).to_be_visible()


def test_a_read_of_a_file_reaches_the_dpo_and_the_person(page, make_user, check_accessibility):
    hr = make_user(Role.HR)
    hr.first_name, hr.last_name = "Hélène", "Ressources"
    hr.save()
    person = make_user(Role.EMPLOYEE, first_name="Zoé", last_name="Lambda")
    dpo = make_user(Role.DPO)

    _sign_in(page, hr)
    page.goto(f"/rh/agents/{employee_of(person).pk}/")
    expect(page.get_by_role("heading", name="Zoé Lambda", level=1)).to_be_visible()

    _sign_in(page, dpo)
    page.get_by_role("link", name="Journal d'audit").first.click()
    page.get_by_text("Seulement les consultations avec la rémunération").click()  # the label
    page.get_by_role("button", name="Filtrer").click()
    expect(page.get_by_label("Seulement les consultations avec la rémunération")).to_be_checked()
    row = page.get_by_role("row").filter(has_text="Zoé Lambda")
    expect(row).to_contain_text("Hélène Ressources")
    expect(row).to_contain_text("avec la rémunération")
    check_accessibility(page)

    _sign_in(page, person)
    page.goto("/rh/mon-dossier/")
    panel = page.get_by_test_id("access-log")
    expect(panel.get_by_role("heading", name="Qui a consulté mon dossier")).to_be_visible()
    expect(panel).to_contain_text("Hélène Ressources")
    expect(panel).to_contain_text("Ressources humaines")
    check_accessibility(page)
