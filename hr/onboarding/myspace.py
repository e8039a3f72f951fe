"""« Mon espace »: each owner's onboarding items still to do (HR, IT, prevention, the
newcomer's manager), and the newcomer's own checklist. One query per part."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hr.onboarding.models import Onboarding, OnboardingItem, Owner
from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.myspace import Item, Section

OWNED_BY_ROLE = {Role.HR: Owner.HR, Role.IT: Owner.IT, Role.PREVENTION: Owner.PREVENTION}


def sections(request) -> list[Section]:
    held = roles_of(request.user)
    own = employee_of(request.user)
    mine = Q(pk__in=[])
    for role, owner in OWNED_BY_ROLE.items():
        if role in held:
            mine |= Q(step__owner=owner)
    if own is not None and Role.MANAGER in held:
        mine |= Q(step__owner=Owner.MANAGER, onboarding__employee__manager=own)
    result = []
    pending = 0
    if mine != Q(pk__in=[]):  # an owner of steps (no query for anyone else)
        pending = OnboardingItem.objects.filter(mine, done_on__isnull=True).count()
    if pending:
        section = Section(
            title=_("Accueil des nouveaux agents"),
            role_label=next(
                (role.label for role in OWNED_BY_ROLE if role in held), Role.MANAGER.label
            ),
            links=[Item(label=_("Qui fait quoi ?"), url=reverse("onboarding:who_does_what"))],
        )
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s étape d'accueil à faire", "%(n)s étapes d'accueil à faire", pending
                )
                % {"n": pending},
                url=reverse("onboarding:list"),
            )
        )
        result.append(section)
    if own is not None:
        onboarding = Onboarding.objects.filter(employee=own).first()
        if onboarding is not None:
            result.append(
                Section(
                    title=_("Bienvenue"),
                    role_label=Role.EMPLOYEE.label,
                    items=[
                        Item(label=_("Votre parcours d'accueil"), url=onboarding.get_absolute_url())
                    ],
                    links=[
                        Item(label=_("Qui fait quoi ?"), url=reverse("onboarding:who_does_what"))
                    ],
                )
            )
    return result
