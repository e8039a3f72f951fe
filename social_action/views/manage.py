"""What the correspondent keeps besides aid files: the events and the associations."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role
from imtsocial.pagination import paginate
from social_action import services
from social_action.forms import AssociationForm, EventForm
from social_action.models import Association, Event


def _form_page(request, form, *, title, cancel_url):
    return render(
        request,
        "social_action/form.html",
        {"form": form, "title": title, "cancel_url": cancel_url},
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.SOCIAL_ACTION)
def event_edit(request, pk=None):
    event = get_object_or_404(Event, pk=pk) if pk else Event()
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        event = services.event_save(form=form, by=request.user)
        messages.success(request, _("L'événement est enregistré."))
        return redirect(event)
    title = _("Modifier l'événement") if pk else _("Nouvel événement")
    return _form_page(request, form, title=title, cancel_url="social_action:event_list")


@require_GET
@role_required(Role.SOCIAL_ACTION)
def association_list(request):
    associations = Association.objects.order_by("-active", "name")
    return render(
        request,
        "social_action/association_list.html",
        {"page": paginate(request, associations)},
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.SOCIAL_ACTION)
def association_edit(request, pk=None):
    association = get_object_or_404(Association, pk=pk) if pk else Association()
    form = AssociationForm(request.POST or None, instance=association)
    if request.method == "POST" and form.is_valid():
        services.association_save(form=form, by=request.user)
        messages.success(request, _("L'association est enregistrée."))
        return redirect("social_action:association_list")
    title = _("Modifier l'association") if pk else _("Nouvelle association")
    return _form_page(request, form, title=title, cancel_url="social_action:association_list")
