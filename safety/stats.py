"""Read-only figures of the DUERP: summaries and the diff between two editions."""

from collections import Counter
from decimal import Decimal

from django.db.models import Count, Q, Sum

from imtsocial import memo
from imtsocial.memo import CachedReads
from safety.enums import OPEN_ACTION_STATUSES, ActionStatus, Priority

# What the action plan's totals and its lists of units and owners read: kept in the
# cache until one of these tables is written (``imtsocial.memo``).
PLAN_READS = CachedReads(
    "safety.plan",
    models=(
        "safety.ActionItem",
        "safety.RiskEntry",
        "safety.WorkUnit",
        "hr.Department",
        "accounts.User",
    ),
)


def budget_totals(actions) -> dict:
    """Totals of a filtered action queryset (one query, then cached per query until an
    action, risk, unit, service or person changes)."""
    actions = actions.order_by()
    return PLAN_READS.get_or_compute(
        ("totals", memo.query_key(actions)), lambda: _budget_totals(actions)
    )


def _budget_totals(actions) -> dict:
    totals = actions.aggregate(
        count=Count("pk"),
        total=Sum("budget"),
        open_total=Sum("budget", filter=Q(status__in=OPEN_ACTION_STATUSES)),
        done_total=Sum("budget", filter=Q(status=ActionStatus.DONE)),
    )
    for key in ("total", "open_total", "done_total"):
        totals[key] = totals[key] or Decimal("0")
    return totals


def snapshot_summary(snapshot: dict) -> list[dict]:
    """Per unit of a frozen snapshot: number of entries per priority band."""
    counts = Counter((e["unit_id"], e["priority"]) for e in snapshot["entries"])
    rows = []
    for unit in snapshot["units"]:
        bands = [counts.get((unit["id"], p.value), 0) for p in Priority]
        if sum(bands):
            rows.append({"unit": unit, "bands": bands, "total": sum(bands)})
    return rows


def snapshot_priority_totals(snapshot: dict) -> list[int]:
    counts = Counter(e["priority"] for e in snapshot["entries"])
    return [counts.get(p.value, 0) for p in Priority]


def snapshot_budget(snapshot: dict) -> Decimal:
    return sum((Decimal(a["budget"]) for a in snapshot["actions"]), Decimal("0"))


ENTRY_COMPARED = ("situation", "people", "measures", "gravity", "probability", "control", "score")


def edition_diff(previous: dict | None, current: dict) -> dict:
    """What changed between two frozen snapshots (entries matched on their id)."""
    before = {e["id"]: e for e in (previous or {"entries": []})["entries"]}
    after = {e["id"]: e for e in current["entries"]}
    changed = []
    for pk in sorted(before.keys() & after.keys()):
        old, new = before[pk], after[pk]
        fields = [f for f in ENTRY_COMPARED if old.get(f) != new.get(f)]
        if fields or old["priority"] != new["priority"]:
            changed.append({"old": old, "new": new, "fields": fields})
    actions_before = {a["id"]: a for a in (previous or {"actions": []})["actions"]}
    actions_after = {a["id"]: a for a in current["actions"]}
    return {
        "added": [after[pk] for pk in sorted(after.keys() - before.keys())],
        "removed": [before[pk] for pk in sorted(before.keys() - after.keys())],
        "changed": changed,
        "actions_added": [
            actions_after[pk] for pk in sorted(actions_after.keys() - actions_before.keys())
        ],
        "actions_status": [
            {"old": actions_before[pk], "new": actions_after[pk]}
            for pk in sorted(actions_before.keys() & actions_after.keys())
            if actions_before[pk]["status"] != actions_after[pk]["status"]
        ],
    }


def duerp_of_year(year: int) -> dict | None:
    """Risks and actions of the latest DUERP edition published for ``year`` (one query),
    None when none was published."""
    from safety.models import DuerpEdition

    row = (
        DuerpEdition.objects.filter(year=year)
        .order_by("-number")
        .values("entry_count", "action_count")
        .first()
    )
    return None if row is None else {"entries": row["entry_count"], "actions": row["action_count"]}
