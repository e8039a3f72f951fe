"""Inspection reminders: content-free (a count and a link), at most once a day per
equipment and state (``InspectionReminder``)."""

from datetime import date

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from imtsocial.notifications import absolute_url, send_email
from safety.inspections.enums import DueState
from safety.inspections.models import ControlledEquipment, InspectionReminder
from safety.inspections.parameters import DUE_SOON_DAYS
from safety.models import PreventionAdvisor


def _claim(equipment_id: int, state: str, at: date) -> bool:
    """Mark the reminder as sent today; False when another run already did."""
    try:
        with transaction.atomic():
            InspectionReminder.objects.create(equipment_id=equipment_id, state=state, sent_on=at)
    except IntegrityError:
        return False
    return True


def remind_due(*, at: date) -> int:
    """E-mail the active advisors and each unit's agents about overdue and due-soon
    equipment not reminded today. One message per recipient; returns messages sent."""
    window = DUE_SOON_DAYS.at(at)
    targets = [
        (DueState.OVERDUE, ControlledEquipment.objects.overdue(at)),
        (DueState.DUE_SOON, ControlledEquipment.objects.due_soon(at, window)),
    ]
    advisors = list(
        PreventionAdvisor.objects.filter(active=True, user__is_active=True).values_list(
            "user__email", flat=True
        )
    )
    counts: dict[str, dict[str, int]] = {}
    for state, queryset in targets:
        for equipment in (
            queryset.exclude(reminders__state=state, reminders__sent_on=at)
            .only("pk", "work_unit_id")
            .prefetch_related("work_unit__agents")
        ):
            if not _claim(equipment.pk, state, at):
                continue
            agents = [u.email for u in equipment.work_unit.agents.all() if u.is_active]
            for address in {*advisors, *agents}:
                if address:
                    counts.setdefault(address, {DueState.OVERDUE: 0, DueState.DUE_SOON: 0})
                    counts[address][state] += 1
    sent = 0
    for address, by_state in sorted(counts.items()):
        sent += send_email(
            [address],
            _("[imtsocial] Contrôles périodiques d'équipements à planifier"),
            _(
                "Bonjour,\n\n%(overdue)s équipement(s) en retard de contrôle et %(soon)s "
                "équipement(s) à contrôler dans les %(days)s jours relèvent de vos unités de "
                "travail.\nConnectez-vous à l'intranet pour les consulter."
            )
            % {
                "overdue": by_state[DueState.OVERDUE],
                "soon": by_state[DueState.DUE_SOON],
                "days": window,
            },
            link=absolute_url(
                reverse("inspections:overdue")
                if by_state[DueState.OVERDUE]
                else reverse("inspections:due_soon")
            ),
        )
    return sent
