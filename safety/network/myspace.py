"""« Mon espace »: the person's own appointments in force; for the advisor, the
appointments in force without their letter. One query per part."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, employee_of
from imtsocial.formats import long_date
from imtsocial.myspace import Item, Section
from safety.network import perms
from safety.network.models import Appointment


def sections(request) -> list[Section]:
    result = []
    today = timezone.localdate()
    own = employee_of(request.user)
    if own is not None:
        mine = list(Appointment.objects.in_force(today).filter(employee=own).order_by("starts_on"))
        if mine:
            section = Section(
                title=_("Ma mission de prévention"),
                role_label=Role.EMPLOYEE.label,
                links=[
                    Item(
                        label=_("Le réseau de prévention"), url=reverse("prevention_network:index")
                    )
                ],
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
            result.append(section)
    if perms.can_manage(request.user):
        missing = Appointment.objects.in_force(today).filter(letter="").count()
        if missing:
            url = reverse("prevention_network:index")
            result.append(
                Section(
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
            )
    return result
