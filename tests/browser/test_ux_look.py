"""One look across the intranet, in the browser: DSFR checkboxes and radios, download
links that show their text, a confirmation dialog driven by the keyboard before an
irreversible action, the footer's public pages. axe-core checks every page opened,
and again with the dialog open."""

import pytest
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role
from telework.enums import RequestStatus
from telework.models import TeleworkRequest
from tests.factories import PASSWORD
from tests.telework.factories import LoanFactory, TeleworkRequestFactory

pytestmark = pytest.mark.browser


def sign_in(page, user):
    page.context.clear_cookies()
    page.goto("/")
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Mon espace", level=1)).to_be_visible()


def test_choices_are_dsfr_checkboxes_and_radios(page, make_user, check_accessibility):
    manager = make_user(Role.EMPLOYEE, first_name="Marc", last_name="Chef")
    agent = make_user(Role.EMPLOYEE, manager=manager.employee)
    request = TeleworkRequestFactory(employee=agent.employee, status=RequestStatus.SUBMITTED)

    sign_in(page, agent)
    page.goto("/teletravail/demandes/nouvelle/")
    days = page.locator("fieldset.fr-fieldset", has=page.get_by_text("Jours fixes de télétravail"))
    # the five weekdays, each a DSFR checkbox group: input then its label
    boxes = days.locator(".fr-fieldset__element > .fr-checkbox-group > input[type=checkbox]")
    expect(boxes).to_have_count(5)
    expect(days.locator(".fr-checkbox-group input[type=checkbox] + label.fr-label")).to_have_count(
        5
    )
    page.locator("label[for=id_fixed_days_1]").click()
    expect(page.locator("#id_fixed_days_1")).to_be_checked()
    # the DSFR box (1.5 rem = 24 px) is drawn by the label, not the 13-pixel native control
    drawn = page.evaluate(
        "getComputedStyle(document.querySelector('label[for=id_fixed_days_1]'), '::before').width"
    )
    assert drawn == "24px"
    check_accessibility(page)

    sign_in(page, manager)
    page.goto(request.get_absolute_url())
    decision = page.locator("fieldset.fr-fieldset", has=page.get_by_text("Décision", exact=True))
    expect(decision.locator(".fr-radio-group input[type=radio] + label.fr-label")).to_have_count(2)
    page.locator("label[for=id_decision_1]").click()  # « Défavorable »
    expect(page.locator("#id_decision_1")).to_be_checked()
    check_accessibility(page)


def test_withdrawing_asks_first_in_a_dialog_driven_by_the_keyboard(
    page, make_user, check_accessibility
):
    agent = make_user(Role.EMPLOYEE)
    request = TeleworkRequestFactory(employee=agent.employee, status=RequestStatus.SUBMITTED)

    sign_in(page, agent)
    page.goto(request.get_absolute_url())
    dialog = page.get_by_role("dialog", name="Retirer votre demande de télétravail ?")
    expect(dialog).to_be_hidden()
    page.get_by_role("button", name="Retirer ma demande").focus()
    page.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    # axe reads colours: let the DSFR opening transition end first.
    page.wait_for_function(
        "el => getComputedStyle(el).opacity === '1'", arg=dialog.element_handle()
    )
    check_accessibility(page)
    # Escape closes it and nothing happened
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    request.refresh_from_db()
    assert request.status == RequestStatus.SUBMITTED

    page.get_by_role("button", name="Retirer ma demande").focus()
    page.keyboard.press("Enter")
    dialog.get_by_role("button", name="Oui, retirer ma demande").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("request-status")).to_have_text("Retirée")
    assert TeleworkRequest.objects.get(pk=request.pk).status == RequestStatus.WITHDRAWN


def test_download_links_show_their_text(page, make_user, check_accessibility):
    agent = make_user(Role.EMPLOYEE)
    request = TeleworkRequestFactory(employee=agent.employee, status=RequestStatus.APPROVED)
    loan = LoanFactory(employee=agent.employee)

    sign_in(page, agent)
    page.goto(request.get_absolute_url())
    link = page.get_by_role("link", name="Télécharger l'autorisation (PDF)")
    expect(link).to_be_visible()
    # an icon-only square was 40 px wide; the labelled button is far wider
    assert link.bounding_box()["width"] > 100

    page.goto(loan.get_absolute_url())
    for link in page.get_by_role("link", name="Convention de prêt (PDF)").all():
        expect(link).to_be_visible()
        assert link.bounding_box()["width"] > 100
    # the agreement to accept is linked right next to the acceptance
    acceptance = page.locator("form", has=page.get_by_role("button", name="J'accepte"))
    expect(acceptance.get_by_role("link", name="Convention de prêt (PDF)")).to_be_visible()
    check_accessibility(page)


def test_the_footer_links_open_public_pages(page, make_user):
    # signed out: the public pages answer without a login
    page.goto("/comptes/login/")
    footer = page.locator("footer")
    names = ["Accessibilité : partiellement conforme", "Mentions légales", "Données personnelles"]
    for name in [*names, "Contact"]:
        href = footer.get_by_role("link", name=name, exact=True).get_attribute("href")
        assert page.request.get(href, max_redirects=0).status == 200, name
    footer.get_by_role("link", name="Accessibilité : partiellement conforme").click()
    expect(page.get_by_role("heading", name="Déclaration d'accessibilité", level=1)).to_be_visible()
    expect(page.get_by_test_id("conformance")).to_contain_text("partiellement conforme")
    expect(page.get_by_text("Défenseur des droits").first).to_be_visible()

    # the language switch: a labelled select and its button, usable from the keyboard
    page.get_by_label("Langue de l'intranet").focus()
    page.keyboard.press("ArrowDown")  # English
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "en")
