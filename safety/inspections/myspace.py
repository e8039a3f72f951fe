"""« Mon espace »: overdue and due-soon equipment of the agent's units (all units for
the advisor), with links to the lists. One query; no section when nothing is due."""

from datetime import timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, has_role
from imtsocial.myspace import Item, Section
from safety.inspections.enums import EquipmentStatus
from safety.inspections.models import ControlledEquipment
from safety.inspections.parameters import DUE_SOON_DAYS
from safety.perms import is_advisor


def sections(request) -> list[Section]:
    user = request.user
    if not has_role(user, Role.PREVENTION):
        return []
    today = timezone.localdate()
    window = DUE_SOON_DAYS.at(today)
    advisor = is_advisor(user)
    scope = ControlledEquipment.objects.filter(status=EquipmentStatus.IN_SERVICE)
    if not advisor:
        scope = scope.filter(work_unit__agents=user)
    counts = scope.aggregate(
        overdue=Count("pk", filter=Q(next_due_on__lt=today)),
        soon=Count(
            "pk", filter=Q(next_due_on__gte=today, next_due_on__lte=today + timedelta(days=window))
        ),
    )
    if not counts["overdue"] and not counts["soon"]:
        return []
    suffix = "" if advisor else "?mine=on"
    section = Section(
        title=_("Contrôles périodiques des équipements"),
        role_label=Role.PREVENTION.label,
        links=[Item(label=_("Équipements contrôlés"), url=reverse("inspections:equipment_list"))],
    )
    if counts["overdue"]:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s équipement en retard de contrôle",
                    "%(n)s équipements en retard de contrôle",
                    counts["overdue"],
                )
                % {"n": counts["overdue"]},
                url=reverse("inspections:overdue") + suffix,
                badge=_("En retard"),
                badge_level="error",
            )
        )
    if counts["soon"]:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s équipement à contrôler dans les %(days)s jours",
                    "%(n)s équipements à contrôler dans les %(days)s jours",
                    counts["soon"],
                )
                % {"n": counts["soon"], "days": window},
                url=reverse("inspections:due_soon") + suffix,
                badge=_("À échéance proche"),
                badge_level="warning",
            )
        )
    return [section]
