"""[UX] points 5–7 in telework/: errors next to their field, text limits, IT's current
loans, the return condition and notes in the asset's history, the e-mail of a loan, the
team calendar of today."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from imtsocial.accounts.roles import Role
from imtsocial.demo import demo_email
from imtsocial.errors import DomainError
from telework import demo, services
from telework.enums import AssetKind, AssetState, RequestStatus
from telework.forms import CheckinForm, DecisionForm
from telework.models import Loan
from tests.factories import EmployeeFactory, UserFactory
from tests.telework.conftest import _Inline
from tests.telework.factories import AssetFactory, LoanFactory, TeleworkRequestFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 4)  # a Wednesday


def _post_request(client, **fields):
    data = {
        "floating_days": 0,
        "floating_period": "week",
        "start": "2026-04-06",
        "end": "2026-12-31",
        "reason": "commute",
        **fields,
    }
    return client.post(reverse("telework:request_create"), data)


@time_machine.travel(TODAY)
def test_rule_errors_are_next_to_the_fields_they_concern(client, make_user):
    client.force_login(make_user(Role.EMPLOYEE))
    # four fixed days: over the ceiling of 3 and under the 2 days on site (5 - 4 = 1)
    response = _post_request(client, fixed_days=["0", "1", "2", "3"])
    assert response.status_code == 200
    form = response.context["form"]
    assert any("limité à 3 jours" in e for e in form.errors["fixed_days"])
    assert any("présence sur site" in e for e in form.errors["fixed_days"])
    assert form.non_field_errors() == []
    # floating days only: the same rule is told next to the floating days
    form = _post_request(client, floating_days=4).context["form"]
    assert any("limité à 3 jours" in e for e in form.errors["floating_days"])
    # health derogation without the physician's opinion: next to that checkbox
    form = _post_request(client, fixed_days=["0"], reason="health").context["form"]
    assert "médecin du travail" in form.errors["physician_opinion_received"][0]


@time_machine.travel(TODAY)
def test_an_overlapping_request_is_told_next_to_the_start(client, make_user):
    user = make_user(Role.EMPLOYEE)
    TeleworkRequestFactory(employee=user.employee, start=date(2026, 1, 5))  # to 31/12/2026
    client.force_login(user)
    form = _post_request(client, fixed_days=["1"]).context["form"]
    assert "couvre déjà une partie" in form.errors["start"][0]


def test_loan_dates_in_the_wrong_order_are_told_next_to_the_date(client, make_user):
    it = make_user(Role.IT)
    asset = AssetFactory()
    borrower = EmployeeFactory()
    client.force_login(it)
    response = client.post(
        reverse("telework:loan_checkout", args=[asset.pk]),
        {
            "employee_number": borrower.employee_number,
            "out_on": "2026-03-10",
            "due_on": "2026-03-01",
        },
    )
    form = response.context["checkout_form"]
    assert form.errors["due_on"] == ["La date de retour prévue précède la date de prêt."]
    assert not Loan.objects.exists()
    # the service says the same, tied to the same field, for any other caller
    with pytest.raises(DomainError) as caught:
        services.loan_checkout(
            asset=asset, employee=borrower, out_on=date(2026, 3, 10), due_on=date(2026, 3, 1), by=it
        )
    assert list(caught.value.errors) == ["due_on"]


def test_a_return_before_the_loan_is_told_next_to_the_return_date(client, make_user):
    loan = LoanFactory(out_on=date(2026, 1, 5))
    client.force_login(make_user(Role.IT))
    response = client.post(
        reverse("telework:loan_checkin", args=[loan.pk]),
        {"returned_on": "2026-01-02", "condition": "good", "notes": "RAS"},
    )
    assert response.status_code == 200  # the form again, with what was typed
    form = response.context["checkin_form"]
    assert form.errors["returned_on"] == ["La date de retour précède la date de prêt."]
    assert form["notes"].value() == "RAS"
    loan.refresh_from_db()
    assert loan.returned_on is None


def test_free_text_has_a_maximum_told_next_to_the_field():
    too_long = "x" * 2001  # the limit is 2 000 characters
    form = CheckinForm({"returned_on": "2026-03-01", "condition": "good", "notes": too_long})
    assert not form.is_valid()
    assert "2000" in form.errors["notes"][0].replace("\u202f", "").replace(" ", "")
    form = DecisionForm({"decision": "reject", "refusal_reason": too_long, "version": 0})
    assert "refusal_reason" in form.errors


def test_return_condition_and_notes_are_in_the_asset_history(client, make_user):
    it = make_user(Role.IT)
    asset = AssetFactory(state=AssetState.IN_STOCK)
    loan = services.loan_checkout(
        asset=asset,
        employee=EmployeeFactory(),
        out_on=date(2026, 1, 5),
        due_on=date(2026, 6, 30),
        by=it,
    )
    client.force_login(it)
    response = client.post(
        reverse("telework:loan_checkin", args=[loan.pk]),
        {"returned_on": "2026-03-02", "condition": "damaged", "notes": "Écran rayé"},
    )
    assert response.status_code == 302
    page = client.get(reverse("telework:asset_detail", args=[asset.pk]))
    history = page.context["history"]
    subjects = {row.subject for row in history}
    assert "Prêt du 05/01/2026" in subjects
    changes = [(c.field, c.new) for row in history for c in getattr(row, "changes", [])]
    assert any(new == "Écran rayé" for _field, new in changes), changes
    assert any(new == "Endommagé" for _field, new in changes), changes
    assert "Écran rayé" in page.content.decode()  # the loans table too


def test_recording_a_loan_emails_the_borrower_without_details(
    make_user, monkeypatch, mailoutbox, django_capture_on_commit_callbacks
):
    import telework.tasks

    monkeypatch.setattr(
        telework.tasks, "notify_loan_recorded", _Inline(telework.tasks.notify_loan_recorded)
    )
    borrower = EmployeeFactory(with_login=True)
    asset = AssetFactory(tag="PORT-0042")
    with django_capture_on_commit_callbacks(execute=True):
        services.loan_checkout(
            asset=asset,
            employee=borrower,
            out_on=date(2026, 1, 5),
            due_on=date(2026, 6, 30),
            by=make_user(Role.IT),
        )
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [borrower.user.email]
    assert "PORT-0042" not in mailoutbox[0].body + mailoutbox[0].subject  # content-free
    assert reverse("telework:my_loans") in mailoutbox[0].body


# IT's current loans -----------------------------------------------------------------


def test_current_loans_by_role(client, make_user):
    url = reverse("telework:loan_list")
    assert client.get(url).status_code == 302
    for role, status in [(Role.IT, 200), (Role.EMPLOYEE, 403), (Role.HR, 403)]:
        client.force_login(make_user(role))
        assert client.get(url).status_code == status, role
    client.force_login(make_user(Role.IT))
    assert client.post(url).status_code == 405
    # nonsense in the query string: no 500, the filter is ignored or refused
    assert client.get(url + "?kind=nope&page=abc&q=" + "x" * 300).status_code == 200


def test_current_loans_search_by_borrower_asset_or_kind(client, make_user):
    inès = EmployeeFactory(last_name="Valette", first_name="Inès")
    laptop = LoanFactory(
        employee=inès, asset=AssetFactory(tag="PORT-0001", state="lent"), due_on=date(2099, 1, 1)
    )
    screen = LoanFactory(
        asset=AssetFactory(tag="ECR-0007", kind=AssetKind.SCREEN, state="lent"),
        out_on=date(2019, 6, 1),
        due_on=date(2020, 1, 1),
    )
    LoanFactory(returned_on=date(2026, 2, 1))  # returned: never listed
    client.force_login(make_user(Role.IT))
    url = reverse("telework:loan_list")

    def listed(query=""):
        return [loan.pk for loan in client.get(url + query).context["page"]]

    assert sorted(listed()) == sorted([laptop.pk, screen.pk])
    assert listed("?q=valette") == [laptop.pk]
    assert listed(f"?q={inès.employee_number}") == [laptop.pk]
    assert listed("?q=ECR-00") == [screen.pk]
    assert listed("?kind=screen") == [screen.pk]
    assert listed("?overdue=on") == [screen.pk]


@pytest.mark.parametrize("size", [2, 12])
def test_current_loans_constant_queries(client, make_user, django_assert_num_queries, size):
    LoanFactory.create_batch(size)
    url = reverse("telework:loan_list") + "?q=INV"
    client.force_login(make_user(Role.IT))
    assert client.get(url).status_code == 200
    # session, user, groups, employee, count, page (loans with asset, borrower, department)
    with django_assert_num_queries(6):
        response = client.get(url)
    assert response.context["page"].paginator.count == size


# The team calendar of today ------------------------------------------------------------


@time_machine.travel(TODAY)
def test_team_calendar_of_today_shows_the_authorised_weekdays(client, make_user):
    manager = make_user(Role.MANAGER)
    report = manager.employee.reports.get()
    TeleworkRequestFactory(employee=report, status=RequestStatus.APPROVED)  # Tue, Thu
    client.force_login(manager)
    rows = client.get(reverse("telework:team_calendar")).context["rows"]  # no ?semaine
    assert rows[0]["cells"] == ["onsite", "remote", "onsite", "remote", "onsite"]


@time_machine.travel(TODAY)
def test_the_demo_team_calendar_of_today_is_not_all_on_site(client):
    """The bug: the demo's authorisations all ended on 31/12/2020 (and the demo employee's
    request is pending), so the demo manager's calendar of today showed only « Sur site »."""
    login = UserFactory(email=demo_email(Role.MANAGER))
    manager = EmployeeFactory(user=login)
    EmployeeFactory.create_batch(3, manager=manager, hire_date=date(2015, 1, 1))
    demo._build_current_authorisations(TODAY)
    demo._build_current_authorisations(TODAY)  # idempotent
    client.force_login(login)
    rows = client.get(reverse("telework:team_calendar")).context["rows"]
    # CURRENT_TEAM_DAYS for the three reports: Monday; Tuesday and Thursday; Friday
    assert sorted(row["cells"].count("remote") for row in rows) == [1, 1, 2]
    assert manager.reports.filter(telework_requests__start=date(2026, 1, 1)).count() == 3


@time_machine.travel(TODAY)
def test_managers_team_list_search(client, make_user):
    manager = make_user(Role.MANAGER)
    EmployeeFactory(manager=manager.employee, last_name="Zola", hire_date=date(2015, 1, 1))
    client.force_login(manager)
    url = reverse("hr:team")
    assert client.get(url).context["page"].paginator.count == 2
    page = client.get(url + "?q=zol").context["page"]
    assert [e.last_name for e in page] == ["Zola"]
    assert client.get(url + "?q=" + "x" * 300).status_code == 200


def test_it_sees_current_and_overdue_loans_counted(client, make_user):
    LoanFactory(due_on=date(2099, 1, 1))
    LoanFactory(out_on=date(2019, 6, 1), due_on=date(2020, 1, 1))
    LoanFactory(out_on=date(2019, 6, 1), due_on=date(2020, 1, 1), returned_on=date(2020, 2, 1))
    client.force_login(make_user(Role.IT))
    section = next(
        s
        for s in client.get(reverse("home")).context["sections"]
        if s.title == "Équipement informatique"
    )
    # two open loans (the third is returned), one of them overdue
    assert [item.label for item in section.items] == ["2 prêts en cours", "1 prêt en retard"]
    assert section.items[0].url == reverse("telework:loan_list")
