"""What hr tells the platform about people (registered in ``HrConfig.ready``).

- the staff record of a login: the active ``Employee``, annotated with its role facts
  (two subqueries, one query in all);
- the derived roles: *employee* (an active record), *manager* (direct reports in
  post), *talent developer* (an active coach record).
"""

from hr.models import Employee
from imtsocial.accounts.roles import Role


def employee_of_user(user) -> Employee | None:
    return (
        Employee.objects.active()
        .with_role_facts()
        .select_related("site", "department", "manager")
        .filter(user=user)
        .first()
    )


def derived_roles(user, employee) -> set[Role]:
    if employee is None:
        return set()
    roles = {Role.EMPLOYEE}
    if employee.has_reports:
        roles.add(Role.MANAGER)
    if employee.is_talent_developer:
        roles.add(Role.TALENT_DEVELOPER)
    return roles


# Admin-site rights of HR (the business pages check roles, not these).
ADMIN_PERMISSIONS = [
    "hr.add_employee",
    "hr.change_employee",
    "hr.view_employee",
    "hr.add_department",
    "hr.change_department",
    "hr.view_department",
    "hr.add_site",
    "hr.change_site",
    "hr.view_site",
    "hr.add_talentdeveloper",
    "hr.change_talentdeveloper",
    "hr.view_talentdeveloper",
    "hr.add_contract",
    "hr.change_contract",
    "hr.view_contract",
    "hr.add_salaryrecord",
    "hr.change_salaryrecord",
    "hr.view_salaryrecord",
    "hr.view_smicrate",
    "hr.view_paybenchmark",
    "hr.view_indexpointvalue",
    "hr.view_doctoralminimumpay",
    "hr.view_importjob",
]
