"""hr's importers: employees, contracts and salaries from a CSV or XLSX file, run by the
platform's import job (``imtsocial.imports``: upload → analysis in the worker → preview →
confirmation → one transaction). Registered in ``HrConfig.ready``.

- ``employees``, ``contracts``, ``salaries``: one django-import-export resource each;
- ``widgets``: hr's cells (categories, contract kinds, employee numbers).
"""

from django.utils.translation import gettext_lazy as _

from hr.enums import ImportKind
from hr.imports.contracts import CONTRACT_COLUMNS, ContractResource
from hr.imports.employees import EMPLOYEE_COLUMNS, EmployeeResource
from hr.imports.salaries import SALARY_COLUMNS, SalaryResource
from imtsocial.accounts.roles import Role
from imtsocial.imports.registry import Importer, register

__all__ = [
    "CONTRACT_COLUMNS",
    "EMPLOYEE_COLUMNS",
    "SALARY_COLUMNS",
    "ContractResource",
    "EmployeeResource",
    "SalaryResource",
    "register_importers",
]


def register_importers():
    register(
        Importer(
            key=ImportKind.EMPLOYEES,
            label=_("Agents"),
            owner=Role.HR,
            resource=EmployeeResource,
            samples=["employes.csv", "employes.xlsx"],
            help_text=_(
                "Les agents sont reconnus par leur matricule. Un compte de connexion est créé "
                "pour chaque agent en poste dont l'e-mail n'a pas encore de compte : il reçoit "
                "un e-mail pour choisir son mot de passe."
            ),
        )
    )
    register(
        Importer(
            key=ImportKind.CONTRACTS,
            label=_("Contrats"),
            owner=Role.HR,
            resource=ContractResource,
            samples=["contrats.csv"],
            help_text=_("Les contrats sont reconnus par le matricule et la date de début."),
        )
    )
    register(
        Importer(
            key=ImportKind.SALARIES,
            label=_("Salaires"),
            owner=Role.HR,
            resource=SalaryResource,
            samples=["salaires.csv"],
            help_text=_("Les salaires sont reconnus par le contrat en vigueur à la date d'effet."),
        )
    )
