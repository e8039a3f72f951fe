"""Every view: happy path, anonymous, wrong role, another person's object (404),
wrong method; constant query counts on the lists."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imtsocial.accounts.roles import Role
from imtsocial.audit.models import AuditEvent
from imtsocial.imports.models import ImportJob, ImportStatus
from imtsocial.imports.tasks import analyse_import, run_import
from telework.enums import AssetState, Reason, RequestStatus
from telework.models import Asset, ExceptionalRegime, Loan, TeleworkRequest
from tests.factories import SiteFactory
from tests.telework.factories import AssetFactory, LoanFactory, TeleworkRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(make_user):
    """A manager, their report (with a login), HR and IT."""
    manager = make_user(Role.EMPLOYEE)
    agent = make_user(Role.EMPLOYEE, manager=manager.employee)
    return {
        "manager": manager,
        "agent": agent,
        "hr": make_user(Role.HR),
        "it": make_user(Role.IT),
        "other": make_user(Role.EMPLOYEE),
    }


def login(client, user):
    client.force_login(user)
    return client


GET_PAGES = [
    ("telework:index", Role.EMPLOYEE, None),
    ("telework:my_requests", Role.EMPLOYEE, None),
    ("telework:request_create", Role.EMPLOYEE, None),
    ("telework:my_loans", Role.EMPLOYEE, None),
    ("telework:request_list", Role.MANAGER, Role.EMPLOYEE),
    ("telework:team_calendar", Role.MANAGER, Role.EMPLOYEE),
    ("telework:statistics", Role.HR, Role.EMPLOYEE),
    ("telework:regime_list", Role.HR, Role.IT),
    ("telework:regime_create", Role.HR, Role.DIRECTOR),
    ("telework:asset_list", Role.IT, Role.HR),
    ("telework:asset_create", Role.IT, Role.EMPLOYEE),
    ("telework:overdue_loans", Role.IT, Role.EMPLOYEE),
]


@pytest.mark.parametrize(("name", "role", "wrong"), GET_PAGES)
def test_pages_by_role(client, make_user, name, role, wrong):
    url = reverse(name)
    assert client.get(url).status_code == 302  # anonymous → login
    assert login(client, make_user(role)).get(url).status_code == 200
    if wrong is not None:
        assert login(client, make_user(wrong)).get(url).status_code == 403
    assert login(client, make_user()).get(url).status_code == 403  # no role at all


@pytest.mark.parametrize("name", ["telework:my_requests", "telework:asset_list"])
def test_wrong_method(client, make_user, name):
    assert login(client, make_user(Role.IT, Role.EMPLOYEE)).post(reverse(name)).status_code == 405


def test_request_journey_through_the_views(client, team):
    login(client, team["agent"])
    response = client.post(
        reverse("telework:request_create"),
        {
            "fixed_days": ["1", "3"],
            "floating_days": "0",
            "floating_period": "week",
            "start": "2026-01-05",
            "end": "2026-12-31",
            "reason": Reason.COMMUTE,
        },
    )
    req = TeleworkRequest.objects.get()
    assert response.status_code == 302 and response.url == req.get_absolute_url()
    assert client.get(req.get_absolute_url()).status_code == 200

    login(client, team["manager"])
    page = client.get(req.get_absolute_url())
    assert "Votre décision" in page.content.decode()
    decide = reverse("telework:request_decide", args=[req.pk])
    client.post(decide, {"decision": "approve", "version": page.context["req"].version})
    login(client, team["hr"])
    req.refresh_from_db()
    client.post(decide, {"decision": "approve", "version": req.version})
    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED

    login(client, team["agent"])
    pdf = client.get(reverse("telework:request_pdf", args=[req.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content if pdf.streaming else [pdf.content])[:4] == b"%PDF"
    renew = client.get(reverse("telework:request_renew", args=[req.pk]))
    assert renew.status_code == 200 and 'value="2027-01-01"' in renew.content.decode()


def test_too_many_days_is_refused_in_french_and_nothing_saved(client, team):
    login(client, team["agent"])
    response = client.post(
        reverse("telework:request_create"),
        {
            "fixed_days": ["0", "1", "2", "3"],
            "floating_days": "0",
            "floating_period": "week",
            "start": "2026-01-05",
            "end": "2026-12-31",
            "reason": Reason.COMMUTE,
        },
    )
    assert response.status_code == 200
    assert "limité à 3 jours par semaine" in response.content.decode()
    assert not TeleworkRequest.objects.exists()


def test_another_persons_request_is_404(client, team):
    req = TeleworkRequestFactory(employee=team["agent"].employee)
    for name in ("request_detail", "request_pdf", "request_renew"):
        url = reverse(f"telework:{name}", args=[req.pk])
        assert login(client, team["other"]).get(url).status_code == 404
        assert login(client, team["it"]).get(url).status_code == 404
    for name in ("request_decide", "request_withdraw"):
        url = reverse(f"telework:{name}", args=[req.pk])
        assert login(client, team["other"]).post(url).status_code == 404
        assert login(client, team["other"]).get(url).status_code == 405


def test_requester_cannot_decide_and_pdf_only_when_approved(client, team):
    req = TeleworkRequestFactory(employee=team["agent"].employee)
    login(client, team["agent"])
    client.post(reverse("telework:request_decide", args=[req.pk]), {"decision": "approve"})
    req.refresh_from_db()
    assert req.status == RequestStatus.SUBMITTED
    assert client.get(reverse("telework:request_pdf", args=[req.pk])).status_code == 404
    client.post(reverse("telework:request_withdraw", args=[req.pk]))
    req.refresh_from_db()
    assert req.status == RequestStatus.WITHDRAWN


def test_manager_sees_the_outcome_never_a_health_reason(client, team):
    req = TeleworkRequestFactory(
        employee=team["agent"].employee,
        reason=Reason.HEALTH,
        physician_opinion_received=True,
        physician_opinion_date=date(2026, 1, 2),
    )
    page = login(client, team["manager"]).get(req.get_absolute_url()).content.decode()
    assert "Confidentiel" in page and "Santé" not in page and "médecin" not in page
    listing = client.get(reverse("telework:request_list")).content.decode()
    assert "Confidentiel" in listing and "Santé" not in listing
    page = login(client, team["hr"]).get(req.get_absolute_url()).content.decode()
    assert "Santé ou handicap" in page
    assert AuditEvent.objects.filter(actor=team["hr"], object_id=str(req.pk)).exists()


def test_team_calendar_shows_days_and_regime(client, team):
    TeleworkRequestFactory(employee=team["agent"].employee, approved=True, fixed_days="1,3")
    page = login(client, team["manager"]).get(
        reverse("telework:team_calendar") + "?semaine=2026-03-04"
    )
    rows = page.context["rows"]
    assert rows[0]["cells"] == ["onsite", "remote", "onsite", "remote", "onsite"]
    ExceptionalRegime.objects.create(name="Crise", start=date(2026, 3, 4), end=date(2026, 3, 31))
    page = client.get(reverse("telework:team_calendar") + "?semaine=2026-03-04")
    assert page.context["rows"][0]["cells"] == ["onsite", "remote", "regime", "regime", "regime"]


def test_hr_declares_a_regime_and_overlap_is_refused(client, team):
    login(client, team["hr"])
    data = {"name": "Crise sanitaire", "start": "2020-03-16", "end": "2020-12-31"}
    assert client.post(reverse("telework:regime_create"), data).status_code == 302
    response = client.post(reverse("telework:regime_create"), {**data, "name": "Bis"})
    assert "couvre déjà" in response.content.decode()
    stats = client.get(reverse("telework:statistics") + "?at=2020-06-01").content.decode()
    assert "régime exceptionnel « Crise sanitaire »" in stats


# Equipment -------------------------------------------------------------------


def test_it_lends_and_takes_back(client, team):
    asset = AssetFactory()
    login(client, team["it"])
    assert client.get(asset.get_absolute_url()).status_code == 200
    response = client.post(
        reverse("telework:loan_checkout", args=[asset.pk]),
        {
            "employee_number": team["agent"].employee.employee_number,
            "out_on": "2026-01-05",
            "due_on": "2026-06-30",
        },
    )
    loan = Loan.objects.get()
    assert response.url == loan.get_absolute_url()
    again = client.post(
        reverse("telework:loan_checkout", args=[asset.pk]),
        {
            "employee_number": team["other"].employee.employee_number,
            "out_on": "2026-01-05",
            "due_on": "2026-06-30",
        },
    )
    assert again.status_code == 400 and "déjà prêté" in again.content.decode()
    # the borrower accepts the agreement and downloads it
    login(client, team["agent"])
    client.post(reverse("telework:loan_accept", args=[loan.pk]))
    loan.refresh_from_db()
    assert loan.agreement_accepted_by == team["agent"]
    assert client.get(reverse("telework:loan_agreement", args=[loan.pk])).content[:4] == b"%PDF"
    assert loan.asset.tag in client.get(reverse("telework:my_loans")).content.decode()
    login(client, team["it"])
    client.post(
        reverse("telework:loan_checkin", args=[loan.pk]),
        {"returned_on": "2026-02-01", "condition": "good"},
    )
    loan.refresh_from_db()
    asset.refresh_from_db()
    assert (loan.returned_on, asset.state) == (date(2026, 2, 1), AssetState.IN_STOCK)


def test_another_persons_loan_is_404(client, team):
    loan = LoanFactory(employee=team["agent"].employee)
    for name in ("loan_detail", "loan_agreement"):
        url = reverse(f"telework:{name}", args=[loan.pk])
        assert login(client, team["other"]).get(url).status_code == 404
    assert client.post(reverse("telework:loan_accept", args=[loan.pk])).status_code == 404
    url = reverse("telework:loan_checkin", args=[loan.pk])
    assert login(client, team["agent"]).post(url).status_code == 403
    assert login(client, team["it"]).get(url).status_code == 405
    asset_url = reverse("telework:asset_detail", args=[loan.asset.pk])
    assert login(client, team["agent"]).get(asset_url).status_code == 403


def test_asset_edit_keeps_lent_state_and_checks_version(client, team):
    asset = AssetFactory()
    login(client, team["it"])
    data = {
        "tag": asset.tag,
        "serial": "NEW",
        "kind": "laptop",
        "site": asset.site.pk,
        "state": "repair",
        "vpn_configured": "on",
        "version": "0",
    }
    assert client.post(reverse("telework:asset_edit", args=[asset.pk]), data).status_code == 302
    asset.refresh_from_db()
    assert (asset.serial, asset.state, asset.vpn_configured, asset.version) == (
        "NEW",
        "repair",
        True,
        1,
    )
    stale = client.post(reverse("telework:asset_edit", args=[asset.pk]), data)
    assert "Quelqu&#x27;un d&#x27;autre a modifié cet élément" in stale.content.decode()


def _upload_inventory(client, content):
    """Upload, then the analysis the upload queued, run here as the worker would."""
    response = client.post(
        reverse("imports:list"),
        {
            "kind": "telework.assets",
            "file": SimpleUploadedFile("inventaire.csv", content, "text/csv"),
        },
    )
    job = ImportJob.objects.order_by("pk").last()
    analyse_import(job.pk)
    return response


def _confirm(client, job, user):
    client.post(reverse("imports:confirm", args=[job.pk]))
    run_import(job.pk, user.pk)  # the queued task, run here


def test_inventory_import_preview_then_confirm(client, team):
    SiteFactory(code="clavieres", name="Clavières")
    AssetFactory(tag="PC-0001", serial="OLD")
    content = (
        b"inventaire;serie;type;modele;site;etat;vpn;visio\n"
        b"PC-0001;S1;portable;Latitude;clavieres;stock;oui;oui\n"
        b"CS-0001;S2;casque;Jabra;clavieres;;non;oui\n"
    )
    login(client, team["it"])
    # upload: the analysis is queued for the worker (run here when the request commits)
    response = _upload_inventory(client, content)
    job = ImportJob.objects.get()
    assert response.url == reverse("imports:detail", args=[job.pk])
    job.refresh_from_db()
    assert job.status == ImportStatus.READY
    assert (job.summary["new"], job.summary["update"]) == (1, 1)
    assert Asset.objects.count() == 1 and Asset.objects.get().serial == "OLD"  # nothing written
    _confirm(client, job, team["it"])
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    assert dict(Asset.objects.values_list("tag", "kind")) == {
        "PC-0001": "laptop",
        "CS-0001": "headset",
    }
    assert Asset.objects.get(tag="PC-0001").vpn_configured is True
    # the same file again: every row unchanged
    _upload_inventory(client, content)
    again = ImportJob.objects.order_by("pk").last()
    assert (again.summary["new"], again.summary["update"], again.summary["skip"]) == (0, 0, 2)


def test_inventory_import_with_an_error_imports_nothing(client, team):
    SiteFactory(code="clavieres")
    content = (
        b"inventaire;serie;type;modele;site;etat;vpn;visio\n"
        b"PC-0002;S1;portable;;clavieres;;oui;oui\n"
        b"PC-0003;S2;tablette;;lune;;peut-etre;oui\n"
    )
    login(client, team["it"])
    _upload_inventory(client, content)
    job = ImportJob.objects.get()
    job.refresh_from_db()
    assert job.status == ImportStatus.INVALID
    problems = {(e["line"], e["column"]) for e in job.summary["errors"]}
    assert problems == {(3, "type"), (3, "site"), (3, "vpn")}
    assert not job.can_confirm
    assert client.post(reverse("imports:confirm", args=[job.pk])).status_code == 302
    assert not Asset.objects.exists()


def test_a_lent_asset_stays_lent_whatever_the_file_says(client, team):
    SiteFactory(code="clavieres")
    lent = AssetFactory(tag="PC-0009", state=AssetState.LENT)
    content = (
        b"inventaire;serie;type;modele;site;etat;vpn;visio\n"
        b"PC-0009;S9;portable;;clavieres;stock;oui;oui\n"
    )
    login(client, team["it"])
    _upload_inventory(client, content)
    job = ImportJob.objects.get()
    _confirm(client, job, team["it"])
    lent.refresh_from_db()
    assert (lent.state, lent.serial) == (AssetState.LENT, "S9")


def test_hr_and_it_see_only_their_own_importers_jobs(client, team, make_user):
    from tests.factories import UserFactory

    it_job = ImportJob.objects.create(
        kind="telework.assets", original_name="a.csv", created_by=UserFactory()
    )
    login(client, make_user(Role.HR))
    assert client.get(reverse("imports:detail", args=[it_job.pk])).status_code == 404
    kinds = [
        choice
        for choice, _label in client.get(reverse("imports:list"))
        .context["form"]
        .fields["kind"]
        .choices
    ]
    assert "telework.assets" not in kinds
    login(client, team["it"])
    assert client.get(reverse("imports:detail", args=[it_job.pk])).status_code == 200


# Query budgets --------------------------------------------------------------


@pytest.mark.parametrize("size", [10, 200])
def test_inventory_list_query_count_is_constant(client, make_user, django_assert_num_queries, size):
    it = make_user(Role.IT)
    site = SiteFactory()
    assets = [AssetFactory(site=site) for _ in range(size)]
    for asset in assets[::2]:
        LoanFactory(asset=asset)
    login(client, it)
    client.get(reverse("telework:asset_list"))  # warm the session
    # session, user, groups, employee, count, page, open loans prefetch, sites of filter
    with django_assert_num_queries(8):
        client.get(reverse("telework:asset_list"))


@pytest.mark.parametrize("size", [10, 200])
def test_request_list_query_count_is_constant(client, make_user, django_assert_num_queries, size):
    hr = make_user(Role.HR)
    for _ in range(size):
        TeleworkRequestFactory()
    login(client, hr)
    client.get(reverse("telework:request_list"))
    # session, user, groups, employee, count, page, departments of the filter
    with django_assert_num_queries(7):
        client.get(reverse("telework:request_list"))


def test_statistics_numbers(client, make_user):
    hr = make_user(Role.HR)
    at = date(2026, 3, 2)
    TeleworkRequestFactory(approved=True, days_per_week=1)
    TeleworkRequestFactory(approved=True, days_per_week=2, reason=Reason.HEALTH)
    TeleworkRequestFactory(status=RequestStatus.SUBMITTED)  # not counted
    figures = (
        login(client, hr).get(reverse("telework:statistics") + "?at=2026-03-02").context["figures"]
    )
    assert (figures.teleworkers, figures.regime, figures.at) == (2, None, at)
    assert figures.by_days == [(1, 1), (2, 1)]
    # headcount: hr + 3 requesters, all in post
    assert figures.headcount == 4


def test_an_employee_sees_only_their_own_loans(client, team):
    own = LoanFactory(employee=team["agent"].employee, asset__tag="PC-OWN")
    LoanFactory(asset__tag="PC-OTHER")  # someone else's loan
    page = login(client, team["agent"]).get(reverse("telework:my_loans"))
    assert [loan.pk for loan in page.context["page"]] == [own.pk]
    assert "PC-OTHER" not in page.content.decode()
