"""The remaining people-development lists run the same number of queries with few and with
many rows (the other lists have their own tests in their app's folder)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hr.coaching.models import CoachingRelationship, CoachingSession
from hr.dialogue.models import Body, Mandate, Meeting
from hr.skills.models import EmployeeSkill, Skill
from imtsocial.accounts.roles import Role
from tests.evaluations.factories import CampaignFactory, InterviewFactory
from tests.factories import EmployeeFactory, TalentDeveloperFactory
from tests.training.factories import CourseFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _rows(kind, world, count):
    today = timezone.localdate()
    for index in range(count):
        if kind == "coachings":
            relationship = CoachingRelationship.objects.create(
                coachee=EmployeeFactory(), coach=world.coach, started_on=today
            )
            CoachingSession.objects.create(relationship=relationship, date=today)
        elif kind == "coaches":
            TalentDeveloperFactory()
        elif kind == "onboardings":
            EmployeeFactory(manager=world.person, hire_date=today)
        elif kind == "meetings":
            Meeting.objects.create(body=world.body, date=today - timedelta(days=index + 1))
            Mandate.objects.create(
                body=world.body, employee=EmployeeFactory(), kind="elected", starts_on=today
            )
        elif kind == "skills":
            skill = Skill.objects.create(name=f"Compétence {count}-{index}")
            EmployeeSkill.objects.create(employee=world.person, skill=skill, level=3)
        elif kind == "sessions":
            SessionFactory(course=world.course)
        elif kind == "campaigns":
            campaign = CampaignFactory(year=1990 + len(world.years))
            world.years.append(campaign.year)
            InterviewFactory(employee=world.person, campaign=campaign)


PAGES = {
    "my coachings": ("coach", "coachings", lambda w: reverse("coaching:my_coachings")),
    "my coach (choose among)": ("employee", "coaches", lambda w: reverse("coaching:my_coach")),
    "onboarding list (hr)": ("hr", "onboardings", lambda w: reverse("onboarding:list")),
    "body detail": ("employee", "meetings", lambda w: w.body.get_absolute_url()),
    "skill list (hr)": ("hr", "skills", lambda w: reverse("skills:skill_list")),
    "a person's skills": ("hr", "skills", lambda w: reverse("skills:person", args=[w.person.pk])),
    "course detail": ("employee", "sessions", lambda w: w.course.get_absolute_url()),
    "campaign list (hr)": ("hr", "campaigns", lambda w: reverse("evaluations:campaign_list")),
    "my interviews": ("employee", "campaigns", lambda w: reverse("evaluations:interview_list")),
}  # fmt: skip


@pytest.mark.parametrize("page", list(PAGES))
def test_constant_queries(client, make_user, page):
    who, kind, url = PAGES[page]
    employee = make_user(Role.EMPLOYEE, manager=EmployeeFactory())
    coach = make_user(Role.TALENT_DEVELOPER)

    class World:
        pass

    world = World()
    world.person, world.coach = employee.employee, coach.employee.talent_developer
    world.body, world.course, world.years = Body.objects.get(code="ct-csa"), CourseFactory(), []
    client.force_login({"employee": employee, "coach": coach, "hr": make_user(Role.HR)}[who])
    counts = []
    for added in (3, 12):
        _rows(kind, world, added)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(world)).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
