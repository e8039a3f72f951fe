"""History: who changed what and when, recorded by django-simple-history and shown by
one component (``history_rows`` + ``components/history.html``).

Models declare ``history = HistoricalRecords()`` from this module: it is
django-simple-history's, except that a save that changes no tracked field records
nothing (no « Mesures existantes : X → X » lines). A page shows the history of one
record, or of a record and its children, newest first::

    rows = history_rows(
        HistorySource(employee.history.all(), label=lambda r: _("Dossier")),
        HistorySource(Contract.history.filter(employee_id=employee.pk),
                      label=lambda r: _("Contrat du %(start)s") % {...}),
        limit=50,
    )
    # template: {% include "components/history.html" with rows=rows %}

Values are shown as people read them: the label of a choice, the name of a related
record, « oui »/« non », French dates; related records are fetched in one query per
model, whatever the number of rows.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords as _HistoricalRecords

# Records of one source read at most (a file's whole life, in practice).
MAX_RECORDS = 1000


class HistoricalRecords(_HistoricalRecords):
    """django-simple-history's records, skipping saves that change no tracked field."""

    def post_save(self, instance, created, using=None, **kwargs):
        if not created and not kwargs.get("raw", False) and self._unchanged(instance, using):
            return
        super().post_save(instance, created, using=using, **kwargs)

    def _unchanged(self, instance, using) -> bool:
        manager = getattr(instance, self.manager_name, None)
        if manager is None:
            return False
        latest = manager.using(using).order_by("-history_date", "-history_id").first()
        if latest is None:
            return False
        return all(
            getattr(latest, field.attname) == getattr(instance, field.attname)
            for field in self.fields_included(type(instance))
        )


@dataclass
class HistorySource:
    """Historical records of one model, and how to name the record they are about."""

    records: models.QuerySet
    label: Callable = lambda record: ""
    hidden: tuple[str, ...] = ()  # fields never shown (e.g. a version counter)


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryRow:
    at: datetime
    who: str
    kind: str  # "+" created, "~" changed, "-" deleted
    subject: str
    reason: str = ""
    changes: list[Change] = field(default_factory=list)

    @property
    def is_creation(self) -> bool:
        return self.kind == "+"

    @property
    def is_deletion(self) -> bool:
        return self.kind == "-"


def _display(model_field, value, related: dict) -> str:
    if value is None or value == "":
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey):
        target = related.get((model_field.related_model, value))
        return str(target) if target is not None else f"n° {value}"
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    if isinstance(value, datetime):
        return formats.date_format(value, "j F Y H:i")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Decimal):
        return formats.number_format(value, use_l10n=True, force_grouping=True)
    return str(value)


def _rows_of(source: HistorySource) -> list[tuple]:
    records = list(
        source.records.select_related("history_user").order_by("-history_date", "-history_id")[
            :MAX_RECORDS
        ]
    )
    model = source.records.model.instance_type
    fields = (
        [
            f
            for f in model._meta.concrete_fields
            if hasattr(records[0], f.attname) and f.name not in source.hidden and not f.primary_key
        ]
        if records
        else []
    )
    by_object = defaultdict(list)
    for record in records:
        by_object[getattr(record, model._meta.pk.attname)].append(record)
    pairs = []
    for versions in by_object.values():  # newest first
        for index, record in enumerate(versions):
            older = versions[index + 1] if index + 1 < len(versions) else None
            pairs.append((record, older))
    return [(source, model, fields, record, older) for record, older in pairs]


def history_rows(*sources: HistorySource, limit: int = 50) -> list[HistoryRow]:
    """Who changed what and when, newest first, across ``sources``; constant queries."""
    entries = [entry for source in sources for entry in _rows_of(source)]
    entries.sort(key=lambda e: (e[3].history_date, e[3].history_id), reverse=True)
    entries = entries[:limit]
    wanted = defaultdict(set)
    changed = []
    for _source, _model, fields, record, older in entries:
        diffs = []
        if record.history_type == "~" and older is not None:
            diffs = [f for f in fields if getattr(record, f.attname) != getattr(older, f.attname)]
        elif record.history_type == "+":
            diffs = []
        changed.append(diffs)
        for f in diffs:
            if isinstance(f, models.ForeignKey):
                for version in (record, older):
                    value = getattr(version, f.attname)
                    if value is not None:
                        wanted[f.related_model].add(value)
    related = {
        (related_model, pk): obj
        for related_model, pks in wanted.items()
        for pk, obj in related_model._default_manager.in_bulk(pks).items()
    }
    rows = []
    for (source, _model, _fields, record, older), diffs in zip(entries, changed, strict=True):
        if record.history_type == "~" and older is not None and not diffs:
            continue  # saved without a change (before such saves stopped being recorded)
        rows.append(
            HistoryRow(
                at=record.history_date,
                who=str(record.history_user) if record.history_user else _("système"),
                kind=record.history_type,
                subject=str(source.label(record)),
                reason=record.history_change_reason or "",
                changes=[
                    Change(
                        field=str(f.verbose_name),
                        old=_display(f, getattr(older, f.attname), related),
                        new=_display(f, getattr(record, f.attname), related),
                    )
                    for f in diffs
                ],
            )
        )
    return rows
