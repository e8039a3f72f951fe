"""Equipment detail with its inspection history; the advisor's kinds and equipment."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, has_role
from imtsocial.errors import DomainError, add_form_errors_to_messages
from imtsocial.forms import VersionForm
from safety.inspections import perms, services
from safety.inspections.enums import EQUIPMENT_FLOW, RESULT_BADGES
from safety.inspections.forms import EquipmentForm, KindForm
from safety.inspections.models import ControlledEquipment, EquipmentKind
from safety.inspections.parameters import DUE_SOON_DAYS
from safety.inspections.views.lists import with_due_state
from safety.models import WorkUnit


@require_GET
@role_required(*perms.READER_ROLES)
def equipment_detail(request, pk):
    equipment = perms.get_equipment_for(request.user, pk)
    today = timezone.localdate()
    with_due_state([equipment], at=today, window=DUE_SOON_DAYS.at(today))
    inspections = list(equipment.inspections.select_related("recorded_by", "action"))
    for inspection in inspections:
        inspection.badge = RESULT_BADGES.get(inspection.result, "info")
    recorder = perms.can_record(request.user, equipment)
    return render(
        request,
        "safety/inspections/equipment_detail.html",
        {
            "equipment": equipment,
            "inspections": inspections,
            "periodicity": equipment.kind.periodicity_at(equipment.last_inspected_on or today),
            "can_record": recorder,
            "can_open_action": has_prevention(request.user) and recorder,
            "can_manage": perms.can_manage(request.user),
            "verbs": [
                verb
                for verb in EQUIPMENT_FLOW.verbs_for(equipment)
                if perms.can(request.user, equipment, verb)
            ],
            "version_form": VersionForm(initial={"version": equipment.version}),
        },
    )


def has_prevention(user) -> bool:
    return has_role(user, Role.PREVENTION)


def _advisor_only(user) -> None:
    if not perms.can_manage(user):
        raise Http404


@require_http_methods(["GET", "POST"])
@role_required(Role.PREVENTION)
def equipment_edit(request, pk=None):
    equipment = (
        perms.get_equipment_for_management(request.user, pk) if pk else _new_equipment(request)
    )
    form = EquipmentForm(request.POST or None, instance=equipment, units=WorkUnit.objects.all())
    if request.method == "POST" and form.is_valid():
        try:
            equipment = services.equipment_save(form=form, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("L'équipement est enregistré."))
            return redirect(equipment)
    return render(
        request,
        "safety/inspections/form.html",
        {
            "form": form,
            "title": _("Modifier l'équipement") if pk else _("Nouvel équipement contrôlé"),
            "cancel_url": equipment.get_absolute_url()
            if pk
            else reverse("inspections:equipment_list"),
        },
    )


def _new_equipment(request):
    _advisor_only(request.user)
    return ControlledEquipment()


@require_POST
@role_required(Role.PREVENTION)
def equipment_transition(request, pk, verb):
    equipment = perms.get_equipment_for_management(request.user, pk)
    if verb not in EQUIPMENT_FLOW.transitions:
        raise Http404
    form = VersionForm(request.POST)
    if not form.is_valid():
        add_form_errors_to_messages(request, form)
        return redirect(equipment)
    try:
        services.equipment_transition(
            equipment=equipment, verb=verb, version=form.cleaned_data["version"], by=request.user
        )
    except DomainError as error:
        error.add_to_messages(request)
    else:
        messages.success(
            request,
            _("L'équipement est retiré du service.")
            if verb == "withdraw"
            else _("L'équipement est remis en service."),
        )
    return redirect(equipment)


@require_GET
@role_required(Role.PREVENTION)
def kind_list(request):
    _advisor_only(request.user)
    return render(
        request,
        "safety/inspections/kind_list.html",
        {"kinds": services.kinds_with_periodicity(timezone.localdate())},
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.PREVENTION)
def kind_edit(request, pk=None):
    if pk:
        kind = perms.get_kind_for_management(request.user, pk)
    else:
        _advisor_only(request.user)
        kind = EquipmentKind()
    form = KindForm(
        request.POST or None,
        instance=kind,
        initial={"valid_from": timezone.localdate()} if not pk else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.kind_save(
                form=form,
                by=request.user,
                months=form.cleaned_data.get("months"),
                valid_from=form.cleaned_data.get("valid_from"),
            )
        except DomainError as error:
            error.add_to_form(form)
        except ValidationError as exc:  # the first periodicity row
            DomainError.from_validation_error(exc).add_to_form(form)
        else:
            messages.success(request, _("Le type d'équipement est enregistré."))
            return redirect("inspections:kind_list")
    return render(
        request,
        "safety/inspections/form.html",
        {
            "form": form,
            "title": _("Modifier le type d'équipement") if pk else _("Nouveau type d'équipement"),
            "cancel_url": reverse("inspections:kind_list"),
        },
    )
