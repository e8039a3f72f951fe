"""[UX] point 5 in the browser: the aid form keeps the attached document across
« Estimer mon aide »; a telework rule error shows next to the field it concerns."""

import pytest
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role
from social_action.models import AidRequest
from tests.browser.test_telework_journeys import sign_in
from tests.social_action.factories import PDF_BYTES

pytestmark = pytest.mark.browser


def test_the_document_survives_the_estimate(
    page, make_user, check_accessibility, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"
    sign_in(page, make_user(Role.EMPLOYEE))
    page.goto("/action-sociale/")
    page.get_by_role("link", name="Les dispositifs").first.click()
    page.get_by_role("link", name="Aide exceptionnelle").click()
    page.get_by_role("link", name="Faire une demande").click()
    page.get_by_label("Montant demandé (€)").fill("450")
    page.get_by_label("Objet de la demande").fill("Panne de chaudière en plein hiver")
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "devis.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )
    page.get_by_role("button", name="Estimer mon aide").click()
    expect(page.get_by_test_id("estimate")).to_contain_text("450,00")
    expect(page.get_by_test_id("kept-documents")).to_contain_text("Document joint : devis.pdf")
    expect(page.get_by_test_id("kept-documents")).to_contain_text("conservé")
    check_accessibility(page)
    page.get_by_role("button", name="Déposer ma demande").click()  # no file chosen again
    expect(page.get_by_test_id("status")).to_have_text("Déposée")
    expect(page.get_by_test_id("documents")).to_contain_text("devis.pdf")
    assert AidRequest.objects.get().documents.count() == 1


def test_a_telework_rule_error_is_next_to_the_days(page, make_user, check_accessibility):
    sign_in(page, make_user(Role.EMPLOYEE))
    page.goto("/teletravail/demandes/nouvelle/")
    for day in (0, 1, 2, 3):  # four fixed days: over the ceiling of three
        page.locator(f"label[for=id_fixed_days_{day}]").click()
    page.get_by_label("Début").fill("2027-01-04")
    page.get_by_label("Fin", exact=True).fill("2027-06-30")
    page.get_by_label("Motif").select_option(label="Temps de trajet important")
    page.get_by_role("button", name="Déposer la demande").click()
    expect(page.locator("#id_fixed_days-errors")).to_contain_text("limité à 3 jours")
    check_accessibility(page)
