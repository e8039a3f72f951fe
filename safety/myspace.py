"""« Mon espace »: the to-dos of prevention agents and of the advisor.

Prevention agents get their late actions and the count of entries in their units;
the advisor is reminded to publish the edition of the year. Other people have no
DUERP to-do: they reach the published edition from the « Prévention » menu (no
section, no query for them).
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, roles_of
from imtsocial.myspace import Item, Section
from safety import perms
from safety.models import ActionItem, DuerpEdition, RiskEntry


def sections(request) -> list[Section]:
    user = request.user
    held = roles_of(user)
    result = []
    if Role.PREVENTION in held:
        result.append(_agent_section(user))
    return result


def _agent_section(user) -> Section:
    today = timezone.localdate()
    late = ActionItem.objects.late(today).filter(owner=user).count()
    entries = RiskEntry.objects.filter(active=True, work_unit__agents=user).count()
    section = Section(
        title=_("DUERP et plan de prévention"),
        role_label=Role.PREVENTION.label,
        items=[
            Item(
                label=ngettext(
                    "%(count)d risque évalué dans mes unités de travail",
                    "%(count)d risques évalués dans mes unités de travail",
                    entries,
                )
                % {"count": entries},
                url=reverse("safety:unit_list") + "?mine=on",
            )
        ],
        links=[
            Item(label=_("Plan d'action"), url=reverse("safety:action_list")),
            Item(label=_("Éditions du DUERP"), url=reverse("safety:edition_list")),
        ],
    )
    if late:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(count)d action dont vous êtes responsable est en retard",
                    "%(count)d actions dont vous êtes responsable sont en retard",
                    late,
                )
                % {"count": late},
                url=reverse("safety:action_list") + f"?late=on&owner={user.pk}",
                badge=_("En retard"),
                badge_level="error",
            )
        )
    if perms.is_advisor(user) and not DuerpEdition.objects.filter(year=today.year).exists():
        section.todo.append(
            Item(
                label=_("L'édition %(year)d du DUERP n'est pas encore publiée")
                % {"year": today.year},
                url=reverse("safety:edition_publish"),
                badge=_("DUERP"),
                badge_level="warning",
            )
        )
    return section
