"""« Mon espace » tells each person the truth: every card links to its page, the director
finds the statistics pages (and, the day it exists, the yearly report)."""

import pytest
from django.urls import reverse

from imtsocial import myspace
from imtsocial.accounts.roles import Role
from tests.telework.factories import LoanFactory

pytestmark = pytest.mark.django_db


def _sections(client, user):
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.context["sections"]


@pytest.mark.parametrize("role", list(Role))
def test_every_card_links_to_its_page(client, make_user, role):
    LoanFactory()  # IT has a current loan to show
    user = make_user(role)
    for section in _sections(client, user):
        urls = [i.url for i in section.links] + [i.url for i in section.items if i.url]
        assert urls, f"the card « {section.title} » links nowhere"
        for url in urls:
            assert client.get(url).status_code == 200, (section.title, url)


def test_the_director_finds_every_statistics_page(client, make_user):
    director = make_user(Role.DIRECTOR)
    steering = next(s for s in _sections(client, director) if s.title == "Pilotage")
    assert [item.url for item in steering.items] == [
        reverse("hr:statistics"),
        reverse("telework:statistics"),
        reverse("registers:stats"),
        reverse("exposure:stats"),
        reverse("asbestos:stats"),
        reverse("social_action:statistics"),
    ]
    # the yearly report's page exists: the card links to it
    assert myspace.REPORT_URL_NAME == "reports:index"
    assert [link.url for link in steering.links] == [reverse("reports:index")]


def test_the_report_link_appears_once_its_page_exists(rf, make_user, monkeypatch):
    monkeypatch.setattr(myspace, "REPORT_URL_NAME", "hr:statistics")  # stands for the report
    request = rf.get("/")
    request.user = make_user(Role.DIRECTOR)
    (steering,) = myspace.steering_sections(request)
    assert [link.label for link in steering.links] == ["Rapport annuel DD&RS"]


def test_only_the_director_gets_the_steering_card(rf, make_user):
    for role in (Role.HR, Role.EMPLOYEE, Role.IT):
        request = rf.get("/")
        request.user = make_user(role)
        assert myspace.steering_sections(request) == []
