"""« Mon espace »: prevention's two follow-up counts, the newcomer's induction to-do, and
the quiz for everyone. At most two count queries for prevention, two for an employee."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.errors import DomainError
from imtsocial.myspace import Item, Section
from safety.trainings import queries


def sections(request) -> list[Section]:
    if not getattr(request.user, "is_authenticated", False):
        return []
    held = roles_of(request.user)
    today = timezone.localdate()
    result = []
    if Role.PREVENTION in held:
        section = _prevention_section(today)
        if section is not None:
            result.append(section)
    section = Section(
        title=_("Santé et sécurité"),
        role_label=(Role.EMPLOYEE if Role.EMPLOYEE in held else Role.PREVENTION).label
        if held
        else "",
        links=[Item(label=_("Quiz santé et sécurité"), url=reverse("safety_trainings:quiz"))],
    )
    own = employee_of(request.user)
    if Role.EMPLOYEE in held and own is not None:
        section.links.append(
            Item(label=_("Mes formations sécurité"), url=reverse("safety_trainings:my_trainings"))
        )
        if _is_newcomer_without_induction(own, today):
            section.todo.append(
                Item(
                    label=_("Suivre la formation d'accueil santé et sécurité"),
                    url=reverse("safety_trainings:my_trainings"),
                    detail=_("Le service prévention vous proposera une session."),
                )
            )
    result.append(section)
    return result


def _is_newcomer_without_induction(own, today) -> bool:
    try:
        since = queries.window_start(today)
    except DomainError:
        return False
    if own.hire_date is None or not since < own.hire_date <= today:
        return False
    return not queries.has_induction(own)


def _prevention_section(today) -> Section | None:
    try:
        newcomers = queries.newcomers_count(today)
    except DomainError:
        newcomers = 0
    untrained = queries.exposed_without_road_training(today).count()
    section = Section(
        title=_("Formations santé et sécurité"),
        role_label=Role.PREVENTION.label,
        links=[
            Item(label=_("Sessions de formation"), url=reverse("safety_trainings:session_list")),
            Item(label=_("Questions du quiz"), url=reverse("safety_trainings:question_list")),
        ],
    )
    if newcomers:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s nouvel arrivant sans formation d'accueil",
                    "%(n)s nouveaux arrivants sans formation d'accueil",
                    newcomers,
                )
                % {"n": newcomers},
                url=reverse("safety_trainings:newcomer_list"),
            )
        )
    if untrained:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(n)s personne exposée au risque routier sans formation",
                    "%(n)s personnes exposées au risque routier sans formation",
                    untrained,
                )
                % {"n": untrained},
                url=reverse("safety_trainings:road_untrained"),
            )
        )
    return section
