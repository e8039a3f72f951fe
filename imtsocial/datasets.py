"""The benchmark dataset: a large organisation, built in bulk by the builders the apps
register (``manage.py bench_dataset --employees 10000``).

The command builds the demo first when it is missing (reference data, one login per
role), then runs each registered builder in ``order`` with one ``Dataset``: hr first
(the people, their contracts, pay and history rows, and one ``bench-<role>@bench.example``
login per role placed in the hierarchy), then the apps whose rows point to them. A
builder writes with ``bulk()`` (``bulk_create`` in batches: no per-row query) and returns
what it created, ``{label: rows}``; the command prints it with each builder's time.
Apps register theirs in ``ready()``::

    from imtsocial import datasets
    datasets.builders.register(dataset.build, order=20)

Sizes are given for 10 000 employees (the issue's organisation: 300 work units, 5 000
risk entries, 3 000 assets, 20 000 loans, 30 000 telework requests, 20 000 aid requests)
and scaled to the size asked for with ``Dataset.scaled``. Random draws come from
``Dataset.rng`` (seeded: the same size gives the same organisation). Not for production:
the command refuses outside the embedded mode unless ``--force``.
"""

import random
from dataclasses import dataclass, field
from datetime import date

from imtsocial.registry import Registry

BENCH_DOMAIN = "bench.example"
REFERENCE_EMPLOYEES = 10_000
BATCH_SIZE = 2000

builders = Registry("benchmark dataset builders")


@dataclass
class Dataset:
    """What the builders share.

    ``shared`` carries what an earlier builder leaves for the later ones; hr sets:

    - ``employee_ids``: every synthetic employee's pk (in post today);
    - ``manager_of``: employee pk → their manager's pk (``None`` at the top);
    - ``user_of``: employee pk → login pk (every synthetic employee has a login);
    - ``bench_users``: role value → the ``bench-<role>@bench.example`` login;
    - ``bench_employees``: role value → that login's employee record.
    """

    employees: int
    today: date
    rng: random.Random
    shared: dict = field(default_factory=dict)

    def scaled(self, per_reference: int, *, minimum: int = 1) -> int:
        """``per_reference`` rows for 10 000 employees, scaled to this dataset's size."""
        return max(minimum, round(per_reference * self.employees / REFERENCE_EMPLOYEES))

    def pick(self, values, k: int | None = None):
        """One value of ``values`` (or ``k`` distinct ones)."""
        values = list(values)
        if k is None:
            return self.rng.choice(values)
        return self.rng.sample(values, min(k, len(values)))


def bench_email(role) -> str:
    return f"bench-{getattr(role, 'value', role)}@{BENCH_DOMAIN}"


def bulk(model, objects, *, batch_size: int = BATCH_SIZE) -> list:
    """``bulk_create`` in batches; the objects come back with their pk (PostgreSQL,
    SQLite)."""
    objects = list(objects)
    return model.objects.bulk_create(objects, batch_size=batch_size)


def bulk_with_history(model, objects, *, dated: tuple[str, ...] = (), batch_size: int = BATCH_SIZE):
    """``bulk_create_with_history``: the rows and one creation history row each, dated
    ``obj._history_date`` (the event's real date). ``dated``: the fields Django stamps at
    insert (``auto_now_add``, ``auto_now``), set back to that date afterwards in one
    ``bulk_update`` (a risk assessed in 2021 was not created today)."""
    from simple_history.utils import bulk_create_with_history

    objects = bulk_create_with_history(list(objects), model, batch_size=batch_size)
    if dated:
        for obj in objects:
            for name in dated:
                setattr(obj, name, obj._history_date)
        model.objects.bulk_update(objects, list(dated), batch_size=batch_size)
    return objects


def is_built() -> bool:
    from imtsocial.accounts.models import User

    return User.objects.filter(email__endswith=f"@{BENCH_DOMAIN}").exists()
