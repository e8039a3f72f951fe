"""An aid request from submission to payment, in the browser: the employee submits with a
PDF, the correspondent asks for information, the employee answers, the correspondent
approves and marks the aid paid. axe-core on every page; no console error."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role
from social_action.models import AidRequest
from tests.factories import PASSWORD
from tests.social_action.factories import PDF_BYTES, SchemeBudgetFactory

pytestmark = pytest.mark.browser


def _login(page, user):
    page.goto("/")
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Mon espace", level=1)).to_be_visible()


def _logout(page):
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page).to_have_url("/comptes/login/")


def test_an_aid_from_submission_to_payment(
    page, make_user, check_accessibility, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    employee = make_user(Role.EMPLOYEE)
    correspondent = make_user(Role.SOCIAL_ACTION)
    SchemeBudgetFactory(envelope=Decimal("2000"))

    # The employee picks the scheme, gets an estimate, then submits with a PDF.
    _login(page, employee)
    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Action sociale"
    ).click()
    page.get_by_role("link", name="Les dispositifs").first.click()
    check_accessibility(page)
    page.get_by_role("link", name="Aide exceptionnelle").click()
    check_accessibility(page)
    page.get_by_role("link", name="Faire une demande").click()
    page.get_by_label("Montant demandé (€)").fill("450")
    page.get_by_label("Objet de la demande").fill("Panne de chaudière en plein hiver")
    page.get_by_role("button", name="Estimer mon aide").click()
    expect(page.get_by_test_id("estimate")).to_contain_text("450,00")
    check_accessibility(page)
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "devis.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )
    page.get_by_role("button", name="Déposer ma demande").click()
    expect(page.get_by_test_id("status")).to_have_text("Déposée")
    expect(page.get_by_test_id("documents")).to_contain_text("devis.pdf")
    check_accessibility(page)
    aid = AidRequest.objects.get()
    _logout(page)

    # The correspondent finds it in the queue and asks for information.
    _login(page, correspondent)
    page.goto("/action-sociale/instruction/")
    check_accessibility(page)
    page.get_by_role("link", name=str(aid.pk), exact=True).click()
    page.get_by_label("Message au demandeur").fill("Pouvez-vous joindre la facture ?")
    page.get_by_role("button", name="Demander un complément").click()
    expect(page.get_by_test_id("status")).to_have_text("Complément demandé")
    check_accessibility(page)
    _logout(page)

    # The employee answers and sends the request back.
    _login(page, employee)
    page.goto(aid.get_absolute_url())
    expect(page.get_by_test_id("thread")).to_contain_text("joindre la facture")
    page.get_by_label("Votre message").fill("Facture jointe, merci.")
    page.get_by_role("button", name="Envoyer le message").click()
    page.get_by_role("button", name="Renvoyer ma demande complétée").click()
    expect(page.get_by_test_id("status")).to_have_text("Déposée")
    check_accessibility(page)
    _logout(page)

    # The correspondent approves within the envelope, then marks it paid.
    _login(page, correspondent)
    page.goto(aid.get_absolute_url())
    expect(page.get_by_test_id("thread")).to_contain_text("Facture jointe")
    page.get_by_label("Montant accordé (€)").fill("450")
    page.get_by_role("button", name="Accorder l'aide", exact=True).click()
    # granting and paying are irreversible: each asks first in a dialog
    page.get_by_role("button", name="Oui, accorder l'aide").click()
    expect(page.get_by_test_id("status")).to_have_text("Accordée")
    page.get_by_role("button", name="Marquer comme versée").click()
    page.get_by_role("button", name="Oui, l'aide est versée").click()
    expect(page.get_by_test_id("status")).to_have_text("Versée")
    check_accessibility(page)
    aid.refresh_from_db()
    assert (aid.status, aid.amount_granted) == ("paid", Decimal("450.00"))
    _logout(page)

    # The employee sees that the correspondent opened the file.
    _login(page, employee)
    page.goto(aid.get_absolute_url())
    log = page.locator(
        "section", has=page.get_by_role("heading", name="Qui a consulté mon dossier")
    )
    expect(log).to_contain_text(str(correspondent))
    check_accessibility(page)
