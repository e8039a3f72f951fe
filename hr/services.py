"""HR write services: the state check, the write, the history, the notification."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from hr.forms import ContractForm, EmployeeCreateForm, EmployeeForm, SalaryRecordForm
from hr.models import Contract, Employee, SalaryRecord
from imtsocial.accounts.models import User
from imtsocial.accounts.tasks import send_invitation
from imtsocial.audit.models import AuditEvent


class ConcurrentChangeError(Exception):
    """Someone saved the record after the form was opened."""


def _check_version(model, pk, expected) -> int:
    current = model.objects.select_for_update().values_list("version", flat=True).get(pk=pk)
    if expected is None or int(expected) != current:
        raise ConcurrentChangeError
    return current + 1


@transaction.atomic
def employee_update(*, form: EmployeeForm, by: User) -> Employee:
    employee = form.instance
    employee.version = _check_version(Employee, employee.pk, form.cleaned_data.get("version"))
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
    Employee.objects.select_for_update().filter(pk=employee.pk).first()
    contract = form.instance
    contract.employee = employee
    if contract.pk:
        contract.version = _check_version(Contract, contract.pk, form.cleaned_data.get("version"))
    contract.full_clean()  # again, under the lock
    contract._history_user = by
    try:
        with transaction.atomic():
            contract.save()
    except IntegrityError as exc:  # the PostgreSQL exclusion constraint, as a last guard
        raise ValidationError(_("Ce contrat chevauche un autre contrat du même agent.")) from exc
    return contract


@transaction.atomic
def salary_record_add(*, form: SalaryRecordForm, by: User) -> SalaryRecord:
    record = form.save(commit=False)
    record._history_user = by
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError as exc:
        raise ValidationError(_("Un salaire existe déjà à cette date pour ce contrat.")) from exc
    AuditEvent.log_change(
        actor=by,
        obj=record.contract.employee,
        subject=record.contract.employee.user,
        detail=_("Salaire ajouté au %(date)s")
        % {"date": record.effective_date.strftime("%d/%m/%Y")},
    )
    return record
