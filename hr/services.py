"""HR write services: the state check, the write, the history, the notification."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hr.forms import (
    ContractForm,
    EmployeeCreateForm,
    EmployeeForm,
    SalaryCorrectionForm,
    SalaryRecordForm,
)
from hr.models import Contract, Employee, SalaryRecord
from imtsocial.accounts.models import User
from imtsocial.accounts.tasks import send_invitation
from imtsocial.audit.models import AuditEvent
from imtsocial.errors import DomainError, full_clean
from imtsocial.locking import ANY, bump_version, lock


class HrError(DomainError):
    """A refused HR operation."""


@transaction.atomic
def employee_update(*, form: EmployeeForm, by: User) -> Employee:
    employee = form.instance
    bump_version(employee, version=form.cleaned_data.get("version"))
    employee._history_user = by
    return form.save()


@transaction.atomic
def employee_create(*, form: EmployeeCreateForm, by: User) -> Employee:
    employee = form.save(commit=False)
    employee._history_user = by
    if form.cleaned_data.get("create_login"):
        user = User.objects.create_user(
            employee.work_email, first_name=employee.first_name, last_name=employee.last_name
        )
        employee.user = user
        send_invitation.delay_on_commit(user.pk)
    employee.save()
    return employee


@transaction.atomic
def contract_save(*, form: ContractForm, employee: Employee, by: User) -> Contract:
    """Create or update a contract; the person's row is locked so that two HR agents
    adding contracts at once cannot both pass the overlap check."""
    lock(Employee, employee.pk)
    contract = form.instance
    contract.employee = employee
    if contract.pk:
        bump_version(contract, version=form.cleaned_data.get("version"))
    full_clean(contract)  # again, under the lock
    contract._history_user = by
    try:
        with transaction.atomic():
            contract.save()
    except IntegrityError as exc:  # the PostgreSQL exclusion constraint, as a last guard
        raise HrError(_("Ce contrat chevauche un autre contrat du même agent.")) from exc
    return contract


def _save_salary(record: SalaryRecord) -> None:
    """Save, turning the one-salary-per-date constraint into an error next to the date."""
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError as exc:
        raise HrError(
            _("Un salaire existe déjà à cette date pour ce contrat."), field="effective_date"
        ) from exc


@transaction.atomic
def salary_record_add(*, form: SalaryRecordForm, by: User) -> SalaryRecord:
    record = form.save(commit=False)
    record._history_user = by
    _save_salary(record)
    AuditEvent.log_change(
        actor=by,
        obj=record.contract.employee,
        subject=record.contract.employee.user,
        detail=_("Salaire ajouté au %(date)s")
        % {"date": record.effective_date.strftime("%d/%m/%Y")},
    )
    return record


def _locked_salary(record: SalaryRecord, *, version) -> SalaryRecord:
    """The record again, locked, its version checked and bumped (kit optimistic lock);
    refused if someone cancelled it meanwhile."""
    current = lock(SalaryRecord, record.pk, version=version)
    if current.is_cancelled:
        raise HrError(_("Ce salaire a été annulé entre-temps : il ne peut plus être modifié."))
    return current


@transaction.atomic
def salary_record_correct(*, form: SalaryCorrectionForm, by: User) -> SalaryRecord:
    """Correct a mistaken record; its history keeps the old values and the reason."""
    current = _locked_salary(form.instance, version=form.cleaned_data.get("version"))
    form.instance.version = current.version
    record = form.save(commit=False)
    record._history_user = by
    record._change_reason = form.cleaned_data["reason"]
    _save_salary(record)
    AuditEvent.log_change(
        actor=by,
        obj=record.contract.employee,
        subject=record.contract.employee.user,
        detail=_("Salaire au %(date)s corrigé")
        % {"date": record.effective_date.strftime("%d/%m/%Y")},
    )
    return record


@transaction.atomic
def salary_record_cancel(
    *, record: SalaryRecord, reason: str, by: User, version=ANY
) -> SalaryRecord:
    """Cancel a mistaken record: it stays in the file, marked cancelled, and no longer
    counts in pay statistics nor alerts (``SalaryRecord.objects.in_effect``)."""
    record = _locked_salary(record, version=version)
    record.cancelled_at = timezone.now()
    record.cancelled_by = by
    record.cancel_reason = reason
    record._history_user = by
    record._change_reason = reason
    record.save()
    employee = record.contract.employee
    AuditEvent.log_change(
        actor=by,
        obj=employee,
        subject=employee.user,
        detail=_("Salaire au %(date)s annulé")
        % {"date": record.effective_date.strftime("%d/%m/%Y")},
    )
    return record
