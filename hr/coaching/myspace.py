"""« Mon espace » of a talent developer: the role, and the people they accompany
(counted in the page's batch of counters, ``imtsocial.myspace.batch``: no query of its
own). Nothing about evaluations, pay or advancement."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hr.coaching.models import CoachingRelationship
from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.myspace import Item, Section, batch


def sections(request):
    if Role.TALENT_DEVELOPER not in roles_of(request.user):
        return []
    opened = batch(request).count(
        CoachingRelationship.objects.filter(
            coach__employee=employee_of(request.user), ended_on__isnull=True
        )
    )

    def build() -> list[Section]:
        return [
            Section(
                title=_("Développeur de talents"),
                role_label=Role.TALENT_DEVELOPER.label,
                items=[
                    Item(
                        label=_("Vous exercez le rôle de développeur de talents."),
                        detail=_(
                            "Ce rôle n'intervient ni dans l'évaluation ni dans l'avancement "
                            "des collègues accompagnés."
                        ),
                    ),
                    Item(
                        label=ngettext(
                            "%(n)s personne accompagnée",
                            "%(n)s personnes accompagnées",
                            opened.value,
                        )
                        % {"n": opened.value},
                        url=reverse("coaching:my_coachings"),
                    ),
                ],
                links=[Item(label=_("Mes accompagnements"), url=reverse("coaching:my_coachings"))],
            )
        ]

    return build
