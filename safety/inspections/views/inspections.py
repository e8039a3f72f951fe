"""Recording an inspection, its report, and the DUERP action it opens."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role
from imtsocial.errors import DomainError
from imtsocial.files import private_file_response
from safety.inspections import perms, services
from safety.inspections.enums import InspectionResult
from safety.inspections.forms import InspectionForm, OpenActionForm


@require_http_methods(["GET", "POST"])
@role_required(Role.PREVENTION)
def inspection_create(request, pk):
    equipment = perms.get_equipment_for_inspection(request.user, pk)
    form = InspectionForm(
        request.POST or None,
        request.FILES or None,
        equipment=equipment,
        initial={"date": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            inspection = services.inspection_record(equipment=equipment, form=form, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            if inspection.result == InspectionResult.NON_COMPLIANT:
                messages.warning(
                    request,
                    _(
                        "Contrôle non conforme enregistré : ouvrez une action du plan de "
                        "prévention pour lever les non-conformités."
                    ),
                )
                return redirect("inspections:action_open", pk=inspection.pk)
            messages.success(request, _("Le contrôle est enregistré."))
            return redirect(equipment)
    return render(
        request,
        "safety/inspections/inspection_form.html",
        {"form": form, "equipment": equipment},
    )


@require_GET
@role_required(*perms.READER_ROLES)
def inspection_report(request, pk):
    inspection = perms.get_inspection_for(request.user, pk)
    return private_file_response(
        inspection.report, filename=inspection.report_name or "rapport.pdf", as_attachment=False
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.PREVENTION)
def action_open(request, pk):
    inspection = perms.get_inspection_for_action(request.user, pk)
    equipment = inspection.equipment
    if inspection.action_id is not None:
        messages.info(request, _("Une action est déjà ouverte pour ce contrôle."))
        return redirect(equipment)
    initial = {
        "title": _("Lever les remarques du contrôle de %(equipment)s")
        % {"equipment": equipment.inventory_ref},
        "description": inspection.remarks,
        "owner": request.user.pk,
    }
    form = OpenActionForm(request.POST or None, unit=equipment.work_unit, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_open(
                inspection=inspection,
                entry=form.cleaned_data["entry"],
                form=form,
                by=request.user,
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Action ajoutée au plan de prévention."))
            return redirect(equipment)
    return render(
        request,
        "safety/inspections/action_form.html",
        {
            "form": form,
            "inspection": inspection,
            "equipment": equipment,
            "has_entries": form.fields["entry"].queryset.exists(),
        },
    )
