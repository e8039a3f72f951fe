"""The safety-trainings panel of the employee file: the trainings followed and the
road-risk census, for the person, their direct manager, HR and prevention (registered in
``hr.panels.file_panels``)."""

from imtsocial.accounts.roles import Role, employee_of, has_role
from safety.trainings.models import Attendance


def safety_panel(request, employee) -> dict | None:
    own = employee_of(request.user)
    is_self = own is not None and own.pk == employee.pk
    is_manager = own is not None and employee.manager_id == own.pk
    if not (is_self or is_manager or has_role(request.user, Role.HR, Role.PREVENTION)):
        return None
    attendances = list(
        Attendance.objects.filter(employee=employee)
        .select_related("session__kind")
        .order_by("-session__date")[:20]
    )
    exposures = list(employee.road_risk_exposures.order_by("-since"))
    return {
        "template": "safety/trainings/components/file_panel.html",
        "attendances": attendances,
        "exposures": exposures,
    }
