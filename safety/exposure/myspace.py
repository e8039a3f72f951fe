"""« Mon espace »: the advisor's exceedances to examine; a prevention agent sees the
exceedances of their own units still waiting for the advisor. One query each; nothing
(and no query) for other people."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, roles_of
from imtsocial.myspace import Item, Section
from safety.exposure.enums import Verdict
from safety.exposure.models import Measurement
from safety.perms import is_advisor


def sections(request) -> list[Section]:
    user = request.user
    if Role.PREVENTION not in roles_of(user):
        return []
    waiting = Measurement.objects.filter(verdict=Verdict.OVER, reviewed_at__isnull=True)
    url = reverse("exposure:campaign_list")
    links = [Item(label=_("Campagnes de mesures"), url=url)]
    if is_advisor(user):
        count = waiting.count()
        if not count:
            return []
        todo = Item(
            label=ngettext(
                "%(n)s dépassement de valeur limite à examiner",
                "%(n)s dépassements de valeur limite à examiner",
                count,
            )
            % {"n": count},
            url=f"{url}?over=on",
            badge=_("Dépassement"),
            badge_level="error",
        )
        return [
            Section(
                title=_("Mesures d'exposition"),
                role_label=_("Conseiller de prévention"),
                todo=[todo],
                links=links,
            )
        ]
    count = waiting.filter(campaign__work_unit__agents=user).count()
    if not count:
        return []
    item = Item(
        label=ngettext(
            "%(n)s dépassement dans mes unités attend l'examen du conseiller",
            "%(n)s dépassements dans mes unités attendent l'examen du conseiller",
            count,
        )
        % {"n": count},
        url=f"{url}?over=on",
        badge=_("Dépassement"),
        badge_level="error",
    )
    return [
        Section(
            title=_("Mesures d'exposition"),
            role_label=Role.PREVENTION.label,
            items=[item],
            links=links,
        )
    ]
