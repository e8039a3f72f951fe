"""Pages of the prevention network: the network at a date (prevention, director), the
agents of one's site (every employee), the advisor's appointments, the letters."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from imtsocial.accounts.roles import employee_of
from imtsocial.collation import by_name
from imtsocial.errors import DomainError
from imtsocial.files import private_file_response
from imtsocial.formats import elide
from imtsocial.pagination import paginate
from safety.models import WorkUnit
from safety.network import forms, perms, services, stats
from safety.network.enums import Function
from safety.network.models import Appointment


def _with_units(appointments):
    return appointments.select_related("employee", "laboratory").prefetch_related(
        # the codes are all the page shows
        Prefetch("work_units", queryset=WorkUnit.objects.order_by("code").only("id", "code"))
    )


@require_GET
def index(request):
    if not perms.can_see_network(request.user):
        if perms.can_see_site_agents(request.user):
            return redirect("prevention_network:site")
        raise PermissionDenied
    form = forms.NetworkFilterForm(request.GET or None)
    at = form.date()
    appointments = form.filter(perms.appointments_visible_to(request.user).in_force(at))
    appointments = _with_units(appointments).order_by(
        "function", "laboratory__name", *by_name("employee__")
    )
    return render(
        request,
        "safety/network/network.html",
        {
            "form": form,
            "at": at,
            "page": paginate(request, appointments),
            "figures": stats.network_at(at),
            "can_manage": perms.can_manage(request.user),
        },
    )


@require_GET
def site(request):
    """The prevention agents of the person's site, the advisor and the experts (names and
    functions only)."""
    own = employee_of(request.user)
    if own is None:
        raise PermissionDenied
    today = timezone.localdate()
    network = Appointment.objects.in_force(today).select_related("employee", "laboratory")
    agents = network.filter(function=Function.AGENT, employee__site_id=own.site_id)
    others = network.exclude(function=Function.AGENT)
    order = ("function", "employee__last_name", "employee__first_name", "pk")
    return render(
        request,
        "safety/network/site.html",
        {
            "site": own.site,
            "agents": list(agents.order_by(*order)),
            "others": list(others.order_by(*order)),
        },
    )


def _form_page(request, form, title, appointment=None):
    return render(
        request,
        "safety/network/form.html",
        {
            "form": form,
            "title": title,
            "appointment": appointment,
            "cancel_url": reverse("prevention_network:index"),
        },
    )


@require_http_methods(["GET", "POST"])
def create(request):
    if not perms.can_manage(request.user):
        raise PermissionDenied
    form = forms.AppointmentForm(
        request.POST or None, request.FILES or None, instance=Appointment()
    )
    if request.method == "POST" and form.is_valid():
        services.appointment_save(form=form, by=request.user)
        messages.success(request, _("La nomination est enregistrée."))
        return redirect("prevention_network:index")
    return _form_page(request, form, _("Nouvelle nomination"))


@require_http_methods(["GET", "POST"])
def edit(request, pk):
    appointment = perms.get_appointment_for_edit(request.user, pk)
    form = forms.AppointmentForm(request.POST or None, request.FILES or None, instance=appointment)
    if request.method == "POST" and form.is_valid():
        try:
            services.appointment_save(form=form, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("La nomination est modifiée."))
            return redirect("prevention_network:index")
    name = appointment.employee.full_name
    title = elide(_("Modifier la nomination de %(name)s") % {"name": name}, name)
    return _form_page(request, form, title, appointment)


@require_http_methods(["GET", "POST"])
def end(request, pk):
    appointment = perms.get_appointment_for_edit(request.user, pk)
    form = forms.EndForm(request.POST or None, appointment=appointment)
    if request.method == "POST" and form.is_valid():
        try:
            services.appointment_end(
                appointment=appointment,
                ends_on=form.cleaned_data["ends_on"],
                by=request.user,
                version=form.cleaned_data["version"],
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("La nomination prend fin à la date indiquée."))
            return redirect("prevention_network:index")
    name = appointment.employee.full_name
    title = elide(_("Mettre fin à la nomination de %(name)s") % {"name": name}, name)
    return _form_page(request, form, title, appointment)


@require_GET
def letter(request, pk):
    appointment = perms.get_letter_for(request.user, pk)
    return private_file_response(
        appointment.letter,
        filename=f"nomination-{appointment.employee.employee_number}-"
        f"{appointment.starts_on:%Y-%m-%d}.pdf",
        as_attachment=False,
    )
