"""Evaluation pages over HTTP: who gets 404, errors next to the field, the journal of
reads, the PDF, and a constant number of queries on every list (10 and 60 rows)."""

import hashlib
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hr.evaluations.enums import InterviewStatus
from hr.evaluations.models import EvaluationCampaign, EvaluationInterview
from hr.evaluations.pdf import interview_render
from imtsocial.accounts.roles import Role
from imtsocial.audit.models import AuditEvent
from tests.evaluations.factories import REPORT, CampaignFactory, InterviewFactory
from tests.factories import ContractFactory, EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(date(2026, 12, 2), tick=False):
        yield


@pytest.fixture
def chain(make_user):
    n2 = make_user(Role.EMPLOYEE)
    manager = make_user(Role.EMPLOYEE, manager=n2.employee)
    person = make_user(Role.EMPLOYEE, manager=manager.employee)
    return person, manager, n2


def _step(interview, verb):
    return reverse("evaluations:interview_step", args=[interview.pk, verb])


def test_strangers_get_404_on_every_interview_url(client, chain, make_user):
    person, _manager, _n2 = chain
    interview = InterviewFactory(employee=person.employee, notified=True)
    strangers = [
        make_user(Role.EMPLOYEE, manager=interview.evaluator),  # a colleague
        make_user(Role.TALENT_DEVELOPER),
        make_user(Role.DIRECTOR),
        make_user(Role.MANAGER),
        make_user(Role.SOCIAL_ACTION),
        make_user(Role.DPO),
    ]
    urls = [
        ("get", reverse("evaluations:interview_detail", args=[interview.pk])),
        ("get", reverse("evaluations:report_edit", args=[interview.pk])),
        ("get", reverse("evaluations:interview_pdf", args=[interview.pk])),
        ("post", _step(interview, "sign")),
        ("post", _step(interview, "request_review")),
    ]
    for stranger in strangers:
        client.force_login(stranger)
        for method, url in urls:
            assert getattr(client, method)(url).status_code == 404, (stranger, url)
    assert EvaluationInterview.objects.get(pk=interview.pk).status == InterviewStatus.NOTIFIED
    assert not AuditEvent.objects.exists()


def test_campaign_pages_are_hr_only(client, make_user):
    campaign = CampaignFactory()
    client.force_login(make_user(Role.DIRECTOR))
    assert client.get(reverse("evaluations:campaign_list")).status_code == 403
    assert client.get(campaign.get_absolute_url()).status_code == 404
    assert client.get(reverse("evaluations:follow_up")).status_code == 403
    assert client.get(reverse("evaluations:statistics")).status_code == 200
    client.force_login(make_user(Role.EMPLOYEE))
    assert client.get(reverse("evaluations:statistics")).status_code == 403


def test_reads_by_others_than_the_person_are_journaled(client, chain, make_user):
    person, manager, _n2 = chain
    interview = InterviewFactory(employee=person.employee, notified=True)
    url = interview.get_absolute_url()
    client.force_login(person)
    assert client.get(url).status_code == 200
    assert not AuditEvent.objects.exists()
    hr = make_user(Role.HR)
    for reader in (manager, hr):
        client.force_login(reader)
        assert client.get(url).status_code == 200
    assert list(AuditEvent.objects.order_by("pk").values_list("actor", "action", "subject")) == [
        (manager.pk, "view", person.pk),
        (hr.pk, "view", person.pk),
    ]


def test_a_date_too_close_is_shown_next_to_the_date(client, chain):
    person, manager, _n2 = chain
    interview = InterviewFactory(employee=person.employee)
    client.force_login(manager)
    response = client.post(
        _step(interview, "plan"), {"scheduled_for": "2026-12-05", "version": "0"}
    )
    assert response.status_code == 200
    form = response.context["forms"]["plan"]
    assert form.errors["scheduled_for"] == [
        "La date doit être communiquée à l'agent au moins 8 jours à l'avance : "
        "au plus tôt le 10/12/2026."
    ]
    assert 'value="2026-12-05"' in response.content.decode()  # what was typed is kept
    response = client.post(
        _step(interview, "plan"), {"scheduled_for": "2026-12-10", "version": "0"}
    )
    assert response.status_code == 302
    assert EvaluationInterview.objects.get(pk=interview.pk).scheduled_for == date(2026, 12, 10)


def test_a_malformed_version_or_an_unknown_step_is_not_a_500(client, chain):
    person, manager, _n2 = chain
    interview = InterviewFactory(employee=person.employee)
    client.force_login(manager)
    response = client.post(
        _step(interview, "plan"), {"scheduled_for": "2026-12-20", "version": "abc"}
    )
    assert response.status_code == 200
    assert "rechargez-la" in response.content.decode()
    assert client.post(_step(interview, "delete")).status_code == 404
    assert client.get(_step(interview, "plan")).status_code == 405


def test_editing_a_notified_report_is_refused_with_a_message(client, chain):
    person, manager, _n2 = chain
    interview = InterviewFactory(employee=person.employee, notified=True)
    client.force_login(manager)
    response = client.post(
        reverse("evaluations:report_edit", args=[interview.pk]),
        {**REPORT, "results": "Réécrit", "version": "0"},
        follow=True,
    )
    assert "il ne se modifie plus" in response.content.decode()
    assert EvaluationInterview.objects.get(pk=interview.pk).results == REPORT["results"]


def test_the_report_form_limits_each_section(client, chain):
    person, manager, _n2 = chain
    interview = InterviewFactory(employee=person.employee, planned=True, status="held")
    client.force_login(manager)
    response = client.post(
        reverse("evaluations:report_edit", args=[interview.pk]),
        {**REPORT, "results": "x" * 5001, "version": "0"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["results"]
    assert EvaluationInterview.objects.get(pk=interview.pk).status == "held"


def test_the_person_signs_with_a_comment_and_gets_the_pdf(client, chain, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    person, _manager, n2 = chain
    interview = InterviewFactory(employee=person.employee, notified=True)
    client.force_login(person)
    response = client.post(_step(interview, "sign"), {"comments": "Lu.", "version": "0"})
    assert response.status_code == 302
    interview = EvaluationInterview.objects.select_related("campaign", "employee", "evaluator").get(
        pk=interview.pk
    )
    assert (interview.status, interview.employee_comments) == (InterviewStatus.SIGNED, "Lu.")
    checksum = interview_render(interview)  # what the worker runs after the step
    response = client.get(reverse("evaluations:interview_pdf", args=[interview.pk]))
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF-")

    assert hashlib.sha256(content).hexdigest() == checksum
    # The endorser downloads it too: journaled.
    client.force_login(n2)
    response = client.get(reverse("evaluations:interview_pdf", args=[interview.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert AuditEvent.objects.filter(actor=n2, action="download").count() == 1


def test_hr_opens_a_campaign_from_the_page(client, make_user):
    hr = make_user(Role.HR)
    head = EmployeeFactory()
    ContractFactory(employee=EmployeeFactory(manager=head))
    client.force_login(hr)
    response = client.post(
        reverse("evaluations:campaign_create"), {"year": "2026", "deadline": "2026-11-30"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["deadline"]
    response = client.post(
        reverse("evaluations:campaign_create"), {"year": "2026", "deadline": "2027-01-31"}
    )
    campaign = EvaluationCampaign.objects.get(year=2026)
    assert response.status_code == 302
    assert campaign.interviews.count() == 1
    page = client.get(campaign.get_absolute_url()).content.decode()
    assert "0 notifiés sur 1" in page


# Query budgets -------------------------------------------------------------------


def _queries(client, url) -> int:
    client.get(url)  # the first request may fill caches (the parameters in force…)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _add_team(manager, rows, campaign):
    departments = [EmployeeFactory().department for _index in range(3)]
    for index in range(rows):
        employee = EmployeeFactory(manager=manager.employee, department=departments[index % 3])
        InterviewFactory(employee=employee, campaign=campaign, planned=index % 2 == 0)


PAGES = {
    "team_list (evaluator)": ("evaluator", lambda c: reverse("evaluations:team_list")),
    "Mon espace (evaluator)": ("evaluator", lambda c: reverse("home")),
    "Mon espace (endorser)": ("endorser", lambda c: reverse("home")),
    "follow_up": ("hr", lambda c: reverse("evaluations:follow_up")),
    "statistics": ("hr", lambda c: reverse("evaluations:statistics")),
    "campaign_detail": ("hr", lambda c: c.get_absolute_url()),
    "Mon espace (hr)": ("hr", lambda c: reverse("home")),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_lists_run_a_constant_number_of_queries(client, make_user, page):
    """10 interviews, then 60: the same number of queries (no query per row)."""
    who, url_of = PAGES[page]
    n2 = make_user(Role.EMPLOYEE)
    viewers = {
        "hr": make_user(Role.HR),
        "endorser": n2,
        "evaluator": make_user(Role.EMPLOYEE, manager=n2.employee),
    }
    campaign = CampaignFactory()
    client.force_login(viewers[who])
    counts = []
    for added in (10, 50):
        _add_team(viewers["evaluator"], added, campaign)
        counts.append(_queries(client, url_of(campaign)))
    assert counts[0] == counts[1], counts


def test_an_interview_without_evaluator_nor_endorser_shows_who_must_act(client, make_user):
    """Someone with no manager: the pages say HR must name one (no empty value)."""
    person = EmployeeFactory(manager=None)
    interview = InterviewFactory(employee=person)
    client.force_login(make_user(Role.HR))
    page = client.get(interview.get_absolute_url()).content.decode()
    assert "les RH doivent désigner le responsable direct" in page
    assert (
        "aucun (responsable à désigner)"
        in client.get(reverse("evaluations:follow_up")).content.decode()
    )


def test_the_follow_up_shows_the_latest_campaign_unless_all_are_asked(client, make_user):
    earlier = CampaignFactory(year=2025, opened_on=date(2025, 10, 1), deadline=date(2026, 1, 31))
    latest = CampaignFactory()
    InterviewFactory(campaign=earlier, employee=EmployeeFactory(last_name="Ancienne"))
    InterviewFactory(campaign=latest, employee=EmployeeFactory(last_name="Récente"))
    client.force_login(make_user(Role.HR))
    url = reverse("evaluations:follow_up")
    page = client.get(url).content.decode()
    assert "Récente" in page and "Ancienne" not in page
    assert f'<option value="{latest.pk}" selected>' in page
    everything = client.get(url, {"campaign": ""}).content.decode()
    assert "Toutes les campagnes" in everything
    assert everything.index("Récente") < everything.index("Ancienne")  # latest year first
    assert "Récente" not in client.get(url, {"campaign": earlier.pk}).content.decode()
