"""The DUERP edition as a PDF, from its frozen snapshot only (never live data).

``edition_render`` is the service the worker runs (``safety.tasks.render_edition_pdf``).
"""

import hashlib
from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from imtsocial.pdf import render_pdf
from safety import stats
from safety.enums import ActionStatus, ControlLevel, EditionStatus
from safety.models import DuerpEdition


def _date_label(value: str | None) -> str:
    return date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""


def edition_context(edition) -> dict:
    snapshot = edition.snapshot
    method = edition.method
    entries_by_unit = defaultdict(list)
    for entry in snapshot["entries"]:
        measures = " ; ".join(
            line.strip() for line in entry["measures"].splitlines() if line.strip()
        )
        entries_by_unit[entry["unit_id"]].append({**entry, "measures_inline": measures})
    units = [
        {"unit": unit, "entries": entries_by_unit[unit["id"]]}
        for unit in snapshot["units"]
        if entries_by_unit[unit["id"]]
    ]
    entries = {e["id"]: e for e in snapshot["entries"]}
    status_labels = dict(ActionStatus.choices)
    actions = [
        {
            **a,
            "entry": entries.get(a["entry_id"]),
            "due_label": _date_label(a["due"]),
            "done_label": _date_label(a["done"]),
            "budget_value": Decimal(a["budget"]),
            "status_label": status_labels.get(a["status"], a["status"]),
        }
        for a in snapshot["actions"]
    ]
    actions_by_unit = defaultdict(list)
    for action in actions:
        if action["entry"] is not None:
            actions_by_unit[action["entry"]["unit_id"]].append(action)
    plan = [
        {"unit": unit, "actions": actions_by_unit[unit["id"]]}
        for unit in snapshot["units"]
        if actions_by_unit[unit["id"]]
    ]
    control_levels = [
        {"value": level, "label": label, "factor": method["control_factors"].get(str(level))}
        for level, label in ControlLevel.choices
    ]
    return {
        "edition": edition,
        "method": method,
        "units": units,
        "summary": stats.snapshot_summary(snapshot),
        "priority_totals": stats.snapshot_priority_totals(snapshot),
        "plan": plan,
        "control_levels": control_levels,
        "budget": stats.snapshot_budget(snapshot),
    }


def edition_pdf(edition) -> bytes:
    return render_pdf("safety/pdf/edition.html", edition_context(edition))


def edition_render(*, edition_id: int) -> DuerpEdition:
    """Render and store the PDF of an edition once (idempotent)."""
    edition = DuerpEdition.objects.get(pk=edition_id)
    if edition.status == EditionStatus.READY:
        return edition
    try:
        content = edition_pdf(edition)
    except Exception:
        edition.status = EditionStatus.FAILED
        edition.save()
        raise
    with transaction.atomic():
        edition = DuerpEdition.objects.select_for_update().get(pk=edition_id)
        if edition.status == EditionStatus.READY:
            return edition
        edition.pdf.save(edition.filename, ContentFile(content), save=False)
        edition.pdf_checksum = hashlib.sha256(content).hexdigest()
        edition.pdf_size = len(content)
        edition.status = EditionStatus.READY
        edition.rendered_at = timezone.now()
        edition.save()
    return edition
