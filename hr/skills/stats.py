"""The critical skills at risk — the recruitment priorities (pages and yearly report).

Definitions: a *holder* of a skill is an active employee with it at level « maîtrise »
(3) or « expertise » (4). A holder *leaves within N years* when, before ``at`` + N years,
they reach the legal retirement age (birth date + ``RETIREMENT_AGE``), their fixed-term
contract in force ends, or their recorded leaving date comes. A critical skill is *at
risk* when it has at most ``FEW_HOLDERS`` holders now, or will have at most that many
once the leavers are gone.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from hr.models import Employee
from hr.skills.models import EmployeeSkill, Level, Skill
from hr.skills.parameters import FEW_HOLDERS, RETIREMENT_AGE
from imtsocial.delays import add_months


@dataclass
class Holder:
    employee: Employee
    level: int
    leaves_on: date | None
    reason: str


@dataclass
class CriticalSkill:
    skill: Skill
    holders: list[Holder] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.holders)

    @property
    def leaving(self) -> list[Holder]:
        return [h for h in self.holders if h.leaves_on is not None]

    @property
    def remaining(self) -> int:
        return self.count - len(self.leaving)


def departure(employee, *, at: date, until: date, retirement_age: int):
    """(date, reason) of the first departure before ``until``, or (None, "")."""
    candidates = []
    if employee.birth_date:
        retires = add_months(employee.birth_date, 12 * retirement_age)
        candidates.append((retires, _("retraite")))
    if employee.current_contract_end:
        candidates.append((employee.current_contract_end, _("fin de contrat")))
    if employee.leave_date:
        candidates.append((employee.leave_date, _("départ prévu")))
    due = sorted(c for c in candidates if at <= c[0] <= until)
    return due[0] if due else (None, "")


def critical_skills(*, at: date, horizon_years: int) -> tuple[list[CriticalSkill], int]:
    """Every critical skill with its holders and their departures; the threshold used.

    Two queries, whatever the number of skills and people."""
    until = add_months(at, 12 * horizon_years)
    age = RETIREMENT_AGE.at(at)
    result = {skill.pk: CriticalSkill(skill) for skill in Skill.objects.filter(critical=True)}
    holders = (
        EmployeeSkill.objects.filter(skill__critical=True, level__gte=Level.MASTERY)
        .filter(employee__in=Employee.objects.active(at))
        .select_related("employee__department")
        .order_by("employee__last_name", "employee__first_name")
    )
    ends = dict(
        Employee.objects.active(at)
        .with_current_contract(at)
        .filter(skills__skill__critical=True)
        .values_list("pk", "current_contract_end")
    )
    for row in holders:
        employee = row.employee
        employee.current_contract_end = ends.get(employee.pk)
        leaves_on, reason = departure(employee, at=at, until=until, retirement_age=age)
        result[row.skill_id].holders.append(Holder(employee, row.level, leaves_on, reason))
    return sorted(
        result.values(), key=lambda c: (c.remaining, c.count, c.skill.name)
    ), FEW_HOLDERS.at(at)


def at_risk(rows, few: int) -> list[CriticalSkill]:
    return [row for row in rows if row.count <= few or row.remaining <= few]
