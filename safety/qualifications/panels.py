"""The qualifications panel of the employee file (``hr.panels.file_panels``, shown on
« Mon dossier » and on the file HR opens): the person's qualifications and their state,
for the person, HR, prevention and the manager who may open the file."""

from django.utils import timezone

from imtsocial.accounts.roles import Role, employee_of, has_role
from safety.qualifications import perms, services


def qualifications_panel(request, employee) -> dict | None:
    own = employee_of(request.user)
    is_self = own is not None and own.pk == employee.pk
    if has_role(request.user, Role.HR) or perms.can_record(request.user):
        qualifications = employee.qualifications.all()
    else:
        qualifications = perms.qualifications_visible_to(request.user).filter(holder=employee)
    today = timezone.localdate()
    qualifications = list(
        services.with_notice_days(qualifications, today)
        .select_related("qualification_type")
        .order_by("-expires_on", "pk")
    )
    if not qualifications and not is_self:
        return None
    services.with_states(qualifications, today)  # one query in all, with the notices
    return {
        "template": "safety/qualifications/panel.html",
        "qualifications": qualifications,
        "is_self": is_self,
        # HR reads the panel on the file but has no page of its own on qualifications
        "links": is_self or perms.can_record(request.user) or has_role(request.user, Role.MANAGER),
    }
