"""The training panel of the employee file: the person's CPF counter, for the person and
HR (registered in ``hr.panels.file_panels``)."""

from django.utils import timezone

from hr.training import cpf
from imtsocial.accounts.roles import Role, employee_of, has_role


def cpf_panel(request, employee) -> dict | None:
    own = employee_of(request.user)
    if not (has_role(request.user, Role.HR) or (own is not None and own.pk == employee.pk)):
        return None
    balance, years = cpf.cpf_balance(employee, at=timezone.localdate())
    return {"template": "training/components/cpf_panel.html", "balance": balance, "years": years}
