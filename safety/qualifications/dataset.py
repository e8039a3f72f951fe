"""The benchmark's qualifications (``manage.py bench_dataset``, ``imtsocial.datasets``).

About ``scaled(2300)`` holders of a qualification type (first-aid SST certificates for
nearly half, electrical qualifications with their level, gas, height, pressure
equipment, radiation protection), each with the qualification in force or last obtained,
and the one it renewed for about a third: ``scaled(3000)`` rows in all. Expiry dates
follow the validity in force at the date obtained (``QualificationValidity``); today
most are valid, a few percent expire within the notice period and a few percent have
lapsed without renewal. The bench employee holds an SST certificate expiring soon and
a valid electrical qualification; a few of the bench manager's team expire soon.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from simple_history.utils import bulk_create_with_history

from imtsocial.accounts.roles import Role
from imtsocial.datasets import BATCH_SIZE, Dataset
from safety.qualifications.models import Qualification, QualificationType, QualificationValidity

PARIS = ZoneInfo("Europe/Paris")
HOLDERS = 2300  # for 10 000 employees
TYPE_WEIGHTS = {"sst": 45, "electrique": 25, "hauteur": 10, "gaz": 8, "esp": 7, "pcr": 5}
RENEWED_SHARE = 0.33


def _validity(rows, day: date):
    for row in rows:
        if row.valid_from <= day and (row.valid_to is None or row.valid_to >= day):
            return row
    return rows[-1]


def build(dataset: Dataset) -> dict[str, int]:
    rng, today = dataset.rng, dataset.today
    types = {t.code: t for t in QualificationType.objects.filter(active=True)}
    validities: dict[int, list] = {}
    for row in QualificationValidity.objects.order_by("-valid_from"):
        validities.setdefault(row.qualification_type_id, []).append(row)
    types = {code: t for code, t in types.items() if t.pk in validities}
    if not types:
        return {}
    codes = list(types)
    weights = [TYPE_WEIGHTS.get(code, 3) for code in codes]
    recorders = dataset.shared.get("safety_agent_user_ids") or [
        dataset.shared["bench_users"][Role.PREVENTION.value].pk
    ]
    bench = dataset.shared["bench_employees"]
    employee, manager = bench[Role.EMPLOYEE.value].pk, bench[Role.MANAGER.value].pk
    team = [pk for pk, boss in dataset.shared["manager_of"].items() if boss == manager]
    pairs: dict[tuple[int, str], int | None] = {}  # (holder, type) → days to expiry or None
    if "sst" in types:
        pairs[(employee, "sst")] = 25
    if "electrique" in types:
        pairs[(employee, "electrique")] = 400
    for member in rng.sample(team, min(3, len(team))):
        pairs.setdefault((member, rng.choice(codes)), rng.randint(5, 50))
    employees = dataset.shared["employee_ids"]
    target = dataset.scaled(HOLDERS)
    while len(pairs) < target:
        pairs.setdefault((rng.choice(employees), rng.choices(codes, weights=weights)[0]), None)
    rows = []

    def record(holder, kind, obtained_on, expires_on, level):
        qualification = Qualification(
            holder_id=holder,
            qualification_type=kind,
            level=level,
            obtained_on=obtained_on,
            expires_on=expires_on,
            recorded_by_id=rng.choice(recorders),
        )
        qualification._history_date = datetime.combine(obtained_on, time(10), tzinfo=PARIS)
        rows.append(qualification)

    for (holder, code), days in pairs.items():
        kind = types[code]
        levels = kind.level_list
        level = rng.choice(levels) if levels else ""
        if days is None:
            draw = rng.random()
            if draw < 0.04:
                days = rng.randint(0, 55)  # within the notice period
            elif draw < 0.08:
                days = -rng.randint(1, 700)  # lapsed, not renewed
            else:
                days = rng.randint(60, 1500)
        expires_on = today + timedelta(days=days)
        months = _validity(validities[kind.pk], today).validity_months
        obtained_on = expires_on + timedelta(days=1) - relativedelta(months=months)
        if obtained_on > today:  # a long validity: obtained recently instead
            obtained_on = today - timedelta(days=rng.randint(1, 60))
        months = _validity(validities[kind.pk], obtained_on).validity_months
        expires_on = obtained_on + relativedelta(months=months) - timedelta(days=1)
        record(holder, kind, obtained_on, expires_on, level)
        if rng.random() < RENEWED_SHARE:  # the previous one, renewed on its last day
            before = obtained_on - relativedelta(months=months)
            before_months = _validity(validities[kind.pk], before).validity_months
            before_expiry = before + relativedelta(months=before_months) - timedelta(days=1)
            record(holder, kind, before, min(before_expiry, obtained_on), level)
    rows = bulk_create_with_history(rows, Qualification, batch_size=BATCH_SIZE)
    return {
        "habilitations": len(rows),
        "titulaires": len(pairs),
        "dont SST": sum(1 for q in rows if q.qualification_type.code == "sst"),
        "échues": sum(1 for q in rows if q.expires_on < today),
    }
