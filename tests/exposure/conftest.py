import pytest
from django.db import transaction

from safety.exposure import tasks


@pytest.fixture(autouse=True)
def _notify_on_commit(monkeypatch):
    """The over-limit e-mail runs in the test process when the transaction commits (no
    worker): ``django_capture_on_commit_callbacks(execute=True)`` sends it."""
    monkeypatch.setattr(
        tasks.notify_over_limit,
        "delay_on_commit",
        lambda pk: transaction.on_commit(lambda: tasks.notify_over_limit(pk)),
    )


@pytest.fixture
def make_agent(make_user):
    """A prevention agent; ``advisor=True``: the prevention advisor."""
    from imtsocial.accounts.roles import Role
    from tests.safety.factories import PreventionAdvisorFactory

    def make(*, advisor=False, **employee_fields):
        user = make_user(Role.PREVENTION, **employee_fields)
        if advisor:
            PreventionAdvisorFactory(user=user)
        return user

    return make
