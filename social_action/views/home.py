from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, employee_of, members_of
from imtsocial.periods import last_closed_year, year_choices
from imtsocial.privacy import small_group_threshold
from social_action import perms, services
from social_action.enums import OPEN_STATUSES, SchemeCategory
from social_action.forms import BudgetForm, GrantForm
from social_action.models import (
    AidRequest,
    AidScheme,
    AssociationGrant,
    Booking,
    Rate,
    SchemeBudget,
    SchemeCap,
)
from social_action.rules import RULE_RATES
from social_action.stats import social_action_figures

ALL_READERS = (Role.EMPLOYEE, Role.SOCIAL_ACTION, Role.HR, Role.DIRECTOR)


@require_GET
@role_required(*ALL_READERS)
def index(request):
    """Home of the module: who to contact, then what each role comes for."""
    contacts = [
        {"topic": topic, "people": members_of(role)}
        for topic, role in [(_("Correspondante action sociale"), Role.SOCIAL_ACTION)]
    ]
    employee = employee_of(request.user)
    context = {
        "contacts": contacts,
        "is_correspondent": perms.is_correspondent(request.user),
        "sees_aggregates": perms.can_see_aggregates(request.user),
        "is_employee": employee is not None,
        "open_requests": [],
        "bookings": [],
    }
    if employee is not None:
        context["open_requests"] = list(
            AidRequest.objects.filter(requester=employee, status__in=OPEN_STATUSES)
            .select_related("scheme")
            .order_by("-created_at")[:10]
        )
        context["bookings"] = list(
            Booking.objects.filter(
                employee=employee, cancelled_at__isnull=True, slot__starts_at__gte=timezone.now()
            ).select_related("slot")[:10]
        )
    return render(request, "social_action/index.html", context)


@require_GET
@role_required(*ALL_READERS)
def scheme_list(request):
    schemes = AidScheme.objects.filter(eligible=True).order_by("position", "name")
    groups = []
    for category in SchemeCategory:
        items = [s for s in schemes if s.category == category]
        if items:
            groups.append({"label": category.label, "schemes": items})
    return render(
        request,
        "social_action/scheme_list.html",
        {"groups": groups, "can_ask": employee_of(request.user) is not None},
    )


@require_GET
@role_required(*ALL_READERS)
def scheme_detail(request, pk):
    scheme = get_object_or_404(AidScheme.objects.filter(eligible=True), pk=pk)
    today = timezone.localdate()
    rates = list(
        Rate.objects.in_force(today).filter(key__in=RULE_RATES.get(scheme.rule, [])).order_by("key")
    )
    cap = SchemeCap.objects.get_in_force(today, scheme=scheme)
    return render(
        request,
        "social_action/scheme_detail.html",
        {
            "scheme": scheme,
            "rates": rates,
            "cap": cap,
            "can_ask": employee_of(request.user) is not None and scheme.on_request,
        },
    )


@require_GET
@role_required(Role.SOCIAL_ACTION, Role.HR, Role.DIRECTOR)
def statistics(request):
    """Aggregate figures only: counts and amounts per scheme, small groups masked."""
    today = timezone.localdate()
    default = last_closed_year(today)  # the year of the last 31 December, as every stats page
    try:
        year = int(request.GET.get("annee", default))
    except ValueError:
        year = default
    year = min(max(year, 2000), 2100)
    figures = social_action_figures(year)
    return render(
        request,
        "social_action/statistics.html",
        {
            "figures": figures,
            "year": year,
            "years": year_choices(today),
            "exact": perms.is_correspondent(request.user),
            "threshold": small_group_threshold(),
        },
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.SOCIAL_ACTION)
def budgets(request):
    """The correspondent sets each scheme's yearly envelope and the associations' grants."""
    year = timezone.localdate().year
    budget_form = BudgetForm(
        request.POST if request.POST.get("form") == "budget" else None,
        initial={"year": year},
        prefix="budget",
    )
    grant_form = GrantForm(
        request.POST if request.POST.get("form") == "grant" else None,
        initial={"year": year},
        prefix="grant",
    )
    if request.method == "POST":
        if budget_form.is_bound and budget_form.is_valid():
            data = budget_form.cleaned_data
            services.scheme_budget_set(
                scheme=data["scheme"], year=data["year"], envelope=data["envelope"], by=request.user
            )
            messages.success(request, _("L'enveloppe est enregistrée."))
            return redirect("social_action:budgets")
        if grant_form.is_bound and grant_form.is_valid():
            data = grant_form.cleaned_data
            services.association_grant_set(
                association=data["association"],
                year=data["year"],
                amount=data["amount"],
                note=data["note"],
                by=request.user,
            )
            messages.success(request, _("La subvention est enregistrée."))
            return redirect("social_action:budgets")
    return render(
        request,
        "social_action/budgets.html",
        {
            "budget_form": budget_form,
            "grant_form": grant_form,
            "budgets": SchemeBudget.objects.select_related("scheme").order_by(
                "-year", "scheme__position"
            )[:60],
            "grants": AssociationGrant.objects.select_related("association").order_by(
                "-year", "association__name"
            )[:20],
        },
    )
