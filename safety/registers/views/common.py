"""The registers' hub (every employee: « Signaler », own entries and their state) and
the statistics page (prevention, HR, the director: aggregates only)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET

from imtsocial.accounts.roles import employee_of
from imtsocial.periods import last_closed_year
from imtsocial.privacy import small_group_threshold
from safety.registers import forms, perms, stats
from safety.registers.models import DgiReport, RsstEntry, WorkAccident


@require_GET
def index(request):
    user = request.user
    own = employee_of(user)
    if own is None and not perms.is_prevention(user):
        raise PermissionDenied
    mine = {"rsst": [], "dgi": [], "accidents": []}
    if own is not None:
        mine["rsst"] = list(
            RsstEntry.objects.filter(author=own)
            .select_related("work_unit")
            .order_by("-occurred_on", "-pk")[:10]
        )
        mine["dgi"] = list(DgiReport.objects.filter(reported_by=own).order_by("-occurred_at")[:5])
        mine["accidents"] = list(
            WorkAccident.objects.filter(victim=own).order_by("-occurred_on")[:5]
        )
    return render(
        request,
        "safety/registers/index.html",
        {
            "mine": mine,
            "can_write": perms.can_write(user),
            "can_see_stats": perms.can_see_stats(user),
            "is_prevention": perms.is_prevention(user),
        },
    )


@require_GET
def statistics(request):
    if not perms.can_see_stats(request.user):
        raise PermissionDenied
    default = last_closed_year()  # every statistics page opens on the last 31 December
    form = forms.StatsYearForm(request.GET or None, initial={"year": default})
    year = (form.is_valid() and form.cleaned_data["year"]) or default
    return render(
        request,
        "safety/registers/stats.html",
        {
            "form": form,
            "year": year,
            "counts": stats.register_counts(year),
            "units": stats.by_unit(year),
            "accidents": stats.accidents_per_year(year),
            "threshold": small_group_threshold(),
        },
    )
