"""The safety quiz in the browser: an employee opens it from « Mon espace », answers (one
question right, one wrong), sees the score with the correction; prevention then sees
the share of right answers per question. axe-core on every page."""

import pytest
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role
from tests.browser.test_social_action_journey import _login, _logout
from tests.safety_trainings.factories import question

pytestmark = pytest.mark.browser


def test_an_employee_takes_the_quiz_and_sees_their_score(page, make_user, check_accessibility):
    question("Que faites-vous d'abord face à un début d'incendie ?",
             [("Donner l'alerte", True), ("Ouvrir les fenêtres", False)])  # fmt: skip
    question("Quels équipements pour transvaser un solvant ?",
             [("Des gants adaptés", True), ("Des lunettes", True), ("Rien", False)])  # fmt: skip
    employee = make_user(Role.EMPLOYEE)
    prevention = make_user(Role.PREVENTION)

    _login(page, employee)
    page.get_by_role("link", name="Quiz santé et sécurité").first.click()
    check_accessibility(page)
    page.get_by_role("button", name="Valider mes réponses").click()  # nothing ticked
    expect(page.get_by_text("Cochez au moins une réponse.").first).to_be_visible()
    page.get_by_text("Donner l'alerte").click()
    page.get_by_text("Des gants adaptés").click()  # the glasses are missing: wrong
    page.get_by_role("button", name="Valider mes réponses").click()
    # 1 question right of 2: 50 %
    expect(page.get_by_test_id("score")).to_contain_text("1 bonnes réponses sur 2 (50 %)")
    expect(page.get_by_text("À revoir")).to_be_visible()
    check_accessibility(page)
    _logout(page)

    _login(page, prevention)
    page.goto("/prevention/formations/quiz/questions/")
    row = page.get_by_role("row").filter(has_text="transvaser un solvant")
    expect(row).to_contain_text("0 %")
    row = page.get_by_role("row").filter(has_text="début d'incendie")
    expect(row).to_contain_text("100 %")
    check_accessibility(page)
