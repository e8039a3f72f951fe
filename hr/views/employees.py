from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from hr import perms
from hr.filters import EmployeeFilterForm
from hr.models import Employee
from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, employee_of
from imtsocial.audit.models import AuditEvent
from imtsocial.pagination import paginate

HISTORY_LIMIT = 50


def _history_rows(employee: Employee) -> list[dict]:
    """Who changed what and when, newest first, in a constant number of queries."""
    records = list(
        employee.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : HISTORY_LIMIT + 1
        ]
    )
    rows = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        if len(rows) == HISTORY_LIMIT:
            break
        changes = []
        if older is not None and newer.history_type == "~":
            delta = newer.diff_against(older)
            for change in delta.changes:
                field = Employee._meta.get_field(change.field)
                changes.append({"field": field.verbose_name, "old": change.old, "new": change.new})
        rows.append({"record": newer, "changes": changes})
    return rows


def _render_employee(request, employee: Employee, *, is_self: bool):
    context = {
        "employee": employee,
        "is_self": is_self,
        "can_edit": perms.can_edit_employee(request.user, employee),
        "history": _history_rows(employee)
        if perms.can_view_history(request.user, employee)
        else None,
    }
    return render(request, "hr/employee_detail.html", context)


@require_GET
@role_required(Role.EMPLOYEE)
def my_file(request):
    return _render_employee(request, employee_of(request.user), is_self=True)


@require_GET
def employee_detail(request, pk):
    employee = perms.get_employee_for(request.user, pk)
    is_self = employee.user_id == request.user.pk
    if not is_self:
        AuditEvent.log_view(actor=request.user, obj=employee, subject=employee.user)
    return _render_employee(request, employee, is_self=is_self)


@require_GET
@role_required(Role.MANAGER)
def team(request):
    manager = employee_of(request.user)
    reports = (
        Employee.objects.active()
        .filter(manager=manager)
        .select_related("site", "department")
        .order_by("last_name", "first_name")
    )
    return render(request, "hr/team.html", {"page": paginate(request, reports)})


@require_GET
@role_required(Role.HR)
def employee_list(request):
    form = EmployeeFilterForm(request.GET or None)
    employees = Employee.objects.select_related("site", "department", "manager")
    if form.is_valid():
        data = form.cleaned_data
        if q := data.get("q"):
            employees = employees.filter(
                Q(last_name__icontains=q)
                | Q(first_name__icontains=q)
                | Q(employee_number__iexact=q)
            )
        if data.get("department"):
            employees = employees.filter(department=data["department"])
        if data.get("site"):
            employees = employees.filter(site=data["site"])
        status = data.get("status") or "active"
        at = data.get("at") or timezone.localdate()
        if status == "active":
            employees = employees.active(at)
        elif status == "left":
            employees = employees.exclude(pk__in=Employee.objects.active(at).values("pk"))
    else:
        employees = employees.active()
    employees = employees.order_by("last_name", "first_name", "pk")
    return render(
        request, "hr/employee_list.html", {"form": form, "page": paginate(request, employees)}
    )
