"""Every statistics page opens on the same reference date — the last 31 December (or the
year it closes) — and shows it in its date or year selector (issue UX point 8)."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from imtsocial.accounts.roles import Role

pytestmark = pytest.mark.django_db

# Built on 2 December 2026: the last 31 December is 31/12/2025, the year it closes 2025.
TODAY = date(2026, 12, 2)

DATE_PAGES = [  # url name, a role that may see it
    ("hr:statistics", Role.HR),
    ("telework:statistics", Role.HR),
    ("qualifications:summary", Role.DIRECTOR),
]
YEAR_PAGES = [
    ("social_action:statistics", Role.SOCIAL_ACTION),
    ("asbestos:stats", Role.DIRECTOR),
    ("exposure:stats", Role.DIRECTOR),
    ("registers:stats", Role.DIRECTOR),
]


@pytest.mark.parametrize(("name", "role"), DATE_PAGES)
def test_date_pages_open_on_the_last_31_december(client, make_user, name, role):
    with time_machine.travel(TODAY, tick=False):
        client.force_login(make_user(role))
        response = client.get(reverse(name))
    assert response.status_code == 200
    assert response.context["at"] == date(2025, 12, 31)
    # the choice is shown: the date field holds the default
    assert 'value="2025-12-31"' in response.content.decode()


@pytest.mark.parametrize(("name", "role"), YEAR_PAGES)
def test_year_pages_open_on_the_last_closed_year(client, make_user, name, role):
    with time_machine.travel(TODAY, tick=False):
        client.force_login(make_user(role))
        response = client.get(reverse(name))
    assert response.status_code == 200
    assert response.context["year"] == 2025
    html = response.content.decode()
    assert 'value="2025"' in html  # the year field (or the selected option) shows it


@pytest.mark.parametrize(("name", "role"), DATE_PAGES)
def test_a_bad_date_falls_back_to_the_default_without_error(client, make_user, name, role):
    with time_machine.travel(TODAY, tick=False):
        client.force_login(make_user(role))
        response = client.get(reverse(name) + "?at=pas-une-date")
    assert response.status_code == 200
    assert response.context["at"] == date(2025, 12, 31)
