from datetime import timedelta

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hr.models import Contract, Employee
from hr.parameters import CONTRACT_END_NOTICE_DAYS
from hr.stats import PAY_READS, contracts_with_minimum
from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.myspace import Item, Section, batch


def _ending_contracts(at, days):
    """Fixed-term contracts in force that end within ``days`` (the notice parameter)."""
    return Contract.objects.in_force(at).filter(
        end__isnull=False, end__lte=at + timedelta(days=days)
    )


def sections(request):
    user = request.user
    held = roles_of(user)
    employee = employee_of(user)
    counters = batch(request)
    today = timezone.localdate()
    manages, staff_role = Role.MANAGER in held, Role.HR in held or Role.DIRECTOR in held
    if manages or Role.HR in held:
        days = CONTRACT_END_NOTICE_DAYS.at(today)
    if manages:
        team = counters.count(Employee.objects.active().filter(manager=employee))
        team_ending = counters.count(
            _ending_contracts(today, days).filter(employee__manager=employee)
        )
    if staff_role:  # the same for every HR person and the director: kept until HR changes
        staff = PAY_READS.get_or_compute(("staff", today), Employee.objects.active().count)

    def build() -> list[Section]:
        result = [_employee_section(employee)] if Role.EMPLOYEE in held else []
        if manages:
            result.append(_team_section(team.value, team_ending.value, days))
        if staff_role:
            section = Section(
                title=_("Personnel"),
                role_label=(Role.HR if Role.HR in held else Role.DIRECTOR).label,
                items=[
                    Item(
                        label=ngettext(
                            "%(count)d agent en poste", "%(count)d agents en poste", staff
                        )
                        % {"count": staff}
                    )
                ],
            )
            if Role.HR in held:
                section.links.append(
                    Item(label=_("Annuaire du personnel"), url=reverse("hr:employee_list"))
                )
                section.todo.extend(_hr_todo(today, days))
            else:  # the director: every card links to its page
                section.links.append(Item(label=_("Statistiques RH"), url=reverse("hr:statistics")))
            result.append(section)
        return result

    return build


def _employee_section(employee) -> Section:
    details = [employee.department.name, employee.site.name]
    if employee.manager_id:
        details.append(_("responsable : %(name)s") % {"name": employee.manager.full_name})
    return Section(
        title=_("Mon dossier"),
        role_label=Role.EMPLOYEE.label,
        items=[Item(label=employee.full_name, detail=" · ".join(details))],
        links=[Item(label=_("Voir mon dossier"), url=reverse("hr:my_file"))],
    )


def _team_section(count: int, ending: int, days: int) -> Section:
    todo = []
    if ending:
        todo.append(
            Item(
                label=ngettext(
                    "%(count)d contrat de votre équipe se termine dans les %(days)d jours",
                    "%(count)d contrats de votre équipe se terminent dans les %(days)d jours",
                    ending,
                )
                % {"count": ending, "days": days},
                url=reverse("hr:team"),
                badge=_("Fin de contrat"),
                badge_level="warning",
            )
        )
    return Section(
        todo=todo,
        title=_("Mon équipe"),
        role_label=Role.MANAGER.label,
        items=[
            Item(
                label=ngettext(
                    "%(count)d agent sous ma responsabilité",
                    "%(count)d agents sous ma responsabilité",
                    count,
                )
                % {"count": count}
            )
        ],
        links=[Item(label=_("Voir mon équipe"), url=reverse("hr:team"))],
    )


def _hr_todo(today, days) -> list[Item]:
    """The ending contracts and the pay alerts (``hr.stats.salaries_below_benchmark``'s
    rules), counted over the contracts in force in one query, kept until the HR tables
    change (``hr.stats.PAY_READS``)."""
    todo = []
    limit = today + timedelta(days=days)
    counts = PAY_READS.get_or_compute(
        ("hr_todo", today, limit),
        lambda: contracts_with_minimum(at=today).aggregate(
            ending=Count("pk", filter=Q(end__isnull=False, end__lte=limit)),
            underpaid=Count("pk", filter=Q(current_salary__lt=F("minimum"))),
        ),
    )
    ending = counts["ending"]
    if ending:
        todo.append(
            Item(
                label=ngettext(
                    "%(count)d contrat se termine dans les %(days)d jours",
                    "%(count)d contrats se terminent dans les %(days)d jours",
                    ending,
                )
                % {"count": ending, "days": days},
                url=reverse("hr:employee_list") + f"?ending_before={limit:%Y-%m-%d}",
                badge=_("Fin de contrat"),
                badge_level="warning",
            )
        )
    underpaid = counts["underpaid"]
    if underpaid:
        todo.append(
            Item(
                label=ngettext(
                    "%(count)d agent est payé sous son repère de rémunération",
                    "%(count)d agents sont payés sous leur repère de rémunération",
                    underpaid,
                )
                % {"count": underpaid},
                url=reverse("hr:pay_alerts"),
                badge=_("Rémunération"),
                badge_level="error",
            )
        )
    return todo
