"""The benchmark's prevention network (``manage.py bench_dataset``, ``imtsocial.datasets``).

About ``scaled(200)`` dated appointments: one assistant appointment (« assistant de
prévention ») in force for each prevention agent of the benchmark's DUERP, covering the
work units they write in (``WorkUnit.agents``) and their laboratory; the ended
appointments of the agents they succeeded; ``scaled(25)`` experts of the five fields,
most in force. The bench prevention login is an assistant of its units.
"""

from datetime import timedelta

from simple_history.utils import bulk_create_with_history

from hr.enums import DepartmentKind
from hr.models import Employee
from imtsocial.accounts.roles import Role
from imtsocial.datasets import BATCH_SIZE, Dataset, bulk
from safety.network.enums import Expertise, Function
from safety.network.models import Appointment

YEARS = 8


def build(dataset: Dataset) -> dict[str, int]:
    rng, today = dataset.rng, dataset.today
    agents = list(dataset.shared.get("safety_agent_user_ids", []))
    bench = dataset.shared["bench_users"][Role.PREVENTION.value].pk
    if bench not in agents:
        agents.append(bench)
    unit_agents = dataset.shared.get("safety_unit_agents", {})
    units_of: dict[int, list[int]] = {}
    for unit, users in unit_agents.items():
        for user in users:
            units_of.setdefault(user, []).append(unit)
    people = {
        e.user_id: e for e in Employee.objects.filter(user__in=agents).select_related("department")
    }
    employees = dataset.shared["employee_ids"]
    taken = {e.pk for e in people.values()}
    admin = dataset.shared["bench_users"].get(Role.HR.value)
    rows, covered = [], []

    def appoint(employee_id, function, starts_on, ends_on=None, *, expertise="", laboratory=None):
        appointment = Appointment(
            employee_id=employee_id,
            function=function,
            expertise=expertise,
            starts_on=starts_on,
            ends_on=ends_on,
            laboratory=laboratory,
            created_by=admin,
        )
        rows.append(appointment)
        return appointment

    for user, employee in people.items():
        start = today - timedelta(days=rng.randint(30, YEARS * 365))
        lab = employee.department if employee.department.kind == DepartmentKind.LABORATORY else None
        current = appoint(employee.pk, Function.AGENT, start, laboratory=lab)
        covered.append((current, units_of.get(user, [])))
        if rng.random() < 0.6:  # the predecessor, whose appointment ended
            predecessor = rng.choice(employees)
            if predecessor not in taken:
                taken.add(predecessor)
                before = start - timedelta(days=rng.randint(365, 4 * 365))
                ended = appoint(predecessor, Function.AGENT, before, start - timedelta(days=1))
                covered.append((ended, units_of.get(user, [])))
    fields = list(Expertise)
    for index in range(dataset.scaled(25, minimum=5)):
        expert = rng.choice(employees)
        if expert in taken:
            continue
        taken.add(expert)
        start = today - timedelta(days=rng.randint(30, YEARS * 365))
        ended = start + timedelta(days=rng.randint(365, 3 * 365)) if rng.random() < 0.2 else None
        appoint(expert, Function.EXPERT, start, ended if ended and ended < today else None,
                expertise=fields[index % len(fields)])  # fmt: skip
    rows = bulk_create_with_history(rows, Appointment, batch_size=BATCH_SIZE)
    through = Appointment.work_units.through
    bulk(
        through,
        (
            through(appointment_id=appointment.pk, workunit_id=unit)
            for appointment, units in covered
            for unit in units
        ),
    )
    return {
        "nominations": len(rows),
        "en cours": sum(1 for a in rows if a.ends_on is None),
    }
