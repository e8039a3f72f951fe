"""Heavy reads kept in the cache until one of the tables they read is written.

A family of results (``CachedReads``) names the models its results are computed from.
Every save or delete of one of them (``post_save``/``post_delete``) and every bulk write
that says so (``touch(model)``: the import kit's bulk path, ``manage.py demo`` and
``bench_dataset``) moves the family's version on; results are stored under the version
they were computed at, so a result is never served after a change of what it was
computed from. The version moves at once and again when the transaction commits: a
result computed meanwhile from the rows of before the commit stays behind, under the
intermediate version. The date a result is computed at is part of its key (a result for
« today » is not served tomorrow), and every result expires after ``timeout`` seconds
anyway (the bound of a stale result if Redis was unreachable during a write: the kit's
cache then falls back to each process's memory).

Declared by the app that owns the models, connected in its ``ready()``::

    # hr/stats.py
    PAY_READS = CachedReads("hr.pay", models=("hr.Employee", "hr.Contract", ...))

    def cached_hr_statistics(at):
        return PAY_READS.get_or_compute(("statistics", at), lambda: hr_statistics(at=at))

    # hr/apps.py, ready()
    stats.PAY_READS.connect()

Only for results whose every input is one of ``models`` (a new input means a new model
in the list); a write that bypasses the signals (``QuerySet.update``, ``bulk_create``)
calls ``touch(Model)`` itself.
"""

import hashlib
from collections.abc import Callable, Hashable, Iterable

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

DEFAULT_TIMEOUT = 300
_MISSING = object()
_families: list["CachedReads"] = []


class CachedReads:
    def __init__(
        self,
        name: str,
        *,
        models: Iterable[str] = (),
        apps: Iterable[str] = (),
        timeout: int = DEFAULT_TIMEOUT,
    ):
        """``models``: « app_label.Model » labels; ``apps``: app labels, every model of
        which is followed (for a result that reads many apps, such as the report)."""
        self.name = name
        self.model_labels = tuple(label.lower() for label in models)
        self.app_labels = tuple(apps)
        self.timeout = timeout
        self.connected = False  # until connect() (tests/platform/test_memo.py checks)
        _families.append(self)

    @property
    def _version_key(self) -> str:
        return f"memo:{self.name}:version"

    def connect(self) -> None:
        """Follow the writes of the models (call from ``AppConfig.ready()``)."""
        for app_label in self.app_labels:
            self.model_labels += tuple(
                model._meta.label_lower
                for model in apps.get_app_config(app_label).get_models()
                if model._meta.label_lower not in self.model_labels
            )
        for label in self.model_labels:
            model = apps.get_model(label)
            uid = f"memo:{self.name}:{label}"
            post_save.connect(self._written, sender=model, dispatch_uid=f"{uid}:save")
            post_delete.connect(self._written, sender=model, dispatch_uid=f"{uid}:delete")
        self.connected = True

    def _written(self, sender, **kwargs) -> None:
        self.touch()

    def touch(self) -> None:
        """One of the models was written: results computed before are not served again."""
        self._bump()
        transaction.on_commit(self._bump)  # outside a transaction: at once (twice, harmless)

    def _bump(self) -> None:
        try:
            cache.incr(self._version_key)
        except ValueError:  # no version yet (or the cache was cleared)
            cache.set(self._version_key, 1, None)

    def version(self) -> int:
        version = cache.get(self._version_key)
        if version is None:
            cache.add(self._version_key, 1, None)
            version = cache.get(self._version_key) or 1
        return version

    def get_or_compute(self, parts: Iterable[Hashable], compute: Callable):
        """The result stored under ``parts`` at the current version, else ``compute()``
        (stored for the next reads)."""
        key = ":".join(["memo", self.name, str(self.version()), *map(str, parts)])
        value = cache.get(key, _MISSING)
        if value is _MISSING:
            value = compute()
            cache.set(key, value, self.timeout)
        return value


def query_key(queryset) -> str:
    """A short key for ``queryset``'s SQL and parameters: a result computed from a
    queryset (its options, its totals) is stored per query, so that two people who see
    different rows (a manager's units, an agent's) never share one. The family must
    follow every table of the query."""
    sql, params = queryset.query.sql_with_params()
    return hashlib.blake2b(f"{sql}\x00{params!r}".encode(), digest_size=16).hexdigest()


def touch(model) -> None:
    """Every family that reads ``model`` moves on (after a write without signals)."""
    label = model._meta.label_lower
    for family in _families:
        if label in family.model_labels:
            family.touch()


def touch_all() -> None:
    """Every family moves on (after ``manage.py demo`` or ``bench_dataset``)."""
    for family in _families:
        family.touch()
