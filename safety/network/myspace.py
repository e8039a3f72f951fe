"""« Mon espace »: the person's own appointments in force; for the advisor, the
appointments in force without their letter.

Both are counters of the page's batch (``imtsocial.myspace.batch``); the person's
appointments are read (one query) only when they have one: most people have none."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, employee_of, has_role
from imtsocial.formats import long_date
from imtsocial.myspace import Item, Section, batch
from safety.myspace import advisor
from safety.network.models import Appointment


def sections(request):
    counters = batch(request)
    today = timezone.localdate()
    own = employee_of(request.user)
    in_force = Appointment.objects.in_force(today)
    prevention = has_role(request.user, Role.PREVENTION)  # the advisor is one of them
    if own is not None:
        mine = in_force.filter(employee=own)
        has_mine = counters.exists(mine)
    if prevention:
        is_advisor = advisor(request)
        missing = counters.count(in_force.filter(letter=""))

    def build() -> list[Section]:
        result = []
        if own is not None and has_mine.value:
            result.append(_own_section(mine.order_by("starts_on")))
        if prevention and is_advisor.value and missing.value:
            result.append(_missing_section(missing.value))
        return result

    return build


def _own_section(mine) -> Section:
    section = Section(
        title=_("Ma mission de prévention"),
        role_label=Role.EMPLOYEE.label,
        links=[Item(label=_("Le réseau de prévention"), url=reverse("prevention_network:index"))],
    )
    for appointment in mine:
        section.items.append(
            Item(
                label=appointment.function_label,
                detail=_("Depuis le %(date)s") % {"date": long_date(appointment.starts_on)},
                url=reverse("prevention_network:letter", args=[appointment.pk])
                if appointment.letter
                else "",
            )
        )
    return section


def _missing_section(missing: int) -> Section:
    url = reverse("prevention_network:index")
    return Section(
        title=_("Réseau de prévention"),
        role_label=Role.PREVENTION.label,
        todo=[
            Item(
                label=ngettext(
                    "%(n)s nomination en vigueur sans lettre de nomination",
                    "%(n)s nominations en vigueur sans lettre de nomination",
                    missing,
                )
                % {"n": missing},
                url=url,
            )
        ],
        links=[Item(label=_("Le réseau de prévention"), url=url)],
    )
