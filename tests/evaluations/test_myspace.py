"""« Mon espace » of evaluations: the follow-up card reads the latest campaign and its
progress (kept in the cache until an interview or a campaign changes), with the counts
of the campaign's pages."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hr.evaluations.enums import InterviewStatus
from hr.evaluations.myspace import sections
from hr.evaluations.stats import campaign_progress
from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.myspace import sections_of
from tests.evaluations.factories import CampaignFactory, InterviewFactory
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def _request(rf, user):
    request = rf.get(reverse("home"))
    request.user = user
    roles_of(user), employee_of(user)  # the login's roles and record, read once a request
    return request


def _card(result, title):
    (section,) = [section for section in result if section.title == title]
    return section


@pytest.fixture
def late_campaign():
    """The latest campaign, past its deadline: one report notified, two interviews late,
    one of them without evaluator; an older campaign that must not count."""
    today = timezone.localdate()
    CampaignFactory(year=2020, opened_on=today - timedelta(days=900), deadline=today)
    InterviewFactory(campaign__year=2020)
    campaign = CampaignFactory(
        year=2025, opened_on=today - timedelta(days=60), deadline=today - timedelta(days=1)
    )
    for trait in ("notified", "planned"):
        managed = EmployeeFactory(manager=EmployeeFactory())
        InterviewFactory(campaign=campaign, employee=managed, **{trait: True})
    InterviewFactory(campaign=campaign, employee=EmployeeFactory(manager=None))
    return campaign


def test_hr_follows_the_latest_campaign_kept_until_an_interview_changes(
    rf, make_user, late_campaign, django_assert_num_queries
):
    hr = make_user(Role.HR)
    # HR's own latest interview (none), the counters of the interviews HR conducts or
    # endorses (the page's batch), the latest campaign and its progress
    first, second = _request(rf, hr), _request(rf, hr)
    with django_assert_num_queries(4):
        card = _card(sections_of(sections, first), "Entretiens professionnels")
    with django_assert_num_queries(2):  # the campaign and its progress from the cache
        _card(sections_of(sections, second), "Entretiens professionnels")
    progress = campaign_progress(late_campaign, at=timezone.localdate())
    assert [progress[key] for key in ("done", "total", "late", "without_evaluator")] == [1, 3, 2, 1]
    assert [(item.label, item.url) for item in card.items] == [
        (
            "Campagne d'entretiens 2025 : 1 comptes rendus notifiés sur 3",
            late_campaign.get_absolute_url(),
        )
    ]
    follow_up = reverse("evaluations:follow_up")
    assert [(item.label, item.url) for item in card.todo] == [
        ("2 entretiens en retard", f"{follow_up}?campaign={late_campaign.pk}&late=on"),
        (
            "1 agent sans responsable direct : son entretien n'a pas d'évaluateur",
            late_campaign.get_absolute_url(),
        ),
    ]
    # a report notified is counted at once: 2 of 3, one interview late
    planned = late_campaign.interviews.get(status=InterviewStatus.PLANNED)
    planned.status = InterviewStatus.NOTIFIED
    planned.save()
    card = _card(sections_of(sections, _request(rf, hr)), "Entretiens professionnels")
    assert card.items[0].label == "Campagne d'entretiens 2025 : 2 comptes rendus notifiés sur 3"
    assert card.todo[0].label == "1 entretien en retard"


def test_the_director_sees_the_figures_and_no_to_do(rf, make_user, late_campaign):
    card = _card(
        sections_of(sections, _request(rf, make_user(Role.DIRECTOR))), "Entretiens professionnels"
    )
    assert [(item.label, item.url) for item in card.items] == [
        (
            "Campagne d'entretiens 2025 : 1 comptes rendus notifiés sur 3",
            reverse("evaluations:statistics"),
        )
    ]
    assert card.todo == []


def test_without_campaign_hr_gets_the_links_and_the_director_nothing(rf, make_user):
    card = _card(
        sections_of(sections, _request(rf, make_user(Role.HR))), "Entretiens professionnels"
    )
    assert card.items == [] and card.todo == []
    assert reverse("evaluations:campaign_list") in [link.url for link in card.links]
    titles = [s.title for s in sections_of(sections, _request(rf, make_user(Role.DIRECTOR)))]
    assert "Entretiens professionnels" not in titles


def test_the_evaluator_and_the_endorser_count_their_steps(rf, make_user):
    n2 = make_user(Role.EMPLOYEE)
    evaluator = make_user(Role.EMPLOYEE, manager=n2.employee)
    InterviewFactory(employee=EmployeeFactory(manager=evaluator.employee))
    InterviewFactory(
        employee=EmployeeFactory(manager=evaluator.employee), status=InterviewStatus.SIGNED
    )
    title = "Entretiens professionnels de mon équipe"
    card = _card(sections_of(sections, _request(rf, evaluator)), title)
    assert [item.label for item in card.items] == ["2 entretiens que vous conduisez ou visez"]
    assert [item.label for item in card.todo] == ["1 entretien à planifier"]
    card = _card(sections_of(sections, _request(rf, n2)), title)
    assert [item.label for item in card.todo] == ["1 compte rendu à viser"]
