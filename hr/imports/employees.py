"""The employees importer: matched on the employee number; a new login (and its
set-your-password e-mail) for each person in post whose e-mail has none yet.

Rows are written in bulk (``Meta.use_bulk``): every rule is checked in Python from the
records read once in ``before_import``, the logins of a batch are created in one query
before it, the invitations are queued after the commit (``INVITATIONS_PER_TASK`` per
task), and a manager named in the file is linked once every row is in."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.fields import Field
from simple_history.utils import bulk_update_with_history

from hr.imports.widgets import CategoryWidget
from hr.models import Department, Employee, Site, manager_changed
from imtsocial.accounts.models import User
from imtsocial.accounts.tasks import send_invitations
from imtsocial.imports.files import cell_text
from imtsocial.imports.messages import coded
from imtsocial.imports.resources import (
    ImportResource,
    chunks,
    constraint_message,
    row_error,
)
from imtsocial.imports.widgets import CodeWidget, FrenchDateWidget, IdentifierWidget, TextWidget

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

INVITATIONS_PER_TASK = 200


class EmployeeResource(ImportResource):
    """Employees, matched on the employee number. New logins for new e-mails."""

    matricule = Field("employee_number", "matricule", IdentifierWidget("employee_number"))
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

    @classmethod
    def extra_counts(cls, job) -> list[tuple]:
        label = (
            _("Comptes de connexion créés (invitation envoyée)")
            if job.is_done
            else _("Comptes de connexion à créer (invitation par e-mail)")
        )
        return [("logins", label, (job.summary or {}).get("logins", 0))]

    class Meta(ImportResource.Meta):
        model = Employee
        fields = EMPLOYEE_COLUMNS
        import_order = EMPLOYEE_COLUMNS
        import_id_fields = ("matricule",)
        use_bulk = True

    def before_import(self, dataset, **kwargs):
        numbers = {cell_text(v) for v in dataset["matricule"]} - {""}
        emails = {cell_text(v).lower() for v in dataset["email"]} - {""}
        self.file_numbers = numbers
        self.db_numbers = dict(Employee.objects.values_list("employee_number", "pk"))
        self.existing = {}
        for chunk in chunks(numbers):
            self.existing |= {
                e.employee_number: e for e in Employee.objects.filter(employee_number__in=chunk)
            }
        self.login_of: dict[str, tuple[int, str | None]] = {}
        self.work_email_of: dict[str, set[str]] = {}
        for chunk in chunks(emails):
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
            raise ValueError(
                coded(gettext_lazy("Un agent ne peut pas être son propre responsable."))
            )
        elif value in self.db_numbers:
            instance.manager_id = self.db_numbers[value]
        elif value in self.file_numbers:
            # A manager new in this file (earlier or later row): linked once every row is in.
            self.deferred_managers[own] = value
            self.force_write = True
        else:
            raise ValueError(
                coded(
                    gettext_lazy(
                        "Responsable inconnu : aucun agent n'a le matricule « %(value)s », "
                        "ni dans la base ni dans ce fichier."
                    ),
                    value=value,
                )
            )

    def check_row(self, instance, row, errors):
        number = cell_text(row.get("matricule"))
        if number:
            self.duplicate(
                number,
                errors,
                field_name="employee_number",
                message=lambda first: coded(
                    gettext_lazy("Le matricule « %(number)s » figure déjà ligne %(line)s."),
                    **{"number": number, "line": first},
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
                coded(
                    gettext_lazy("L'adresse e-mail « %(email)s » figure déjà ligne %(line)s."),
                    **{"email": email, "line": first},
                )
            )
        others = sorted(self.work_email_of.get(email, set()) - {number})
        if others:
            problems.append(
                coded(
                    gettext_lazy(
                        "L'adresse e-mail « %(email)s » est déjà celle de l'agent "
                        "de matricule %(other)s."
                    ),
                    **{"email": email, "other": others[0]},
                )
            )
        login_pk, login_number = self.login_of.get(email, (None, None))
        if login_number and login_number != number:
            problems.append(
                coded(
                    gettext_lazy(
                        "L'adresse e-mail « %(email)s » est celle du compte de connexion "
                        "de l'agent de matricule %(other)s."
                    ),
                    **{"email": email, "other": login_number},
                )
            )
        if problems:
            errors.setdefault("work_email", []).extend(row_error(p) for p in problems)
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
            message = constraint_message(Employee, "hr_employee_leave_after_hire")
            errors.setdefault(NON_FIELD_ERRORS, []).append(row_error(message))

    def before_save_instance(self, instance, row, **kwargs):
        super().before_save_instance(instance, row, **kwargs)
        instance._pending_login = self.pending_login
        if self.pending_login:
            self.logins += 1

    def before_bulk_write(self, instances, *, created):
        """The new logins of the batch, in one query (no password: the invitation's link
        lets each person choose theirs)."""
        waiting = [i for i in instances if getattr(i, "_pending_login", None)]
        users = []
        for instance in waiting:
            user = User(
                email=instance._pending_login,
                first_name=instance.first_name,
                last_name=instance.last_name,
            )
            user.set_unusable_password()
            users.append(user)
        User.objects.bulk_create(users)
        for instance, user in zip(waiting, users, strict=True):
            instance.user = user
            instance._pending_login = None
        ids = [user.pk for user in users]
        for start in range(0, len(ids), INVITATIONS_PER_TASK):
            send_invitations.delay_on_commit(ids[start : start + INVITATIONS_PER_TASK])

    def after_bulk_write(self, instances, *, created):
        """What ``Employee.save()`` does: a changed manager moves the open interviews and
        coaching (a new record has neither, so only updates send the signal)."""
        for instance in instances:
            previous = getattr(instance, "_loaded_manager_id", None)
            if not created and instance.manager_id != previous:
                manager_changed.send(
                    sender=Employee, employee=instance, previous_manager_id=previous
                )
            instance._loaded_manager_id = instance.manager_id

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if not self.deferred_managers or self._dry_run:
            return
        wanted = set(self.deferred_managers) | set(self.deferred_managers.values())
        found = {}
        for chunk in chunks(wanted):
            found |= {
                e.employee_number: e for e in Employee.objects.filter(employee_number__in=chunk)
            }
        linked = []
        for number, manager_number in self.deferred_managers.items():
            employee, manager = found.get(number), found.get(manager_number)
            if employee is None or manager is None:  # a row in error: already reported
                continue
            employee.manager_id = manager.pk
            employee._history_user = self.by
            employee._change_reason = self.change_reason
            linked.append(employee)
        bulk_update_with_history(
            linked, Employee, ["manager"], batch_size=self._meta.batch_size, default_user=self.by
        )
        already_there = [e for e in linked if e.employee_number in self.db_numbers]
        self.after_bulk_write(already_there, created=False)
