"""Demo of the prevention network at 31/12/2020, as the DD&RS chapter tells it: « un
réseau constitué d'experts (radioprotection, suivi des déchets de laboratoire, risques
chimique, biologique et laser) et de 12 agents de prévention dont 6 affectés dans les
laboratoires ».

The people are those of the DUERP demo (``safety.demo``, run before): its 11 assistants
(2 per laboratory, appointed for their laboratory and the units they write in, 5 in the
services) and the advisor (the demo prevention login); five experts are researchers of
the laboratories. Idempotent: appointments are matched on (person, function, start).
"""

from datetime import date

from hr.enums import DepartmentKind
from hr.models import Employee
from imtsocial.accounts.roles import Role
from imtsocial.demo import demo_email
from safety.models import PreventionAdvisor, WorkUnit
from safety.network.enums import Expertise, Function
from safety.network.models import Appointment

NETWORK_START = date(2018, 9, 1)
# expertise, laboratory code of the expert
EXPERTS = [
    (Expertise.RADIATION, "c2ma"),
    (Expertise.LAB_WASTE, "lgei"),
    (Expertise.CHEMICAL, "c2ma"),
    (Expertise.BIOLOGICAL, "lgei"),
    (Expertise.LASER, "c2ma"),
]


def _appoint(employee, function, start, *, expertise="", laboratory=None, units=()):
    appointment, created = Appointment.objects.get_or_create(
        employee=employee,
        function=function,
        starts_on=start,
        defaults={"expertise": expertise, "laboratory": laboratory},
    )
    if created and units:
        appointment.work_units.set(units)
    return appointment


def build():
    advisor_login = PreventionAdvisor.objects.filter(user__email=demo_email(Role.PREVENTION))
    if not advisor_login.exists():
        return  # the DUERP demo did not run
    agents = (
        Employee.objects.filter(user__groups__name=Role.PREVENTION.value)
        .exclude(user__email=demo_email(Role.PREVENTION))
        .select_related("department")
        .order_by("employee_number")
    )
    for employee in agents:
        start = max(NETWORK_START, employee.hire_date or NETWORK_START)
        in_lab = employee.department.kind == DepartmentKind.LABORATORY
        units = WorkUnit.objects.filter(agents=employee.user_id)
        _appoint(
            employee,
            Function.AGENT,
            start,
            laboratory=employee.department if in_lab else None,
            units=list(units),
        )
    advisor = Employee.objects.filter(user__email=demo_email(Role.PREVENTION)).first()
    if advisor is not None:
        _appoint(advisor, Function.ADVISOR, date(2016, 9, 1))
    taken = set(agents.values_list("pk", flat=True))
    for index, (expertise, code) in enumerate(EXPERTS):
        existing = Appointment.objects.filter(function=Function.EXPERT, expertise=expertise)
        if existing.exists():
            continue
        expert = (
            Employee.objects.active(date(2020, 12, 31))
            .filter(department__code=code, employee_number__startswith="E", user__isnull=True)
            .exclude(pk__in=taken)
            .order_by("-employee_number")[index : index + 1]
            .first()
        )
        if expert is not None:
            _appoint(
                expert,
                Function.EXPERT,
                max(NETWORK_START, expert.hire_date or NETWORK_START),
                expertise=expertise,
                laboratory=expert.department,
            )
