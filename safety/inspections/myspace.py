"""« Mon espace »: overdue and due-soon equipment of the agent's units (all units for
the advisor), with links to the lists; no section when nothing is due.

One counter of the page's batch (``imtsocial.myspace.batch``), no query of its own: it
counts both scopes (all units, the agent's), and the advisor's answer
(``safety.myspace.advisor``, in the same batch) picks one."""

from datetime import timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, has_role
from imtsocial.myspace import Item, Section, batch
from safety.inspections.enums import EquipmentStatus
from safety.inspections.models import ControlledEquipment
from safety.inspections.parameters import DUE_SOON_DAYS
from safety.models import WorkUnit
from safety.myspace import advisor


def sections(request):
    user = request.user
    if not has_role(user, Role.PREVENTION):
        return []
    today = timezone.localdate()
    window = DUE_SOON_DAYS.at(today)
    overdue = Q(next_due_on__lt=today)
    soon = Q(next_due_on__gte=today, next_due_on__lte=today + timedelta(days=window))
    mine = Q(work_unit__in=WorkUnit.objects.filter(agents=user))
    counts = batch(request).aggregate(
        ControlledEquipment.objects.filter(status=EquipmentStatus.IN_SERVICE),
        overdue=Count("pk", filter=overdue),
        soon=Count("pk", filter=soon),
        my_overdue=Count("pk", filter=overdue & mine),
        my_soon=Count("pk", filter=soon & mine),
    )
    is_advisor = advisor(request)

    def build() -> list[Section]:
        if is_advisor.value:
            return _section(counts.value["overdue"], counts.value["soon"], window, "")
        return _section(counts.value["my_overdue"], counts.value["my_soon"], window, "?mine=on")

    return build


def _section(overdue: int, soon: int, window: int, suffix: str) -> list[Section]:
    if not overdue and not soon:
        return []
    section = Section(
        title=_("Contrôles périodiques des équipements"),
        role_label=Role.PREVENTION.label,
        links=[Item(label=_("Équipements contrôlés"), url=reverse("inspections:equipment_list"))],
    )
    if overdue:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s équipement en retard de contrôle",
                    "%(n)s équipements en retard de contrôle",
                    overdue,
                )
                % {"n": overdue},
                url=reverse("inspections:overdue") + suffix,
                badge=_("En retard"),
                badge_level="error",
            )
        )
    if soon:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s équipement à contrôler dans les %(days)s jours",
                    "%(n)s équipements à contrôler dans les %(days)s jours",
                    soon,
                )
                % {"n": soon, "days": window},
                url=reverse("inspections:due_soon") + suffix,
                badge=_("À échéance proche"),
                badge_level="warning",
            )
        )
    return [section]
