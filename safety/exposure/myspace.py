"""« Mon espace »: the advisor's exceedances to examine; a prevention agent sees the
exceedances of their own units still waiting for the advisor. Nothing (and no query) for
other people.

One counter of the page's batch (``imtsocial.myspace.batch``), no query of its own: it
counts both scopes (all units, the agent's), and the advisor's answer
(``safety.myspace.advisor``, in the same batch) picks one."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, roles_of
from imtsocial.myspace import Item, Section, batch
from safety.exposure.enums import Verdict
from safety.exposure.models import Measurement
from safety.models import WorkUnit
from safety.myspace import advisor


def sections(request):
    user = request.user
    if Role.PREVENTION not in roles_of(user):
        return []
    counts = batch(request).aggregate(
        Measurement.objects.filter(verdict=Verdict.OVER, reviewed_at__isnull=True),
        waiting=Count("pk"),
        mine=Count("pk", filter=Q(campaign__work_unit__in=WorkUnit.objects.filter(agents=user))),
    )
    is_advisor = advisor(request)

    def build() -> list[Section]:
        if is_advisor.value:
            return _advisor_sections(counts.value["waiting"])
        return _agent_sections(counts.value["mine"])

    return build


def _links() -> list[Item]:
    return [Item(label=_("Campagnes de mesures"), url=reverse("exposure:campaign_list"))]


def _todo_url() -> str:
    return reverse("exposure:campaign_list") + "?over=on"


def _advisor_sections(count: int) -> list[Section]:
    label = ngettext(
        "%(n)s dépassement de valeur limite à examiner",
        "%(n)s dépassements de valeur limite à examiner",
        count,
    )
    return _section(count, label, _("Conseiller de prévention"), to_do=True)


def _agent_sections(count: int) -> list[Section]:
    label = ngettext(
        "%(n)s dépassement dans mes unités attend l'examen du conseiller",
        "%(n)s dépassements dans mes unités attendent l'examen du conseiller",
        count,
    )
    return _section(count, label, Role.PREVENTION.label, to_do=False)


def _section(count: int, label: str, role_label, *, to_do: bool) -> list[Section]:
    """The exceedances as one line: a task for the advisor, news for an agent."""
    if not count:
        return []
    item = Item(
        label=label % {"n": count},
        url=_todo_url(),
        badge=_("Dépassement"),
        badge_level="error",
    )
    section = Section(title=_("Mesures d'exposition"), role_label=role_label, links=_links())
    (section.todo if to_do else section.items).append(item)
    return [section]
