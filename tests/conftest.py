import pytest
from django.conf import settings
from django.core.cache import cache

from imtsocial.accounts.roles import GROUP_ROLES, Role
from tests.factories import EmployeeFactory, TalentDeveloperFactory, UserFactory

ALL_ROLES = list(Role)


@pytest.fixture(autouse=True)
def _french():
    """Each test starts in French, the default (a request in English leaves its language
    active in the thread)."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate-limit counters of allauth live in the (Redis) cache: start each test clean.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_user(db):
    """``make_user(Role.HR, Role.EMPLOYEE)`` → a login holding those roles.

    Every role but ``None`` comes with an employee record (HR staff are staff too);
    ``make_user()`` gives a login with no role at all.
    """

    def make(*roles: Role, **employee_fields):
        user = UserFactory(roles=[r for r in roles if r in GROUP_ROLES])
        if roles:
            employee = EmployeeFactory(user=user, **employee_fields)
            if Role.MANAGER in roles:
                EmployeeFactory(manager=employee, department=employee.department)
            if Role.TALENT_DEVELOPER in roles:
                TalentDeveloperFactory(employee=employee)
        return user

    return make


@pytest.fixture
def user_with_role(make_user):
    """One login per role, keyed by role; ``None`` is the login without role."""

    def get(role):
        return make_user() if role is None else make_user(role)

    return get


@pytest.fixture
def celery_app():
    """The project's real Celery app, on the Redis broker started by ./scripts/test.

    Overrides the fixture of ``celery.contrib.pytest`` so that its ``celery_worker``
    runs our tasks with our settings (late ack, prefetch 1, retries). Tests using
    the worker also ask for ``transactional_db``: the worker thread must see
    committed rows.
    """
    import celery.contrib.testing.tasks  # noqa: F401 - registers the ping of the worker check

    from imtsocial.celery import app

    if not settings.REDIS_URL or app.conf.task_always_eager:
        pytest.fail("This test needs Redis: run it through ./scripts/test (REDIS_URL).")
    app.set_current()
    app.control.purge()  # messages queued by earlier tests that ran without a worker
    return app


_MIGRATED_CONTENTS: list[str] = []


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as the migrations wrote it (reference data, groups…), serialized
    once so that tests which commit for real can start from it again."""
    from django.db import connection

    with django_db_blocker.unblock():
        _MIGRATED_CONTENTS.append(connection.creation.serialize_db_to_string())


def _is_transactional(node, fixturenames) -> bool:
    marker = node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    return bool({"transactional_db", "live_server"} & set(fixturenames))


def _restore_migrated_contents() -> None:
    """Empty tables (a transactional test's flush) get the migrated contents back."""
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection

    from imtsocial.refdata.models import Parameter

    if Parameter.objects.exists() or not _MIGRATED_CONTENTS:
        return
    # the flush's post_migrate signal re-created the groups: start from empty tables
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(_MIGRATED_CONTENTS[0])
    # the restored rows keep their ids: sequences continue after them
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(sql)


@pytest.fixture(autouse=True)
def _migrated_data_for_transactional_tests(request):
    """A transactional test's flush empties every table: tests that commit for real
    (browser journeys, the worker) get the migrated contents back before they start."""
    if not _is_transactional(request.node, request.fixturenames):
        return
    request.getfixturevalue("_django_db_helper")
    _restore_migrated_contents()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """…and the tests after them find those contents too. Run alone, pytest-django puts
    the transactional tests last; under pytest-xdist a worker receives them among the
    others, so the flush at their end is undone at once."""
    yield
    if not _is_transactional(item, getattr(item, "fixturenames", ())):
        return
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        _restore_migrated_contents()


def tasks_queued(callbacks) -> list:
    """The on-commit callbacks that queue a task (not the cache versions of
    ``imtsocial.memo``, which move on after every commit that writes their tables)."""
    from imtsocial.memo import CachedReads

    return [c for c in callbacks if not isinstance(getattr(c, "__self__", None), CachedReads)]
