"""Every HR view, for each kind of visitor: anonymous, employee, manager (of the
employee concerned), HR, director. 200 allowed, 403 wrong role, 404 someone else's
object, 302 to the login page for anonymous visitors."""

from datetime import date

import pytest
from django.urls import reverse

from imtsocial.accounts.roles import Role
from tests.factories import ContractFactory, EmployeeFactory, SalaryRecordFactory

pytestmark = pytest.mark.django_db

ANON, EMPLOYEE, MANAGER, HR, DIRECTOR = "anonymous", "employee", "manager", "hr", "director"

# url name → (needs the target's pk / its contract's pk, expected status per visitor)
MATRIX = {
    "hr:my_file": (None, {ANON: 302, EMPLOYEE: 200, MANAGER: 200, HR: 200, DIRECTOR: 200}),
    "hr:team": (None, {ANON: 302, EMPLOYEE: 403, MANAGER: 200, HR: 403, DIRECTOR: 200}),
    "hr:employee_list": (None, {ANON: 302, EMPLOYEE: 403, MANAGER: 403, HR: 200, DIRECTOR: 403}),
    "hr:employee_create": (None, {ANON: 302, EMPLOYEE: 403, MANAGER: 403, HR: 200, DIRECTOR: 403}),
    "hr:employee_detail": (
        "employee",
        {ANON: 302, EMPLOYEE: 404, MANAGER: 200, HR: 200, DIRECTOR: 404},
    ),
    # the history: HR only; the manager may open the file, not its history
    "hr:employee_history": (
        "employee",
        {ANON: 302, EMPLOYEE: 404, MANAGER: 404, HR: 200, DIRECTOR: 404},
    ),
    "hr:employee_edit": (
        "employee",
        {ANON: 302, EMPLOYEE: 403, MANAGER: 403, HR: 200, DIRECTOR: 403},
    ),
    "hr:contract_add": (
        "employee",
        {ANON: 302, EMPLOYEE: 403, MANAGER: 403, HR: 200, DIRECTOR: 403},
    ),
    "hr:contract_edit": (
        "contract",
        {ANON: 302, EMPLOYEE: 404, MANAGER: 404, HR: 200, DIRECTOR: 404},
    ),
    # HR is first asked for the password again (302 to the re-authentication page).
    "hr:salary_add": ("contract", {ANON: 302, EMPLOYEE: 403, MANAGER: 403, HR: 302, DIRECTOR: 403}),
    "hr:salary_edit": ("salary", {ANON: 302, EMPLOYEE: 403, MANAGER: 403, HR: 302, DIRECTOR: 403}),
    "hr:salary_cancel": (
        "salary",
        {ANON: 302, EMPLOYEE: 403, MANAGER: 403, HR: 302, DIRECTOR: 403},
    ),
    "hr:statistics": (None, {ANON: 302, EMPLOYEE: 403, MANAGER: 403, HR: 200, DIRECTOR: 200}),
    "hr:pay_alerts": (None, {ANON: 302, EMPLOYEE: 403, MANAGER: 403, HR: 200, DIRECTOR: 403}),
    "imports:list": (None, {ANON: 302, EMPLOYEE: 403, MANAGER: 403, HR: 200, DIRECTOR: 403}),
}


@pytest.fixture
def world(make_user):
    manager = make_user(Role.MANAGER)
    target = EmployeeFactory(manager=manager.employee)
    contract = ContractFactory(employee=target, kind="cdi", start=date(2019, 1, 1))
    visitors = {
        ANON: None,
        EMPLOYEE: make_user(Role.EMPLOYEE),
        MANAGER: manager,
        HR: make_user(Role.HR),
        DIRECTOR: make_user(Role.DIRECTOR, Role.MANAGER),
    }
    salary = SalaryRecordFactory(contract=contract)
    return {"employee": target, "contract": contract, "salary": salary}, visitors


def _cases():
    for url_name, (target, expected) in MATRIX.items():
        for visitor, status in expected.items():
            yield pytest.param(url_name, target, visitor, status, id=f"{url_name}-{visitor}")


@pytest.mark.parametrize(("url_name", "target", "visitor", "status"), list(_cases()))
def test_hr_permission_matrix(client, world, url_name, target, visitor, status):
    objects, visitors = world
    args = [objects[target].pk] if target else []
    if visitors[visitor] is not None:
        client.force_login(visitors[visitor])
    response = client.get(reverse(url_name, args=args))
    assert response.status_code == status
    if visitor == ANON:
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("visitor", [EMPLOYEE, MANAGER, DIRECTOR])
def test_salary_entry_is_refused_to_non_hr_even_after_reauthentication(client, world, visitor):
    from tests.factories import PASSWORD

    objects, visitors = world
    client.force_login(visitors[visitor])
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.get(reverse("hr:salary_add", args=[objects["contract"].pk]))
    assert response.status_code == 403
