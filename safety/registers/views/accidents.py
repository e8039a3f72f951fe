"""Work and commuting accident pages. The person records their own accident, HR or
prevention record one for someone; the manager sees that an accident happened in the
team, not its circumstances (``perms.can_see_accident_details``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from imtsocial.accounts.roles import employee_of
from imtsocial.audit.models import AuditEvent
from imtsocial.errors import DomainError
from imtsocial.history import HistorySource, history_rows
from imtsocial.pagination import paginate
from safety.registers import forms, perms, services


@require_GET
def accident_list(request):
    user = request.user
    if employee_of(user) is None and not perms.sees_all_accidents(user):
        raise PermissionDenied
    form = forms.AccidentFilterForm(request.GET or None)
    accidents = form.filter(perms.accidents_visible_to(user)).select_related("victim", "work_unit")
    page = paginate(request, accidents.order_by("-occurred_on", "-pk"))
    for accident in page:
        accident.details_shown = perms.can_see_accident_details(user, accident)
    return render(request, "safety/registers/accident_list.html", {"form": form, "page": page})


@require_http_methods(["GET", "POST"])
def accident_create(request):
    user = request.user
    for_someone = perms.records_for_others(user)
    if not (perms.can_write(user) or for_someone):
        raise PermissionDenied
    form = forms.AccidentForm(
        request.POST or None, for_someone=for_someone, with_action=for_someone
    )
    if request.method == "POST" and form.is_valid():
        victim = form.cleaned_data.get("employee_number") or employee_of(user)
        if victim is None:
            form.add_error("employee_number", _("Indiquez le matricule de l'agent concerné."))
        else:
            accident = services.accident_create(form=form, victim=victim, by=user)
            messages.success(request, _("L'accident est enregistré ; la prévention est prévenue."))
            return redirect(accident)
    return render(
        request,
        "safety/registers/form.html",
        {
            "form": form,
            "title": _("Déclarer un accident du travail ou de trajet"),
            "intro": _(
                "Ce registre décrit les circonstances de l'accident pour en tirer des mesures "
                "de prévention. La déclaration administrative se fait auprès des ressources "
                "humaines. N'écrivez aucune information médicale."
            ),
            "cancel_url": reverse("registers:index"),
        },
    )


@require_GET
def accident_detail(request, pk):
    accident = perms.get_accident_for(request.user, pk)
    details = perms.can_see_accident_details(request.user, accident)
    if accident.victim.user_id != request.user.pk:
        AuditEvent.log_view(
            actor=request.user,
            obj=accident,
            subject=accident.victim,
            detail=_("avec les circonstances") if details else "",
        )
    return render(
        request,
        "safety/registers/accident_detail.html",
        {
            "accident": accident,
            "details_shown": details,
            "history": history_rows(HistorySource(accident.history.all()))
            if perms.sees_all_accidents(request.user)
            else [],
        },
    )


@require_http_methods(["GET", "POST"])
def accident_edit(request, pk):
    accident = perms.get_accident_for_edit(request.user, pk)
    form = forms.AccidentForm(
        request.POST or None,
        instance=accident,
        with_action=perms.sees_all_accidents(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.accident_update(form=form, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("L'accident est mis à jour."))
            return redirect(accident)
    return render(
        request,
        "safety/registers/form.html",
        {
            "form": form,
            "title": _("Compléter l'accident"),
            "cancel_url": reverse("registers:accident_list"),
        },
    )
