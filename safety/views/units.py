"""The work units, created and assigned to their agents by the prevention advisor."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role
from safety import perms, services
from safety.forms import WorkUnitForm
from safety.models import WorkUnit


@require_http_methods(["GET", "POST"])
@role_required(Role.PREVENTION)
def unit_edit(request, pk=None):
    if pk is None:
        if not perms.can_manage_units(request.user):
            raise Http404
        unit = WorkUnit()
    else:
        unit = perms.get_unit_for_management(request.user, pk)
    form = WorkUnitForm(request.POST or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        unit = services.work_unit_save(form=form, by=request.user)
        messages.success(request, _("L'unité de travail est enregistrée."))
        return redirect(unit)
    return render(
        request,
        "safety/form.html",
        {
            "form": form,
            "title": _("Modifier l'unité de travail") if pk else _("Nouvelle unité de travail"),
            "cancel_url": "safety:unit_list",
        },
    )
