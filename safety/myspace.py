"""« Mon espace »: the to-dos of prevention agents and of the advisor.

Prevention agents get their late actions and the count of entries in their units;
the advisor is reminded to publish the edition of the year. Other people have no
DUERP to-do: they reach the published edition from the « Prévention » menu (no
section, no query for them).

Every figure is a counter of the page's batch (``imtsocial.myspace.batch``): no query of
its own. Whether the person is the advisor is one of them too (``advisor``), shared with
the other prevention apps' providers.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, roles_of
from imtsocial.batch import Deferred
from imtsocial.myspace import Item, Section, batch
from safety.models import ActionItem, DuerpEdition, PreventionAdvisor, RiskEntry

_ADVISOR_ATTR = "_safety_myspace_advisor"


def advisor(request) -> Deferred:
    """Whether the person is the prevention advisor (``safety.perms.is_advisor``'s rule,
    for a prevention agent), read with the page's counters: asked in the declare phase,
    the answer would otherwise cost a query before any counter is declared. One per
    person and page, shared by the providers of safety/ (each declares the figures of both
    cases and shows those of the answer)."""
    known = request.__dict__.setdefault(_ADVISOR_ATTR, {})
    user = request.user
    if user.pk not in known:
        known[user.pk] = batch(request).exists(
            PreventionAdvisor.objects.filter(user=user, active=True)
        )
    return known[user.pk]


def sections(request):
    user = request.user
    if Role.PREVENTION not in roles_of(user):
        return []
    counters = batch(request)
    today = timezone.localdate()
    late = counters.count(ActionItem.objects.late(today).filter(owner=user))
    entries = counters.count(RiskEntry.objects.filter(active=True, work_unit__agents=user))
    published = counters.exists(DuerpEdition.objects.filter(year=today.year))
    is_advisor = advisor(request)

    def build() -> list[Section]:
        return [
            _agent_section(
                user, today, late.value, entries.value, is_advisor.value and not published.value
            )
        ]

    return build


def _agent_section(user, today, late: int, entries: int, to_publish: bool) -> Section:
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
    if to_publish:
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
