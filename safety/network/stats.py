"""Figures of the prevention network for the yearly report (DD&RS, ODD 8 D): « un réseau
constitué d'experts (radioprotection, suivi des déchets de laboratoire, risques chimique,
biologique et laser) et de 12 agents de prévention dont 6 affectés dans les
laboratoires ».

An « agent de prévention » is an assistant or the advisor (décret 82-453, art. 4: both
functions are « agents de prévention »); a person counts once whatever the number of
their appointments; « in a laboratory » means appointed for a laboratory."""

from datetime import date

from safety.network.enums import PREVENTION_AGENT_FUNCTIONS, Expertise, Function
from safety.network.models import Appointment


def network_at(at: date) -> dict:
    """The network in force at ``at`` (one query)::

    {"agents": 12, "assistants": 11, "in_laboratories": 6,
     "by_laboratory": [{"laboratory": "C2MA …", "agents": 2}, …],
     "experts": {"radiation": 1, …}, "advisors": ["Paul Prévention"]}
    """
    rows = list(
        Appointment.objects.in_force(at)
        .select_related("employee", "laboratory")
        .order_by("employee__last_name", "employee__first_name", "pk")
    )
    agents = {r.employee_id for r in rows if r.function in PREVENTION_AGENT_FUNCTIONS}
    assistants = {r.employee_id for r in rows if r.function == Function.AGENT}
    in_labs: dict[str, set] = {}
    for row in rows:
        if row.function in PREVENTION_AGENT_FUNCTIONS and row.laboratory is not None:
            in_labs.setdefault(row.laboratory.name, set()).add(row.employee_id)
    experts = {value: set() for value in Expertise.values}
    for row in rows:
        if row.function == Function.EXPERT:
            experts[row.expertise].add(row.employee_id)
    advisors = []
    for row in rows:
        if row.function == Function.ADVISOR and row.employee.full_name not in advisors:
            advisors.append(row.employee.full_name)
    return {
        "agents": len(agents),
        "assistants": len(assistants),
        "in_laboratories": len(set().union(*in_labs.values())) if in_labs else 0,
        "by_laboratory": [
            {"laboratory": name, "agents": len(people)} for name, people in sorted(in_labs.items())
        ],
        "experts": {key: len(people) for key, people in experts.items()},
        "advisors": advisors,
    }
