"""The salaries importer: matched on (the contract in force at the date, the date)."""

from django.db.models import F
from django.utils.translation import gettext_lazy
from import_export.fields import Field

from hr.models import Contract, Employee, SalaryRecord
from imtsocial.imports.files import cell_text
from imtsocial.imports.messages import coded
from imtsocial.imports.resources import (
    ImportResource,
    chunks,
    row_error,
)
from imtsocial.imports.widgets import (
    REQUIRED,
    AmountWidget,
    FrenchDateWidget,
    IntegerWidget,
    TextWidget,
)

SALARY_COLUMNS = ("matricule", "date_effet", "brut_mensuel", "indice_majore")


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

    class Meta(ImportResource.Meta):
        model = SalaryRecord
        fields = SALARY_COLUMNS
        import_order = SALARY_COLUMNS
        import_id_fields = ("matricule", "date_effet")

    def before_import(self, dataset, **kwargs):
        numbers = {cell_text(v) for v in dataset["matricule"]} - {""}
        self.contracts_of: dict[str, list[Contract]] = {}
        for chunk in chunks(numbers):
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
        for chunk in chunks(contract_ids):
            for record in SalaryRecord.objects.in_effect().filter(contract_id__in=chunk):
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
                coded(
                    gettext_lazy("Agent inconnu : aucun agent n'a le matricule « %(value)s »."),
                    **{"value": number},
                )
            )
        try:
            at = self.fields["date_effet"].clean(row)
        except ValueError:
            return None
        for contract in contracts:
            if contract.start <= at and (contract.end is None or contract.end >= at):
                return contract
        raise LookupError(
            coded(
                gettext_lazy("Aucun contrat de l'agent %(number)s n'est en vigueur le %(date)s."),
                **{"number": number, "date": at.strftime("%d/%m/%Y")},
            )
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
            errors.setdefault("contract", []).append(row_error(exc))
            return
        except LookupError as exc:
            errors.setdefault("contract", []).append(row_error(exc, column="date_effet"))
            return
        if contract is None:
            return
        instance.contract = contract
        number, at = cell_text(row.get("matricule")), instance.effective_date
        self.duplicate(
            (contract.pk, at),
            errors,
            field_name="effective_date",
            message=lambda first: coded(
                gettext_lazy(
                    "Le salaire de l'agent %(number)s au %(date)s figure déjà ligne %(line)s."
                ),
                **{"number": number, "date": at.strftime("%d/%m/%Y"), "line": first},
            ),
        )
