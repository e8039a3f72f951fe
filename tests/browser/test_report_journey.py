"""The director asks for the 2020 chapter, watches its progress (refreshed by the static
script, no reload by hand) and downloads the PDF built by a real Celery worker."""

import pytest
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role
from imtsocial.reports.models import Edition
from tests.factories import PASSWORD
from tests.reports.chapter_data import small_school

pytestmark = pytest.mark.browser


def _login(page, user):
    page.goto("/")
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Mon espace", level=1)).to_be_visible()


def test_the_director_asks_for_the_chapter_watches_it_and_downloads_it(
    page, make_user, check_accessibility, celery_worker, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.REPORTS_STEP_DELAY_SECONDS = 0.4  # long enough to see the progress move
    director = make_user(Role.DIRECTOR)
    small_school(make_user(Role.HR))

    _login(page, director)
    page.get_by_role("link", name="Rapport annuel DD&RS").click()
    expect(page.get_by_role("heading", name="Rapport DD&RS — chapitre ODD 8")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Année du rapport").select_option("2020")
    page.get_by_role("button", name="Afficher l'année").click()
    expect(page.get_by_role("heading", name="Chapitre 2020")).to_be_visible()
    # (3 000 + 4 000 + 5 500) / 3 = 4 166,67 → 4 167 € in the figures table.
    row = page.locator('[data-code="pay_permanent_average"]')
    expect(row).to_contain_text("4\u00a0167\u00a0€")

    page.get_by_role("button", name="Demander le PDF").click()
    expect(page.get_by_text("Le PDF du chapitre 2020 est demandé (édition 1).")).to_be_visible()
    progress = page.get_by_test_id("edition-progress")
    # The script shows the section being prepared, without reloading by hand.
    expect(progress).to_contain_text("en cours", timeout=30_000)
    expect(progress).to_contain_text("Section", timeout=30_000)
    check_accessibility(page)

    editions = page.get_by_test_id("editions-of-year")
    expect(editions.get_by_test_id("edition-status")).to_have_text("prête", timeout=60_000)
    expect(page.get_by_test_id("edition-progress")).to_have_count(0)
    edition = Edition.objects.get()
    expect(editions).to_contain_text(edition.sha256)
    check_accessibility(page)

    with page.expect_download() as info:
        editions.get_by_role("link", name="Télécharger le PDF").click()
    download = info.value
    assert download.suggested_filename == "ddrs-odd8-2020-1.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
