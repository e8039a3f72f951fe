"""``manage.py bench_dataset``: the benchmark's large organisation, built by every app's
builder (imtsocial/datasets.py) — here at a small size, so that no builder rots."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hr.models import Employee
from imtsocial import datasets
from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role, roles_of


@pytest.mark.django_db
def test_the_dataset_gives_every_role_a_login_and_reports_each_builder(settings):
    settings.EMBEDDED = True
    out = StringIO()
    call_command("bench_dataset", employees=40, stdout=out)
    output = out.getvalue()
    # one line per registered builder, with its time, then the total
    for builder in datasets.builders:
        assert f"| {builder.__module__} |" in output
    assert "Total : " in output
    assert Employee.objects.filter(employee_number__startswith="BENCH-").count() == 40
    for role in Role:
        user = User.objects.get(email=datasets.bench_email(role))
        assert role in roles_of(user), role
    manager = User.objects.get(email=datasets.bench_email(Role.MANAGER)).employee
    employee = User.objects.get(email=datasets.bench_email(Role.EMPLOYEE)).employee
    assert employee.manager == manager
    # a second run keeps what is there
    again = StringIO()
    call_command("bench_dataset", employees=40, stdout=again)
    assert "déjà présent" in again.getvalue()
    assert Employee.objects.filter(employee_number__startswith="BENCH-").count() == 40


@pytest.mark.django_db
def test_the_dataset_is_refused_outside_the_embedded_mode_without_force(settings):
    settings.EMBEDDED = False
    with pytest.raises(CommandError, match="hors du mode embarqué"):
        call_command("bench_dataset", employees=40)
    assert not datasets.is_built()
