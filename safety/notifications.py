"""DUERP e-mails: the daily reminder of late actions of the prevention plan.

Called by ``safety.tasks``; one e-mail per owner, at most one reminder a day per action.
"""

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from imtsocial.notifications import absolute_url, send_email
from safety.models import ActionItem


def late_actions_to_remind(at: date):
    return (
        ActionItem.objects.late(at)
        .exclude(last_reminded_on=at)
        .select_related("owner", "entry__work_unit", "entry__hazard")
        .order_by("owner_id", "due_date", "pk")
    )


def late_actions_remind(*, at: date) -> int:
    """One e-mail per owner listing their late actions; at most one reminder a day
    per action (idempotent: a second run the same day sends nothing)."""
    by_owner: dict[int, list[ActionItem]] = {}
    for action in late_actions_to_remind(at):
        by_owner.setdefault(action.owner_id, []).append(action)
    link = _("Mettez-les à jour : %(url)s") % {
        "url": absolute_url(reverse("safety:action_list") + "?late=on")
    }
    sent = 0
    for actions in by_owner.values():
        owner = actions[0].owner
        if not owner.email:
            continue
        lines = [
            f"- {a.title} ({a.entry.work_unit.code}, {a.entry.hazard.name}) : "
            + _("échéance du %(date)s") % {"date": a.due_date.strftime("%d/%m/%Y")}
            for a in actions
        ]
        body = "\n".join(
            [
                _("Bonjour,"),
                "",
                _("Ces actions du plan de prévention dont vous êtes responsable sont en retard :"),
                *lines,
            ]
        )
        with transaction.atomic():
            sent += send_email(
                [owner.email],
                _("Plan de prévention : %(count)d action(s) en retard") % {"count": len(actions)},
                body,
                link=link,
            )
            ActionItem.objects.filter(pk__in=[a.pk for a in actions]).update(last_reminded_on=at)
    return sent
