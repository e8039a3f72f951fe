"""HR enters, corrects and cancels salaries — never their own (``perms.can_edit_pay``).

Each screen asks for the password again (salary edits are sensitive); an implausible
amount comes back for confirmation (``SalaryRecordForm``); every change is in the
file's history and the audit journal."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hr import perms, services
from hr.forms import SalaryCancelForm, SalaryCorrectionForm, SalaryRecordForm
from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role
from imtsocial.audit.models import AuditEvent
from imtsocial.errors import DomainError


def _journal_salary_read(request, record, employee) -> None:
    """The correction and cancellation screens show the amount: opening one is a read of
    another person's pay (never one's own: ``perms.get_salary_for_edit``), journaled."""
    if request.method == "GET":
        AuditEvent.log_view(actor=request.user, obj=record, subject=employee, with_pay=True)


def _form_page(request, form, *, title, employee):
    return render(
        request,
        "hr/form.html",
        {
            "form": form,
            "title": title,
            "employee": employee,
            "cancel_url": employee.get_absolute_url(),
        },
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.HR)  # before the password prompt: others are not asked for it
@reauthentication_required
def salary_add(request, pk):
    contract = perms.get_contract_for_pay_edit(request.user, pk)
    form = SalaryRecordForm(request.POST or None, contract=contract)
    if request.method == "POST" and form.is_valid():
        try:
            services.salary_record_add(form=form, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Salaire enregistré."))
            return redirect(contract.employee)
    return _form_page(
        request,
        form,
        title=_("Nouveau salaire – %(contract)s") % {"contract": contract},
        employee=contract.employee,
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.HR)
@reauthentication_required
def salary_edit(request, pk):
    record = perms.get_salary_for_edit(request.user, pk)
    employee = record.contract.employee
    _journal_salary_read(request, record, employee)
    form = SalaryCorrectionForm(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        try:
            services.salary_record_correct(form=form, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Salaire corrigé."))
            return redirect(employee)
    return _form_page(
        request,
        form,
        title=_("Corriger le salaire au %(date)s – %(name)s")
        % {"date": record.effective_date.strftime("%d/%m/%Y"), "name": employee},
        employee=employee,
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.HR)
@reauthentication_required
def salary_cancel(request, pk):
    record = perms.get_salary_for_edit(request.user, pk)
    employee = record.contract.employee
    _journal_salary_read(request, record, employee)
    form = SalaryCancelForm(request.POST or None, initial={"version": record.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.salary_record_cancel(
                record=record,
                reason=form.cleaned_data["reason"],
                by=request.user,
                version=form.cleaned_data.get("version"),
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Salaire annulé : il ne compte plus dans les calculs."))
            return redirect(employee)
    return render(
        request,
        "hr/salary_cancel.html",
        {"form": form, "record": record, "employee": employee},
    )
