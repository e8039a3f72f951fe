"""« Mon espace »: the advisor's asbestos to-dos (re-assessments due within 60 days or
overdue, air measurements and works waiting), counted in the page's batch
(``counters.due_counts``; the rules cached): no query of their own. Nothing for others,
no query for them."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, roles_of
from imtsocial.myspace import Item, Section, batch
from safety.asbestos import counters
from safety.perms import is_advisor


def sections(request):
    user = request.user
    if Role.PREVENTION not in roles_of(user) or not is_advisor(user):
        return []
    counts = counters.due_counts(batch(request), timezone.localdate())

    def build() -> list[Section]:
        due = counts()
        count = due["overdue"] + due["due_soon"] + due["to_act"]
        if not count:
            return []
        url = reverse("asbestos:location_list")
        return [
            Section(
                title=_("Dossier technique amiante"),
                role_label=_("Conseiller de prévention"),
                todo=[
                    Item(
                        label=ngettext(
                            "%(n)s localisation d'amiante à réévaluer ou à traiter",
                            "%(n)s localisations d'amiante à réévaluer ou à traiter",
                            count,
                        )
                        % {"n": count},
                        url=f"{url}?action=due",
                        detail=_("Dont %(overdue)s en retard et %(soon)s à échéance sous 60 jours.")
                        % {"overdue": due["overdue"], "soon": due["due_soon"]},
                        badge=_("En retard") if due["overdue"] else _("Bientôt"),
                        badge_level="error" if due["overdue"] else "warning",
                    )
                ],
                links=[Item(label=_("Dossier technique amiante"), url=url)],
            )
        ]

    return build
