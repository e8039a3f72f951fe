from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, has_role, members_of
from imtsocial.errors import DomainError
from imtsocial.periods import last_31_december
from telework import perms, services, stats
from telework.forms import AtDateForm, RegimeForm
from telework.models import ExceptionalRegime, TeleworkRule


@require_GET
@role_required(Role.EMPLOYEE, Role.HR, Role.IT, Role.DIRECTOR)
def index(request):
    """Home of the module: the rules in force, the regime of the day, links per role
    and who to contact."""
    today = timezone.localdate()
    contacts = [
        {"topic": topic, "people": members_of(role)}
        for topic, role in [
            (_("Demandes de télétravail"), Role.HR),
            (_("Prêt d'équipement informatique"), Role.IT),
        ]
    ]
    user = request.user
    return render(
        request,
        "telework/index.html",
        {
            "contacts": contacts,
            "rule": TeleworkRule.objects.get_in_force(today),
            "regime": stats.regime_at(today),
            "is_final_decider": perms.is_final_decider(user),
            "is_manager": has_role(user, Role.MANAGER),
            "can_view_statistics": perms.can_view_statistics(user),
            "can_manage_regimes": perms.can_manage_regimes(user),
            "can_manage_equipment": perms.can_manage_equipment(user),
        },
    )


@require_GET
@role_required(Role.HR, Role.DIRECTOR, Role.IT)
def statistics(request):
    today = timezone.localdate()
    reference = last_31_december(today)
    form = AtDateForm(request.GET or None, initial={"at": reference})
    data = form.cleaned_data if form.is_valid() else {}
    at = data.get("at") or reference
    start = data.get("start") or date(at.year, 1, 1)
    end = data.get("end") or date(at.year, 12, 31)
    context = {"form": form, "at": at, "start": start, "end": end}
    if perms.can_view_statistics(request.user):
        context["figures"] = stats.telework_figures(at)
    context["loans_by_kind"] = stats.loans_by_kind(start, end)
    return render(request, "telework/statistics.html", context)


@require_GET
@role_required(Role.HR, Role.DIRECTOR)
def regime_list(request):
    return render(
        request,
        "telework/regime_list.html",
        {
            "regimes": ExceptionalRegime.objects.select_related("declared_by"),
            "can_manage": perms.can_manage_regimes(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.HR)
def regime_create(request):
    form = RegimeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.exceptional_regime_declare(**form.cleaned_data, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Le régime exceptionnel est déclaré."))
            return redirect("telework:regime_list")
    return render(
        request,
        "telework/form.html",
        {"form": form, "title": _("Déclarer un régime exceptionnel"), "submit": _("Déclarer")},
    )
