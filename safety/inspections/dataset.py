"""The benchmark's controlled equipment (``manage.py bench_dataset``, ``imtsocial.datasets``).

``scaled(2000)`` pieces of equipment in the benchmark's work units, of a kind that fits
the unit (fume hoods and pressure equipment in the laboratories, lifting gear in the
workshops, extinguishers and electrical installations everywhere…), commissioned over
the last twenty years, with their periodic inspections of the last six years at the
periodicity in force (``KindPeriodicity``; mostly compliant, some with remarks, a few
non-compliant) and the stored schedule (``last_inspected_on``, ``next_due_on``) as
``recompute_schedule`` leaves it. Most are up to date, some due in the coming weeks, about
6 % overdue (an inspection missed); about 3 % are withdrawn from service.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from imtsocial.accounts.roles import Role
from imtsocial.datasets import Dataset, bulk_with_history
from safety.inspections import schedule
from safety.inspections.enums import EquipmentStatus, InspectionResult
from safety.inspections.models import (
    ControlledEquipment,
    EquipmentKind,
    Inspection,
    KindPeriodicity,
)
from safety.models import WorkUnit

PARIS = ZoneInfo("Europe/Paris")
HISTORY_YEARS = 6
BODIES = ["Apave", "Bureau Veritas Exploitation", "Dekra Industrial", "Socotec"]
LABELS = {
    "sorbonne": "Sorbonne",
    "appareil-pression": "Autoclave",
    "levage": "Palan électrique",
    "extincteur": "Extincteurs (lot)",
    "installation-electrique": "Installation électrique",
    "psm": "Poste de sécurité microbiologique",
    "ssi": "Système de sécurité incendie",
}
# unit kind (``safety_unit_profiles``) → equipment kinds with weights
KINDS_FOR = {
    "lab_chem": {"sorbonne": 8, "appareil-pression": 2, "extincteur": 1},
    "lab_bio": {"psm": 5, "sorbonne": 2, "appareil-pression": 2, "extincteur": 1},
    "lab_phys": {"appareil-pression": 2, "installation-electrique": 2, "extincteur": 1},
    "workshop": {"levage": 5, "appareil-pression": 2, "installation-electrique": 2},
    "office": {"extincteur": 3, "installation-electrique": 2, "ssi": 1},
    "teaching": {"sorbonne": 3, "extincteur": 2, "installation-electrique": 1},
    "kitchen": {"extincteur": 3, "installation-electrique": 1, "appareil-pression": 1},
}
REMARKS = "Vitesse d'air ou réglage à la limite : à surveiller."
NON_COMPLIANT = "Non-conformité relevée : remise en état demandée avant le prochain usage."


def _months(rows, day: date) -> int | None:
    for row in rows:
        if row.valid_from <= day and (row.valid_to is None or row.valid_to >= day):
            return row.months
    return None


def build(dataset: Dataset) -> dict[str, int]:
    rng, today = dataset.rng, dataset.today
    kinds = {k.code: k for k in EquipmentKind.objects.filter(active=True)}
    periods: dict[int, list] = {}
    for row in KindPeriodicity.objects.order_by("-valid_from"):
        periods.setdefault(row.kind_id, []).append(row)
    kinds = {code: k for code, k in kinds.items() if k.pk in periods}
    unit_ids = dataset.shared.get("safety_unit_ids") or list(
        WorkUnit.objects.values_list("pk", flat=True)
    )
    if not kinds or not unit_ids:
        return {}
    profiles = dataset.shared.get("safety_unit_profiles", {})
    recorders = dataset.shared.get("safety_agent_user_ids") or [
        dataset.shared["bench_users"][Role.PREVENTION.value].pk
    ]
    history_from = today.replace(year=today.year - HISTORY_YEARS)
    equipment, inspections_of = [], []
    for number in range(1, dataset.scaled(2000) + 1):
        unit = rng.choice(unit_ids)
        pool = {c: w for c, w in KINDS_FOR.get(profiles.get(unit), {}).items() if c in kinds}
        pool = pool or dict.fromkeys(kinds, 1)
        code = rng.choices(list(pool), weights=list(pool.values()))[0]
        kind = kinds[code]
        commissioned = today - timedelta(days=rng.randint(60, 20 * 365))
        item = ControlledEquipment(
            kind=kind,
            work_unit_id=unit,
            label=f"{LABELS.get(code, kind.name)} n° {number}",
            inventory_ref=f"BENCH-{code[:4].upper()}-{number:05d}",
            location=f"Bâtiment {rng.choice('ABCDEFG')}, salle {rng.randint(100, 340)}",
            commissioned_on=commissioned,
        )
        # Inspections at the periodicity in force, from commissioning; the last six years
        # are stored. Some miss their last one (overdue), some were withdrawn.
        fate = rng.random()
        overdue = fate < 0.06
        withdrawn = 0.06 <= fate < 0.09
        end = today - timedelta(days=rng.randint(30, 700)) if withdrawn else today
        dates, day = [], commissioned
        while True:
            months = _months(periods[kind.pk], day)
            following = schedule.next_due(day, months)
            if following is None:
                break
            following += timedelta(days=rng.randint(-20, 10))
            if following > end or following <= day:
                break
            day = following
            dates.append(day)
        if overdue and dates:
            dates.pop()
        dates = [d for d in dates if d >= history_from]
        last = dates[-1] if dates else None
        base = last or commissioned
        item.last_inspected_on = last
        item.next_due_on = schedule.next_due(base, _months(periods[kind.pk], base))
        if withdrawn:
            item.status = EquipmentStatus.WITHDRAWN
            item.withdrawn_on = end
        item.created_at = datetime.combine(max(commissioned, history_from), time(9), tzinfo=PARIS)
        item._history_date = item.created_at
        equipment.append(item)
        inspections_of.append(dates)
    equipment = bulk_with_history(ControlledEquipment, equipment, dated=("created_at",))
    inspections = []
    for item, dates in zip(equipment, inspections_of, strict=True):
        for day in dates:
            result = rng.choices(
                (
                    InspectionResult.COMPLIANT,
                    InspectionResult.REMARKS,
                    InspectionResult.NON_COMPLIANT,
                ),
                weights=(82, 14, 4),
            )[0]
            inspection = Inspection(
                equipment=item,
                date=day,
                body=rng.choice(BODIES),
                result=result,
                remarks={InspectionResult.REMARKS: REMARKS,
                         InspectionResult.NON_COMPLIANT: NON_COMPLIANT}.get(result, ""),
                recorded_by_id=rng.choice(recorders),
            )  # fmt: skip
            inspection._history_date = datetime.combine(day, time(17), tzinfo=PARIS)
            inspections.append(inspection)
    inspections = bulk_with_history(Inspection, inspections, dated=("recorded_at",))
    in_service = [e for e in equipment if e.status == EquipmentStatus.IN_SERVICE]
    return {
        "équipements contrôlés": len(equipment),
        "contrôles": len(inspections),
        "en retard": sum(1 for e in in_service if e.next_due_on and e.next_due_on < today),
        "retirés": len(equipment) - len(in_service),
    }
