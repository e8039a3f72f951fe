"""« Mon espace »: the person's qualifications to renew; prevention's counts of expired
and expiring-soon qualifications with links; the manager's team's ones.

The counts are counters of the page's batch (``imtsocial.myspace.batch``); the person's
qualifications to renew are read (one query) only when there is one. The notice periods
in force (a reference table) are kept in the cache until a validity row is written
(``VALIDITY_READS``): no query when warm."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.formats import long_date
from imtsocial.memo import CachedReads
from imtsocial.myspace import Item, Section, batch
from safety.qualifications import perms, services
from safety.qualifications.enums import State
from safety.qualifications.models import Qualification

# The notice periods in force on a day (``services.notice_days_at``), read on every
# « Mon espace » of an employee: they depend on the validity rows alone.
VALIDITY_READS = CachedReads(
    "qualifications.validity", models=("qualifications.QualificationValidity",)
)


def sections(request):
    held = roles_of(request.user)
    own = employee_of(request.user)
    if not (own is not None or Role.PREVENTION in held):
        return []
    counters = batch(request)
    today = timezone.localdate()
    notices = VALIDITY_READS.get_or_compute(
        ("notice_days", today), lambda: services.notice_days_at(today)
    )
    if own is not None and Role.EMPLOYEE in held:
        mine = services.not_renewed(
            Qualification.objects.filter(
                services.state_q(State.EXPIRING, today, notices), holder=own
            )
        )
        to_renew = counters.exists(mine)
    if Role.PREVENTION in held:
        scope, role = Qualification.objects.all(), Role.PREVENTION
    elif Role.MANAGER in held and own is not None:
        scope = Qualification.objects.filter(perms.team_q(own)).exclude(holder=own)
        role = Role.MANAGER
    else:
        scope = None
    if scope is not None:
        counts = counters.counts(
            services.not_renewed(scope),
            expired=services.state_q(State.EXPIRED, today, notices),
            expiring=services.state_q(State.EXPIRING, today, notices),
        )

    def build() -> list[Section]:
        result = []
        if own is not None and Role.EMPLOYEE in held and to_renew.value:
            result.append(_own_section(mine))
        if scope is not None and (counts.value["expired"] or counts.value["expiring"]):
            result.append(_counts_section(counts.value, role))
        return result

    return build


def _own_section(mine) -> Section:
    """The first five to renew (``mine``: the person's, at least one)."""
    section = Section(
        title=_("Mes habilitations à renouveler"),
        role_label=Role.EMPLOYEE.label,
        links=[Item(label=_("Mes habilitations"), url=reverse("qualifications:mine"))],
    )
    for qualification in mine.select_related("qualification_type").order_by("expires_on")[:5]:
        section.items.append(
            Item(
                label=qualification.label,
                url=qualification.get_absolute_url(),
                detail=_("Valable jusqu'au %(date)s")
                % {"date": long_date(qualification.expires_on)},
                badge=State.EXPIRING.label,
                badge_level="warning",
            )
        )
    return section


def _counts_section(counts: dict, role) -> Section:
    section = Section(
        title=_("Habilitations") if role == Role.PREVENTION else _("Habilitations de mon équipe"),
        role_label=role.label,
        links=[Item(label=_("Toutes les habilitations"), url=reverse("qualifications:list"))],
    )
    if counts["expiring"]:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s habilitation à renouveler bientôt",
                    "%(n)s habilitations à renouveler bientôt",
                    counts["expiring"],
                )
                % {"n": counts["expiring"]},
                url=reverse("qualifications:expiring"),
                badge_level="warning",
            )
        )
    if counts["expired"]:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s habilitation échue", "%(n)s habilitations échues", counts["expired"]
                )
                % {"n": counts["expired"]},
                url=reverse("qualifications:expired"),
                badge_level="error",
            )
        )
    return section
