from types import SimpleNamespace

import pytest
from django.db import transaction

from imtsocial.accounts.roles import Role
from tests.factories import DepartmentFactory, EmployeeFactory
from tests.safety.factories import (
    PreventionAdvisorFactory,
    RatingMethodFactory,
    RiskEntryFactory,
    WorkUnitFactory,
)


class _Inline:
    """Stands for a notification task: runs it in-process once the transaction commits."""

    def __init__(self, task):
        self.task = task

    def delay_on_commit(self, *args):
        transaction.on_commit(lambda: self.task(*args))


@pytest.fixture(autouse=True)
def rating_method(db):
    return RatingMethodFactory()


@pytest.fixture
def inline_notifications(monkeypatch):
    from safety.registers import tasks

    for name in ("notify_rsst", "notify_dgi", "notify_accident"):
        monkeypatch.setattr(tasks, name, _Inline(getattr(tasks, name)))


@pytest.fixture
def world(make_user):
    """A department headed by ``head``; ``manager`` manages ``author`` and ``colleague``;
    ``agent`` is the prevention agent of ``unit`` (of that department), ``other_agent``
    of another unit; ``advisor`` is the prevention advisor."""
    department = DepartmentFactory()
    head = make_user(Role.EMPLOYEE, department=department)
    department.head = head.employee
    department.save()
    manager = make_user(Role.EMPLOYEE, department=department, manager=head.employee)
    author = make_user(Role.EMPLOYEE, department=department, manager=manager.employee)
    colleague = make_user(Role.EMPLOYEE, department=department, manager=manager.employee)
    agent = make_user(Role.PREVENTION)
    other_agent = make_user(Role.PREVENTION)
    advisor = make_user(Role.PREVENTION)
    PreventionAdvisorFactory(user=advisor)
    unit = WorkUnitFactory(department=department, agents=[agent])
    other_unit = WorkUnitFactory(agents=[other_agent])
    risk = RiskEntryFactory(work_unit=unit)
    outsider = make_user(Role.EMPLOYEE, manager=EmployeeFactory())
    return SimpleNamespace(
        department=department,
        head=head,
        manager=manager,
        author=author,
        colleague=colleague,
        agent=agent,
        other_agent=other_agent,
        advisor=advisor,
        unit=unit,
        other_unit=other_unit,
        risk=risk,
        outsider=outsider,
        hr=make_user(Role.HR),
        director=make_user(Role.DIRECTOR),
        nobody=make_user(),
    )
