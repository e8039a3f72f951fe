from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from hr import perms, services
from hr.enums import ContractKind
from hr.filters import EmployeeFilterForm, TeamFilterForm
from hr.forms import ContractForm, EmployeeCreateForm, EmployeeForm
from hr.models import Contract, Employee, SalaryRecord
from hr.panels import panels_for
from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, employee_of
from imtsocial.audit.models import AuditEvent
from imtsocial.collation import by_name
from imtsocial.errors import DomainError
from imtsocial.exports import csv_response, xlsx_response
from imtsocial.formats import elide, money
from imtsocial.history import HistorySource, history_rows
from imtsocial.pagination import paginate

HISTORY_LIMIT = 50


def _salary_label(record) -> str:
    """« Salaire au 01/01/2024 : 4 250,75 € », « …, annulé » once cancelled."""
    values = {
        "date": record.effective_date.strftime("%d/%m/%Y"),
        "amount": money(record.gross_monthly),
    }
    if record.cancelled_at:
        return _("Salaire au %(date)s : %(amount)s, annulé") % values
    return _("Salaire au %(date)s : %(amount)s") % values


def _history(employee: Employee) -> list:
    """Who changed the file, its contracts and its salaries, newest first."""
    contract_label = _("Contrat du %(start)s")
    return history_rows(
        HistorySource(employee.history.all(), label=lambda record: _("Dossier")),
        HistorySource(
            Contract.history.filter(employee_id=employee.pk),
            label=lambda record: contract_label % {"start": record.start.strftime("%d/%m/%Y")},
        ),
        HistorySource(
            SalaryRecord.history.filter(contract__employee_id=employee.pk),
            label=_salary_label,
        ),
        limit=HISTORY_LIMIT,
    )


def _render_employee(request, employee: Employee, *, is_self: bool):
    user = request.user
    show_contracts = perms.can_view_contracts(user, employee)
    show_pay = perms.can_view_pay(user, employee)
    contracts = []
    if show_contracts:
        salaries = SalaryRecord.objects.order_by("-effective_date")
        records = Contract.objects.order_by("-start")
        if show_pay:
            records = records.prefetch_related(Prefetch("salaries", queryset=salaries))
        # In the employee's prefetch cache: the file's panels (the training account's
        # contract periods) read them without a query of their own.
        prefetch_related_objects([employee], Prefetch("contracts", queryset=records))
        contracts = list(employee.contracts.all())
    pay_history = (
        sorted(
            (record for contract in contracts for record in contract.salaries.all()),
            key=lambda record: record.effective_date,
            reverse=True,
        )
        if show_pay
        else None
    )
    today = timezone.localdate()
    context = {
        "employee": employee,
        "is_self": is_self,
        "can_edit": perms.can_edit_employee(user, employee),
        "can_edit_pay": perms.can_edit_pay(user, employee),
        "contracts": contracts if show_contracts else None,
        "current_contract": next(
            (c for c in contracts if c.start <= today and (c.end is None or c.end >= today)), None
        ),
        "pay_history": pay_history,
        # the history has a page of its own (three history tables read: only when asked)
        "can_view_history": perms.can_view_history(user, employee),
        "panels": panels_for(request, employee),
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
    if not is_self:  # a read by HR or the manager is journaled, pay shown or not
        AuditEvent.log_view(
            actor=request.user,
            obj=employee,
            subject=employee,
            with_pay=perms.can_view_pay(request.user, employee),
        )
    return _render_employee(request, employee, is_self=is_self)


@require_GET
def employee_history(request, pk):
    """Who changed the file, its contracts and its salaries (HR only: 404 for anyone
    else, as for a file they may not open). The read is journaled with the pay."""
    employee = perms.get_employee_for(request.user, pk)
    if not perms.can_view_history(request.user, employee):
        raise Http404
    AuditEvent.log_view(
        actor=request.user,
        obj=employee,
        subject=employee,
        with_pay=perms.can_view_pay(request.user, employee),
    )
    return render(
        request,
        "hr/employee_history.html",
        {"employee": employee, "history": _history(employee), "limit": HISTORY_LIMIT},
    )


@require_GET
@role_required(Role.MANAGER)
def team(request):
    """The manager's direct reports, searched by name or number (``hr_employee_name_idx``,
    the unique number) within the team (the indexed manager foreign key)."""
    manager = employee_of(request.user)
    form = TeamFilterForm(request.GET or None)
    reports = Employee.objects.active().filter(manager=manager)
    if form.is_valid() and (q := form.cleaned_data["q"].strip()):
        reports = reports.filter(
            Q(last_name__icontains=q) | Q(first_name__icontains=q) | Q(employee_number__iexact=q)
        )
    reports = (
        reports.with_current_contract().select_related("site", "department").order_by(*by_name())
    )
    return render(
        request,
        "hr/team.html",
        {
            "form": form,
            "page": paginate(request, reports),
            "contract_kinds": dict(ContractKind.choices),
        },
    )


SORTS = {
    "nom": by_name(),  # French order: « Éric » among the E
    "-nom": by_name(descending=True),
    "matricule": ("employee_number",),
    "-matricule": ("-employee_number",),
    "service": ("department__name", "last_name", "pk"),
    "-service": ("-department__name", "last_name", "pk"),
    "arrivee": ("hire_date", "pk"),
    "-arrivee": ("-hire_date", "-pk"),
}


def _filtered_employees(request):
    form = EmployeeFilterForm(request.GET or None)
    employees = Employee.objects.select_related("site", "department", "manager")
    at = timezone.localdate()
    status = "active"
    if form.is_valid():
        data = form.cleaned_data
        at = data.get("at") or at
        status = data.get("status") or "active"
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
        if data.get("ending_before"):
            employees = employees.filter(
                pk__in=Contract.objects.in_force(at)
                .filter(end__isnull=False, end__lte=data["ending_before"])
                .values("employee_id")
            )
        if data.get("contract_kind"):
            employees = employees.filter(
                pk__in=Contract.objects.in_force(at)
                .filter(kind=data["contract_kind"])
                .values("employee_id")
            )
    if status == "active":
        employees = employees.active(at)
    elif status == "left":
        employees = employees.exclude(pk__in=Employee.objects.active(at).values("pk"))
    sort = request.GET.get("tri", "nom")
    employees = employees.order_by(*SORTS.get(sort, SORTS["nom"]))
    return form, employees, sort


@require_GET
@role_required(Role.HR)
def employee_list(request):
    form, employees, sort = _filtered_employees(request)
    sort_links = {
        key: ("-" + key if sort == key else key)
        for key in ("nom", "matricule", "service", "arrivee")
    }
    return render(
        request,
        "hr/employee_list.html",
        {
            "form": form,
            "page": paginate(request, employees),
            "sort": sort,
            "sort_links": sort_links,
        },
    )


EXPORT_COLUMNS = [
    ("employee_number", gettext_lazy("Matricule")),
    ("last_name", gettext_lazy("Nom")),
    ("first_name", gettext_lazy("Prénom")),
    ("work_email", gettext_lazy("E-mail professionnel")),
    ("department__name", gettext_lazy("Service ou laboratoire")),
    ("site__name", gettext_lazy("Site")),
    ("manager__employee_number", gettext_lazy("Matricule du responsable")),
    ("hire_date", gettext_lazy("Date d'arrivée")),
    ("leave_date", gettext_lazy("Date de départ")),
    ("category", gettext_lazy("Catégorie")),
    ("job_title", gettext_lazy("Fonction")),
]


@require_GET
@role_required(Role.HR)
@reauthentication_required
def employee_export(request, fmt):
    """The filtered directory as CSV or XLSX (identity and assignment; never pay)."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _form, employees, _sort = _filtered_employees(request)
    rows = employees.values_list(*[field for field, _label in EXPORT_COLUMNS])
    header = [str(label) for _field, label in EXPORT_COLUMNS]
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    AuditEvent.log_export(
        actor=request.user,
        obj=request.user,
        detail=_("Annuaire du personnel (%(fmt)s) %(query)s")
        % {"fmt": fmt.upper(), "query": request.GET.urlencode()},
    )
    # through the kit's writer: a cell that a spreadsheet would run (« =HYPERLINK(…) ») is
    # neutralised, every XLSX cell is text
    rows = rows.iterator(chunk_size=2000)
    if fmt == "csv":
        return csv_response(f"personnel-{stamp}.csv", header, rows)
    return xlsx_response(f"personnel-{stamp}.xlsx", _("Personnel"), header, rows)


def _form_page(request, form, *, title, employee=None, cancel_url):
    return render(
        request,
        "hr/form.html",
        {"form": form, "title": title, "employee": employee, "cancel_url": cancel_url},
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.HR)
def employee_create(request):
    form = EmployeeCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        employee = services.employee_create(form=form, by=request.user)
        messages.success(
            request, elide(_("Le dossier de %(name)s est créé.") % {"name": employee}, employee)
        )
        return redirect(employee)
    return _form_page(
        request, form, title=_("Nouvel agent"), cancel_url=reverse("hr:employee_list")
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.HR)
def employee_edit(request, pk):
    employee = get_object_or_404(Employee.objects.select_related("manager"), pk=pk)
    form = EmployeeForm(request.POST or None, instance=employee)
    if request.method == "POST" and form.is_valid():
        try:
            services.employee_update(form=form, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Dossier enregistré."))
            return redirect(employee)
    return _form_page(
        request,
        form,
        title=elide(_("Modifier le dossier de %(name)s") % {"name": employee}, employee),
        employee=employee,
        cancel_url=employee.get_absolute_url(),
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.HR)
def contract_add(request, pk):
    employee = get_object_or_404(Employee, pk=pk)
    return _contract_form(request, employee, Contract(employee=employee))


@require_http_methods(["GET", "POST"])
def contract_edit(request, pk):
    contract = perms.get_contract_for_edit(request.user, pk)
    return _contract_form(request, contract.employee, contract)


def _contract_form(request, employee, contract):
    form = ContractForm(request.POST or None, instance=contract)
    if request.method == "POST" and form.is_valid():
        try:
            services.contract_save(form=form, employee=employee, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Contrat enregistré."))
            return redirect(employee)
    title = (
        _("Modifier un contrat de %(name)s") if contract.pk else _("Nouveau contrat pour %(name)s")
    ) % {"name": employee}
    return _form_page(
        request, form, title=title, employee=employee, cancel_url=employee.get_absolute_url()
    )
