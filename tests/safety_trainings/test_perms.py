"""Every URL of safety trainings, for every kind of user: prevention keeps everything,
a manager reads the department's newcomers, an employee sees their own trainings, anyone
logged in takes the quiz; anonymous users go to the login page; another's id is 404."""

from datetime import date

import pytest
from django.urls import reverse

from imtsocial.accounts.roles import Role
from safety.trainings.models import QuizAttempt
from tests.factories import EmployeeFactory
from tests.safety_trainings.factories import (
    AttendanceFactory,
    ExposureFactory,
    LearnerFactory,
    SessionFactory,
    question,
)

pytestmark = pytest.mark.django_db

ANON, NOBODY, EMPLOYEE, MANAGER, PREVENTION, HR, DIRECTOR = (
    "anonymous", "no role", "employee", "manager", "prevention", "hr", "director",
)  # fmt: skip
USERS = [ANON, NOBODY, EMPLOYEE, MANAGER, PREVENTION, HR, DIRECTOR]


@pytest.fixture
def world(make_user):
    users = {
        NOBODY: make_user(),
        EMPLOYEE: make_user(Role.EMPLOYEE),
        MANAGER: make_user(Role.MANAGER),
        PREVENTION: make_user(Role.PREVENTION),
        HR: make_user(Role.HR),
        DIRECTOR: make_user(Role.DIRECTOR),
    }
    session = SessionFactory()
    attendance = AttendanceFactory(session=session, employee=EmployeeFactory())
    q = question()
    attempt = QuizAttempt.objects.create(user=users[PREVENTION], score=1, total=1)
    return {
        "users": users,
        "session": session,
        "attendance": attendance,
        "learner": LearnerFactory(),
        "exposure": ExposureFactory(),
        "question": q,
        "attempt": attempt,
    }


P = {PREVENTION}
EVERY_LOGIN = {NOBODY, EMPLOYEE, MANAGER, PREVENTION, HR, DIRECTOR}
# name, args (from world), who gets 200; the others get 403 (role) or 404 (object)
GET_PAGES = [
    ("session_list", [], P, 403),
    ("session_create", [], P, 403),
    ("session_detail", ["session"], P, 404),
    ("session_edit", ["session"], P, 404),
    ("learner_list", [], P, 403),
    ("learner_create", [], P, 403),
    ("learner_edit", ["learner"], P, 404),
    ("newcomer_list", [], {PREVENTION, MANAGER}, 403),
    ("exposure_list", [], P, 403),
    ("exposure_create", [], P, 403),
    ("exposure_edit", ["exposure"], P, 404),
    ("road_untrained", [], P, 403),
    ("my_trainings", [], {EMPLOYEE, MANAGER, PREVENTION, HR, DIRECTOR}, 403),
    ("quiz", [], EVERY_LOGIN, 403),
    ("quiz_result", ["attempt"], P, 404),  # the attempt is the prevention user's
    ("question_list", [], P, 403),
    ("question_create", [], P, 403),
    ("question_edit", ["question"], P, 404),
]


@pytest.mark.parametrize("who", USERS)
def test_every_page_for_every_user(client, world, who):
    if who != ANON:
        client.force_login(world["users"][who])
    for name, args, allowed, refused in GET_PAGES:
        url = reverse(f"safety_trainings:{name}", args=[world[a].pk for a in args])
        status = client.get(url).status_code
        if who == ANON:
            assert status in (302, 403), (name, status)
            if status == 302:
                continue
        expected = 200 if who in allowed else refused
        assert status == expected, (name, who, status)


@pytest.mark.parametrize("who", [NOBODY, EMPLOYEE, MANAGER, HR, DIRECTOR])
def test_edits_by_non_prevention_users_are_refused_and_change_nothing(client, world, who):
    client.force_login(world["users"][who])
    session, attendance = world["session"], world["attendance"]
    posts = [
        reverse("safety_trainings:session_edit", args=[session.pk]),
        reverse("safety_trainings:attendance_add", args=[session.pk]),
        reverse("safety_trainings:attendance_remove", args=[session.pk, attendance.pk]),
        reverse("safety_trainings:learner_edit", args=[world["learner"].pk]),
        reverse("safety_trainings:exposure_edit", args=[world["exposure"].pk]),
        reverse("safety_trainings:question_edit", args=[world["question"].pk]),
    ]
    for url in posts:
        assert client.post(url, {"place": "X", "last_name": "X"}).status_code == 404, url
    assert session.attendances.count() == 1
    session.refresh_from_db()
    assert session.place != "X"


def test_the_attendance_of_another_session_is_404(client, world):
    client.force_login(world["users"][PREVENTION])
    other = SessionFactory(date=date(2020, 10, 13))
    url = reverse("safety_trainings:attendance_remove", args=[other.pk, world["attendance"].pk])
    assert client.post(url).status_code == 404
    assert world["session"].attendances.count() == 1
