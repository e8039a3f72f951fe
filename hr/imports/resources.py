"""The django-import-export resources of the three HR imports.

Every problem of every row is collected with its line (line 1 is the header,
line 2 the first data row) and its column, in French.
"""

from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError
from django.db.models import F
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import resources
from import_export.fields import Field

from hr.enums import ImportKind
from hr.imports.widgets import (
    REQUIRED,
    AmountWidget,
    CategoryWidget,
    CodeWidget,
    ContractKindWidget,
    EmployeeNumberWidget,
    FrenchDateWidget,
    IntegerWidget,
    TextWidget,
    cell_text,
)
from hr.models import Contract, Department, Employee, SalaryRecord, Site
from imtsocial.accounts.models import User
from imtsocial.accounts.tasks import send_invitation

MAX_ERRORS_KEPT = 500
PROGRESS_EVERY = 200  # rows between two progress notes in the cache
PROGRESS_TIMEOUT = 24 * 3600

EMPLOYEE_COLUMNS = (
    "matricule",
    "nom",
    "prenom",
    "email",
    "site",
    "service",
    "responsable",
    "date_arrivee",
    "date_depart",
    "categorie",
    "corps",
    "grade",
    "fonction",
)
CONTRACT_COLUMNS = (
    "matricule",
    "nature",
    "debut",
    "fin",
    "quotite",
    "categorie",
    "grade",
    "signe_le",
)
SALARY_COLUMNS = ("matricule", "date_effet", "brut_mensuel", "indice_majore")
COLUMNS = {
    ImportKind.EMPLOYEES: EMPLOYEE_COLUMNS,
    ImportKind.CONTRACTS: CONTRACT_COLUMNS,
    ImportKind.SALARIES: SALARY_COLUMNS,
}


def progress_key(job_id: int) -> str:
    return f"hr:import:{job_id}:processed"


def progress_note(job_id: int, processed: int) -> None:
    cache.set(progress_key(job_id), processed, PROGRESS_TIMEOUT)


def _chunks(values, size=5000):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _constraint_message(model, name: str) -> str:
    constraint = next(c for c in model._meta.constraints if c.name == name)
    return str(constraint.get_violation_error_message())


def _error(message, column=None) -> ValidationError:
    """A row error; ``column`` overrides the column deduced from the field."""
    return ValidationError(str(message), code=f"col:{column}" if column is not None else "invalid")


class ImportResource(resources.ModelResource):
    """What the three imports share: lines, progress, history, French errors."""

    columns: tuple[str, ...] = ()
    other_column = ""  # column of the errors that concern the whole row
    extra_columns: dict[str, str] = {}  # model field → column, for the other names
    trusted_fields: tuple[str, ...] = ()  # foreign keys the widgets already resolved

    class Meta:
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        skip_html_diff = True
        use_transactions = True

    def __init__(self, *, job=None, by=None, lines=None, problems=None):
        super().__init__()
        self.job, self.by = job, by
        self.lines = lines or []
        self.problems = problems or {}
        self.first_line_of: dict = {}
        self.logins = 0
        self.row_number = 0
        self._reset_row()

    def _reset_row(self):
        self.force_write = False
        self.skip_model_checks = False
        self.pending_login = None

    # line numbers and columns
    def line_of(self, row_number: int) -> int:
        if 0 < row_number <= len(self.lines):
            return self.lines[row_number - 1]
        return row_number + 1

    def column_for(self, key: str) -> str:
        if key == NON_FIELD_ERRORS:
            return self.other_column
        for name, resource_field in self.fields.items():
            attribute = resource_field.attribute or ""
            if key in (attribute, attribute.removesuffix("_id"), name):
                return resource_field.column_name
        return self.extra_columns.get(key, self.other_column)

    def duplicate(self, key, errors, *, field_name, message):
        """Report the second and later rows with the same key.

        ``message`` is a function of the first line that has the key."""
        line = self.line_of(self.row_number)
        first = self.first_line_of.setdefault(key, line)
        if first != line:
            errors.setdefault(field_name, []).append(_error(message(first)))
            self.skip_model_checks = True

    # import-export hooks
    def before_import_row(self, row, **kwargs):
        self.row_number = kwargs.get("row_number", self.row_number + 1)
        self._reset_row()

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        self.check_row(instance, row, errors)
        for message in self.problems.get(self.line_of(self.row_number), []):
            errors.setdefault(NON_FIELD_ERRORS, []).append(_error(message, column=""))
        if errors:
            raise ValidationError(errors)

    def check_row(self, instance, row, errors):
        """Checks across columns or rows; add to ``errors``. Nothing by default."""

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if self.force_write:
            return False
        return super().skip_row(instance, original, row, import_validation_errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """``full_clean()`` (fields and the model's ``clean()``), then ``check_constraints``.

        Django checks unique fields and constraints with one SQL query each per
        row; the resources check the same rules in Python instead (records read
        once per import, duplicates inside the file), and the database
        constraints stay the last guard."""
        errors = dict(import_validation_errors or {})
        if not self.skip_model_checks:
            exclude = {key.removesuffix("_id") for key in errors} | set(self.trusted_fields)
            try:
                instance.full_clean(
                    exclude=exclude, validate_unique=False, validate_constraints=False
                )
            except ValidationError as exc:
                errors = exc.update_error_dict(errors)
            self.check_constraints(instance, errors)
        if errors:
            raise ValidationError(errors)

    def check_constraints(self, instance, errors):
        """The model constraints that widgets and ``clean()`` do not already check."""

    def before_save_instance(self, instance, row, **kwargs):
        instance._history_user = self.by
        if self.job is not None:
            instance._change_reason = f"Import n° {self.job.pk}"
        if not instance._state.adding and hasattr(instance, "version"):
            instance.version += 1  # forms opened before the import see it changed

    def after_import_row(self, row, row_result, **kwargs):
        if self.job is not None and self.row_number % PROGRESS_EVERY == 0:
            progress_note(self.job.pk, self.row_number)

    # results
    def describe_exception(self, exc: Exception) -> str:
        if isinstance(exc, IntegrityError):
            if "hr_contract_no_overlap" in str(exc):
                return _("Ce contrat chevauche un autre contrat du même agent.")
            return _("Ligne refusée par la base de données : %(detail)s") % {"detail": exc}
        return _("Erreur inattendue sur cette ligne : %(detail)s") % {"detail": exc}

    def summarise(self, result) -> dict:
        order = {column: index for index, column in enumerate(self.columns)}
        errors = []
        for invalid in result.invalid_rows:
            line = self.line_of(invalid.number)
            error = invalid.error
            if hasattr(error, "error_dict"):
                items = error.error_dict.items()
            else:
                items = [(NON_FIELD_ERRORS, error.error_list)]
            for key, field_errors in items:
                for field_error in field_errors:
                    code = field_error.code or ""
                    column = code[4:] if code.startswith("col:") else self.column_for(key)
                    errors.extend(
                        {"line": line, "column": column, "message": message}
                        for message in field_error
                    )
        for error_row in result.error_rows:
            line = self.line_of(error_row.number)
            errors.extend(
                {
                    "line": line,
                    "column": self.other_column,
                    "message": self.describe_exception(e.error),
                }
                for e in error_row.errors
            )
        for base in result.base_errors:
            errors.append(
                {"line": None, "column": "", "message": self.describe_exception(base.error)}
            )
        errors.sort(key=lambda e: (e["line"] or 0, order.get(e["column"], len(order))))
        totals = result.totals
        return {
            "total": result.total_rows,
            "new": totals["new"],
            "update": totals["update"],
            "skip": totals["skip"],
            "invalid": totals["invalid"] + totals["error"],
            "logins": self.logins,
            "errors": errors[:MAX_ERRORS_KEPT],
            "errors_total": len(errors),
        }


class EmployeeResource(ImportResource):
    """Employees, matched on the employee number. New logins for new e-mails."""

    matricule = Field("employee_number", "matricule", TextWidget(required=True))
    nom = Field("last_name", "nom", TextWidget(required=True))
    prenom = Field("first_name", "prenom", TextWidget(required=True))
    email = Field("work_email", "email", TextWidget(lower=True))
    site = Field(
        "site_id",
        "site",
        CodeWidget(Site, unknown_message=gettext_lazy("Site inconnu : « %(value)s ».")),
    )
    service = Field(
        "department_id",
        "service",
        CodeWidget(
            Department,
            unknown_message=gettext_lazy("Service ou laboratoire inconnu : « %(value)s »."),
        ),
    )
    responsable = Field("manager_id", "responsable", TextWidget())
    date_arrivee = Field("hire_date", "date_arrivee", FrenchDateWidget())
    date_depart = Field("leave_date", "date_depart", FrenchDateWidget())
    categorie = Field("category", "categorie", CategoryWidget())
    corps = Field("corps", "corps", TextWidget())
    grade = Field("grade", "grade", TextWidget())
    fonction = Field("job_title", "fonction", TextWidget())

    columns = EMPLOYEE_COLUMNS
    other_column = "date_depart"  # the only whole-row rule: leaving after joining
    extra_columns = {"user": "email"}
    trusted_fields = ("site", "department", "manager")

    class Meta:
        model = Employee
        fields = EMPLOYEE_COLUMNS
        import_order = EMPLOYEE_COLUMNS
        import_id_fields = ("matricule",)

    def before_import(self, dataset, **kwargs):
        numbers = {cell_text(v) for v in dataset["matricule"]} - {""}
        emails = {cell_text(v).lower() for v in dataset["email"]} - {""}
        self.file_numbers = numbers
        self.db_numbers = dict(Employee.objects.values_list("employee_number", "pk"))
        self.existing = {}
        for chunk in _chunks(numbers):
            self.existing |= {
                e.employee_number: e for e in Employee.objects.filter(employee_number__in=chunk)
            }
        self.login_of: dict[str, tuple[int, str | None]] = {}
        self.work_email_of: dict[str, set[str]] = {}
        for chunk in _chunks(emails):
            for email, pk, number in User.objects.filter(email__in=chunk).values_list(
                "email", "pk", "employee__employee_number"
            ):
                self.login_of[email.lower()] = (pk, number)
            owners = (
                Employee.objects.annotate(email=Lower("work_email"))
                .filter(email__in=chunk)
                .values_list("email", "employee_number")
            )
            for email, number in owners:
                self.work_email_of.setdefault(email, set()).add(number)
        self.deferred_managers: dict[str, str] = {}
        self.first_email_line: dict[str, int] = {}

    def get_instance(self, instance_loader, row):
        return self.existing.get(cell_text(row.get("matricule")))

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.column_name != "responsable":
            return super().import_field(field, instance, row, is_m2m, **kwargs)
        value, own = cell_text(row.get("responsable")), cell_text(row.get("matricule"))
        self.deferred_managers.pop(own, None)
        if not value:
            instance.manager_id = None
        elif value == own:
            raise ValueError(_("Un agent ne peut pas être son propre responsable."))
        elif value in self.db_numbers:
            instance.manager_id = self.db_numbers[value]
        elif value in self.file_numbers:
            # A manager on a later row of this file: linked once every row is in.
            self.deferred_managers[own] = value
            self.force_write = True
        else:
            raise ValueError(
                _(
                    "Responsable inconnu : aucun agent n'a le matricule « %(value)s », "
                    "ni dans la base ni dans ce fichier."
                )
                % {"value": value}
            )

    def check_row(self, instance, row, errors):
        number = cell_text(row.get("matricule"))
        if number:
            self.duplicate(
                number,
                errors,
                field_name="employee_number",
                message=lambda first: (
                    _("Le matricule « %(number)s » figure déjà ligne %(line)s.")
                    % {"number": number, "line": first}
                ),
            )
        email = instance.work_email if "work_email" not in errors else ""
        if email:
            self._check_email(instance, number, email, errors)

    def _check_email(self, instance, number, email, errors):
        line = self.line_of(self.row_number)
        first = self.first_email_line.setdefault(email, line)
        problems = []
        if first != line:
            problems.append(
                _("L'adresse e-mail « %(email)s » figure déjà ligne %(line)s.")
                % {"email": email, "line": first}
            )
        others = sorted(self.work_email_of.get(email, set()) - {number})
        if others:
            problems.append(
                _(
                    "L'adresse e-mail « %(email)s » est déjà celle de l'agent "
                    "de matricule %(other)s."
                )
                % {"email": email, "other": others[0]}
            )
        login_pk, login_number = self.login_of.get(email, (None, None))
        if login_number and login_number != number:
            problems.append(
                _(
                    "L'adresse e-mail « %(email)s » est celle du compte de connexion "
                    "de l'agent de matricule %(other)s."
                )
                % {"email": email, "other": login_number}
            )
        if problems:
            errors.setdefault("work_email", []).extend(_error(p) for p in problems)
            return
        if instance.user_id is not None:
            return
        if login_pk is not None:  # a login without staff record: link it
            instance.user_id = login_pk
            self.force_write = True
        elif instance.leave_date is None or instance.leave_date >= timezone.localdate():
            self.pending_login = email
            self.force_write = True

    def check_constraints(self, instance, errors):
        if {"hire_date", "leave_date"} & set(errors):
            return
        if instance.hire_date and instance.leave_date and instance.leave_date < instance.hire_date:
            message = _constraint_message(Employee, "hr_employee_leave_after_hire")
            errors.setdefault(NON_FIELD_ERRORS, []).append(_error(message))

    def after_save_instance(self, instance, row, **kwargs):
        # Later rows may name this person as their manager.
        self.db_numbers[instance.employee_number] = instance.pk

    def before_save_instance(self, instance, row, **kwargs):
        super().before_save_instance(instance, row, **kwargs)
        if self.pending_login:
            self.logins += 1
            if not kwargs.get("dry_run"):
                user = User.objects.create_user(
                    self.pending_login, first_name=instance.first_name, last_name=instance.last_name
                )
                instance.user = user
                send_invitation.delay_on_commit(user.pk)

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if not self.deferred_managers:
            return
        wanted = set(self.deferred_managers) | set(self.deferred_managers.values())
        found = {}
        for chunk in _chunks(wanted):
            found |= {
                e.employee_number: e for e in Employee.objects.filter(employee_number__in=chunk)
            }
        for number, manager_number in self.deferred_managers.items():
            employee, manager = found.get(number), found.get(manager_number)
            if employee is None or manager is None:  # a row in error: already reported
                continue
            employee.manager_id = manager.pk
            employee._history_user = self.by
            if self.job is not None:
                employee._change_reason = f"Import n° {self.job.pk}"
            employee.save(update_fields=["manager"])


class ContractResource(ImportResource):
    """Contracts, matched on (employee, start)."""

    matricule = Field("employee_id", "matricule", EmployeeNumberWidget())
    nature = Field("kind", "nature", ContractKindWidget())
    debut = Field("start", "debut", FrenchDateWidget(required=True))
    fin = Field("end", "fin", FrenchDateWidget())
    quotite = Field(
        "working_time_ratio",
        "quotite",
        IntegerWidget(
            default=100,
            minimum=10,
            maximum=100,
            range_message=gettext_lazy(
                "La quotité est comprise entre 10 et 100 %% (lu : « %(value)s »)."
            ),
        ),
    )
    categorie = Field("category", "categorie", CategoryWidget())
    grade = Field("grade", "grade", TextWidget())
    signe_le = Field("signed_on", "signe_le", FrenchDateWidget())

    columns = CONTRACT_COLUMNS
    other_column = "debut"  # overlaps
    trusted_fields = ("employee",)

    class Meta:
        model = Contract
        fields = CONTRACT_COLUMNS
        import_order = CONTRACT_COLUMNS
        import_id_fields = ("matricule", "debut")

    def before_import(self, dataset, **kwargs):
        numbers = {cell_text(v) for v in dataset["matricule"]} - {""}
        known = {}
        for chunk in _chunks(numbers):
            known |= dict(
                Employee.objects.filter(employee_number__in=chunk).values_list(
                    "employee_number", "pk"
                )
            )
        self.fields["matricule"].widget.known = known
        self.existing = {}
        for chunk in _chunks(known.values()):
            for contract in Contract.objects.filter(employee_id__in=chunk):
                self.existing[(contract.employee_id, contract.start)] = contract

    def get_instance(self, instance_loader, row):
        try:
            key = (self.fields["matricule"].clean(row), self.fields["debut"].clean(row))
        except ValueError:
            return None
        return self.existing.get(key)

    def check_row(self, instance, row, errors):
        number = cell_text(row.get("matricule"))
        if number and "start" not in errors:
            self.duplicate(
                (number, instance.start),
                errors,
                field_name="start",
                message=lambda first: (
                    _(
                        "Le contrat de l'agent %(number)s débutant le %(start)s figure déjà "
                        "ligne %(line)s."
                    )
                    % {
                        "number": number,
                        "start": instance.start.strftime("%d/%m/%Y"),
                        "line": first,
                    }
                ),
            )


class SalaryResource(ImportResource):
    """Salaries, matched on (contract in force at the date, effective date)."""

    matricule = Field("contract_id", "matricule", TextWidget(required=True))
    date_effet = Field("effective_date", "date_effet", FrenchDateWidget(required=True))
    brut_mensuel = Field("gross_monthly", "brut_mensuel", AmountWidget())
    indice_majore = Field(
        "index_majore",
        "indice_majore",
        IntegerWidget(
            minimum=1,
            range_message=gettext_lazy(
                "L'indice majoré est un entier positif (lu : « %(value)s »)."
            ),
        ),
    )

    columns = SALARY_COLUMNS
    other_column = "date_effet"
    extra_columns = {"contract": "matricule"}
    trusted_fields = ("contract",)

    class Meta:
        model = SalaryRecord
        fields = SALARY_COLUMNS
        import_order = SALARY_COLUMNS
        import_id_fields = ("matricule", "date_effet")

    def before_import(self, dataset, **kwargs):
        numbers = {cell_text(v) for v in dataset["matricule"]} - {""}
        self.contracts_of: dict[str, list[Contract]] = {}
        for chunk in _chunks(numbers):
            for number in Employee.objects.filter(employee_number__in=chunk).values_list(
                "employee_number", flat=True
            ):
                self.contracts_of[number] = []
            contracts = Contract.objects.filter(employee__employee_number__in=chunk).annotate(
                number=F("employee__employee_number")
            )
            for contract in contracts.order_by("start"):
                self.contracts_of[contract.number].append(contract)
        contract_ids = [c.pk for contracts in self.contracts_of.values() for c in contracts]
        self.existing = {}
        for chunk in _chunks(contract_ids):
            for record in SalaryRecord.objects.filter(contract_id__in=chunk):
                self.existing[(record.contract_id, record.effective_date)] = record

    def _contract(self, row) -> Contract | None:
        """The contract of the row's employee in force at its date.

        ValueError: no such employee; LookupError: no contract at that date;
        None: the date is unreadable (reported on its own column)."""
        number = cell_text(row.get("matricule"))
        if not number:
            raise ValueError(REQUIRED)
        contracts = self.contracts_of.get(number)
        if contracts is None:
            raise ValueError(
                _("Agent inconnu : aucun agent n'a le matricule « %(value)s ».") % {"value": number}
            )
        try:
            at = self.fields["date_effet"].clean(row)
        except ValueError:
            return None
        for contract in contracts:
            if contract.start <= at and (contract.end is None or contract.end >= at):
                return contract
        raise LookupError(
            _("Aucun contrat de l'agent %(number)s n'est en vigueur le %(date)s.")
            % {"number": number, "date": at.strftime("%d/%m/%Y")}
        )

    def get_instance(self, instance_loader, row):
        try:
            contract = self._contract(row)
        except (ValueError, LookupError):
            return None
        if contract is None:
            return None
        return self.existing.get((contract.pk, self.fields["date_effet"].clean(row)))

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.column_name == "matricule":
            return  # set with the date in check_row
        return super().import_field(field, instance, row, is_m2m, **kwargs)

    def check_row(self, instance, row, errors):
        try:
            contract = self._contract(row)
        except ValueError as exc:
            errors.setdefault("contract", []).append(_error(exc))
            return
        except LookupError as exc:
            errors.setdefault("contract", []).append(_error(exc, column="date_effet"))
            return
        if contract is None:
            return
        instance.contract = contract
        number, at = cell_text(row.get("matricule")), instance.effective_date
        self.duplicate(
            (contract.pk, at),
            errors,
            field_name="effective_date",
            message=lambda first: (
                _("Le salaire de l'agent %(number)s au %(date)s figure déjà ligne %(line)s.")
                % {"number": number, "date": at.strftime("%d/%m/%Y"), "line": first}
            ),
        )


RESOURCES = {
    ImportKind.EMPLOYEES: EmployeeResource,
    ImportKind.CONTRACTS: ContractResource,
    ImportKind.SALARIES: SalaryResource,
}
