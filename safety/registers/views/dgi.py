"""DGI pages: any employee reports a serious and imminent danger; prevention and the
director record the investigation and the decision."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from imtsocial.accounts.roles import employee_of
from imtsocial.errors import DomainError
from imtsocial.history import HistorySource, history_rows
from imtsocial.pagination import paginate
from safety.registers import forms, perms, services


@require_GET
def dgi_list(request):
    user = request.user
    if employee_of(user) is None and not perms.follows_dgi(user):
        raise PermissionDenied
    form = forms.DgiFilterForm(request.GET or None)
    reports = form.filter(perms.dgi_visible_to(user)).select_related("work_unit")
    return render(
        request,
        "safety/registers/dgi_list.html",
        {"form": form, "page": paginate(request, reports.order_by("-occurred_at", "-pk"))},
    )


@require_http_methods(["GET", "POST"])
def dgi_create(request):
    if not perms.can_write(request.user):
        raise PermissionDenied
    form = forms.DgiForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = services.dgi_create(form=form, reporter=employee_of(request.user), by=request.user)
        messages.success(
            request,
            _("Votre signalement est enregistré ; la prévention et la direction sont prévenues."),
        )
        return redirect(report)
    return render(
        request,
        "safety/registers/form.html",
        {
            "form": form,
            "title": _("Signaler un danger grave et imminent"),
            "intro": _(
                "Un danger grave et imminent menace la vie ou la santé. Si vous le pouvez, "
                "retirez-vous de la situation et prévenez immédiatement votre responsable ; "
                "inscrivez-le ensuite ici."
            ),
            "cancel_url": reverse("registers:index"),
        },
    )


def _detail(request, report, *, investigation_form=None, decision_form=None):
    user = request.user
    initial = {"version": report.version}
    return render(
        request,
        "safety/registers/dgi_detail.html",
        {
            "report": report,
            "can_investigate": perms.can_dgi(user, report, "investigate"),
            "can_decide": perms.can_dgi(user, report, "decide"),
            "investigation_form": investigation_form
            or forms.InvestigationForm(initial={**initial, "investigation": report.investigation}),
            "decision_form": decision_form or forms.DecisionForm(initial=initial),
            "history": history_rows(HistorySource(report.history.all()))
            if perms.follows_dgi(user)
            else [],
        },
    )


@require_GET
def dgi_detail(request, pk):
    return _detail(request, perms.get_dgi_for(request.user, pk))


@require_POST
def dgi_investigate(request, pk):
    report = perms.get_dgi_for(request.user, pk)
    if not perms.follows_dgi(request.user):
        raise Http404
    form = forms.InvestigationForm(request.POST)
    if form.is_valid():
        try:
            services.dgi_investigate(
                report=report,
                investigation=form.cleaned_data["investigation"],
                by=request.user,
                version=form.cleaned_data["version"],
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("L'enquête est enregistrée."))
            return redirect(report)
    return _detail(request, report, investigation_form=form)


@require_POST
def dgi_decide(request, pk):
    report = perms.get_dgi_for(request.user, pk)
    if not perms.follows_dgi(request.user):
        raise Http404
    form = forms.DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.dgi_decide(
                report=report,
                decision=data["decision"],
                measures=data["decision_measures"],
                decided_on=data["decided_on"],
                by=request.user,
                version=data["version"],
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("La décision est enregistrée."))
            return redirect(report)
    return _detail(request, report, decision_form=form)
