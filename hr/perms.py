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


def can_edit_pay(user, employee: Employee) -> bool:
    """HR enter, correct and cancel salaries — never their own (nobody sets their pay)."""
    if not has_role(user, Role.HR):
        return False
    own = employee_of(user)
    return employee.user_id != user.pk and (own is None or own.pk != employee.pk)


def _not_own_pay(user, queryset, employee_field: str):
    own = employee_of(user)
    queryset = queryset.exclude(**{f"{employee_field}__user_id": user.pk})
    return queryset.exclude(**{employee_field: own}) if own is not None else queryset


def get_contract_for_pay_edit(user, pk):
    """A contract whose salaries ``user`` may enter: HR, another person's; else 404."""
    from hr.models import Contract

    if not has_role(user, Role.HR):
        raise Http404
    contracts = _not_own_pay(user, Contract.objects.select_related("employee"), "employee")
    return get_object_or_404(contracts, pk=pk)


def get_salary_for_edit(user, pk):
    """A salary record in effect that ``user`` may correct or cancel (as above); else 404."""
    from hr.models import SalaryRecord

    if not has_role(user, Role.HR):
        raise Http404
    records = _not_own_pay(
        user,
        SalaryRecord.objects.in_effect().select_related("contract", "contract__employee"),
        "contract__employee",
    )
    return get_object_or_404(records, pk=pk)


# Roles that designate people in a form (person pickers): HR everywhere, IT for loans,
# prevention for its registers and appointments, a manager within their team.
PICKER_ROLES = (Role.HR, Role.IT, Role.PREVENTION, Role.MANAGER)


def can_pick_people(user) -> bool:
    return has_role(user, *PICKER_ROLES)


def employees_pickable_by(user):
    """The employees in post that ``user`` may find by name in a person picker: all of
    them for HR, IT and prevention, their direct reports for a manager, else none."""
    if has_role(user, Role.HR, Role.IT, Role.PREVENTION):
        return Employee.objects.active()
    own = employee_of(user)
    if own is None or not has_role(user, Role.MANAGER):
        return Employee.objects.none()
    return Employee.objects.active().filter(manager_id=own.pk)
