"""HR imports a contracts file in the browser; the tasks run in a real Celery worker."""

from datetime import date

import pytest
from playwright.sync_api import expect

from hr.models import Contract
from imtsocial.accounts.roles import Role
from tests.factories import PASSWORD, EmployeeFactory

pytestmark = pytest.mark.browser

CONTRACTS = (
    "matricule;nature;debut;fin;quotite;categorie;grade;signe_le\n"
    "E0042;cdd;01/09/2020;31/08/2022;100;B;Technicienne;15/07/2020\n"
)


def test_hr_imports_a_contract_and_finds_it_on_the_employee_file(
    page, make_user, check_accessibility, celery_worker, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    hr = make_user(Role.HR)
    employee = EmployeeFactory(employee_number="E0042", first_name="Inès", last_name="Valette")

    page.goto("/")
    page.get_by_label("Adresse e-mail").fill(hr.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Mon espace", level=1)).to_be_visible()

    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("link", name="Imports", exact=True).click()
    expect(page.get_by_role("heading", name="Imports", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Fichier d'exemple contrats.csv")).to_be_visible()
    check_accessibility(page)

    page.get_by_label("Contenu du fichier").select_option(label="Contrats")
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "contrats.csv", "mimeType": "text/csv", "buffer": CONTRACTS.encode()}]
    )
    page.get_by_role("button", name="Analyser le fichier").click()

    # The page follows the analysis in the worker, then shows the preview.
    expect(page.get_by_test_id("import-status")).to_have_text("Prêt à importer", timeout=30_000)
    expect(page.get_by_test_id("count-new")).to_have_text("1")
    expect(page.get_by_test_id("count-invalid")).to_have_text("0")
    assert not Contract.objects.exists()  # a preview writes nothing
    check_accessibility(page)

    page.get_by_role("button", name="Confirmer l'import").click()
    expect(page.get_by_test_id("import-status")).to_have_text("Importé", timeout=30_000)
    expect(page.get_by_test_id("count-new")).to_have_text("1")
    check_accessibility(page)

    page.goto(f"/rh/agents/{employee.pk}/")
    contracts = page.locator("section", has=page.get_by_role("heading", name="Contrats"))
    row = contracts.get_by_role("row").filter(has_text="CDD")
    expect(row).to_contain_text("01/09/2020")
    expect(row).to_contain_text("31/08/2022")
    check_accessibility(page)
    contract = Contract.objects.get()
    assert (contract.employee, contract.start) == (employee, date(2020, 9, 1))
