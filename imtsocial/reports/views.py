"""The report page and its editions: the director and HR only (every other person: 404).

- ``index`` (/rapport/?annee=2020): pick the year (default: last year; a year not over
  yet is refused), the figures of the year (the catalogue's table), « Demander
  le PDF », the editions of the year with their progress and every past edition.
- ``request_pdf`` (POST): a new edition, or the one of the year already running.
- ``edition_status``: the progress of an edition as JSON, polled by a static script.
- ``edition_download``: the PDF of a done edition (private file).
"""

from django import forms
from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_POST

from imtsocial.accounts.roles import Role, has_role
from imtsocial.files import private_file_response
from imtsocial.pagination import paginate
from imtsocial.progress import progress_state
from imtsocial.reports import catalogue, services
from imtsocial.reports.enums import EditionStatus
from imtsocial.reports.models import Edition
from imtsocial.reports.pdf import refusal

REPORT_ROLES = (Role.DIRECTOR, Role.HR)


def _require_report_role(request):
    if not has_role(request.user, *REPORT_ROLES):
        raise Http404


class EditionYearForm(forms.Form):
    """« ?annee=2020 »: a past year (the chapter describes a 31 December gone by)."""

    annee = forms.IntegerField(
        label=_lazy("Année du rapport"),
        required=False,
        error_messages={
            "invalid": _lazy("Indiquez une année à quatre chiffres, par exemple 2020.")
        },
    )

    def clean_annee(self):
        year = self.cleaned_data.get("annee")
        if year is None:
            return timezone.localdate().year - 1
        reason = refusal(year)
        if reason:
            raise forms.ValidationError(reason)
        return year


def _year(request) -> tuple[EditionYearForm, int]:
    form = EditionYearForm(request.GET if "annee" in request.GET else None)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["annee"]
    return form, timezone.localdate().year - 1


def edition_state(edition: Edition) -> dict:
    """What the page and its script show of an edition's progress."""
    running = edition.status == EditionStatus.RUNNING
    parts = [str(edition.get_status_display())]
    if running:
        parts.append(f"{edition.progress} %")
        if edition.current_section:
            parts.append(edition.current_section)
    return progress_state(
        value=edition.progress,
        maximum=100,
        text=" — ".join(parts),
        finished=edition.status in (EditionStatus.DONE, EditionStatus.FAILED),
        id=edition.pk,
        status=edition.status,
        status_label=str(edition.get_status_display()),
        progress=edition.progress,
        section=edition.current_section,
        error=edition.error,
    )


@require_GET
def index(request):
    _require_report_role(request)
    form, year = _year(request)
    editions = Edition.objects.select_related("requested_by").order_by("-requested_at", "-pk")
    of_year = list(editions.filter(year=year)[:20])
    page = paginate(request, editions)
    running = [e for e in of_year if e.status in services.ACTIVE]
    return render(
        request,
        "reports/index.html",
        {
            "form": form,
            "year": year,
            "year_refused": form.is_bound and not form.is_valid(),
            "years": services.years_offered(),
            "rows": [] if form.is_bound and not form.is_valid() else catalogue.rows_for(year),
            "of_year": of_year,
            "running": running,
            "page": page,
        },
    )


@require_POST
def request_pdf(request):
    _require_report_role(request)
    form = EditionYearForm(request.POST)
    if not form.is_valid() or "annee" not in request.POST:
        messages.error(request, form.errors.get("annee", [_("Choisissez l'année du rapport.")])[0])
        return redirect("reports:index")
    year = form.cleaned_data["annee"]
    try:
        edition, created = services.request_edition(year, request.user)
    except services.EditionRefused as exc:
        messages.error(request, str(exc))
        return redirect("reports:index")
    if created:
        messages.success(
            request,
            _("Le PDF du chapitre %(year)s est demandé (édition %(number)s).")
            % {"year": year, "number": edition.number},
        )
    else:
        messages.info(
            request,
            _(
                "Une édition du chapitre %(year)s est déjà en cours : votre demande la "
                "rejoint (édition %(number)s)."
            )
            % {"year": year, "number": edition.number},
        )
    return redirect(reverse("reports:index") + f"?annee={year}")


@require_GET
def edition_status(request, pk):
    _require_report_role(request)
    edition = get_object_or_404(Edition, pk=pk)
    response = JsonResponse(edition_state(edition))
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def edition_download(request, pk):
    _require_report_role(request)
    edition = get_object_or_404(Edition, pk=pk, status=EditionStatus.DONE)
    return private_file_response(edition.pdf, filename=edition.filename)
