"""« Mon espace »: prevention's two follow-up counts, the newcomer's induction to-do, and
the quiz for everyone. The counts (newcomers without induction, people exposed to road
risk without training, whether a newcomer attended an induction) are counters of the
page's batch: no query of their own."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.errors import DomainError
from imtsocial.myspace import Item, Section, batch
from safety.trainings import queries
from safety.trainings.enums import KindFamily
from safety.trainings.models import Attendance


def sections(request):
    if not getattr(request.user, "is_authenticated", False):
        return []
    held = roles_of(request.user)
    counters = batch(request)
    today = timezone.localdate()
    own = employee_of(request.user)
    employee = Role.EMPLOYEE in held and own is not None
    since = _window_start(today) if employee or Role.PREVENTION in held else None
    if Role.PREVENTION in held:
        newcomers = []
        if since is not None:
            newcomers = [
                counters.count(queries.newcomer_employees(today, since=since)),
                counters.count(queries.newcomer_learners(today, since=since)),
            ]
        untrained = counters.count(queries.exposed_without_road_training(today))
    inducted = None
    if employee and since is not None and own.hire_date and since < own.hire_date <= today:
        inducted = counters.exists(  # queries.has_induction, in the batch
            Attendance.objects.filter(employee=own, session__kind__family=KindFamily.INDUCTION)
        )

    def build() -> list[Section]:
        result = []
        if Role.PREVENTION in held:
            result.append(
                _prevention_section(sum(count.value for count in newcomers), untrained.value)
            )
        section = Section(
            title=_("Santé et sécurité"),
            role_label=(Role.EMPLOYEE if Role.EMPLOYEE in held else Role.PREVENTION).label
            if held
            else "",
            links=[Item(label=_("Quiz santé et sécurité"), url=reverse("safety_trainings:quiz"))],
        )
        if employee:
            section.links.append(
                Item(
                    label=_("Mes formations sécurité"),
                    url=reverse("safety_trainings:my_trainings"),
                )
            )
            if inducted is not None and not inducted.value:  # a newcomer without induction
                section.todo.append(
                    Item(
                        label=_("Suivre la formation d'accueil santé et sécurité"),
                        url=reverse("safety_trainings:my_trainings"),
                        detail=_("Le service prévention vous proposera une session."),
                    )
                )
        result.append(section)
        return result

    return build


def _window_start(today):
    """Arrivals after this day are newcomers; None when no window is in force."""
    try:
        return queries.window_start(today)
    except DomainError:
        return None


def _prevention_section(newcomers: int, untrained: int) -> Section:
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
