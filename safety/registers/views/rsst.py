"""RSST pages: write, edit (the author, still submitted), the list (each sees what
``perms.rsst_visible_to`` gives), the entry with the answer, the visa, the closing and
the opening of a DUERP action."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from imtsocial.accounts.roles import employee_of
from imtsocial.errors import DomainError, add_form_errors_to_messages
from imtsocial.forms import VersionForm
from imtsocial.history import HistorySource, history_rows
from imtsocial.pagination import paginate
from safety.registers import forms, perms, services
from safety.registers.enums import RSST_FLOW
from safety.registers.parameters import RSST_ANSWER_DAYS
from safety.registers.views.helpers import late_before


@require_GET
def rsst_list(request):
    user = request.user
    if employee_of(user) is None and not perms.is_prevention(user):
        raise PermissionDenied
    form = forms.RsstFilterForm(request.GET or None)
    entries = form.filter(perms.rsst_visible_to(user)).select_related("author", "work_unit")
    page = paginate(request, entries.order_by("-occurred_on", "-pk"))
    limit = late_before(RSST_ANSWER_DAYS)
    for entry in page:
        entry.is_late = (
            limit is not None
            and RSST_FLOW.allows(entry, "answer")
            and timezone.localtime(entry.submitted_at).date() < limit
        )
    return render(request, "safety/registers/rsst_list.html", {"form": form, "page": page})


@require_http_methods(["GET", "POST"])
def rsst_create(request):
    if not perms.can_write(request.user):
        raise PermissionDenied
    form = forms.RsstForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        entry = services.rsst_create(form=form, author=employee_of(request.user), by=request.user)
        messages.success(
            request, _("Votre inscription est enregistrée ; la prévention est prévenue.")
        )
        return redirect(entry)
    return render(
        request,
        "safety/registers/form.html",
        {
            "form": form,
            "title": _("Écrire au registre santé et sécurité au travail"),
            "intro": _(
                "Signalez un risque, une situation dangereuse ou proposez une amélioration "
                "des conditions de travail. La prévention vous répond ici."
            ),
            "cancel_url": reverse("registers:index"),
        },
    )


@require_http_methods(["GET", "POST"])
def rsst_edit(request, pk):
    entry = perms.get_rsst_for_edit(request.user, pk)
    form = forms.RsstForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        try:
            services.rsst_update(form=form, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Votre observation est modifiée."))
            return redirect(entry)
    return render(
        request,
        "safety/registers/form.html",
        {
            "form": form,
            "title": _("Modifier mon observation"),
            "cancel_url": reverse("registers:rsst_list"),
        },
    )


def _detail(request, entry, *, answer_form=None, ack_form=None):
    user = request.user
    can = {verb: perms.can_rsst(user, entry, verb) for verb in RSST_FLOW.transitions}
    can["open_action"] = can["open_action"] and entry.work_unit_id and not entry.action_id
    return render(
        request,
        "safety/registers/rsst_detail.html",
        {
            "entry": entry,
            "can": can,
            "answer_form": answer_form or forms.AnswerForm(initial={"version": entry.version}),
            "ack_form": ack_form or forms.AcknowledgeForm(initial={"version": entry.version}),
            "history": history_rows(HistorySource(entry.history.all()))
            if perms.is_prevention(user)
            else [],
        },
    )


@require_GET
def rsst_detail(request, pk):
    return _detail(request, perms.get_rsst_for(request.user, pk))


@require_POST
def rsst_answer(request, pk):
    entry = perms.get_rsst_for(request.user, pk)
    if not perms.answers_for(request.user, entry):
        raise Http404
    form = forms.AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.rsst_answer(
                entry=entry,
                answer=form.cleaned_data["answer"],
                by=request.user,
                version=form.cleaned_data["version"],
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Votre réponse est enregistrée ; l'auteur est prévenu."))
            return redirect(entry)
    return _detail(request, entry, answer_form=form)


@require_POST
def rsst_acknowledge(request, pk):
    entry = perms.get_rsst_for(request.user, pk)
    if not perms.acknowledges(request.user, entry):
        raise Http404
    form = forms.AcknowledgeForm(request.POST)
    if form.is_valid():
        try:
            services.rsst_acknowledge(
                entry=entry,
                comment=form.cleaned_data["comment"],
                by=request.user,
                version=form.cleaned_data["version"],
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Votre visa est enregistré."))
            return redirect(entry)
    return _detail(request, entry, ack_form=form)


@require_POST
def rsst_close(request, pk):
    entry = perms.get_rsst_for(request.user, pk)
    if not perms.answers_for(request.user, entry):
        raise Http404
    version_form = VersionForm(request.POST)
    if version_form.is_valid():
        try:
            services.rsst_close(
                entry=entry, by=request.user, version=version_form.cleaned_data["version"]
            )
        except DomainError as error:
            error.add_to_messages(request)
        else:
            messages.success(request, _("L'observation est close."))
    else:
        add_form_errors_to_messages(request, version_form)
    return redirect(entry)


@require_http_methods(["GET", "POST"])
def rsst_action(request, pk):
    entry = perms.get_rsst_for(request.user, pk)
    if not perms.answers_for(request.user, entry) or entry.work_unit_id is None:
        raise Http404
    form = forms.RsstActionForm(request.POST or None, unit=entry.work_unit)
    if request.method == "POST" and form.is_valid():
        try:
            services.rsst_open_action(entry=entry, form=form, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("L'action est ajoutée au plan de prévention."))
            return redirect(entry)
    return render(
        request,
        "safety/registers/form.html",
        {
            "form": form,
            "title": _("Ouvrir une action du DUERP"),
            "intro": _(
                "L'action est ajoutée au plan de prévention, sur un risque de l'unité %(unit)s."
            )
            % {"unit": entry.work_unit},
            "cancel_url": reverse("registers:rsst_list"),
        },
    )
