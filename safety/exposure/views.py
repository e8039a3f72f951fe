"""Exposure pages: campaigns (list, detail with its measurements, record and edit),
the report PDF, the history of a substance in a unit, the substances, the figures
of a year."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from imtsocial.errors import DomainError, add_form_errors_to_messages
from imtsocial.files import private_file_response
from imtsocial.history import HistorySource, history_rows
from imtsocial.pagination import paginate
from imtsocial.periods import last_closed_year
from safety.exposure import forms, perms, services, stats
from safety.exposure.enums import Verdict
from safety.exposure.models import LimitValue, Measurement, MeasurementCampaign, Substance


def _context(request, **extra):
    user = request.user
    return {
        "can_record": perms.can_record(user),
        "is_advisor": perms.is_advisor(user),
        "can_see_stats": perms.can_see_stats(user),
        "can_read": perms.can_read(user),
        **extra,
    }


@require_GET
def campaign_list(request):
    perms.require(perms.can_read, request.user)
    units = perms.units_visible_to(request.user)
    form = forms.CampaignFilterForm(request.GET or None, units=units)
    campaigns = (
        form.filter(perms.campaigns_visible_to(request.user))
        .select_related("work_unit")
        .annotate(
            measurement_count=Count("measurements", distinct=True),
            over_count=Count(
                "measurements", filter=Q(measurements__verdict=Verdict.OVER), distinct=True
            ),
        )
        .order_by("-date", "-pk")
    )
    return render(
        request,
        "safety/exposure/campaign_list.html",
        _context(request, form=form, page=paginate(request, campaigns)),
    )


def _form_page(request, form, *, title, cancel_url):
    return render(
        request,
        "safety/exposure/form.html",
        _context(request, form=form, title=title, cancel_url=cancel_url, multipart=True),
    )


@require_http_methods(["GET", "POST"])
def campaign_edit(request, pk=None):
    perms.require(perms.can_record, request.user)
    units = perms.units_editable_by(request.user)
    campaign = perms.get_campaign_for_edit(request.user, pk) if pk else MeasurementCampaign()
    if request.method == "GET" and not pk and request.GET.get("unit", "").isdigit():
        campaign.work_unit = units.filter(pk=request.GET["unit"]).first()
    form = forms.CampaignForm(
        request.POST or None, request.FILES or None, instance=campaign, units=units
    )
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.campaign_save(
                form=form, by=request.user, version=form.cleaned_data["version"]
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("La campagne de mesures est enregistrée."))
            return redirect(campaign)
    title = _("Modifier la campagne de mesures") if pk else _("Nouvelle campagne de mesures")
    cancel = campaign.get_absolute_url() if pk else reverse("exposure:campaign_list")
    return _form_page(request, form, title=title, cancel_url=cancel)


def _campaign_page(request, campaign, *, measurement_form=None, status=200):
    measurements = list(
        campaign.measurements.select_related("substance", "limit", "reviewed_by").order_by(
            "substance__name", "kind", "pk"
        )
    )
    can_edit = perms.can_edit_campaign(request.user, campaign)
    rows = history_rows(
        HistorySource(campaign.history.all(), label=lambda r: _("Campagne")),
        HistorySource(
            Measurement.history.filter(campaign_id=campaign.pk),
            label=lambda r: _("Mesure"),
        ),
        limit=30,
    )
    return render(
        request,
        "safety/exposure/campaign_detail.html",
        _context(
            request,
            campaign=campaign,
            measurements=measurements,
            can_edit=can_edit,
            measurement_form=measurement_form or forms.MeasurementForm(),
            review_form=forms.ReviewForm(),
            history=rows,
        ),
        status=status,
    )


@require_GET
def campaign_detail(request, pk):
    perms.require(perms.can_read, request.user)
    return _campaign_page(request, perms.get_campaign_for(request.user, pk))


@require_GET
def campaign_report(request, pk):
    perms.require(perms.can_read, request.user)
    campaign = perms.get_campaign_for(request.user, pk)
    return private_file_response(
        campaign.report,
        filename=f"mesures-{campaign.work_unit.code}-{campaign.date:%Y-%m-%d}.pdf",
        as_attachment=False,
    )


@require_POST
def measurement_add(request, pk):
    perms.require(perms.can_record, request.user)
    campaign = perms.get_campaign_for_edit(request.user, pk)
    form = forms.MeasurementForm(request.POST)
    if form.is_valid():
        try:
            measurement = services.measurement_add(
                campaign=campaign, by=request.user, **form.cleaned_data
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            if measurement.is_over:
                messages.warning(
                    request,
                    _(
                        "Mesure enregistrée : elle dépasse la valeur limite. Le conseiller de "
                        "prévention est prévenu."
                    ),
                )
            else:
                messages.success(request, _("La mesure est enregistrée."))
            return redirect(campaign)
    return _campaign_page(request, campaign, measurement_form=form)


@require_POST
def measurement_delete(request, pk):
    perms.require(perms.can_record, request.user)
    measurement = _measurement_for_edit(request.user, pk)
    campaign = measurement.campaign
    services.measurement_delete(measurement=measurement, by=request.user)
    messages.success(request, _("La mesure est supprimée."))
    return redirect(campaign)


def _measurement_for_edit(user, pk) -> Measurement:
    measurement = (
        Measurement.objects.filter(pk=pk, campaign__work_unit__in=perms.units_editable_by(user))
        .select_related("campaign")
        .first()
    )
    if measurement is None:
        raise Http404
    return measurement


@require_POST
def measurement_review(request, pk):
    measurement = perms.get_measurement_for_review(request.user, pk)
    form = forms.ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.measurement_review(
                measurement=measurement, by=request.user, note=form.cleaned_data["note"]
            )
        except DomainError as error:
            error.add_to_messages(request)
        else:
            messages.success(request, _("Le dépassement est marqué comme examiné."))
    else:
        add_form_errors_to_messages(request, form)
    return redirect(measurement.campaign)


@require_GET
def history(request):
    """The series of one substance in one work unit, each value with the limit of its
    date."""
    perms.require(perms.can_read, request.user)
    units = perms.units_visible_to(request.user)
    form = forms.HistoryFilterForm(request.GET or None, units=units)
    page = None
    if form.is_valid():
        series = (
            perms.measurements_visible_to(request.user)
            .filter(
                campaign__work_unit=form.cleaned_data["work_unit"],
                substance=form.cleaned_data["substance"],
            )
            .select_related("campaign", "substance")
            .order_by("-campaign__date", "kind", "pk")
        )
        page = paginate(request, series)
    return render(request, "safety/exposure/history.html", _context(request, form=form, page=page))


@require_GET
def substance_list(request):
    perms.require(perms.can_read, request.user)
    today = timezone.localdate()
    substances = Substance.objects.order_by("name")
    limits = {
        limit.substance_id: limit
        for limit in LimitValue.objects.in_force(today).order_by("valid_from")
    }
    page = paginate(request, substances)
    for substance in page:
        substance.current_limit = limits.get(substance.pk)
    return render(
        request, "safety/exposure/substance_list.html", _context(request, page=page, today=today)
    )


@require_http_methods(["GET", "POST"])
def substance_edit(request, pk=None):
    if not perms.is_advisor(request.user):
        raise Http404
    substance = perms.get_substance_for_edit(request.user, pk) if pk else Substance()
    form = forms.SubstanceForm(request.POST or None, instance=substance)
    if request.method == "POST" and form.is_valid():
        substance = form.save(commit=False)
        substance._history_user = request.user
        substance.save()
        messages.success(
            request,
            _(
                "La substance est enregistrée ; ses valeurs limites se saisissent dans les "
                "référentiels."
            ),
        )
        return redirect("exposure:substance_list")
    title = _("Modifier la substance") if pk else _("Nouvelle substance")
    return render(
        request,
        "safety/exposure/form.html",
        _context(request, form=form, title=title, cancel_url=reverse("exposure:substance_list")),
    )


@require_GET
def year_stats(request):
    perms.require(perms.can_see_stats, request.user)
    default = last_closed_year()  # every statistics page opens on the last 31 December
    form = forms.YearForm(request.GET or None, initial={"year": default})
    year = (form.is_valid() and form.cleaned_data["year"]) or default
    return render(
        request,
        "safety/exposure/stats.html",
        _context(
            request,
            form=form,
            year=year,
            summary=stats.year_summary(year),
            rows=stats.measurements_by_substance_and_unit(year),
        ),
    )
