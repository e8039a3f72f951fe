"""Migration operation: on PostgreSQL, rows of one key never overlap in time.

    NoOverlap("smicrate")                                  # one series
    NoOverlap("paybenchmark", keys=["category"])           # one series per category
    NoOverlap("doctoralminimumpay",
              keys=["coalesce(signed_from, '-infinity'::date)"])  # a nullable key

An exclusion constraint on ``daterange(valid_from, valid_to, '[]')`` (no end: open);
elsewhere (the embedded SQLite) ``DateEffective.clean()`` is the only check.
"""

from django.db import migrations


class NoOverlap(migrations.operations.base.Operation):
    reduces_to_sql = True
    reversible = True

    def __init__(self, model_name: str, keys: list[str] | None = None, name: str = ""):
        self.model_name = model_name.lower()
        self.keys = list(keys or [])
        self.name = name

    def deconstruct(self):
        kwargs = {"keys": self.keys} if self.keys else {}
        if self.name:
            kwargs["name"] = self.name
        return (self.__class__.__name__, [self.model_name], kwargs)

    def state_forwards(self, app_label, state):
        pass

    def _table_and_name(self, app_label, state):
        model = state.apps.get_model(app_label, self.model_name)
        table = model._meta.db_table
        return table, self.name or f"{table}_no_overlap"

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        table, name = self._table_and_name(app_label, to_state)
        parts = [f"{key} WITH =" for key in self.keys]
        parts.append("daterange(valid_from, valid_to, '[]') WITH &&")
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        schema_editor.execute(
            f"ALTER TABLE {table} ADD CONSTRAINT {name} EXCLUDE USING gist ({', '.join(parts)})"
        )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        table, name = self._table_and_name(app_label, from_state)
        schema_editor.execute(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}")

    def describe(self):
        return f"Forbid overlapping periods in {self.model_name} (PostgreSQL)"


def close_open_periods(model, key_fields=()):
    """Data migration helper: each row without ``valid_to`` ends the day before the next row
    of its key starts (tables that only had ``valid_from`` before)."""
    from datetime import timedelta

    rows = list(model.objects.order_by(*key_fields, "valid_from"))
    for row, following in zip(rows, [*rows[1:], None][: len(rows)], strict=True):
        same_key = following is not None and all(
            getattr(row, k) == getattr(following, k) for k in key_fields
        )
        if same_key and (row.valid_to is None or row.valid_to >= following.valid_from):
            row.valid_to = following.valid_from - timedelta(days=1)
            row.save(update_fields=["valid_to"])


def record_initial_history(apps, app_label: str, *model_names: str):
    """Data migration helper: a « + » history record for each row a migration wrote, so
    that the first change made in the intranet shows its before → after."""
    from django.utils import timezone

    now = timezone.now()
    for model_name in model_names:
        model = apps.get_model(app_label, model_name)
        historical = apps.get_model(app_label, f"Historical{model_name}")
        seen = set(historical.objects.values_list("id", flat=True))
        names = [f.attname for f in model._meta.concrete_fields]
        historical.objects.bulk_create(
            historical(
                **{name: getattr(row, name) for name in names},
                history_date=now,
                history_type="+",
                history_change_reason="Valeur initiale (migration)",
            )
            for row in model.objects.exclude(pk__in=seen)
        )
