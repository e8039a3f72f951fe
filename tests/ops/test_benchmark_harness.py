"""The benchmark harness (benchmarks/harness.py) stays runnable: its settings import
with the production environment it sets, every measured page resolves, and the floor
view is in the benchmark's URL conf only, never in the product's. The benchmark itself
is not a test (./scripts/benchmark)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import NoReverseMatch, reverse

from benchmarks import harness

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import django
django.setup()
from django.conf import settings
from django.urls import resolve
from benchmarks.harness import FLOOR, PAGES, PLACEHOLDER_CONTEXT
assert settings.ROOT_URLCONF == "benchmarks.urls"
assert not settings.DEBUG and not settings.EMBEDDED and not settings.SECURE_SSL_REDIRECT
assert not settings.IMTSOCIAL_MFA_REQUIRED
urls = [page.url(PLACEHOLDER_CONTEXT) for page in [FLOOR, *PAGES]]
assert urls[0] == "/bench-floor/", urls[0]
for url in urls:
    resolve(url.split("?")[0])
print(len(urls))
"""


def test_floor_settings_import_and_every_page_resolves():
    env = {**os.environ, **harness.production_environment()}
    env["DATABASE_URL"] = "postgres://nobody@127.0.0.1:9/none"  # settings only: no query
    env["REDIS_URL"] = "redis://127.0.0.1:9/0"
    try:
        done = subprocess.run(  # noqa: S603 - fixed arguments
            [sys.executable, "-c", CHECK], cwd=ROOT, env=env, capture_output=True, text=True
        )
    finally:
        shutil.rmtree(env["IMTSOCIAL_BENCH_SCRATCH"], ignore_errors=True)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == len(harness.PAGES) + 1


def test_the_floor_is_not_a_page_of_the_product():
    with pytest.raises(NoReverseMatch):
        reverse("bench_floor")


def test_every_role_has_its_mon_espace_and_every_app_is_measured():
    homes = {page.role for page in harness.PAGES if page.name == "home"}
    assert homes == set(harness.MYSPACE_ROLES)
    apps = {page.app for page in harness.PAGES}
    assert apps == {
        *("hr", "platform", "home", "telework", "safety", "social_action", "reports"),
        *("hr2", "s2"),
    }
