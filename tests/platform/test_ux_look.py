"""One look across the intranet, checked on the server's HTML: the public pages of the
footer, DSFR checkboxes and radios, a header row on every table, one sub-navigation
pattern marking the current page, confirmation dialogs before irreversible actions."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from imtsocial.accounts.roles import Role
from telework.enums import RequestStatus
from telework.forms import DecisionForm, TeleworkRequestForm
from tests.safety.factories import PreventionAdvisorFactory
from tests.social_action.factories import AidRequestFactory
from tests.telework.factories import TeleworkRequestFactory

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["accessibility", "legal_notice", "personal_data", "contact"]


class _Tables(HTMLParser):
    """Each table of a page: does it have a <thead>, and which <th> lack a scope."""

    def __init__(self):
        super().__init__()
        self.tables: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"thead": False, "th_without_scope": 0})
        elif tag == "thead" and self.tables:
            self.tables[-1]["thead"] = True
        elif tag == "th" and self.tables and not dict(attrs).get("scope"):
            self.tables[-1]["th_without_scope"] += 1


def _tables(html: str) -> list[dict]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_the_public_pages_answer_without_signing_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    footer = response.content.decode().split('<footer class="fr-footer"')[1]
    for other in PUBLIC_PAGES:
        assert f'href="{reverse(other)}"' in footer


def test_the_accessibility_statement_says_what_is_checked_and_where_to_turn(client, settings):
    settings.ACCESSIBILITY_EMAIL = "a11y@ecole.example"
    html = client.get(reverse("accessibility")).content.decode()
    for text in (
        "partiellement conforme",
        "axe-core",
        "Vérifications restant manuelles",
        "Contenus non accessibles",
        "mailto:a11y@ecole.example",
        "Défenseur des droits",
    ):
        assert text in html, text


def test_the_personal_data_page_gives_the_dpo_and_the_retention(client, settings):
    settings.DPO_EMAIL = "dpo@ecole.example"
    settings.AUDIT_RETENTION_DAYS = 3 * 365 + 1  # 1 096 days // 365 = 3 years
    html = client.get(reverse("personal_data")).content.decode()
    assert "mailto:dpo@ecole.example" in html
    assert "Journal des consultations : 3 ans." in html
    assert "rectifier" in html


def test_checkbox_lists_and_radios_render_as_dsfr_fieldsets():
    days = str(TeleworkRequestForm()["fixed_days"].as_field_group())
    # five weekdays: fr-fieldset > fr-fieldset__element > fr-checkbox-group > input + label
    assert days.strip().startswith('<fieldset class="fr-fieldset"')
    assert days.count('<div class="fr-checkbox-group">') == 5
    assert '<label class="fr-label" for="id_fixed_days_1">mardi</label>' in days
    decision = str(DecisionForm()["decision"].as_field_group())
    assert decision.count('<div class="fr-radio-group">') == 2
    assert '<input type="radio" name="decision" value="approve"' in decision
    assert "<label for=" not in decision  # the native markup wraps the input in its label


def test_a_choice_error_is_shown_under_the_fieldset():
    form = DecisionForm(data={})
    html = str(form["decision"].as_field_group())
    assert 'class="fr-fieldset fr-fieldset--error"' in html
    assert "Choisissez une décision." in html


def test_every_table_has_a_header_row(client, make_user):
    correspondent = make_user(Role.SOCIAL_ACTION)
    employee = make_user(Role.EMPLOYEE)
    aid = AidRequestFactory(requester=employee.employee, submitted=True)
    pages = [
        (correspondent, reverse("social_action:statistics")),
        (correspondent, reverse("social_action:queue")),
        (employee, aid.get_absolute_url()),
        (employee, reverse("contact")),
    ]
    seen = 0
    for user, url in pages:
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, url
        for table in _tables(response.content.decode()):
            assert table == {"thead": True, "th_without_scope": 0}, url
            seen += 1
    assert seen >= 4  # at least: statistics 2, the access log 1, contact 1, the queue


def test_the_sub_navigation_is_one_pattern_marking_the_current_page(client, make_user):
    client.force_login(make_user(Role.EMPLOYEE))
    html = client.get(reverse("social_action:scheme_list")).content.decode()
    assert '<nav class="fr-mb-3w imt-subnav" aria-label="Action sociale">' in html
    assert (
        f'<a class="fr-btn fr-btn--tertiary" href="{reverse("social_action:scheme_list")}"'
        ' aria-current="page">Les dispositifs</a>'
    ) in html
    assert "fr-tags-group" not in html


def test_withdrawing_and_deciding_telework_ask_first(client, make_user):
    manager = make_user(Role.EMPLOYEE)
    agent = make_user(Role.EMPLOYEE, manager=manager.employee)
    request = TeleworkRequestFactory(employee=agent.employee, status=RequestStatus.SUBMITTED)
    client.force_login(agent)
    html = client.get(request.get_absolute_url()).content.decode()
    assert 'aria-controls="withdraw-dialog"' in html
    assert "Oui, retirer ma demande" in html
    client.force_login(manager)
    html = client.get(request.get_absolute_url()).content.decode()
    assert 'aria-controls="decide-dialog"' in html


def test_publishing_a_duerp_edition_asks_first(client, make_user):
    advisor = make_user(Role.PREVENTION)
    PreventionAdvisorFactory(user=advisor)
    client.force_login(advisor)
    response = client.get(reverse("safety:edition_publish"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<dialog id="confirm-dialog" class="fr-modal"' in html
    assert "Oui, publier l&#x27;édition" in html
