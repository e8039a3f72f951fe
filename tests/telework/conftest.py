import pytest
from django.db import transaction


class _Inline:
    """Stands for the notification task: runs it in-process once the transaction commits."""

    def __init__(self, task):
        self.task = task

    def delay_on_commit(self, *args):
        transaction.on_commit(lambda: self.task(*args))


@pytest.fixture
def inline_notifications(monkeypatch):
    import telework.tasks

    monkeypatch.setattr(
        telework.tasks,
        "notify_telework_request",
        _Inline(telework.tasks.notify_telework_request),
    )
