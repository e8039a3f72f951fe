"""The contracts importer: matched on (employee, start)."""

from django.utils.translation import gettext_lazy
from import_export.fields import Field

from hr.imports.widgets import CategoryWidget, ContractKindWidget, EmployeeNumberWidget
from hr.models import Contract, Employee
from imtsocial.imports.files import cell_text
from imtsocial.imports.messages import coded
from imtsocial.imports.resources import (
    ImportResource,
    chunks,
)
from imtsocial.imports.widgets import FrenchDateWidget, IntegerWidget, TextWidget

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
    constraint_messages = {
        "hr_contract_no_overlap": gettext_lazy(
            "Ce contrat chevauche un autre contrat du même agent."
        )
    }
    trusted_fields = ("employee",)

    class Meta(ImportResource.Meta):
        model = Contract
        fields = CONTRACT_COLUMNS
        import_order = CONTRACT_COLUMNS
        import_id_fields = ("matricule", "debut")

    def before_import(self, dataset, **kwargs):
        numbers = {cell_text(v) for v in dataset["matricule"]} - {""}
        known = {}
        for chunk in chunks(numbers):
            known |= dict(
                Employee.objects.filter(employee_number__in=chunk).values_list(
                    "employee_number", "pk"
                )
            )
        self.fields["matricule"].widget.known = known
        self.existing = {}
        for chunk in chunks(known.values()):
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
                message=lambda first: coded(
                    gettext_lazy(
                        "Le contrat de l'agent %(number)s débutant le %(start)s figure déjà "
                        "ligne %(line)s."
                    ),
                    **{
                        "number": number,
                        "start": instance.start.strftime("%d/%m/%Y"),
                        "line": first,
                    },
                ),
            )
