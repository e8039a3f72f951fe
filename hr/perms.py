"""Who may do what in hr/. Used by views, templates and services alike."""

from django.db.models import Q
from django.http import Http404
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


def can_view_contracts(user, employee: Employee) -> bool:
    """Contracts: the person, their direct manager and HR."""
    return can_view_employee(user, employee)


def can_view_pay(user, employee: Employee) -> bool:
    """Pay is confidential: the person and HR only — never the manager nor the director."""
    if has_role(user, Role.HR):
        return True
    own = employee_of(user)
    return own is not None and own.pk == employee.pk


def can_export_directory(user) -> bool:
    return has_role(user, Role.HR)


def get_contract_for_edit(user, pk):
    """HR only; 404 for everyone else (even the contract's holder)."""
    from hr.models import Contract

    if not has_role(user, Role.HR):
        raise Http404
    return get_object_or_404(Contract.objects.select_related("employee"), pk=pk)
