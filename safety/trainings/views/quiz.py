"""The awareness quiz: taken by anyone logged in, managed by prevention."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role
from imtsocial.errors import DomainError
from imtsocial.pagination import paginate
from safety.trainings import forms, perms, services
from safety.trainings.models import QuizAnswer, QuizQuestion, QuizResponse


def _active_questions():
    return list(
        QuizQuestion.objects.filter(active=True)
        .prefetch_related(Prefetch("answers", queryset=QuizAnswer.objects.order_by("pk")))
        .order_by("position", "pk")
    )


@login_required
@require_http_methods(["GET", "POST"])
def quiz_take(request):
    questions = _active_questions()
    data = request.POST if request.method == "POST" else None
    form = forms.QuizForm(data, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            attempt = services.quiz_submit(
                user=request.user, questions=questions, chosen=form.chosen()
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            return redirect(attempt)
    previous = perms.attempts_visible_to(request.user).order_by("-taken_at", "-pk")[:5]
    return render(
        request,
        "safety/trainings/quiz_take.html",
        {"form": form, "questions": questions, "previous": list(previous)},
    )


@login_required
@require_GET
def quiz_result(request, pk):
    attempt = perms.get_attempt_for(request.user, pk)
    responses = (
        QuizResponse.objects.filter(attempt=attempt)
        .select_related("question")
        .prefetch_related(
            "chosen",
            Prefetch("question__answers", queryset=QuizAnswer.objects.order_by("pk")),
        )
        .order_by("question__position", "question_id")
    )
    rows = []
    for response in responses:
        ticked = {answer.pk for answer in response.chosen.all()}
        rows.append(
            {
                "response": response,
                "answers": [
                    {"answer": answer, "ticked": answer.pk in ticked}
                    for answer in response.question.answers.all()
                ],
            }
        )
    return render(request, "safety/trainings/quiz_result.html", {"attempt": attempt, "rows": rows})


@require_GET
@role_required(Role.PREVENTION)
def question_list(request):
    questions = QuizQuestion.objects.annotate(
        attempts=Count("responses", distinct=True),
        right=Count("responses", filter=Q(responses__correct=True), distinct=True),
        answer_count=Count("answers", distinct=True),
    ).order_by("-active", "position", "pk")
    page = paginate(request, questions)
    for question in page:
        question.share = (
            round(100 * question.right / question.attempts) if question.attempts else None
        )
    return render(request, "safety/trainings/question_list.html", {"page": page})


@require_http_methods(["GET", "POST"])
def question_edit(request, pk=None):
    """A record of another user's reach answers 404; creating needs the role."""
    if pk is None and not perms.can_manage(request.user):
        raise PermissionDenied
    question = perms.get_question_for(request.user, pk) if pk else QuizQuestion()
    form = forms.QuestionForm(request.POST or None, instance=question)
    formset = forms.answer_formset(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.question_save(form=form, formset=formset, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("La question est enregistrée."))
            return redirect("safety_trainings:question_list")
    return render(
        request,
        "safety/trainings/question_form.html",
        {
            "form": form,
            "formset": formset,
            "title": _("Modifier la question") if pk else _("Nouvelle question"),
            "cancel_url": reverse("safety_trainings:question_list"),
        },
    )
