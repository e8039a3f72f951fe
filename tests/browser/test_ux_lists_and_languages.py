"""[UX] points 7, 8, 10 and 11 in the browser: IT's current loans searched and a return
recorded with its condition and notes; the manager's team searched and its calendar of
this week; statistics opening on the last 31 December; French and English done
properly; the accessibility statement reached from the footer by the keyboard.
axe-core checks every page opened (and ``check_accessibility`` again after each step)."""

import re
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hr.enums import ContractKind
from imtsocial.accounts.roles import Role
from imtsocial.formats import long_date
from imtsocial.periods import last_31_december
from telework.enums import AssetKind, RequestStatus
from tests.browser.test_telework_journeys import sign_in
from tests.factories import PASSWORD, ContractFactory, EmployeeFactory
from tests.social_action.factories import scheme
from tests.telework.factories import AssetFactory, LoanFactory, TeleworkRequestFactory

pytestmark = pytest.mark.browser

NBSP = "\u00a0"


def _submit_search(page, label, text):
    field = page.get_by_label(label)
    field.fill(text)
    field.press("Enter")  # the keyboard submits the search form


def _loan_rows(page):
    return page.locator("table tbody tr")


# Point 7 ------------------------------------------------------------------------------


def test_it_searches_the_current_loans_and_records_a_return(page, make_user, check_accessibility):
    today = timezone.localdate()
    it = make_user(Role.IT)
    inès = EmployeeFactory(last_name="Valette", first_name="Inès")
    laptop = LoanFactory(
        employee=inès,
        asset=AssetFactory(tag="PORT-0001", state="lent"),
        out_on=today - timedelta(days=30),
        due_on=today + timedelta(days=200),
    )
    LoanFactory(
        employee=EmployeeFactory(last_name="Mercier", first_name="Paul"),
        asset=AssetFactory(tag="ECR-0007", kind=AssetKind.SCREEN, state="lent"),
        out_on=today - timedelta(days=10),
        due_on=today + timedelta(days=100),
    )
    LoanFactory(returned_on=today - timedelta(days=1))  # returned: never listed

    sign_in(page, it)
    page.get_by_role("link", name="2 prêts en cours").click()  # from « Mon espace »
    expect(page.get_by_role("heading", name="Prêts en cours", level=1)).to_be_visible()
    expect(page.locator("caption")).to_have_text("2 prêts en cours")  # the returned one is not
    check_accessibility(page)

    # by the borrower's name: only Inès Valette's laptop is left
    _submit_search(page, "Agent, inventaire ou série", "valette")
    expect(page.locator("caption")).to_have_text("1 prêt en cours")
    expect(_loan_rows(page)).to_have_count(1)
    expect(_loan_rows(page).first).to_contain_text("PORT-0001")
    expect(_loan_rows(page).first).to_contain_text(inès.full_name)
    check_accessibility(page)
    # by the asset's tag: only the screen
    _submit_search(page, "Agent, inventaire ou série", "ECR-00")
    expect(_loan_rows(page)).to_have_count(1)
    expect(_loan_rows(page).first).to_contain_text("ECR-0007")
    # nothing matches: French takes the singular for zero (point 10)
    _submit_search(page, "Agent, inventaire ou série", "introuvable")
    expect(page.locator("caption")).to_have_text("0 prêt en cours")
    expect(page.get_by_text("Aucun prêt en cours ne correspond à la recherche.")).to_be_visible()
    check_accessibility(page)
    # by kind, after a reset
    page.get_by_role("link", name="Réinitialiser").click()
    expect(_loan_rows(page)).to_have_count(2)
    page.get_by_label("Type").select_option(label="Ordinateur portable")
    page.get_by_role("button", name="Rechercher").click()
    expect(_loan_rows(page)).to_have_count(1)
    expect(_loan_rows(page).first).to_contain_text("PORT-0001")
    check_accessibility(page)

    # IT takes the laptop back: damaged, with a note
    page.get_by_role("link", name=str(laptop.asset)).click()
    expect(page.get_by_test_id("loan-status")).to_have_text("En cours")
    page.get_by_label("Rendu le").fill(today.isoformat())
    page.get_by_label("État au retour").select_option(label="Endommagé")
    page.get_by_label("Remarques").fill("Écran rayé, chargeur manquant")
    check_accessibility(page)
    page.get_by_role("button", name="Enregistrer le retour").click()
    expect(page.get_by_text("Le retour de l'équipement est enregistré.")).to_be_visible()
    expect(page.get_by_test_id("loan-status")).to_have_text("Rendu")
    expect(page.get_by_test_id("return-notes")).to_have_text("Écran rayé, chargeur manquant")
    expect(page.locator("dd", has_text="Endommagé")).to_be_visible()
    check_accessibility(page)

    # the asset's page tells it in its loans and in its history
    page.get_by_role("link", name="Voir l'équipement").click()
    loans = page.locator("table", has=page.locator("caption", has_text="Prêts de cet équipement"))
    row = loans.locator("tbody tr", has_text=inès.full_name)
    expect(row).to_contain_text("Endommagé")
    expect(row).to_contain_text("Écran rayé, chargeur manquant")
    history = page.locator("section", has=page.locator("#history-title"))
    loan_row = history.locator("tbody tr", has_text=f"Prêt du {laptop.out_on:%d/%m/%Y}").filter(
        has_text="Écran rayé, chargeur manquant"
    )
    expect(loan_row).to_have_count(1)
    expect(loan_row).to_contain_text("Endommagé")
    check_accessibility(page)


def test_the_manager_searches_the_team_and_sees_its_telework_days(
    page, make_user, check_accessibility
):
    today = timezone.localdate()
    manager = make_user(Role.MANAGER)
    report = manager.employee.reports.get()  # made with the manager
    EmployeeFactory(manager=manager.employee, last_name="Zola", first_name="Émile")
    # an authorisation in force all this week: Tuesday and Thursday (0 = Monday)
    TeleworkRequestFactory(
        employee=report,
        status=RequestStatus.APPROVED,
        fixed_days="1,3",
        start=today - timedelta(days=60),
        end=today + timedelta(days=300),
    )

    sign_in(page, manager)
    page.goto("/rh/mon-equipe/")
    expect(page.get_by_role("heading", name="Mon équipe", level=1)).to_be_visible()
    expect(page.locator("caption")).to_have_text("2 agents")
    check_accessibility(page)
    _submit_search(page, "Nom ou matricule", "zol")
    expect(page.locator("caption")).to_have_text("1 agent")
    expect(page.locator("table tbody tr")).to_have_text(re.compile(r"^\s*Émile Zola"))
    check_accessibility(page)

    page.get_by_role("link", name="Calendrier de l'équipe").click()
    expect(page.get_by_role("heading", name="Calendrier de l'équipe", level=1)).to_be_visible()
    row = page.locator("tbody tr", has=page.get_by_role("rowheader", name=report.last_name))
    # Monday to Friday of this week, then the floating days
    expect(row.locator("td")).to_have_text(
        ["Sur site", "Télétravail", "Sur site", "Télétravail", "Sur site", "—"]
    )
    zola = page.locator("tbody tr", has=page.get_by_role("rowheader", name="Zola Émile"))
    expect(zola.locator("td", has_text="Télétravail")).to_have_count(0)
    check_accessibility(page)


# Point 8 ------------------------------------------------------------------------------


def test_statistics_open_on_the_last_31_december_and_follow_the_date_chosen(
    page, make_user, check_accessibility
):
    today = timezone.localdate()
    reference = last_31_december(today)
    first_of_year = reference + timedelta(days=1)  # 1 January of this year
    for index in range(6):  # in post since 2015
        ContractFactory(employee=EmployeeFactory(last_name=f"Ancien{index}"))
    for index in range(2):  # arrived on 1 January: not there on the last 31 December
        employee = EmployeeFactory(last_name=f"Nouveau{index}", hire_date=first_of_year)
        ContractFactory(
            employee=employee,
            kind=ContractKind.CDD,
            start=first_of_year,
            end=today + timedelta(days=365),
        )
        TeleworkRequestFactory(
            employee=employee,
            status=RequestStatus.APPROVED,
            start=first_of_year,
            end=today + timedelta(days=365),
        )
    hr = make_user(Role.HR)

    sign_in(page, hr)
    page.get_by_role("link", name="Statistiques RH").first.click()
    field = page.get_by_role("textbox", name="Date de référence")
    expect(field).to_have_value(reference.isoformat())  # the choice is shown
    expect(page.get_by_text(f"Chiffres au {long_date(reference)}.")).to_be_visible()
    headcount = page.locator("section", has=page.locator("#headcount-title"))
    # the six in post since 2015; the two CDD began after the reference date
    expect(headcount.locator("tfoot td")).to_have_text("6")
    check_accessibility(page)
    field.fill(today.isoformat())
    field.press("Enter")
    expect(page.get_by_text(f"Chiffres au {long_date(today)}.")).to_be_visible()
    expect(headcount.locator("tfoot td")).to_have_text("8")  # 6 + the two CDD
    check_accessibility(page)

    page.goto("/teletravail/statistiques/")
    expect(page.get_by_label("À la date du")).to_have_value(reference.isoformat())
    expect(page.get_by_role("heading", name=f"Télétravail au {reference:%d/%m/%Y}")).to_be_visible()
    expect(page.get_by_test_id("teleworkers")).to_have_text("0")  # both authorised from 1 January
    check_accessibility(page)
    page.get_by_label("À la date du").fill(today.isoformat())
    page.get_by_role("button", name="Afficher").click()
    expect(page.get_by_test_id("teleworkers")).to_have_text("2")
    check_accessibility(page)


# Point 10 -----------------------------------------------------------------------------


def test_an_english_reader_gets_english_messages_dates_and_labels(
    page, make_user, check_accessibility
):
    user = make_user(Role.EMPLOYEE, first_name="Emma", last_name="Smith")
    user.preferred_language = "en"
    user.save(update_fields=["preferred_language"])
    accepted = timezone.make_aware(datetime(2020, 12, 17, 10, 0))
    loan = LoanFactory(
        employee=user.employee,
        due_on=timezone.localdate() + timedelta(days=100),
        agreement_accepted_at=accepted,
        agreement_accepted_by=user,
    )

    page.context.clear_cookies()
    page.goto("/")  # signed out: the browser asks for French
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_label("Mot de passe").press("Enter")
    expect(page.get_by_role("heading", name="My space", level=1)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_text("Successfully signed in as")).to_be_visible()
    check_accessibility(page)

    page.goto(loan.get_absolute_url())
    heading = f"Loan: {loan.asset.tag} — Laptop"  # the kind of asset in English
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    expect(page.get_by_test_id("loan-status")).to_have_text("In progress")
    expect(page.get_by_text("accepted on 17 December 2020 at 10:00")).to_be_visible()
    check_accessibility(page)

    # the footer's switch takes the reader back to French, from the keyboard
    page.get_by_label("Language of the intranet").select_option("fr")
    page.get_by_label("Language of the intranet").press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_text("acceptée le 17 décembre 2020 à 10:00")).to_be_visible()
    expect(page.get_by_test_id("loan-status")).to_have_text("En cours")
    check_accessibility(page)


def test_french_dates_amounts_and_the_order_of_names(page, make_user, check_accessibility):
    for last_name in ("Fabien", "David", "Éric"):
        EmployeeFactory(last_name=last_name, first_name="Tri")
    éric = EmployeeFactory._meta.model.objects.get(last_name="Éric")
    éric.birth_date = date(1980, 12, 1)
    éric.save(update_fields=["birth_date"])
    hr = make_user(Role.HR)

    sign_in(page, hr)
    page.goto("/rh/agents/")
    page.get_by_role("link", name="Nom").click()  # sort by name
    _submit_search(page, "Nom ou matricule", "Tri")
    names = page.locator("table tbody tr").all_inner_texts()
    order = [n for name in names for n in ("David", "Éric", "Fabien") if n in name]
    assert order == ["David", "Éric", "Fabien"], names  # É sorts with E, not after Z
    check_accessibility(page)

    page.get_by_role("link", name=re.compile("Éric")).first.click()
    # the first of the month is « 1er » in French, for every date in a sentence
    expect(page.get_by_test_id("birth-date")).to_have_text("1er décembre 1980")
    expect(page.locator("dd", has_text="1er septembre 2015")).to_be_visible()  # hire date
    check_accessibility(page)

    sign_in(page, make_user(Role.EMPLOYEE))
    page.goto(f"/action-sociale/dispositifs/{scheme('aide-exceptionnelle').pk}/demander/")
    cap = scheme("aide-exceptionnelle").cap_at(timezone.localdate())
    assert cap == Decimal("1500.00")  # the reference data of the scheme
    hint = page.locator("#id_amount_asked_helptext")
    # no-break spaces between the thousands and before the euro sign
    expect(hint).to_have_text(f"Plafond du dispositif : 1{NBSP}500,00{NBSP}€.")
    check_accessibility(page)


# Point 11 -----------------------------------------------------------------------------


def test_the_accessibility_statement_from_the_footer_by_keyboard(page, check_accessibility):
    page.goto("/comptes/login/")
    link = page.locator("footer").get_by_role("link", name="Accessibilité : partiellement conforme")
    for _press in range(60):  # Tab through the page until the footer link has the focus
        page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the accessibility link is not reachable with Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Déclaration d'accessibilité", level=1)).to_be_visible()
    expect(page).to_have_url(re.compile(r"/accessibilite/$"))
    # conformance status, contact, recourse
    expect(page.get_by_role("heading", name="État de conformité")).to_be_visible()
    expect(page.get_by_test_id("conformance")).to_contain_text("partiellement conforme")
    expect(page.get_by_test_id("conformance")).to_contain_text("RGAA")
    expect(page.get_by_role("heading", name="Retour d'information et contact")).to_be_visible()
    expect(page.locator("main a[href^='mailto:']")).to_have_count(1)
    expect(page.get_by_role("heading", name="Voies de recours")).to_be_visible()
    expect(page.get_by_text("Défenseur des droits").first).to_be_visible()
    check_accessibility(page)
