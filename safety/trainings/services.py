"""The actions of safety trainings, each in one transaction, refusing with a French
``DomainError`` what the rules do not allow."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from imtsocial.errors import DomainError, full_clean
from imtsocial.locking import bump_version
from safety.trainings.models import (
    Attendance,
    QuizAttempt,
    QuizResponse,
)


def _save_versioned(form, *, by, version=None):
    """Create (no pk yet) or update with the optimistic lock, history user set."""
    instance = form.instance
    if instance.pk:
        bump_version(instance, version=version)
    instance = form.save(commit=False)
    instance._history_user = by
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:  # someone saved the same record at the same moment
        raise DomainError(_("Un enregistrement identique vient d'être fait.")) from None
    return instance


@transaction.atomic
def session_save(*, form, by):
    return _save_versioned(form, by=by, version=form.cleaned_data.get("version"))


@transaction.atomic
def learner_save(*, form, by):
    return _save_versioned(form, by=by, version=form.cleaned_data.get("version"))


@transaction.atomic
def exposure_save(*, form, by):
    return _save_versioned(form, by=by, version=form.cleaned_data.get("version"))


def attendance_add(*, session, employee=None, learner=None, by) -> Attendance:
    """Note one person present at ``session`` (on the day of the session or after)."""
    if (employee is None) == (learner is None):
        raise DomainError(
            _("Indiquez soit le matricule d'un agent, soit un élève, apprenti ou stagiaire.")
        )
    if session.date > timezone.localdate():
        raise DomainError(_("Les présences se notent le jour de la session ou après."))
    if learner is not None and learner.arrived_on > session.date:
        raise DomainError(_("Cette personne est arrivée après la session."), field="learner")
    attendance = Attendance(session=session, employee=employee, learner=learner, recorded_by=by)
    attendance._history_user = by
    full_clean(attendance)
    try:
        with transaction.atomic():
            attendance.save()
    except IntegrityError:  # two people adding the same person at once
        raise DomainError(_("Cette personne est déjà inscrite comme présente.")) from None
    return attendance


@transaction.atomic
def attendance_remove(*, attendance, by) -> None:
    attendance._history_user = by
    attendance.delete()


@transaction.atomic
def question_save(*, form, formset, by):
    """The question and its answers (2 to 5, at least one right: checked by the formset)."""
    question = _save_versioned(form, by=by, version=form.cleaned_data.get("version"))
    formset.instance = question
    formset.save()
    answers = list(question.answers.all())
    if not 2 <= len(answers) <= 5:
        raise DomainError(_("Une question a de 2 à 5 réponses."))
    if not any(answer.correct for answer in answers):
        raise DomainError(_("Cochez au moins une bonne réponse."))
    return question


@transaction.atomic
def quiz_submit(*, user, questions, chosen: dict) -> QuizAttempt:
    """Record an attempt: ``questions`` with their answers prefetched, ``chosen`` the ticked
    answer ids by question id. A question is right when exactly its correct answers are
    ticked. An answer of another question is refused."""
    if not questions:
        raise DomainError(_("Le quiz n'a pas de question pour l'instant."))
    marks = {}
    for question in questions:
        own = {answer.pk for answer in question.answers.all()}
        ticked = set(chosen.get(question.pk, ()))
        if not ticked:
            raise DomainError(_("Répondez à chaque question."), field=f"q{question.pk}")
        if not ticked <= own:
            raise DomainError(
                _("Cette réponse ne fait pas partie de la question."), field=f"q{question.pk}"
            )
        right = {answer.pk for answer in question.answers.all() if answer.correct}
        marks[question.pk] = (ticked, ticked == right)
    attempt = QuizAttempt.objects.create(
        user=user, score=sum(ok for _ticked, ok in marks.values()), total=len(questions)
    )
    responses = QuizResponse.objects.bulk_create(
        QuizResponse(attempt=attempt, question_id=pk, correct=ok)
        for pk, (_ticked, ok) in marks.items()
    )
    through = QuizResponse.chosen.through
    through.objects.bulk_create(
        through(quizresponse_id=response.pk, quizanswer_id=answer_id)
        for response in responses
        for answer_id in sorted(marks[response.question_id][0])
    )
    return attempt
