"""« Mon espace »: each owner's onboarding items still to do (HR, IT, prevention, the
newcomer's manager), and the newcomer's own checklist.

Both go to the page's batch of counters (``imtsocial.myspace.batch``): no query of
their own. The checklist is one per person, so its pk (for the link) is an aggregate
too."""

from django.db.models import Max, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hr.onboarding.models import Onboarding, OnboardingItem, Owner
from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.myspace import Item, Section, batch

OWNED_BY_ROLE = {Role.HR: Owner.HR, Role.IT: Owner.IT, Role.PREVENTION: Owner.PREVENTION}


def sections(request):
    held = roles_of(request.user)
    own = employee_of(request.user)
    counters = batch(request)
    mine = Q(pk__in=[])
    for role, owner in OWNED_BY_ROLE.items():
        if role in held:
            mine |= Q(step__owner=owner)
    if own is not None and Role.MANAGER in held:
        mine |= Q(step__owner=Owner.MANAGER, onboarding__employee__manager=own)
    pending = checklist = None
    if mine != Q(pk__in=[]):  # an owner of steps (nothing to count for anyone else)
        pending = counters.count(OnboardingItem.objects.filter(mine, done_on__isnull=True))
    if own is not None:
        checklist = counters.aggregate(Onboarding.objects.filter(employee=own), pk=Max("pk"))

    def build() -> list[Section]:
        result = []
        if pending is not None and pending.value:
            result.append(_owner_section(held, pending.value))
        if checklist is not None and checklist.value["pk"] is not None:
            result.append(_newcomer_section(checklist.value["pk"]))
        return result

    return build


def _owner_section(held, pending: int) -> Section:
    return Section(
        title=_("Accueil des nouveaux agents"),
        role_label=next((role.label for role in OWNED_BY_ROLE if role in held), Role.MANAGER.label),
        todo=[
            Item(
                label=ngettext(
                    "%(n)s étape d'accueil à faire", "%(n)s étapes d'accueil à faire", pending
                )
                % {"n": pending},
                url=reverse("onboarding:list"),
            )
        ],
        links=[Item(label=_("Qui fait quoi ?"), url=reverse("onboarding:who_does_what"))],
    )


def _newcomer_section(pk: int) -> Section:
    return Section(
        title=_("Bienvenue"),
        role_label=Role.EMPLOYEE.label,
        # An unsaved instance for the link: the pk is all it reads.
        items=[Item(label=_("Votre parcours d'accueil"), url=Onboarding(pk=pk).get_absolute_url())],
        links=[Item(label=_("Qui fait quoi ?"), url=reverse("onboarding:who_does_what"))],
    )
