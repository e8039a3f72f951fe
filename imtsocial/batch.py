"""One-row aggregates of several querysets read in one SQL statement.

A page that shows many counters over different tables (« Mon espace »: each app's
requests to decide, entries to acknowledge, qualifications about to expire…) would
otherwise pay one round trip per counter. ``Aggregates`` collects them and reads them
all at the first use of any result, in one statement: each queryset's aggregate query
becomes a derived table of one row, and the rows are joined::

    SELECT * FROM (SELECT COUNT(...) FILTER (...) AS "waiting" FROM registers_rsstentry ...) b0
    CROSS JOIN (SELECT COUNT(*) AS "n" FROM safety_actionitem WHERE ...) b1
    CROSS JOIN (SELECT EXISTS(SELECT ... LIMIT 1) AS "x") b2

An aggregate without ``GROUP BY`` always answers exactly one row, so the join is one
row too. Values go through the database's converters, as ``QuerySet.aggregate()``
would (decimals on SQLite, booleans of ``EXISTS``).

::

    batch = Aggregates()
    waiting = batch.aggregate(entries, waiting=Count("pk", filter=Q(status="submitted")))
    queue = batch.counts(requests, submitted=Q(status="submitted"), paid=Q(status="paid"))
    overdue = batch.count(actions.filter(due_date__lt=today))
    ...
    waiting.value["waiting"], overdue.value   # one query for both, at the first read

A result read before another was added costs a second statement for the later ones
(they are never lost). Not for sliced or ``distinct()`` querysets: use
``Count(..., distinct=True)``.
"""

import operator
from functools import reduce

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Count, Value


class Deferred:
    """A result of the batch, read with ``.value`` (runs the pending statement)."""

    def __init__(self, batch: "Aggregates", part):
        self._batch = batch
        self._part = part

    @property
    def value(self):
        if not self._part.done:
            self._batch.run()
        return self._part.result


class _Part:
    done = False
    result = None

    def __init__(self, queryset, expressions: dict, shape: str):
        if queryset.query.is_sliced or queryset.query.distinct:
            raise TypeError("Aggregates: no sliced or distinct() queryset.")
        self.queryset = queryset
        self.expressions = expressions
        self.shape = shape  # "dict", "count" or "exists"

    def compile(self, using):
        """The part's SQL, its parameters and the compiler (for the converters);
        ``None`` when the query can match no row (``EmptyResultSet``)."""
        queryset = self.queryset.order_by()
        if self.shape == "exists":
            inner = queryset.values("pk")[:1].query.get_compiler(using)
            try:
                sql, params = inner.as_sql()
            except EmptyResultSet:
                return None
            return f'SELECT EXISTS({sql}) AS "x"', params, None
        # Grouped by a constant: Django leaves GROUP BY out, the aggregates run over
        # every row of the filter (the way ``aggregate()`` compiles them).
        query = (
            queryset.annotate(_batch=Value(1))
            .values("_batch")
            .annotate(**self.expressions)
            .values(*self.expressions)
            .query
        )
        compiler = query.get_compiler(using)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            return None
        return sql, params, compiler

    def empty(self):
        """What ``aggregate()`` answers over no row: 0 for a count, else ``None``."""
        return {
            name: getattr(expression, "empty_result_set_value", None)
            for name, expression in self.expressions.items()
        }

    def finish(self, values: dict) -> None:
        if self.shape == "count":
            self.result = values["n"]
        elif self.shape == "exists":
            self.result = bool(values["x"])
        else:
            self.result = values
        self.done = True


class Aggregates:
    def __init__(self, using: str = "default"):
        self.using = using
        self._pending: list[_Part] = []

    def _add(self, queryset, expressions, shape) -> Deferred:
        part = _Part(queryset, expressions, shape)
        self._pending.append(part)
        return Deferred(self, part)

    def aggregate(self, queryset, **expressions) -> Deferred:
        """``queryset.aggregate(**expressions)``, read with the batch: a dict."""
        return self._add(queryset, expressions, "dict")

    def counts(self, queryset, **conditions) -> Deferred:
        """How many rows of ``queryset`` match each condition (a ``Q``), read with the
        batch: a dict of ints. Only the rows matching one of them are read — their union
        is the statement's ``WHERE`` — so that an index on a condition serves (counting
        with ``FILTER`` alone reads every row of the table)::

            batch.counts(requests, manager=Q(status="submitted", manager=own))
        """
        union = reduce(operator.or_, conditions.values())
        counters = {name: Count("pk", filter=condition) for name, condition in conditions.items()}
        return self.aggregate(queryset.filter(union), **counters)

    def count(self, queryset) -> Deferred:
        """``queryset.count()``, read with the batch: an int."""
        return self._add(queryset, {"n": Count("*")}, "count")

    def exists(self, queryset) -> Deferred:
        """``queryset.exists()``, read with the batch: a bool."""
        return self._add(queryset, {"x": None}, "exists")

    def run(self) -> None:
        """Read every pending result in one statement (none when all are empty)."""
        pending, self._pending = self._pending, []
        tables, params, read = [], [], []
        for part in pending:
            compiled = part.compile(self.using)
            if compiled is None:
                part.finish({"x": False} if part.shape == "exists" else part.empty())
                continue
            sql, part_params, compiler = compiled
            tables.append(f"({sql}) b{len(tables)}")
            params.extend(part_params)
            read.append((part, compiler))
        if not tables:
            return
        with connections[self.using].cursor() as cursor:
            # the parts are the ORM's own compiled SQL, values stay parameters
            cursor.execute("SELECT * FROM " + " CROSS JOIN ".join(tables), params)  # noqa: S608
            row = cursor.fetchone()
        start = 0
        for part, compiler in read:
            names = ["x"] if compiler is None else list(part.expressions)
            values = list(row[start : start + len(names)])
            start += len(names)
            if compiler is not None:
                converters = compiler.get_converters([col[0] for col in compiler.select])
                if converters:
                    values = list(next(iter(compiler.apply_converters([values], converters))))
            part.finish(dict(zip(names, values, strict=True)))
