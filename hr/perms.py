"""Who may do what in hr/. Used by views, templates and services alike."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from hr.models import Employee
from imtsocial.accounts.roles import Role, employee_of, has_role


def can_access_directory(user) -> bool:
    return has_role(user, Role.HR)


def can_view_employee(user, employee: Employee) -> bool:
    """The person themself, their direct manager and HR see an employee's file."""
    if has_role(user, Role.HR):
        return True
    own = employee_of(user)
    if own is None:
        return False
    return employee.pk == own.pk or employee.manager_id == own.pk


def can_edit_employee(user, employee: Employee) -> bool:
    return has_role(user, Role.HR)


def can_view_history(user, employee: Employee) -> bool:
    return has_role(user, Role.HR)


def employees_visible_to(user):
    """The employees whose file ``user`` may open (``can_view_employee`` as a queryset)."""
    if has_role(user, Role.HR):
        return Employee.objects.all()
    own = employee_of(user)
    if own is None:
        return Employee.objects.none()
    return Employee.objects.filter(Q(pk=own.pk) | Q(manager_id=own.pk))


def get_employee_for(user, pk) -> Employee:
    """One scoped fetch: 404 for an employee ``user`` may not see."""
    return get_object_or_404(
        employees_visible_to(user).select_related("site", "department", "manager"), pk=pk
    )
