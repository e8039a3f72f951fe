"""Screenshots for review: « Mon espace » of each of the nine roles, and the employee's
telework and loan pages, as full-page PNGs in ``var/screenshots/`` (git-ignored).

The people and their files are made with factories (not the demo), like the demo's: an
employee with a telework authorisation, a loan, three aid requests and a booked
appointment; a manager whose team teleworks; IT with current and overdue loans…
"""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from imtsocial.accounts.roles import Role
from social_action.enums import RequestStatus as AidStatus
from social_action.models import Booking
from telework.enums import RequestStatus
from tests.browser.test_telework_journeys import sign_in
from tests.social_action.factories import AidRequestFactory, SlotFactory
from tests.telework.factories import LoanFactory, TeleworkRequestFactory

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"


def _people(make_user):
    today = timezone.localdate()
    users = {role: make_user(role, first_name="Prénom", last_name=role.label) for role in Role}
    employee = users[Role.EMPLOYEE].employee
    TeleworkRequestFactory(
        employee=employee,
        status=RequestStatus.APPROVED,
        start=date(today.year, 1, 1),
        end=date(today.year, 12, 31),
    )
    LoanFactory(employee=employee, out_on=today - timedelta(days=10), due_on=today + timedelta(60))
    LoanFactory(out_on=today - timedelta(days=90), due_on=today - timedelta(days=5))  # overdue
    for status in (AidStatus.PAID, AidStatus.SUBMITTED, AidStatus.NEEDS_INFO):
        AidRequestFactory(requester=employee, status=status)
    Booking.objects.create(slot=SlotFactory(), employee=employee)
    # the manager's report teleworks on Tuesdays and Thursdays this year
    report = users[Role.MANAGER].employee.reports.first()
    TeleworkRequestFactory(
        employee=report,
        status=RequestStatus.APPROVED,
        start=date(today.year, 1, 1),
        end=date(today.year, 12, 31),
    )
    return users


def _shoot(page, name: str) -> Path:
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def test_screenshots_of_every_role_and_the_employee_pages(page, make_user):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    users = _people(make_user)
    shots = []
    for role, user in users.items():
        sign_in(page, user)
        shots.append(_shoot(page, f"mon-espace-{role.value}"))
    sign_in(page, users[Role.EMPLOYEE])
    page.goto("/teletravail/mes-demandes/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    shots.append(_shoot(page, "agent-teletravail"))
    page.goto("/teletravail/prets/mes-prets/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    shots.append(_shoot(page, "agent-prets"))
    # 9 roles + the two pages of the employee
    assert len(shots) == 11
    for path in shots:
        assert path.exists() and path.stat().st_size > 0, path
