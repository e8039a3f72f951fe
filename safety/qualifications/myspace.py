"""« Mon espace »: the person's qualifications to renew; prevention's counts of expired
and expiring-soon qualifications with links; the manager's team's ones. One or two
queries per part."""

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.formats import long_date
from imtsocial.myspace import Item, Section
from safety.qualifications import perms, services
from safety.qualifications.enums import State
from safety.qualifications.models import Qualification


def sections(request) -> list[Section]:
    held = roles_of(request.user)
    own = employee_of(request.user)
    today = timezone.localdate()
    result = []
    if not (own is not None or Role.PREVENTION in held):
        return result
    notices = services.notice_days_at(today)
    if own is not None and Role.EMPLOYEE in held:
        section = _own_section(own, today, notices)
        if section is not None:
            result.append(section)
    if Role.PREVENTION in held:
        section = _counts_section(Qualification.objects.all(), today, notices, Role.PREVENTION)
        if section is not None:
            result.append(section)
    elif Role.MANAGER in held and own is not None:
        team = Qualification.objects.filter(perms.team_q(own)).exclude(holder=own)
        section = _counts_section(team, today, notices, Role.MANAGER)
        if section is not None:
            result.append(section)
    return result


def _own_section(own, today, notices) -> Section | None:
    expiring = services.state_q(State.EXPIRING, today, notices)
    mine = list(
        services.not_renewed(Qualification.objects.filter(expiring, holder=own))
        .select_related("qualification_type")
        .order_by("expires_on")[:5]
    )
    if not mine:
        return None
    section = Section(
        title=_("Mes habilitations à renouveler"),
        role_label=Role.EMPLOYEE.label,
        links=[Item(label=_("Mes habilitations"), url=reverse("qualifications:mine"))],
    )
    for qualification in mine:
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


def _counts_section(qualifications, today, notices, role) -> Section | None:
    counts = services.not_renewed(qualifications).aggregate(
        expired=Count("pk", filter=services.state_q(State.EXPIRED, today, notices)),
        expiring=Count("pk", filter=services.state_q(State.EXPIRING, today, notices)),
    )
    if not counts["expired"] and not counts["expiring"]:
        return None
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
