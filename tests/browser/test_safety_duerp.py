"""An agent writes a DUERP entry from the knowledge base and adds an action; the
advisor publishes the edition (PDF rendered by a real Celery worker) and downloads it."""

import pytest
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role
from safety.models import ActionItem, DuerpEdition, RiskEntry
from tests.factories import PASSWORD
from tests.safety.factories import (
    HazardFactory,
    HazardFamilyFactory,
    PreventionAdvisorFactory,
    RatingMethodFactory,
    WorkUnitFactory,
)

pytestmark = pytest.mark.browser


def _login(page, user):
    page.goto("/")
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Mon espace", level=1)).to_be_visible()


def test_agent_writes_an_entry_and_the_advisor_publishes_the_edition(
    page, make_user, check_accessibility, celery_worker, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    RatingMethodFactory()
    agent = make_user(Role.PREVENTION)
    advisor = make_user(Role.PREVENTION)
    PreventionAdvisorFactory(user=advisor)
    unit = WorkUnitFactory(
        code="R132", name="Laboratoire de synthèse des polymères", agents=[agent]
    )
    HazardFactory(
        family=HazardFamilyFactory(code="chimique", name="Risque chimique"),
        name="Solvants organiques (styrène)",
        typical_measures="Manipulation sous sorbonne contrôlée\nGants nitrile",
    )

    _login(page, agent)
    page.goto("/prevention/")
    check_accessibility(page)
    page.get_by_role("link", name="Unités de travail").click()
    page.get_by_role("link", name="R132 – Laboratoire de synthèse des polymères").click()
    expect(page.get_by_role("heading", name=str(unit), level=1)).to_be_visible()
    check_accessibility(page)
    page.get_by_role("link", name="Ajouter un risque").click()
    check_accessibility(page)
    page.get_by_role("link", name="Solvants organiques (styrène)").click()
    # the hazard's typical measures are suggested
    expect(page.get_by_label("Mesures existantes")).to_have_value(
        "Manipulation sous sorbonne contrôlée\nGants nitrile"
    )
    check_accessibility(page)
    page.get_by_label("Situation de travail").fill("Transvasement de styrène pour la synthèse")
    page.get_by_label("Personnes exposées", exact=True).fill("Chercheurs et doctorants")
    page.get_by_label("Gravité (1 à 4)").select_option("3")
    page.get_by_label("Probabilité (1 à 4)").select_option("3")
    page.get_by_label("Niveau de maîtrise").select_option(label="Non maîtrisé")
    page.get_by_role("button", name="Enregistrer").click()
    # 3 × 3 × 3 = 27 ≥ 24: priority 1
    expect(page.get_by_test_id("rating")).to_contain_text("cote 27")
    expect(page.get_by_text("Priorité 1", exact=True).first).to_be_visible()
    check_accessibility(page)

    page.get_by_role("link", name="Ajouter une action").click()
    page.get_by_label("Action", exact=True).fill("Installer un bras aspirant")
    page.get_by_label("Responsable").select_option(str(agent.pk))
    page.get_by_label("Échéance").fill("2030-06-30")
    page.get_by_label("Budget estimé (€)").fill("4500")
    check_accessibility(page)
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_role("cell", name="Installer un bras aspirant")).to_be_visible()
    assert ActionItem.objects.get().entry == RiskEntry.objects.get()
    page.get_by_role("button", name="Se déconnecter").click()

    _login(page, advisor)
    page.goto("/prevention/editions/")
    check_accessibility(page)
    page.get_by_role("link", name="Publier une édition").click()
    page.get_by_label("Année du DUERP").fill("2026")
    check_accessibility(page)
    page.get_by_role("button", name="Publier").click()
    # publishing freezes the edition: a confirmation dialog asks first
    page.get_by_role("button", name="Oui, publier l'édition").click()
    expect(page.get_by_role("heading", name="DUERP 2026", level=1)).to_be_visible()
    download_link = page.get_by_role("link", name="Télécharger duerp-2026.pdf")
    for _ in range(60):  # the worker renders the PDF
        if download_link.count():
            break
        page.wait_for_timeout(500)
        page.reload()
    check_accessibility(page)
    with page.expect_download() as info:
        download_link.click()
    download = info.value
    assert download.suggested_filename == "duerp-2026.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"
    edition = DuerpEdition.objects.get()
    assert (edition.entry_count, edition.action_count) == (1, 1)
