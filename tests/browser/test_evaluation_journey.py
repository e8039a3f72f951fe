"""An appraisal interview in the browser: the manager records it as held, writes and
notifies the report; the employee signs with a comment; the manager's own manager
endorses. A planning date too close is refused next to the date. axe-core on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hr.evaluations.enums import InterviewStatus
from hr.evaluations.models import EvaluationInterview
from imtsocial.accounts.roles import Role
from tests.browser.test_social_action_journey import _login, _logout
from tests.evaluations.factories import CampaignFactory, InterviewFactory

pytestmark = pytest.mark.browser


def test_an_interview_from_holding_to_endorsement(page, make_user, check_accessibility):
    today = timezone.localdate()
    n2 = make_user(Role.EMPLOYEE)
    manager = make_user(Role.EMPLOYEE, manager=n2.employee)
    person = make_user(Role.EMPLOYEE, manager=manager.employee)
    campaign = CampaignFactory(year=today.year, opened_on=today - timedelta(days=30))
    interview = InterviewFactory(
        employee=person.employee,
        campaign=campaign,
        status=InterviewStatus.PLANNED,
        convened_on=today - timedelta(days=15),
        scheduled_for=today - timedelta(days=1),
    )
    to_plan = InterviewFactory(
        employee=make_user(Role.EMPLOYEE, manager=manager.employee).employee, campaign=campaign
    )

    # The manager finds the interviews from « Mon espace ».
    _login(page, manager)
    page.get_by_role("link", name="Entretiens à conduire ou à viser").first.click()
    check_accessibility(page)
    page.get_by_role("link", name=str(today.year)).nth(1).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Entretien")

    # A date less than 8 days ahead is refused next to the date.
    page.goto(to_plan.get_absolute_url())
    page.get_by_label("Date de l'entretien").fill((today + timedelta(days=3)).isoformat())
    page.get_by_role("button", name="Planifier l'entretien").click()
    expect(page.locator("#id_scheduled_for-desc-error, .fr-error-text").first).to_contain_text(
        "au moins 8 jours à l'avance"
    )
    check_accessibility(page)

    # Held yesterday, then the report, then the notification.
    page.goto(interview.get_absolute_url())
    page.get_by_label("Entretien tenu le").fill((today - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Noter l'entretien comme tenu").click()
    expect(page.get_by_test_id("status")).to_contain_text("Tenu")
    page.get_by_role("link", name="Rédiger le compte rendu").click()
    check_accessibility(page)
    page.get_by_label("Résultats professionnels obtenus").fill("Objectifs atteints.")
    page.get_by_label("Objectifs pour l'année à venir").fill("Former le nouvel arrivant.")
    page.get_by_label("Manière de servir").fill("Rigoureuse et disponible.")
    page.get_by_label("Besoins de formation").fill("Management à distance.")
    page.get_by_label("Perspectives d'évolution professionnelle").fill("Concours interne.")
    page.get_by_role("button", name="Enregistrer le compte rendu").click()
    expect(page.get_by_test_id("results")).to_have_text("Objectifs atteints.")
    page.get_by_role("button", name="Notifier le compte rendu à l'agent").click()
    expect(page.get_by_test_id("status")).to_contain_text("Notifié")
    expect(page.get_by_test_id("deadlines")).to_contain_text("Demande de révision")
    check_accessibility(page)
    _logout(page)

    # The employee signs with a comment.
    _login(page, person)
    page.get_by_role("link", name=str(interview)).first.click()
    page.get_by_label("Vos observations (facultatif)").fill("Je souhaite une formation.")
    page.get_by_role("button", name="Signer le compte rendu").click()
    expect(page.get_by_test_id("status")).to_contain_text("Signé par l'agent")
    expect(page.get_by_test_id("comments")).to_have_text("Je souhaite une formation.")
    check_accessibility(page)
    _logout(page)

    # The N+2 endorses from « Mon espace ».
    _login(page, n2)
    page.get_by_role("link", name="1 compte rendu à viser").click()
    page.get_by_role("link", name=str(today.year)).first.click()
    page.get_by_role("button", name="Viser le compte rendu").click()
    expect(page.get_by_test_id("status")).to_contain_text("Visé")
    check_accessibility(page)
    assert EvaluationInterview.objects.get(pk=interview.pk).status == InterviewStatus.ENDORSED
