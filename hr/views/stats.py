"""HR statistics at a reference date (aggregates only) and the list of pay alerts."""

from datetime import date

from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from hr.charts import pay_chart
from hr.enums import Category, ContractKind
from hr.models import Department
from hr.stats import PAY_READS, cached_hr_statistics, salaries_below_benchmark
from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, has_role
from imtsocial.forms import LeanModelChoiceField
from imtsocial.pagination import paginate
from imtsocial.periods import last_31_december
from imtsocial.privacy import small_group_threshold


def _date_widget():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def default_reference_date(today: date | None = None) -> date:
    """31 December of last year: the date of the yearly DD&RS figures (kit helper)."""
    return last_31_december(today)


class StatisticsForm(forms.Form):
    at = forms.DateField(
        label=_("Date de référence"),
        required=False,
        widget=_date_widget(),
        help_text=_("Par défaut, le 31 décembre de l'année dernière."),
    )


class PayAlertFilterForm(forms.Form):
    at = forms.DateField(
        label=_("À la date du"),
        required=False,
        widget=_date_widget(),
        help_text=_("Par défaut, aujourd'hui."),
    )
    department = LeanModelChoiceField(
        label=_("Service ou laboratoire"),
        queryset=Department.objects.order_by("name"),
        required=False,
        empty_label=_("Tous"),
    )
    category = forms.ChoiceField(
        label=_("Catégorie"), choices=[("", _("Toutes")), *Category.choices], required=False
    )
    kind = forms.ChoiceField(
        label=_("Nature du contrat"),
        choices=[("", _("Toutes")), *ContractKind.choices],
        required=False,
    )


def _valid(form: forms.Form, name: str):
    """The cleaned value of one field, or None when it is empty or invalid.

    A wrong value is reported next to its field by the form; the other filters apply.
    """
    form.is_valid()
    return form.cleaned_data.get(name) or None


@require_GET
@role_required(Role.HR, Role.DIRECTOR)
def statistics(request):
    form = StatisticsForm(request.GET or None, initial={"at": default_reference_date()})
    at = (_valid(form, "at") if form.is_bound else None) or default_reference_date()
    stats = cached_hr_statistics(at=at)
    smic = stats.smic.monthly if stats.smic else None
    context = {
        "form": form,
        "at": at,
        "stats": stats,
        "chart": pay_chart(stats.distribution, marker=smic),
        "threshold": small_group_threshold(),
        "can_view_pay_alerts": has_role(request.user, Role.HR),
    }
    return render(request, "hr/stats/statistics.html", context)


@require_GET
@role_required(Role.HR)
def pay_alerts(request):
    form = PayAlertFilterForm(request.GET or None)
    at = (_valid(form, "at") if form.is_bound else None) or timezone.localdate()
    alerts = salaries_below_benchmark(at=at)
    department = category = kind = None
    if form.is_bound:
        if department := _valid(form, "department"):
            alerts = alerts.filter(employee__department=department)
        if category := _valid(form, "category"):
            alerts = alerts.filter(category=category)
        if kind := _valid(form, "kind"):
            alerts = alerts.filter(kind=kind)
    # The alerts are found once (every contract in force compared with its minimum), and
    # kept until the HR tables change (``PAY_READS``): their numbers in order give the
    # count and the page; only the page's rows are then read in full.
    order = ("employee__last_name", "employee__first_name", "pk")
    key = ("pay_alerts", at, getattr(department, "pk", None), category, kind)
    ids = PAY_READS.get_or_compute(
        key, lambda: list(alerts.order_by(*order).values_list("pk", flat=True))
    )
    page = paginate(request, ids)
    rows = alerts.filter(pk__in=list(page.object_list)).select_related(
        "employee", "employee__department"
    )
    page.object_list = list(rows.order_by(*order))
    return render(
        request,
        "hr/stats/pay_alerts.html",
        {"form": form, "at": at, "page": page},
    )
