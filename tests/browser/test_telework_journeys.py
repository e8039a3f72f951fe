"""Telework journeys in the browser: an employee asks for two days a week, the manager
and HR approve, the employee downloads the authorisation; IT lends a laptop and takes
it back."""

from datetime import date

import pytest
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role
from telework.enums import RequestStatus
from telework.models import Loan, TeleworkRequest
from tests.factories import PASSWORD
from tests.telework.factories import AssetFactory

pytestmark = pytest.mark.browser


def sign_in(page, user):
    page.context.clear_cookies()
    page.goto("/")
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Mon espace", level=1)).to_be_visible()


def test_two_days_a_week_approved_by_manager_and_hr(page, make_user, check_accessibility):
    manager = make_user(Role.EMPLOYEE, first_name="Marc", last_name="Chef")
    agent = make_user(
        Role.EMPLOYEE, first_name="Inès", last_name="Valette", manager=manager.employee
    )
    hr = make_user(Role.HR)

    sign_in(page, agent)
    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("link", name="Télétravail et équipement").click()
    check_accessibility(page)
    page.get_by_role("link", name="Demander le télétravail").first.click()
    expect(page.get_by_role("heading", name="Demander le télétravail", level=1)).to_be_visible()
    # DSFR checkboxes: the label covers the box (mardi = 1, jeudi = 3)
    page.locator("label[for=id_fixed_days_1]").click()
    page.locator("label[for=id_fixed_days_3]").click()
    page.get_by_label("Début").fill("2026-01-05")
    page.get_by_label("Fin", exact=True).fill("2026-12-31")
    page.get_by_label("Motif").select_option(label="Temps de trajet important")
    check_accessibility(page)
    page.get_by_role("button", name="Déposer la demande").click()
    expect(page.get_by_test_id("request-status")).to_have_text("En attente du responsable")
    check_accessibility(page)

    sign_in(page, manager)
    page.get_by_role("link", name="1 demande de télétravail attend votre décision").click()
    page.get_by_role("link", name="Valette Inès").click()
    page.locator("label[for=id_decision_0]").click()  # « Favorable », a DSFR radio
    check_accessibility(page)
    # deciding is irreversible: a confirmation dialog asks first
    page.get_by_role("button", name="Enregistrer la décision").click()
    page.get_by_role("dialog").get_by_role("button", name="Confirmer").click()
    expect(page.get_by_test_id("request-status")).to_have_text("En attente de la décision finale")

    sign_in(page, hr)
    page.get_by_role("link", name="1 demande de télétravail attend votre décision").click()
    check_accessibility(page)
    page.get_by_role("link", name="Valette Inès").click()
    page.locator("label[for=id_decision_0]").click()
    page.get_by_role("button", name="Enregistrer la décision").click()
    page.get_by_role("dialog").get_by_role("button", name="Confirmer").click()
    expect(page.get_by_test_id("request-status")).to_have_text("Autorisée")

    sign_in(page, agent)
    page.goto("/teletravail/mes-demandes/")
    check_accessibility(page)
    page.get_by_role("link", name="du 05/01/2026 au 31/12/2026").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger l'autorisation (PDF)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("autorisation-teletravail-")
    with open(download.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"
    request = TeleworkRequest.objects.get()
    assert (request.status, request.fixed_days, request.decided_by) == (
        RequestStatus.APPROVED,
        "1,3",
        hr,
    )


def test_it_lends_a_laptop_and_takes_it_back(page, make_user, check_accessibility):
    it = make_user(Role.IT)
    borrower = make_user(Role.EMPLOYEE, employee_number="E0077", first_name="Léa", last_name="Roux")
    asset = AssetFactory(tag="PORT-0042", site=borrower.employee.site)

    sign_in(page, it)
    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Télétravail et équipement"
    ).click()
    page.get_by_role("link", name="Inventaire", exact=True).click()
    check_accessibility(page)
    page.get_by_role("link", name="PORT-0042").click()
    # The borrower is a person picker now; typing the staff number still works.
    page.get_by_label("Emprunteur").fill("E0077")
    page.get_by_label("Date du prêt").fill("2026-01-05")
    page.get_by_label("À rendre le").fill("2026-06-30")
    check_accessibility(page)
    page.get_by_role("button", name="Enregistrer le prêt").click()
    expect(page.get_by_test_id("loan-status")).to_be_visible()
    check_accessibility(page)

    sign_in(page, borrower)
    page.get_by_role("link", name="1 convention de prêt à accepter").click()
    page.get_by_role("link", name="PORT-0042 — Ordinateur portable").click()
    page.get_by_role("button", name="J'accepte la convention de prêt").click()
    expect(page.get_by_text("Vous avez accepté la convention de prêt.")).to_be_visible()

    sign_in(page, it)
    page.goto(f"/teletravail/prets/{Loan.objects.get().pk}/")
    page.get_by_label("Rendu le").fill("2026-02-02")
    page.get_by_label("État au retour").select_option(label="Bon état")
    page.get_by_role("button", name="Enregistrer le retour").click()
    expect(page.get_by_test_id("loan-status")).to_have_text("Rendu")
    check_accessibility(page)
    page.get_by_role("link", name="Voir l'équipement").click()
    expect(page.get_by_test_id("asset-state")).to_have_text("En stock")
    loan = Loan.objects.get()
    assert (loan.returned_on, loan.agreement_accepted_by, loan.asset) == (
        date(2026, 2, 2),
        borrower,
        asset,
    )
