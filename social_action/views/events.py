from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, employee_of
from imtsocial.errors import DomainError, add_form_errors_to_messages
from imtsocial.pagination import paginate
from social_action import perms, rules, services
from social_action.enums import EventKind
from social_action.forms import ChildForm
from social_action.models import ChristmasChild, Event, EventRegistration


@require_GET
@role_required(Role.EMPLOYEE, Role.SOCIAL_ACTION)
def event_list(request):
    events = Event.objects.annotate(n_registrations=Count("registrations")).order_by("-date", "pk")
    return render(
        request,
        "social_action/event_list.html",
        {
            "page": paginate(request, events),
            "is_correspondent": perms.is_correspondent(request.user),
        },
    )


@require_GET
@role_required(Role.EMPLOYEE, Role.SOCIAL_ACTION)
def event_detail(request, pk):
    event = perms.get_event_for(request.user, pk)
    employee = employee_of(request.user)
    registration = None
    if employee is not None:
        registration = (
            EventRegistration.objects.filter(event=event, employee=employee)
            .prefetch_related("children")
            .first()
        )
    return render(
        request,
        "social_action/event_detail.html",
        {
            "event": event,
            "registration": registration,
            "children": list(registration.children.all()) if registration else [],
            "is_christmas": event.kind == EventKind.CHRISTMAS,
            "child_form": ChildForm(event=event),
            "can_register": employee is not None and event.registration_open(),
            "is_correspondent": perms.is_correspondent(request.user),
            "count": event.registrations.count(),
        },
    )


@require_POST
@role_required(Role.EMPLOYEE)
def event_register(request, pk):
    event = perms.get_event_for(request.user, pk)
    children = []
    if event.kind == EventKind.CHRISTMAS:
        form = ChildForm(request.POST, event=event)
        if not form.is_valid():
            add_form_errors_to_messages(request, form)
            return redirect(event)
        children = [form.cleaned_data]
    try:
        services.event_register(
            event=event, employee=employee_of(request.user), children=children, by=request.user
        )
    except DomainError as error:
        error.add_to_messages(request)
    else:
        messages.success(request, _("Votre inscription est enregistrée."))
    return redirect(event)


@require_POST
@role_required(Role.EMPLOYEE)
def event_unregister(request, pk):
    event = perms.get_event_for(request.user, pk)
    registration = EventRegistration.objects.filter(
        event=event, employee=employee_of(request.user)
    ).first()
    if registration is None:
        messages.error(request, _("Vous n'êtes pas inscrit à cet événement."))
        return redirect(event)
    try:
        services.event_unregister(registration=registration, by=request.user)
    except DomainError as error:
        error.add_to_messages(request)
    else:
        messages.success(request, _("Votre inscription est annulée."))
    return redirect(event)


@require_GET
@role_required(Role.SOCIAL_ACTION)
def event_lists(request, pk):
    """Buying lists: children by gift category (Christmas) and the registrations."""
    event = perms.get_event_for(request.user, pk)
    counts = dict(
        ChristmasChild.objects.filter(registration__event=event)
        .values_list("gift_category")
        .annotate(n=Count("pk"))
    )
    categories = [
        {"code": category.code, "label": category.label, "count": counts.get(category.code, 0)}
        for category in rules.gift_categories(event.date)
    ]
    registrations = (
        EventRegistration.objects.filter(event=event)
        .select_related("employee__department")
        .prefetch_related("children")
        .order_by("employee__last_name", "employee__first_name")
    )
    return render(
        request,
        "social_action/event_lists.html",
        {
            "event": event,
            "categories": categories,
            "children_count": sum(counts.values()),
            "registrations": registrations,
        },
    )
