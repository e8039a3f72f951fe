"""The figures of the report (table, CSV/XLSX export) and the declared values.

The director and HR read them; only HR enters declared values; every other person gets
a 404, as on every page of the report."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from imtsocial.accounts.roles import Role, has_role
from imtsocial.audit.models import AuditEvent
from imtsocial.errors import DomainError
from imtsocial.exports import csv_response, xlsx_response
from imtsocial.history import HistorySource, history_rows
from imtsocial.pagination import paginate
from imtsocial.reports import catalogue, declared
from imtsocial.reports.forms import DeclaredValueForm, YearForm, declared_indicators, valid_year
from imtsocial.reports.models import DeclaredValue

REPORT_ROLES = (Role.DIRECTOR, Role.HR)
EXPORT_FORMATS = ("csv", "xlsx")


def _require_reader(request):
    if not has_role(request.user, *REPORT_ROLES):
        raise Http404


def _require_hr(request):
    if not has_role(request.user, Role.HR):
        raise Http404


def _year_or_404(year: int) -> int:
    if not valid_year(year):  # a future year has no figures yet
        raise Http404
    return year


def cached_rows(year: int):
    """``catalogue.rows_for(year)``: every indicator, from every app (about a hundred
    queries), kept until one of the tables they read is written
    (``catalogue.FIGURES_READS``)."""
    return catalogue.FIGURES_READS.get_or_compute(
        ("rows", year, get_language()), lambda: catalogue.rows_for(year)
    )


def figures_context(year: int) -> dict:
    """What ``reports/_figures_table.html`` needs: ``rows``, ``groups`` and ``year``."""
    rows = cached_rows(year)
    return {"rows": rows, "groups": catalogue.rows_by_section(rows), "year": year}


@require_GET
def figures(request, year):
    _require_reader(request)
    year = _year_or_404(year)
    return render(
        request,
        "reports/figures.html",
        {**figures_context(year), "formats": EXPORT_FORMATS},
    )


EXPORT_HEADER = (
    "code",
    "section",
    "indicateur",
    "annee",
    "valeur",
    "valeur_affichee",
    "annee_precedente",
    "valeur_precedente_affichee",
    "evolution",
    "unite",
    "declaree",
    "source_declaree",
    "definition",
    "page_source",
)


def _export_rows(request, rows):
    for row in rows:
        masked = catalogue.is_masked(row.indicator, row.figure.value)
        yield [
            row.indicator.code,
            row.indicator.section,
            str(row.indicator.label),
            row.figure.year,
            None if masked else row.figure.value,  # « < 5 » is never given by its number
            row.figure.display,
            row.previous.year,
            row.previous.display,
            row.change_display,
            str(row.indicator.unit.label),
            _("oui") if row.indicator.declared else _("non"),
            row.figure.declared_source,
            str(row.indicator.definition),
            request.build_absolute_uri(row.source_url) if row.source_url else "",
        ]


@require_GET
def figures_export(request, year, format):
    _require_reader(request)
    year = _year_or_404(year)
    if format not in EXPORT_FORMATS:
        raise Http404
    rows = cached_rows(year)
    AuditEvent.log_export(
        actor=request.user,
        obj=request.user,
        detail=_("Indicateurs du rapport DD&RS %(year)s (%(fmt)s)")
        % {"year": year, "fmt": format.upper()},
    )
    filename = f"ddrs-indicateurs-{year}.{format}"
    if format == "csv":
        return csv_response(filename, EXPORT_HEADER, _export_rows(request, rows))
    sheet = _("Indicateurs %(year)s") % {"year": year}
    return xlsx_response(filename, sheet, EXPORT_HEADER, _export_rows(request, rows))


# Declared values -----------------------------------------------------------------


@require_GET
def declared_list(request):
    _require_reader(request)
    form = YearForm(request.GET or None)
    year = form.year()
    values = DeclaredValue.objects.filter(year=year).select_related("entered_by").order_by("code")
    page = paginate(request, values)
    labels = {i.code: i for i in declared_indicators()}
    entered = set(values.values_list("code", flat=True))
    missing = [i for i in declared_indicators() if i.code not in entered]
    for value in page.object_list:
        value.indicator = labels.get(value.code)
        value.label = value.indicator.label if value.indicator else value.code
        value.display = (
            catalogue.display(value.indicator, catalogue.plain(value.value))
            if value.indicator
            else catalogue.plain(value.value)
        )
    return render(
        request,
        "reports/declared_list.html",
        {
            "form": form,
            "year": year,
            "page": page,
            "missing": missing,
            "can_edit": has_role(request.user, Role.HR),
        },
    )


def _form_page(request, form, title, value=None):
    return render(
        request,
        "reports/declared_form.html",
        {
            "form": form,
            "title": title,
            "value": value,
            "history": history_rows(HistorySource(value.history.all(), hidden=("entered_at",)))
            if value is not None
            else None,
            "cancel_url": reverse("reports:declared_list")
            + (f"?annee={value.year}" if value else ""),
        },
    )


@require_http_methods(["GET", "POST"])
def declared_create(request):
    _require_hr(request)
    initial = {}
    year_form = YearForm(request.GET or None)
    if request.GET.get("annee"):
        initial["year"] = year_form.year()
    if request.GET.get("code"):
        initial["code"] = request.GET["code"]
    form = DeclaredValueForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            value = declared.declared_value_save(form=form, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("La valeur déclarée est enregistrée."))
            return redirect(reverse("reports:declared_list") + f"?annee={value.year}")
    return _form_page(request, form, _("Déclarer une valeur"))


@require_http_methods(["GET", "POST"])
def declared_edit(request, pk):
    _require_hr(request)
    value = get_object_or_404(DeclaredValue, pk=pk)
    form = DeclaredValueForm(request.POST or None, instance=value)
    if request.method == "POST" and form.is_valid():
        try:
            declared.declared_value_save(form=form, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("La valeur déclarée est modifiée."))
            return redirect(reverse("reports:declared_list") + f"?annee={value.year}")
    indicator = catalogue.by_code().get(value.code)
    label = indicator.label if indicator else value.code
    title = _("Modifier « %(label)s » %(year)s") % {"label": label, "year": value.year}
    return _form_page(request, form, title, value)
