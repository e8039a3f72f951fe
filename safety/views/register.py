"""The register: work units, their rated risks, the hazard knowledge base."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role
from imtsocial.errors import DomainError
from imtsocial.history import HistorySource, history_rows
from imtsocial.pagination import paginate
from safety import perms, services
from safety.enums import OPEN_ACTION_STATUSES, ControlLevel, Priority
from safety.forms import (
    EntryCommentForm,
    EntryFilterForm,
    HazardForm,
    RiskEntryForm,
    UnitFilterForm,
)
from safety.models import Hazard, HazardFamily, rate

REGISTER_ROLES = (Role.PREVENTION, Role.DIRECTOR, Role.MANAGER)
HISTORY_LIMIT = 30


def _method_context():
    method = services.current_method()
    rows = []
    for gravity in range(4, 0, -1):
        rows.append(
            {
                "gravity": gravity,
                "label": method.gravity_labels[gravity - 1],
                "cells": [
                    [rate(method, gravity, probability, control) for control in (1, 2, 3)]
                    for probability in range(1, 5)
                ],
            }
        )
    return {"method": method, "method_rows": rows, "control_levels": ControlLevel.choices}


@require_GET
@role_required(*REGISTER_ROLES)
def unit_list(request):
    user = request.user
    form = UnitFilterForm(request.GET or None)
    units = (
        perms.units_visible_to(user)
        .select_related("site", "department")
        .annotate(
            entry_count=Count("entries", filter=Q(entries__active=True)),
            high_count=Count(
                "entries", filter=Q(entries__active=True, entries__priority=Priority.HIGH)
            ),
        )
        .order_by("code")
    )
    if form.is_valid():
        data = form.cleaned_data
        if q := data.get("q"):
            units = units.filter(Q(code__icontains=q) | Q(name__icontains=q))
        if data.get("department"):
            units = units.filter(department=data["department"])
        if data.get("mine"):
            units = units.filter(agents=user)
    editable = set(perms.units_editable_by(user).values_list("pk", flat=True))
    return render(
        request,
        "safety/unit_list.html",
        {"form": form, "page": paginate(request, units), "editable": editable},
    )


@require_GET
@role_required(*REGISTER_ROLES)
def unit_detail(request, pk):
    unit = perms.get_unit_for(request.user, pk)
    entries = (
        unit.entries.filter(active=True)
        .select_related("hazard__family")
        .annotate(open_actions=Count("actions", filter=Q(actions__status__in=OPEN_ACTION_STATUSES)))
        .order_by("priority", "-score", "pk")
    )
    return render(
        request,
        "safety/unit_detail.html",
        {
            "unit": unit,
            "entries": entries,
            "agents": unit.agents.order_by("last_name", "first_name"),
            "can_edit": perms.can_edit_unit(request.user, unit),
            "can_manage": perms.can_manage_units(request.user),
        },
    )


def _filtered_entries(request):
    form = EntryFilterForm(request.GET or None)
    entries = (
        perms.entries_visible_to(request.user)
        .filter(active=True)
        .select_related("work_unit", "hazard__family")
        .order_by("priority", "-score", "work_unit__code", "pk")
    )
    if form.is_valid():
        data = form.cleaned_data
        if q := data.get("q"):
            entries = entries.filter(
                Q(situation__icontains=q)
                | Q(hazard__name__icontains=q)
                | Q(work_unit__code__iexact=q)
            )
        if data.get("unit"):
            entries = entries.filter(work_unit=data["unit"])
        if data.get("family"):
            entries = entries.filter(hazard__family=data["family"])
        if data.get("priority"):
            entries = entries.filter(priority=data["priority"])
    return form, entries


@require_GET
@role_required(*REGISTER_ROLES)
def entry_list(request):
    form, entries = _filtered_entries(request)
    return render(
        request,
        "safety/entry_list.html",
        {"form": form, "page": paginate(request, entries), **_method_context()},
    )


@require_GET
@role_required(*REGISTER_ROLES)
def entry_detail(request, pk):
    entry = perms.get_entry_for(request.user, pk)
    return render(
        request,
        "safety/entry_detail.html",
        {
            "entry": entry,
            "actions": entry.actions.select_related("owner").order_by("due_date", "pk"),
            "comments": entry.comments.select_related("author").order_by("created_at", "pk"),
            "history": history_rows(
                HistorySource(entry.history.all(), hidden=("method",)),
                limit=HISTORY_LIMIT,
            ),
            "can_edit": perms.can_edit_unit(request.user, entry.work_unit),
            "comment_form": EntryCommentForm() if perms.can_comment(request.user, entry) else None,
            **_method_context(),
        },
    )


@require_GET
@role_required(Role.PREVENTION)
def hazard_choose(request, unit_pk):
    """Step 1 of a new entry: choose a hazard of the knowledge base."""
    unit = perms.get_unit_for_edit(request.user, unit_pk)
    families = HazardFamily.objects.prefetch_related(
        # active hazards only, in name order
        _active_hazards()
    )
    return render(request, "safety/hazard_choose.html", {"unit": unit, "families": families})


def _active_hazards():
    from django.db.models import Prefetch

    return Prefetch(
        "hazards", queryset=Hazard.objects.filter(active=True).order_by("name"), to_attr="active"
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.PREVENTION)
def entry_create(request, unit_pk):
    """Step 2: the entry, with the hazard's typical situations and measures suggested."""
    unit = perms.get_unit_for_edit(request.user, unit_pk)
    initial = {}
    hazard_pk = request.GET.get("danger")
    if hazard_pk and hazard_pk.isdigit():
        hazard = Hazard.objects.filter(pk=hazard_pk, active=True).first()
        if hazard is not None:
            initial = {
                "hazard": hazard,
                "situation": hazard.typical_situations,
                "existing_measures": hazard.typical_measures,
                "exposed_count": unit.headcount_exposed,
            }
    form = RiskEntryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        entry = services.entry_create(unit=unit, form=form, by=request.user)
        messages.success(
            request,
            _("Risque enregistré : cote %(score)d, %(priority)s.")
            % {"score": entry.score, "priority": entry.get_priority_display()},
        )
        return redirect(entry)
    return render(
        request,
        "safety/entry_form.html",
        {"form": form, "unit": unit, "title": _("Nouveau risque"), **_method_context()},
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.PREVENTION)
def entry_edit(request, pk):
    entry = perms.get_entry_for_edit(request.user, pk)
    form = RiskEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        try:
            services.entry_update(form=form, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Risque mis à jour."))
            return redirect(entry)
    return render(
        request,
        "safety/entry_form.html",
        {
            "form": form,
            "unit": entry.work_unit,
            "entry": entry,
            "title": _("Modifier ou recoter le risque"),
            **_method_context(),
        },
    )


@require_POST
@role_required(Role.MANAGER, Role.PREVENTION)
def entry_comment(request, pk):
    entry = perms.get_entry_for(request.user, pk)
    if not perms.can_comment(request.user, entry):
        raise Http404
    form = EntryCommentForm(request.POST)
    if form.is_valid():
        services.entry_comment(entry=entry, text=form.cleaned_data["text"], by=request.user)
        messages.success(request, _("Commentaire ajouté."))
    else:
        messages.error(request, _("Le commentaire est vide ou trop long."))
    return redirect(entry)


@require_GET
@role_required(Role.PREVENTION)
def hazard_list(request):
    families = HazardFamily.objects.prefetch_related("hazards")
    return render(
        request,
        "safety/hazard_list.html",
        {"families": families, "can_edit": perms.can_edit_knowledge_base(request.user)},
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.PREVENTION)
def hazard_edit(request, pk=None):
    if pk is None:
        if not perms.can_edit_knowledge_base(request.user):
            raise Http404
        hazard = Hazard()
    else:
        hazard = perms.get_hazard_for_edit(request.user, pk)
    form = HazardForm(request.POST or None, instance=hazard)
    if request.method == "POST" and form.is_valid():
        services.hazard_save(form=form, by=request.user)
        messages.success(request, _("Base de connaissances mise à jour."))
        return redirect("safety:hazard_list")
    return render(
        request,
        "safety/form.html",
        {
            "form": form,
            "title": _("Modifier un danger") if pk else _("Nouveau danger"),
            "cancel_url": "safety:hazard_list",
        },
    )
