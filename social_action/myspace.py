"""« Mon espace »: the person's aid requests and appointments; the correspondent's queue.

Every counter goes to the page's batch (``imtsocial.myspace.batch``): whether the person
has an aid request, a coming appointment, and the correspondent's queue. The lists run
only for a person who has some: at most two queries of its own, whatever the data size.
HR and the director get nothing here: they see only aggregate figures, on the module's
statistics page."""

from datetime import timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.myspace import Item, Section, batch
from social_action.enums import RequestStatus
from social_action.models import AidRequest, Booking
from social_action.parameters import REQUEST_SLA_DAYS

OWN_REQUESTS_SHOWN = 5
BOOKINGS_SHOWN = 3


def sections(request):
    held = roles_of(request.user)
    counters = batch(request)
    employee = employee_of(request.user) if Role.EMPLOYEE in held else None
    if employee is not None:
        own_requests = AidRequest.objects.filter(requester=employee)
        coming = Booking.objects.filter(
            employee=employee,
            cancelled_at__isnull=True,
            slot__cancelled=False,
            slot__starts_at__gte=timezone.now(),
        )
        has_requests, has_coming = counters.exists(own_requests), counters.exists(coming)
    if Role.SOCIAL_ACTION in held:
        late_before = timezone.now() - timedelta(days=REQUEST_SLA_DAYS.at(timezone.localdate()))
        queue = counters.counts(
            AidRequest.objects.all(),
            submitted=Q(status=RequestStatus.SUBMITTED),
            late=Q(status=RequestStatus.SUBMITTED, submitted_at__lt=late_before),
            to_pay=Q(status=RequestStatus.APPROVED),
        )

    def build() -> list[Section]:
        result = []
        if employee is not None and (has_requests.value or has_coming.value):
            result.append(
                _employee_section(
                    own_requests if has_requests.value else None,
                    coming if has_coming.value else None,
                )
            )
        if Role.SOCIAL_ACTION in held:
            result.append(_correspondent_section(queue.value))
        return result

    return build


def _employee_section(own_requests, coming) -> Section:
    """The person's latest requests, whatever their state (a paid or refused aid is still
    news), and their coming appointments; shown only when there is one of either.

    One query for each list, none for a list the batch found empty (``None``). (The card
    used to list only requests in progress, and put those awaiting the person in « À faire »
    only: with a draft, a paid and a refused request the card was empty.)"""
    requests_ = (
        own_requests.select_related("scheme").order_by("-created_at", "-pk")[:OWN_REQUESTS_SHOWN]
        if own_requests is not None
        else []
    )
    bookings = (
        coming.select_related("slot").order_by("slot__starts_at")[:BOOKINGS_SHOWN]
        if coming is not None
        else []
    )
    appointments = reverse("social_action:slot_list")
    section = Section(
        title=_("Mes demandes d'aide sociale"),
        role_label=Role.EMPLOYEE.label,
        links=[
            Item(label=_("Toutes mes demandes"), url=reverse("social_action:request_list")),
            Item(label=_("Mes rendez-vous"), url=appointments),
        ],
    )
    for aid in requests_:
        item = Item(
            label=aid.scheme.name,
            url=aid.get_absolute_url(),
            badge=aid.get_status_display(),
            badge_level=aid.status_badge or "info",
        )
        section.items.append(item)
        if aid.status in (RequestStatus.NEEDS_INFO, RequestStatus.DRAFT):
            section.todo.append(
                Item(
                    label=aid.scheme.name,
                    url=item.url,
                    badge=item.badge,
                    badge_level=item.badge_level,
                    detail=(
                        _("La correspondante attend un complément.")
                        if aid.status == RequestStatus.NEEDS_INFO
                        else _("Brouillon à déposer.")
                    ),
                )
            )
    for booking in bookings:
        when = timezone.localtime(booking.slot.starts_at)
        section.items.append(
            Item(
                label=_("Rendez-vous le %(date)s à %(time)s")
                % {"date": when.strftime("%d/%m/%Y"), "time": when.strftime("%H:%M")},
                url=appointments,
                detail=booking.slot.location,
                badge=_("Réservé"),
                badge_level="success",
            )
        )
    return section


def _correspondent_section(counts: dict) -> Section:
    queue = reverse("social_action:queue")
    section = Section(
        title=_("Action sociale"),
        role_label=Role.SOCIAL_ACTION.label,
        links=[
            Item(label=_("Demandes à instruire"), url=queue),
            Item(label=_("Rendez-vous"), url=reverse("social_action:slot_list")),
            Item(label=_("Chiffres de l'action sociale"), url=reverse("social_action:statistics")),
        ],
    )
    if counts["submitted"]:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(count)d demande d'aide à instruire",
                    "%(count)d demandes d'aide à instruire",
                    counts["submitted"],
                )
                % {"count": counts["submitted"]},
                url=queue,
                badge=(
                    ngettext("%(count)d hors délai", "%(count)d hors délai", counts["late"])
                    % {"count": counts["late"]}
                    if counts["late"]
                    else _("À instruire")
                ),
                badge_level="error" if counts["late"] else "info",
            )
        )
    if counts["to_pay"]:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(count)d aide accordée à mettre en paiement",
                    "%(count)d aides accordées à mettre en paiement",
                    counts["to_pay"],
                )
                % {"count": counts["to_pay"]},
                url=queue + "?status=approved",
                badge=_("Paiement"),
                badge_level="warning",
            )
        )
    return section
