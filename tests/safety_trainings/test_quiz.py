"""The quiz: questions of 2 to 5 answers with at least one right one, kept by prevention;
anyone logged in answers; a question is right when exactly its right answers are ticked;
the result shows the correction; prevention sees the share of right answers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from imtsocial.accounts.roles import Role
from safety.trainings.models import QuizAttempt, QuizQuestion
from tests.safety_trainings.factories import question

pytestmark = pytest.mark.django_db


def _answers(q):
    return {a.text: a.pk for a in q.answers.all()}


def _question_data(answers, **extra):
    data = {
        "text": "Que faire en cas d'incendie ?",
        "explanation": "",
        "position": "1",
        "active": "on",
        "version": "0",
        "answers-TOTAL_FORMS": "5",
        "answers-INITIAL_FORMS": "0",
        "answers-MIN_NUM_FORMS": "0",
        "answers-MAX_NUM_FORMS": "5",
    }
    for index, (text, correct) in enumerate(answers):
        data[f"answers-{index}-text"] = text
        if correct:
            data[f"answers-{index}-correct"] = "on"
    data.update(extra)
    return data


def test_a_question_without_a_right_answer_or_with_one_answer_is_refused(client, make_user):
    client.force_login(make_user(Role.PREVENTION))
    url = reverse("safety_trainings:question_create")
    none_right = client.post(url, _question_data([("Alerter", False), ("Fuir", False)]))
    assert none_right.status_code == 200
    assert "Cochez au moins une bonne réponse." in none_right.content.decode()
    alone = client.post(url, _question_data([("Alerter", True)]))
    assert "Une question a de 2 à 5 réponses." in alone.content.decode()
    assert not QuizQuestion.objects.exists()
    ok = client.post(url, _question_data([("Alerter", True), ("Fuir", False), ("", False)]))
    assert ok.status_code == 302
    q = QuizQuestion.objects.get()
    assert sorted(q.answers.values_list("text", "correct")) == [("Alerter", True), ("Fuir", False)]


def test_prevention_deactivates_a_question_and_it_leaves_the_quiz(client, make_user):
    q = question()
    client.force_login(make_user(Role.PREVENTION))
    answers = list(q.answers.order_by("pk"))
    data = _question_data([], active="", **{"answers-TOTAL_FORMS": "5"})
    data.pop("active")
    data["answers-INITIAL_FORMS"] = "2"
    for index, answer in enumerate(answers):
        data[f"answers-{index}-id"] = answer.pk
        data[f"answers-{index}-text"] = answer.text
        if answer.correct:
            data[f"answers-{index}-correct"] = "on"
    response = client.post(reverse("safety_trainings:question_edit", args=[q.pk]), data)
    assert response.status_code == 302, (
        response.context["form"].errors,
        response.context["formset"].non_form_errors(),
    )
    q.refresh_from_db()
    assert q.active is False
    page = client.get(reverse("safety_trainings:quiz"))
    assert "Le quiz n'a pas de question" in page.content.decode()


def test_taking_the_quiz_scores_and_shows_the_correction(client, make_user):
    fire = question("Que faire en cas d'incendie ?", [("Alerter", True), ("Fuir", False)])
    gear = question(
        "Quels équipements pour un solvant ?",
        [("Gants", True), ("Lunettes", True), ("Rien", False)],
    )
    user = make_user(Role.EMPLOYEE)
    client.force_login(user)
    f, g = _answers(fire), _answers(gear)
    # right on the fire question; only half of the gear question: 1 of 2
    response = client.post(
        reverse("safety_trainings:quiz"),
        {f"q{fire.pk}": [f["Alerter"]], f"q{gear.pk}": [g["Gants"]]},
    )
    attempt = QuizAttempt.objects.get()
    assert response.url == attempt.get_absolute_url()
    assert (attempt.user, attempt.score, attempt.total, attempt.percent) == (user, 1, 2, 50)
    result = client.get(response.url).content.decode()
    assert "1 bonnes réponses sur 2 (50 %)" in result
    assert result.count("Bonne réponse") == 3  # Alerter, Gants, Lunettes


def test_an_answer_of_another_question_is_refused_without_500(client, make_user):
    fire = question("Que faire en cas d'incendie ?", [("Alerter", True), ("Fuir", False)])
    gear = question("Quels équipements ?", [("Gants", True), ("Rien", False)])
    client.force_login(make_user(Role.EMPLOYEE))
    url = reverse("safety_trainings:quiz")
    crossed = {f"q{fire.pk}": [_answers(gear)["Gants"]], f"q{gear.pk}": [_answers(gear)["Gants"]]}
    response = client.post(url, crossed)
    assert response.status_code == 200
    assert "Cette réponse ne fait pas partie de la question." in response.content.decode()
    for junk in ({f"q{fire.pk}": ["abc"]}, {}):
        assert client.post(url, junk).status_code == 200
    assert "Cochez au moins une réponse." in client.post(url, {}).content.decode()
    assert not QuizAttempt.objects.exists()


def test_results_are_private(client, make_user):
    q = question()
    owner, other = make_user(Role.EMPLOYEE), make_user(Role.EMPLOYEE)
    client.force_login(owner)
    client.post(reverse("safety_trainings:quiz"), {f"q{q.pk}": [_answers(q)["Alerter"]]})
    attempt = QuizAttempt.objects.get()
    client.force_login(other)
    assert client.get(attempt.get_absolute_url()).status_code == 404


def _attempts(user, q, right: int, wrong: int):
    answers = _answers(q)
    from safety.trainings import services
    from safety.trainings.views.quiz import _active_questions

    for ok in [True] * right + [False] * wrong:
        services.quiz_submit(
            user=user,
            questions=_active_questions(),
            chosen={q.pk: {answers["Alerter"] if ok else answers["Fuir"]}},
        )


def test_summary_per_question_in_constant_queries(client, make_user):
    prevention = make_user(Role.PREVENTION)
    q = question()
    _attempts(prevention, q, right=3, wrong=1)  # 3 of 4: 75 %
    client.force_login(prevention)
    url = reverse("safety_trainings:question_list")
    page = client.get(url).content.decode()
    assert "75 %" in page
    counts = []
    for extra in (1, 11):
        for index in range(extra):
            question(f"Question {len(counts)}-{index}")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
