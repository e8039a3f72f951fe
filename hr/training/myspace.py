"""« Mon espace »: the person's coming trainings, the manager's requests to decide, HR's
requests of people without a manager and attendances to record.

The requests and sessions to count go to the page's batch of counters
(``imtsocial.myspace.batch``): no query of their own. One query per person: their
coming trainings."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hr.training.enums import EnrolmentStatus
from hr.training.models import Enrolment
from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.formats import long_date
from imtsocial.myspace import Item, Section, batch


def sections(request):
    held = roles_of(request.user)
    own = employee_of(request.user)
    hr = Role.HR in held
    decides = hr or (Role.MANAGER in held and own is not None)
    if decides:
        counts = _decider_counts(batch(request), own, hr=hr)

    def build() -> list[Section]:
        found = []
        if Role.EMPLOYEE in held and own is not None:
            found.append(_employee_section(own))
        if decides:
            found.append(_decider_section(_values(counts), hr=hr))
        return [section for section in found if section is not None]

    return build


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


def _decider_counts(counters, own, *, hr: bool) -> dict:
    """The requests of the person's team (and, for HR, of people without a manager) to
    decide; for HR, the sessions begun whose attendances are still to record. Each
    counter reads only its own rows (the status first), in the page's batch."""
    scope = Q(employee__manager__isnull=True) if hr else Q()
    if own is not None:
        scope |= Q(employee__manager=own)
    requested = Enrolment.objects.filter(status=EnrolmentStatus.REQUESTED)
    counts = {"to_decide": counters.count(requested.filter(scope))}
    if hr:
        begun = Enrolment.objects.filter(
            status=EnrolmentStatus.APPROVED, session__starts_on__lte=timezone.localdate()
        )
        counts["attendance"] = counters.aggregate(begun, n=Count("session", distinct=True))
    return counts


def _values(counts: dict) -> dict:
    """The numbers of ``_decider_counts`` once the batch has run."""
    values = {"to_decide": counts["to_decide"].value, "attendance": 0}
    if "attendance" in counts:
        values["attendance"] = counts["attendance"].value["n"]
    return values


def _decider_section(counts: dict, *, hr: bool) -> Section | None:
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
