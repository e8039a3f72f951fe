from datetime import timedelta

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, employee_of
from imtsocial.errors import DomainError
from imtsocial.pagination import paginate
from social_action import perms, services
from social_action.forms import SlotFilterForm, SlotForm
from social_action.models import Booking, Slot


@require_GET
@role_required(Role.EMPLOYEE, Role.SOCIAL_ACTION)
def slot_list(request):
    """Employees: free upcoming slots and their bookings.

    The correspondent: every upcoming slot and who booked it."""
    form = SlotFilterForm(request.GET or None)
    now = timezone.now()
    slots = Slot.objects.filter(cancelled=False, starts_at__gte=now)
    if form.is_valid() and form.cleaned_data["kind"]:
        slots = slots.filter(kind=form.cleaned_data["kind"])
    is_correspondent = perms.is_correspondent(request.user)
    employee = employee_of(request.user)
    if is_correspondent:
        slots = slots.prefetch_related("bookings__employee")
    else:
        slots = slots.exclude(
            pk__in=Booking.objects.filter(cancelled_at__isnull=True).values("slot")
        )
    page = paginate(request, slots.order_by("starts_at", "pk"))
    if is_correspondent:
        for slot in page:
            slot.active_booking = next(
                (b for b in slot.bookings.all() if b.cancelled_at is None), None
            )
    my_bookings = []
    if employee is not None:
        my_bookings = list(
            Booking.objects.filter(
                employee=employee, cancelled_at__isnull=True, slot__starts_at__gte=now
            ).select_related("slot")
        )
    return render(
        request,
        "social_action/slot_list.html",
        {
            "form": form,
            "page": page,
            "is_correspondent": is_correspondent,
            "can_book": employee is not None,
            "my_bookings": my_bookings,
        },
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.SOCIAL_ACTION)
def slot_new(request):
    form = SlotForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        slot = form.save(commit=False)
        count = form.cleaned_data["count"]
        with transaction.atomic():
            for index in range(count):
                Slot.objects.create(
                    kind=slot.kind,
                    starts_at=slot.starts_at + timedelta(minutes=slot.duration_minutes * index),
                    duration_minutes=slot.duration_minutes,
                    location=slot.location,
                    published_by=request.user,
                )
        messages.success(
            request,
            ngettext("%(count)d créneau publié.", "%(count)d créneaux publiés.", count)
            % {"count": count},
        )
        return redirect("social_action:slot_list")
    return render(
        request,
        "social_action/form.html",
        {"form": form, "title": _("Publier des créneaux"), "cancel_url": "social_action:slot_list"},
    )


@require_POST
@role_required(Role.EMPLOYEE)
def slot_book(request, pk):
    slot = perms.get_bookable_slot_for(request.user, pk)
    try:
        services.slot_book(slot=slot, employee=employee_of(request.user), by=request.user)
    except DomainError as error:
        error.add_to_messages(request)
    else:
        messages.success(
            request, _("Votre rendez-vous est réservé. Un rappel vous sera envoyé la veille.")
        )
    return redirect("social_action:slot_list")


@require_POST
@role_required(Role.EMPLOYEE, Role.SOCIAL_ACTION)
def booking_cancel(request, pk):
    booking = perms.get_booking_for(request.user, pk)
    try:
        services.booking_cancel(booking=booking, by=request.user)
    except DomainError as error:
        error.add_to_messages(request)
    else:
        messages.success(request, _("Le rendez-vous est annulé."))
    return redirect("social_action:slot_list")
