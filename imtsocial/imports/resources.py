"""The base of every importer's django-import-export resource.

Every problem of every row is collected with its line (line 1 is the header, line 2
the first data row) and its column, in French; progress is noted in the cache every
``PROGRESS_EVERY`` rows for the page's progress bar. An importer subclasses
``ImportResource`` (``hr.imports.employees``, ``telework.imports``)::

    class AssetResource(ImportResource):
        tag = Field("tag", "inventaire", TextWidget(required=True))
        ...
        columns = ("inventaire", "serie", ...)
        other_column = "inventaire"

        class Meta(ImportResource.Meta):
            model = Asset
            fields = columns
            import_id_fields = ("tag",)

Bulk writes. A resource whose every rule is checked in Python (widgets, ``check_row``,
``check_constraints``, the records read once in ``before_import``) sets
``use_bulk = True`` in its ``Meta``: rows are then written ``batch_size`` at a time with
their history rows (``bulk_create_with_history``/``bulk_update_with_history``), and the
analysis (the dry run) writes nothing at all, not even inside a rolled-back transaction.
Model ``save()`` methods and ``post_save`` signals do not run on that path: the resource
does their work in ``before_bulk_write`` and ``after_bulk_write``. A database constraint
refusing a batch refuses the whole import (the line is then unknown); a resource whose
database rules are not all checked in Python keeps the row-by-row path (the default).
"""

from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from import_export import resources
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from imtsocial import memo
from imtsocial.imports.files import TimeLimitReached, check_deadline
from imtsocial.imports.messages import code_of

MAX_ERRORS_KEPT = 500
PROGRESS_EVERY = 200  # rows between two progress notes in the cache
PROGRESS_TIMEOUT = 24 * 3600


def progress_key(job_id: int) -> str:
    return f"imports:{job_id}:processed"


def progress_note(job_id: int, processed: int) -> None:
    cache.set(progress_key(job_id), processed, PROGRESS_TIMEOUT)


def chunks(values, size=5000):
    """``values`` by slices (an ``IN`` list of reasonable length per query)."""
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def constraint_message(model, name: str) -> str:
    constraint = next(c for c in model._meta.constraints if c.name == name)
    return str(constraint.get_violation_error_message())


def row_error(message, column=None) -> ValidationError:
    """A row error; ``column`` overrides the column deduced from the field."""
    return ValidationError(str(message), code=f"col:{column}" if column is not None else "invalid")


class ImportResource(resources.ModelResource):
    """What every import shares: lines, progress, history, French errors.

    A subclass declares its ``columns`` (in the file's order) and fields, the column of the
    errors that concern the whole row (``other_column``) and, in ``constraint_messages``,
    the French message of each database constraint that may refuse a row."""

    columns: tuple[str, ...] = ()
    constraint_messages: dict[str, str] = {}  # constraint name → French message
    other_column = ""  # column of the errors that concern the whole row
    extra_columns: dict[str, str] = {}  # model field → column, for the other names
    trusted_fields: tuple[str, ...] = ()  # foreign keys the widgets already resolved

    class Meta:
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        skip_html_diff = True
        use_transactions = True
        use_bulk = False  # True: see « Bulk writes » above
        batch_size = 1000

    @classmethod
    def extra_counts(cls, job) -> list[tuple]:
        """More lines of the preview's counts, ``(key, label, value)`` (none by default)."""
        return []

    def __init__(self, *, job=None, by=None, lines=None, problems=None, deadline=None):
        super().__init__()
        self.job, self.by, self.deadline = job, by, deadline
        self.lines = lines or []
        self.problems = problems or {}
        self.first_line_of: dict = {}
        self.logins = 0
        self.row_number = 0
        self._dry_run = False
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
            errors.setdefault(field_name, []).append(row_error(message(first)))
            self.skip_model_checks = True

    # import-export hooks
    def import_row(self, row, instance_loader, **kwargs):
        """A time limit stops the run, never becomes the error of one row."""
        from celery.exceptions import SoftTimeLimitExceeded

        check_deadline(self.deadline)
        row_result = super().import_row(row, instance_loader, **kwargs)
        for error in row_result.errors:
            if isinstance(error.error, SoftTimeLimitExceeded):
                raise TimeLimitReached from error.error
        return row_result

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
        for column, message in self.problems.get(self.line_of(self.row_number), []):
            errors.setdefault(NON_FIELD_ERRORS, []).append(row_error(message, column=column))
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

    @property
    def change_reason(self) -> str:
        return f"Import n° {self.job.pk}" if self.job is not None else ""

    def before_save_instance(self, instance, row, **kwargs):
        instance._history_user = self.by
        if self.job is not None:
            instance._change_reason = self.change_reason
        if not instance._state.adding and hasattr(instance, "version"):
            instance.version += 1  # forms opened before the import see it changed

    def after_import_row(self, row, row_result, **kwargs):
        if self.job is not None and self.row_number % PROGRESS_EVERY == 0:
            progress_note(self.job.pk, self.row_number)

    # bulk writes (``Meta.use_bulk``)
    def before_bulk_write(self, instances, *, created: bool):
        """Just before a batch is written (e.g. create the rows it points to)."""

    def after_bulk_write(self, instances, *, created: bool):
        """Just after a batch is written with its history (e.g. send the signals that
        ``save()`` would have sent)."""

    def bulk_fields(self) -> list[str]:
        """The columns an update writes: every concrete field (the instance was read
        whole in ``before_import`` and changed in memory)."""
        return [f.name for f in self._meta.model._meta.concrete_fields if not f.primary_key]

    def bulk_write(self, instances, *, created: bool, result, raise_errors):
        """Write one batch with its history; a dry run writes nothing."""
        if self._dry_run or not instances:
            return
        model = self._meta.model
        try:
            with transaction.atomic():  # a refused batch leaves the transaction usable
                self.before_bulk_write(instances, created=created)
                if created:
                    bulk_create_with_history(
                        instances,
                        model,
                        batch_size=self._meta.batch_size,
                        default_user=self.by,
                        default_change_reason=self.change_reason,
                    )
                else:
                    bulk_update_with_history(
                        instances,
                        model,
                        self.bulk_fields(),
                        batch_size=self._meta.batch_size,
                        default_user=self.by,
                        default_change_reason=self.change_reason,
                    )
                self.after_bulk_write(instances, created=created)
                memo.touch(model)  # no post_save on this path
        except Exception as exc:
            self.handle_import_error(result, exc, raise_errors)

    def import_data_inner(self, dataset, dry_run, *args, **kwargs):
        self._dry_run = dry_run
        return super().import_data_inner(dataset, dry_run, *args, **kwargs)

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        instances = list(self.create_instances)
        self.create_instances.clear()
        self.bulk_write(instances, created=True, result=result, raise_errors=raise_errors)

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        instances = list(self.update_instances)
        self.update_instances.clear()
        self.bulk_write(instances, created=False, result=result, raise_errors=raise_errors)

    # results
    def describe_exception(self, exc: Exception) -> str:
        if isinstance(exc, IntegrityError):
            for name, message in self.constraint_messages.items():
                if name in str(exc):
                    return str(message)
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
        for error in errors:  # the msgid and parameters, to translate it when shown
            error.update(code_of(error["message"]))
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
