"""« Référentiels »: each owner keeps its date-effective tables (one page pattern)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from imtsocial.errors import DomainError
from imtsocial.history import HistorySource, history_rows
from imtsocial.pagination import paginate
from imtsocial.refdata import services, tables
from imtsocial.refdata.forms import ListFilterForm, row_form_class

HISTORY_LIMIT = 30


def _table_for(user, slug) -> tables.ReferenceTable:
    """Deny by default: a table the user does not own answers 404."""
    table = tables.get(slug)
    if table is None or not table.may_manage(user):
        raise Http404
    return table


@require_GET
def index(request):
    owned = tables.tables_for(request.user)
    if not owned:  # a page of the owners' roles: like any other role's page, 403
        raise PermissionDenied
    return render(request, "refdata/index.html", {"tables": owned})


def _rows(table, queryset, today):
    """Each row with its status and the values shown, in the table's column order."""
    model_fields = [
        table.model._meta.get_field(name) for name in (*table.key_fields, *table.fields)
    ]
    labels = {name: dict(choices()) for name, choices in table.key_choices.items()}
    rows = []
    for row in queryset:
        values = []
        for field in model_fields:
            display = getattr(row, f"get_{field.name}_display", None)
            value = display() if display else getattr(row, field.name)
            if field.name in labels:
                value = labels[field.name].get(value, value)
            values.append(value)
        rows.append(
            {
                "row": row,
                "values": values,
                "is_future": row.valid_from > today,
                "is_current": row.is_in_force(today),
            }
        )
    return model_fields, rows


def _history_label(table, record) -> str:
    """« Catégorie C — depuis le 01/01/2025 »: the series (no related record: no query)."""
    row = record.instance
    labels = {name: dict(choices()) for name, choices in table.key_choices.items()}
    parts = []
    for name in table.key_fields:
        field = table.model._meta.get_field(name)
        if field.is_relation:
            continue
        display = getattr(row, f"get_{name}_display", None)
        value = display() if display else getattr(row, name)
        if name in labels:
            value = labels[name].get(value, value)
        if value not in (None, ""):
            parts.append(str(value))
    return " — ".join([*parts, str(row.period_label)])


@require_http_methods(["GET", "POST"])
def table_detail(request, slug):
    table = _table_for(request.user, slug)
    today = timezone.localdate()
    form_class = row_form_class(table)
    form = form_class(request.POST or None, table=table)
    if request.method == "POST" and form.is_valid():
        try:
            row = services.reference_row_add(row=form.save(commit=False), by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(
                request,
                _("Nouvelle valeur enregistrée, en vigueur %(period)s.")
                % {"period": row.period_label},
            )
            return redirect("refdata:table", slug=table.slug)
    filters = ListFilterForm(request.GET or None)
    period = filters.cleaned_data.get("period") if filters.is_valid() else ""
    rows = table.queryset()
    if period != "all":
        rows = rows.exclude(valid_to__lt=today)
    ordering = [*table.key_fields, "-valid_from"]
    page = paginate(request, rows.order_by(*ordering))
    columns, shown = _rows(table, page, today)
    history = history_rows(
        HistorySource(table.history(), label=lambda record: _history_label(table, record)),
        limit=HISTORY_LIMIT,
    )
    return render(
        request,
        "refdata/table.html",
        {
            "table": table,
            "form": form,
            "filters": filters,
            "page": page,
            "columns": columns,
            "rows": shown,
            "history": history,
            "history_limit": HISTORY_LIMIT,
        },
    )


@require_POST
def row_withdraw(request, slug, pk):
    table = _table_for(request.user, slug)
    row = get_object_or_404(table.queryset(), pk=pk)
    try:
        services.reference_row_withdraw(row=row, by=request.user)
    except DomainError as error:
        error.add_to_messages(request)
    else:
        messages.success(request, _("La valeur à venir est retirée."))
    return redirect("refdata:table", slug=table.slug)
