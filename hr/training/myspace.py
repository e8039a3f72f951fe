"""« Mon espace »: the person's coming trainings, the manager's requests to decide, HR's
requests of people without a manager and attendances to record. One query per part."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hr.training.enums import EnrolmentStatus
from hr.training.models import Enrolment
from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.formats import long_date
from imtsocial.myspace import Item, Section


def sections(request) -> list[Section]:
    held = roles_of(request.user)
    result = []
    own = employee_of(request.user)
    if Role.EMPLOYEE in held and own is not None:
        section = _employee_section(own)
        if section is not None:
            result.append(section)
    if Role.MANAGER in held or Role.HR in held:
        section = _decider_section(own, hr=Role.HR in held)
        if section is not None:
            result.append(section)
    return result


def _employee_section(own) -> Section | None:
    coming = list(
        Enrolment.objects.filter(
            employee=own,
            status__in=[EnrolmentStatus.REQUESTED, EnrolmentStatus.APPROVED],
            session__starts_on__gte=timezone.localdate(),
        )
        .select_related("session__course")
        .order_by("session__starts_on")[:5]
    )
    if not coming:
        return None
    section = Section(
        title=_("Mes formations"),
        role_label=Role.EMPLOYEE.label,
        links=[Item(label=_("Mes formations et mon CPF"), url=reverse("training:my_trainings"))],
    )
    for enrolment in coming:
        section.items.append(
            Item(
                label=enrolment.session.course.title,
                url=enrolment.session.get_absolute_url(),
                detail=_("À partir du %(date)s") % {"date": long_date(enrolment.session.starts_on)},
                badge=enrolment.get_status_display(),
                badge_level=enrolment.status_badge or "info",
            )
        )
    return section


def _decider_section(own, *, hr: bool) -> Section | None:
    scope = Q(employee__manager=own) if own is not None else Q(pk__in=[])
    if hr:
        scope |= Q(employee__manager__isnull=True)
    today = timezone.localdate()
    counts = Enrolment.objects.aggregate(
        to_decide=Count("pk", filter=scope & Q(status=EnrolmentStatus.REQUESTED)),
        attendance=Count(
            "session",
            filter=Q(status=EnrolmentStatus.APPROVED, session__starts_on__lte=today),
            distinct=True,
        )
        if hr
        else Count("pk", filter=Q(pk__in=[])),
    )
    if not counts["to_decide"] and not (hr and counts["attendance"]):
        return None
    url = reverse("training:team_requests")
    section = Section(
        title=_("Formations à décider"),
        role_label=(Role.HR if hr else Role.MANAGER).label,
        links=[Item(label=_("Demandes de formation"), url=url)],
    )
    if counts["to_decide"]:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s demande de formation à décider",
                    "%(n)s demandes de formation à décider",
                    counts["to_decide"],
                )
                % {"n": counts["to_decide"]},
                url=f"{url}?status={EnrolmentStatus.REQUESTED}",
            )
        )
    if hr and counts["attendance"]:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s session dont les présences sont à noter",
                    "%(n)s sessions dont les présences sont à noter",
                    counts["attendance"],
                )
                % {"n": counts["attendance"]},
                url=reverse("training:plan"),
            )
        )
    return section
