"""The attendance-sheet importer (HR), run by the platform's import job (upload →
analysis in the worker → preview with every bad row → confirmation → one transaction).

Columns: ``session`` (the session number shown on its page), ``matricule``, ``heures``
(the hours really attended, French decimals; empty: the whole course; ``absent``). A row
only records the attendance of someone enrolled in that session (accepted, or already
recorded); it never enrols anybody."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.fields import Field

from hr.training.enums import ENROLMENT_FLOW, EnrolmentStatus
from hr.training.models import Enrolment
from imtsocial.accounts.roles import Role
from imtsocial.formats import parse_amount
from imtsocial.imports.registry import Importer, register
from imtsocial.imports.resources import ImportResource, row_error
from imtsocial.imports.widgets import TextWidget

COLUMNS = ("session", "matricule", "heures")
ABSENT = {"absent", "absente", "abs"}


class AttendanceResource(ImportResource):
    session = Field(None, "session", TextWidget(required=True))
    matricule = Field(None, "matricule", TextWidget(required=True))
    heures = Field(None, "heures", TextWidget(lower=True))

    columns = COLUMNS
    other_column = "matricule"

    class Meta(ImportResource.Meta):
        model = Enrolment
        fields = COLUMNS
        import_order = COLUMNS
        import_id_fields = ()

    def before_import(self, dataset, **kwargs):
        self.enrolments = {
            (str(e.session_id), e.employee.employee_number.lower()): e
            for e in Enrolment.objects.select_related("employee", "session__course").filter(
                status__in=sorted(ENROLMENT_FLOW.sources("record_attendance"))
            )
        }

    def get_instance(self, instance_loader, row):
        key = (
            str(row.get("session") or "").strip(),
            str(row.get("matricule") or "").strip().lower(),
        )
        return self.enrolments.get(key)

    def init_instance(self, row=None):
        return Enrolment()  # reported as « not enrolled » by ``check_row``

    def check_row(self, instance, row, errors):
        if instance.pk is None:
            errors.setdefault("matricule", []).append(
                row_error(_("Cet agent n'est pas inscrit (inscription acceptée) à cette session."))
            )
            self.skip_model_checks = True
            return
        key = (str(instance.session_id), instance.employee.employee_number.lower())
        self.duplicate(
            key,
            errors,
            field_name="matricule",
            message=lambda first: (
                _("Cet agent figure déjà ligne %(line)s pour cette session.") % {"line": first}
            ),
        )
        text = str(row.get("heures") or "").strip().lower()
        course_hours = instance.session.course.hours
        if text in ABSENT:
            self._record(instance, EnrolmentStatus.ABSENT, None)
            return
        hours = course_hours if not text else parse_amount(text)
        if hours is None or not (Decimal(0) < hours <= course_hours):
            errors.setdefault("heures", []).append(
                row_error(
                    _("Heures invalides : « %(value)s » (entre 0 et %(max)s, ou « absent »).")
                    % {"value": text, "max": f"{course_hours.normalize():f}".replace(".", ",")},
                    column="heures",
                )
            )
            return
        self._record(instance, EnrolmentStatus.ATTENDED, hours)

    def _record(self, instance, status, hours):
        """Write the row only when it changes the attendance (a file imported twice
        reports every row unchanged)."""
        if (instance.status, instance.attended_hours) != (status, hours):
            instance.status, instance.attended_hours = status, hours
            instance.version += 1
            self.force_write = True


def register_importers():
    register(
        Importer(
            key="training.attendance",
            label=gettext_lazy("Feuilles de présence des formations"),
            owner=Role.HR,
            resource=AttendanceResource,
            samples=["presences.csv"],
            help_text=gettext_lazy(
                "Une ligne par agent inscrit : numéro de la session (sur sa page), matricule, "
                "heures suivies (vide : la durée complète ; « absent »)."
            ),
        )
    )
