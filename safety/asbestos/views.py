"""Asbestos pages: the file's locations (list, detail, create, edit), the assessments,
measures and air measurements of a location, the « Avant d'intervenir » sheets per
building, the yearly figures."""

from datetime import date

from django.contrib import messages
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hr.models import Site
from imtsocial.errors import DomainError
from imtsocial.history import HistorySource, history_rows
from imtsocial.pagination import paginate
from imtsocial.periods import last_closed_year
from safety.asbestos import forms, perms, rules, services, stats
from safety.asbestos.models import AirMeasurement, Assessment, Location, Measure


def _context(request, **extra):
    user = request.user
    return {
        "can_read": perms.can_read(user),
        "can_edit": perms.can_edit(user),
        "can_read_sheets": perms.can_read_sheets(user),
        **extra,
    }


@require_GET
def location_list(request):
    perms.require(perms.can_read, request.user)
    form = forms.LocationFilterForm(request.GET or None)
    today = timezone.localdate()
    rows = rules.statuses(form.filter(perms.locations_visible_to(request.user)))
    action = form.cleaned_data.get("action") if form.is_valid() else ""
    if action == "due":
        rows = [(loc, status) for loc, status in rows if status.is_due(today)]
    elif action:
        rows = [(loc, status) for loc, status in rows if status.action == action]
    return render(
        request,
        "safety/asbestos/location_list.html",
        _context(request, form=form, page=paginate(request, rows), today=today),
    )


@require_http_methods(["GET", "POST"])
def location_edit(request, pk=None):
    perms.require(perms.can_edit, request.user)
    location = perms.get_location_for_edit(request.user, pk) if pk else Location()
    form = forms.LocationForm(request.POST or None, instance=location)
    if request.method == "POST" and form.is_valid():
        try:
            location = services.location_save(
                form=form, by=request.user, version=form.cleaned_data["version"]
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("La localisation est enregistrée."))
            return redirect(location)
    title = _("Modifier la localisation") if pk else _("Nouvelle localisation d'amiante")
    cancel = location.get_absolute_url() if pk else reverse("asbestos:location_list")
    return render(
        request,
        "safety/asbestos/form.html",
        _context(request, form=form, title=title, cancel_url=cancel),
    )


FORMS = {
    "assessment": forms.AssessmentForm,
    "measure": forms.MeasureForm,
    "air": forms.AirMeasurementForm,
}


def _location_page(request, location, bound=None):
    location = rules.with_file(Location.objects.filter(pk=location.pk)).get()
    status = rules.status_of(location)
    pk = location.pk
    context = _context(
        request,
        location=location,
        status=status,
        today=timezone.localdate(),
        history=history_rows(
            HistorySource(location.history.all(), label=lambda r: _("Localisation")),
            HistorySource(
                Assessment.history.filter(location_id=pk), label=lambda r: _("Évaluation")
            ),
            HistorySource(
                Measure.history.filter(location_id=pk), label=lambda r: _("Mesure prise")
            ),
            HistorySource(
                AirMeasurement.history.filter(location_id=pk),
                label=lambda r: _("Mesure d'empoussièrement"),
            ),
            limit=30,
        ),
    )
    if context["can_edit"]:
        for name, form_class in FORMS.items():
            given = bound if isinstance(bound, form_class) else None
            context[f"{name}_form"] = given or form_class(prefix=name)
    return render(request, "safety/asbestos/location_detail.html", context)


@require_GET
def location_detail(request, pk):
    perms.require(perms.can_read, request.user)
    return _location_page(request, perms.get_location_for(request.user, pk))


ADD_SERVICES = {
    "assessment": (services.assessment_add, _("L'évaluation est enregistrée.")),
    "measure": (services.measure_add, _("La mesure prise est enregistrée.")),
    "air": (services.air_measurement_add, _("La mesure d'empoussièrement est enregistrée.")),
}


@require_POST
def child_add(request, pk, kind):
    if kind not in FORMS:
        raise Http404
    location = perms.get_location_for_edit(request.user, pk)
    form = FORMS[kind](request.POST, prefix=kind)
    if form.is_valid():
        service, done = ADD_SERVICES[kind]
        try:
            service(form=form, by=request.user, location=location)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, str(done))
            return redirect(location)
    return _location_page(request, location, bound=form)


def _buildings():
    return (
        Location.objects.values("site_id", "site__name", "building")
        .annotate(locations=Count("pk"))
        .order_by("site__name", "building")
    )


@require_GET
def sheet_list(request):
    perms.require(perms.can_read_sheets, request.user)
    return render(
        request, "safety/asbestos/sheet_list.html", _context(request, buildings=list(_buildings()))
    )


@require_GET
def sheet(request, site_pk, building):
    """What a works team must know before intervening in a building: no personal data."""
    perms.require(perms.can_read_sheets, request.user)
    site = get_object_or_404(Site, pk=site_pk)
    locations = Location.objects.filter(site=site, building=building).order_by("room", "pk")
    rows = rules.statuses(locations)
    if not rows:
        raise Http404
    return render(
        request,
        "safety/asbestos/sheet.html",
        _context(request, site=site, building=building, rows=rows, today=timezone.localdate()),
    )


@require_GET
def year_stats(request):
    perms.require(perms.can_read, request.user)
    today = timezone.localdate()
    default = last_closed_year(today)  # every statistics page opens on the last 31 December
    form = forms.YearForm(request.GET or None, initial={"year": default})
    year = (form.is_valid() and form.cleaned_data["year"]) or default
    return render(
        request,
        "safety/asbestos/stats.html",
        _context(
            request,
            form=form,
            year=year,
            at=min(date(year, 12, 31), today),
            states=stats.locations_by_state(min(date(year, 12, 31), today)),
            materials=stats.locations_by_material(min(date(year, 12, 31), today)),
            air=stats.last_air_measurements(min(date(year, 12, 31), today)),
            due=stats.reassessments_due(today),
        ),
    )
