"""The action plan: the yearly prevention programme."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role
from imtsocial.errors import DomainError, add_form_errors_to_messages
from imtsocial.pagination import paginate
from safety import perms, services, stats
from safety.enums import ACTION_FLOW, ActionStatus
from safety.forms import ActionFilterForm, ActionItemForm, ActionStatusForm

PLAN_ROLES = (Role.PREVENTION, Role.DIRECTOR, Role.MANAGER)


def _filtered_actions(request):
    form = ActionFilterForm(request.GET or None)
    actions = (
        perms.actions_visible_to(request.user)
        .select_related("owner", "entry__work_unit", "entry__hazard")
        .order_by("due_date", "pk")
    )
    if form.is_valid():
        data = form.cleaned_data
        if data.get("late"):
            actions = actions.late()
        if data.get("unit"):
            actions = actions.filter(entry__work_unit=data["unit"])
        if data.get("owner"):
            actions = actions.filter(owner=data["owner"])
        if data.get("priority"):
            actions = actions.filter(entry__priority=data["priority"])
        if data.get("status"):
            actions = actions.filter(status=data["status"])
        if data.get("year"):
            actions = actions.filter(due_date__year=data["year"])
    return form, actions


@require_GET
@role_required(*PLAN_ROLES)
def action_list(request):
    form, actions = _filtered_actions(request)
    editable = set(perms.units_editable_by(request.user).values_list("pk", flat=True))
    totals = stats.budget_totals(actions)
    return render(
        request,
        "safety/action_list.html",
        {
            "form": form,
            "page": paginate(request, actions, count=totals["count"]),
            "totals": totals,
            "today": timezone.localdate(),
            "editable": editable,
        },
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.PREVENTION)
def action_create(request, entry_pk):
    entry = perms.get_entry_for_edit(request.user, entry_pk)
    form = ActionItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.action_create(entry=entry, form=form, by=request.user)
        messages.success(request, _("Action ajoutée au plan de prévention."))
        return redirect(entry)
    return render(
        request,
        "safety/action_form.html",
        {"form": form, "entry": entry, "title": _("Nouvelle action")},
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.PREVENTION)
def action_edit(request, pk):
    action = perms.get_action_for_edit(request.user, pk)
    form = ActionItemForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_update(form=form, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Action enregistrée."))
            return redirect(action.entry)
    status_form = ActionStatusForm(initial={"version": action.version})
    status_form.fields["status"].choices = [
        (target, ActionStatus(target).label) for target in ACTION_FLOW.targets_from(action)
    ]
    return render(
        request,
        "safety/action_form.html",
        {
            "form": form,
            "entry": action.entry,
            "action": action,
            "status_form": status_form,
            "title": _("Modifier l'action"),
        },
    )


@require_POST
@role_required(Role.PREVENTION)
def action_status(request, pk):
    action = perms.get_action_for_edit(request.user, pk)
    form = ActionStatusForm(request.POST)
    if not form.is_valid():
        add_form_errors_to_messages(request, form)
        return redirect("safety:action_edit", pk=action.pk)
    try:
        action = services.action_set_status(
            action=action,
            status=form.cleaned_data["status"],
            done_on=form.cleaned_data.get("done_on"),
            version=form.cleaned_data["version"],
            by=request.user,
        )
    except DomainError as error:
        error.add_to_messages(request)
        return redirect("safety:action_edit", pk=action.pk)
    if action.status == ActionStatus.DONE:
        messages.success(
            request,
            _("Action réalisée. Recotez le risque si les mesures ont changé sa maîtrise."),
        )
        return redirect("safety:entry_edit", pk=action.entry_id)
    messages.success(request, _("État de l'action mis à jour."))
    return redirect(action.entry)
