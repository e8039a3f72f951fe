"""« Mon espace »: every employee gets the « Signaler » links and the state of their own
register entries still open (one query); prevention the entries waiting for an answer
and the DGI reports to follow, managers the entries to acknowledge (counters of the
page's batch: no query of their own)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.formats import long_date
from imtsocial.myspace import Item, Section, batch
from safety.models import WorkUnit
from safety.perms import is_advisor
from safety.registers.enums import DgiStatus, RsstStatus
from safety.registers.models import DgiReport, RsstEntry
from safety.registers.parameters import RSST_ANSWER_DAYS
from safety.registers.views.helpers import late_before


def sections(request):
    user = request.user
    held = roles_of(user)
    own = employee_of(user)
    counters = batch(request)
    if Role.PREVENTION in held:
        prevention = _prevention_counters(counters, user)
    if Role.MANAGER in held and own is not None:
        to_acknowledge = counters.count(
            RsstEntry.objects.filter(status=RsstStatus.ANSWERED)
            .filter(
                Q(author__manager=own) | Q(work_unit__department_id__in=own.headed_department_ids)
            )
            .exclude(author=own)
        )

    def build() -> list[Section]:
        result = []
        if Role.EMPLOYEE in held and own is not None:
            result.append(_employee_section(own))
        if Role.PREVENTION in held:
            section = _prevention_section(*(counter.value for counter in prevention))
            if section is not None:
                result.append(section)
        if Role.MANAGER in held and own is not None:
            section = _manager_section(to_acknowledge.value)
            if section is not None:
                result.append(section)
        return result

    return build


def _employee_section(own) -> Section:
    open_entries = list(
        RsstEntry.objects.filter(author=own)
        .exclude(status=RsstStatus.CLOSED)
        .order_by("-occurred_on", "-pk")[:5]
    )
    section = Section(
        title=_("Registres santé et sécurité"),
        role_label=Role.EMPLOYEE.label,
        links=[
            Item(
                label=_("Signaler au registre santé et sécurité"),
                url=reverse("registers:rsst_create"),
            ),
            Item(
                label=_("Signaler un danger grave et imminent"), url=reverse("registers:dgi_create")
            ),
            Item(label=_("Mes signalements"), url=reverse("registers:index")),
        ],
    )
    for entry in open_entries:
        section.items.append(
            Item(
                label=_("%(kind)s du %(date)s")
                % {
                    "kind": entry.get_kind_display(),
                    "date": long_date(entry.occurred_on),
                },
                url=entry.get_absolute_url(),
                badge=entry.get_status_display(),
                badge_level=entry.status_badge or "info",
            )
        )
    return section


def _prevention_counters(counters, user):
    """The entries waiting for an answer (and the late ones) in the person's scope, and
    the DGI reports not decided."""
    scope = Q()
    if not is_advisor(user):
        # a semi-join on the person's units: no row repeated, no DISTINCT to count
        units = WorkUnit.objects.filter(agents=user).values("pk")
        scope = Q(work_unit__in=units) | Q(work_unit__isnull=True)
    late = late_before(RSST_ANSWER_DAYS)
    waiting = Q(status=RsstStatus.SUBMITTED)
    entries = counters.counts(
        RsstEntry.objects.filter(scope),
        waiting=waiting,
        late=waiting & Q(submitted_at__date__lt=late) if late else Q(pk__in=[]),
    )
    return entries, counters.count(DgiReport.objects.exclude(status=DgiStatus.DECIDED))


def _prevention_section(counts: dict, dgi: int) -> Section | None:
    if not counts["waiting"] and not dgi:
        return None
    section = Section(
        title=_("Registres à traiter"),
        role_label=Role.PREVENTION.label,
        links=[
            Item(label=_("Registre santé et sécurité"), url=reverse("registers:rsst_list")),
            Item(
                label=_("Registre des dangers graves et imminents"),
                url=reverse("registers:dgi_list"),
            ),
        ],
    )
    if counts["waiting"]:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s observation attend une réponse",
                    "%(n)s observations attendent une réponse",
                    counts["waiting"],
                )
                % {"n": counts["waiting"]},
                url=reverse("registers:rsst_list") + f"?status={RsstStatus.SUBMITTED}",
                detail=ngettext("dont %(n)s en retard", "dont %(n)s en retard", counts["late"])
                % {"n": counts["late"]}
                if counts["late"]
                else "",
            )
        )
    if dgi:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s danger grave et imminent à suivre",
                    "%(n)s dangers graves et imminents à suivre",
                    dgi,
                )
                % {"n": dgi},
                url=reverse("registers:dgi_list"),
                badge_level="error",
            )
        )
    return section


def _manager_section(count: int) -> Section | None:
    if not count:
        return None
    url = reverse("registers:rsst_list") + f"?status={RsstStatus.ANSWERED}"
    return Section(
        title=_("Registre santé et sécurité de l'équipe"),
        role_label=Role.MANAGER.label,
        todo=[
            Item(
                label=ngettext(
                    "%(n)s observation à viser",
                    "%(n)s observations à viser",
                    count,
                )
                % {"n": count},
                url=url,
            )
        ],
    )
