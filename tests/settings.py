"""Test settings: the real settings, with what a test run over plain HTTP needs.

The services come from the environment set by ./scripts/test (DATABASE_URL for
PostgreSQL, REDIS_URL for Redis).
"""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

# Under ``pytest -n`` (pytest-xdist) each worker has its own test database (pytest-django
# names it after the worker) and, here, its own Redis database: the cache a test clears,
# the broker a Celery worker reads and the rate-limit counters are the worker's alone.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if WORKER and os.environ.get("REDIS_URL", "").strip():
    # from the URL the run started with (a subprocess of a worker inherits the shifted one)
    _redis = urlsplit(os.environ.setdefault("IMTSOCIAL_TESTS_REDIS_URL", os.environ["REDIS_URL"]))
    _db = int(_redis.path.strip("/") or 0) + 1 + int(WORKER.removeprefix("gw"))
    os.environ["REDIS_URL"] = urlunsplit(_redis._replace(path=f"/{_db}"))

os.environ.setdefault(
    "DJANGO_SECRET_KEY", "tests-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
)
os.environ.setdefault("STATIC_USE_FINDERS", "1")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("CACHE_KEY_PREFIX", "imtsocial-tests")

from imtsocial.settings import *  # noqa: E402, F403 - after the environment above

# The demo's "already built" marker of the test runs, not the developer's var/.
VAR_DIR = Path(tempfile.gettempdir()) / "-".join(filter(None, ("imtsocial-tests-var", WORKER)))
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


class _FailOnUndefinedVariable(str):
    """``string_if_invalid`` of the test run: a variable our templates use but the view
    does not give fails the test that renders the page (third-party templates — the
    admin, allauth — are left alone: their authors chose their defaults)."""

    def __contains__(self, key):
        return key == "%s"

    def __mod__(self, variable):
        origin = _rendering_template()
        if origin and origin.startswith(OUR_TEMPLATES):
            import pytest

            pytest.fail(f"Undefined template variable '{variable}' in '{origin}'", pytrace=False)
        return ""


def _rendering_template() -> str:
    """The file of the innermost template being rendered."""
    import inspect

    from django.template.base import Template

    frame = inspect.currentframe()
    while frame is not None:
        if frame.f_code.co_name in ("render", "_render"):
            node = frame.f_locals.get("self")
            if isinstance(node, Template) and node.origin is not None:
                return str(node.origin.name)
        frame = frame.f_back
    return ""


OUR_TEMPLATES = str(BASE_DIR / "templates")  # noqa: F405
TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = _FailOnUndefinedVariable("%s")  # noqa: F405
