"""The benchmark's telework and equipment (``manage.py bench_dataset``, ``imtsocial.datasets``).

For 10 000 employees (``Dataset.scaled``):

- ``scaled(3000)`` assets on the benchmark's sites (laptops, screens, headsets, desktops),
  bought over the years since 2018: most in stock or lent, some in repair after a
  damaged return, old ones retired;
- ``scaled(20000)`` loans of these assets since they were bought, one after the other on
  each asset (never two open at once): most returned, the current ones open (due back in
  the coming months, a few overdue and reminded, a few agreements still to accept),
  each to someone in post on the asset's site;
- ``scaled(30000)`` telework requests since 2019, one period after the other for each
  teleworker (live periods never overlap), within the rules of ``telework.rules`` (at most
  3 days a week and 2 on site, derogations for health with the physician's opinion and at
  most 6 months, carers 3 months): most decided (approved, some refused after an
  interview, a few withdrawn), the next period of some waiting for the manager or the
  final decision; approved renewals point to the period they renew.

The bench employee has requests over the years (the latest waiting for the manager) and
loans (a laptop and a headset out, the headset's agreement to accept); every member of
the bench manager's team has a request waiting for the manager. Rows are written in bulk
with their creation history row.
"""

import bisect
import itertools
from datetime import date, datetime, time, timedelta

from django.db.models import F
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from hr.models import Employee, Site
from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role
from imtsocial.datasets import BATCH_SIZE, Dataset
from telework import perms
from telework.enums import AssetKind, AssetState, FloatingPeriod, Reason, RequestStatus
from telework.enums import ReturnCondition as Condition
from telework.models import Asset, Loan, TeleworkRequest
from telework.rules import _add_months

PREFIX = "BENCH-"
FIRST_YEAR = 2019  # telework requests
FLEET_SINCE = date(2018, 1, 1)
# kind, tag code, share of the fleet, models, loan length in days (min, max)
FLEET = [
    (AssetKind.LAPTOP, "PORT", 40, ("Dell Latitude 5420", "Lenovo ThinkPad T14", "HP EliteBook 840"), (90, 720)),  # noqa: E501
    (AssetKind.SCREEN, "ECR", 27, ("Iiyama ProLite 24 pouces", "Dell P2422H"), (90, 540)),
    (AssetKind.HEADSET, "CASQ", 23, ("Jabra Evolve 40", "Poly Blackwire 5220"), (60, 540)),
    (AssetKind.DESKTOP, "FIXE", 10, ("HP EliteDesk 800", "Dell OptiPlex 7090"), (30, 365)),
]  # fmt: skip
REASONS = [
    (Reason.COMMUTE, 68),
    (Reason.SITUATION, 18),
    (Reason.HEALTH, 7),
    (Reason.PREGNANCY, 3),
    (Reason.CARER, 4),
]
REFUSALS = [
    "Les missions du poste exigent une présence sur site ces jours-là.",
    "Continuité du service non assurée : trop d'agents de l'équipe absents le même jour.",
    "Équipement informatique indisponible pour la période demandée.",
    "Période d'adaptation au poste en cours : demande à renouveler dans quelques mois.",
]
RETURN_NOTES = {
    Condition.GOOD: "",
    Condition.WORN: "Traces d'usure, fonctionne.",
    Condition.DAMAGED: "Écran fissuré, envoyé en réparation.",
}


def _aware(day: date, hour: int = 9, minute: int = 0) -> datetime:
    """``day`` at ``hour``, never later than now (a decision of today was this morning)."""
    return min(timezone.make_aware(datetime.combine(day, time(hour, minute))), timezone.now())


def _user(pk: int | None) -> User | None:
    """A stand-in for the history row's author (only its pk is written)."""
    return User(pk=pk) if pk else None


def _monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


def build(dataset: Dataset) -> dict[str, int]:
    shared = dataset.shared
    people = list(
        Employee.objects.filter(pk__in=shared["employee_ids"]).values_list(
            "pk", "site_id", "hire_date"
        )
    )
    bench_users = shared["bench_users"]
    it_users = [bench_users[Role.IT.value].pk]
    it_users += list(
        User.objects.filter(groups__name=Role.IT.value)
        .exclude(pk__in=it_users)
        .values_list("pk", flat=True)[:2]
    )
    assets, loans = _fleet(dataset, people, it_users)
    requests = _requests(dataset, people)
    return {
        "équipements": len(assets),
        "prêts": len(loans),
        "prêts en cours": sum(1 for loan in loans if loan.returned_on is None),
        "demandes de télétravail": len(requests),
        "demandes en attente": sum(
            1
            for r in requests
            if r.status in (RequestStatus.SUBMITTED, RequestStatus.MANAGER_APPROVED)
        ),
    }


# Equipment -----------------------------------------------------------------------------


def _fleet(dataset: Dataset, people, it_users) -> tuple[list[Asset], list[Loan]]:
    rng, today = dataset.rng, dataset.today
    shared = dataset.shared
    sites = sorted({site_id for _pk, site_id, _hire in people})
    site_objects = Site.objects.in_bulk(sites)
    # Borrowers per site, by hire date: those in post at a date are a prefix.
    by_site: dict[int, list[tuple[date, int]]] = {s: [] for s in sites}
    for pk, site_id, hire in people:
        by_site[site_id].append((hire or date(1990, 1, 1), pk))
    for rows in by_site.values():
        rows.sort()
    hires = {s: [h for h, _pk in rows] for s, rows in by_site.items()}
    user_of = shared["user_of"]

    total = dataset.scaled(3000)
    weights = [f[2] for f in FLEET]
    span_days = (today - FLEET_SINCE).days
    assets, plans = [], []
    counters = {f[1]: 0 for f in FLEET}
    for index in range(total):
        kind, code, _share, models, lengths = rng.choices(FLEET, weights=weights)[0]
        counters[code] += 1
        # Older assets are more numerous: the fleet was renewed after 2020.
        bought = FLEET_SINCE + timedelta(days=int(span_days * (1 - rng.random() ** 1.6)))
        bought = min(bought, today - timedelta(days=20))
        retired = None
        if bought.year <= 2020 and rng.random() < 0.12:
            retired = min(
                today - timedelta(days=30), bought + timedelta(days=rng.randint(900, 2000))
            )
        site_id = sites[index % len(sites)]
        assets.append(
            Asset(
                tag=f"{PREFIX}{code}-{counters[code]:05d}",
                serial=f"SN-{code}-{rng.randrange(10**8, 10**9)}",
                kind=kind,
                model_name=rng.choice(models),
                site=site_objects[site_id],
                state=AssetState.IN_STOCK,
                vpn_configured=kind in (AssetKind.LAPTOP, AssetKind.DESKTOP),
                videoconf_configured=kind == AssetKind.LAPTOP,
                notes="Réformé : fin de vie." if retired else "",
            )
        )
        plans.append((bought, retired, lengths))
        assets[-1]._history_date = _aware(bought)
        assets[-1]._history_user = _user(it_users[0])

    # Share the loans among the assets in proportion to the time each has been in use.
    wanted = dataset.scaled(20000)
    spans = [max(1, ((retired or today) - bought).days) for bought, retired, _l in plans]
    whole = sum(spans)
    counts = [int(wanted * s / whole) for s in spans]
    for i in rng.choices(range(total), weights=spans, k=wanted - sum(counts)):
        counts[i] += 1

    loans_of: list[list[Loan]] = []
    for asset, (bought, retired, lengths), count in zip(assets, plans, counts, strict=True):
        end = retired or today
        asset_loans = []
        if count:
            slot = ((end - bought).days) / count
            # The last loan of an asset in use is still open for most of them.
            still_out = retired is None and rng.random() < 0.55
            for j in range(count):
                begin = bought + timedelta(days=int(j * slot))
                out_on = begin + timedelta(days=int(rng.random() * min(30, slot * 0.2)))
                last = j == count - 1
                length = rng.randint(*lengths)
                if last and still_out:  # out for at most about a year and a half
                    out_on = max(out_on, today - timedelta(days=rng.randint(0, 540)))
                out_on = min(out_on, today)
                due_on = out_on + timedelta(days=length)
                loan = _loan(rng, asset, out_on, due_on, by_site, hires, it_users)
                if loan is None:
                    continue
                if last and still_out:
                    _open(rng, loan, today)
                else:
                    stop = bought + timedelta(days=int((j + 1) * slot)) - timedelta(days=1)
                    returned = min(due_on + timedelta(days=rng.randint(-45, 20)), stop, today)
                    loan.returned_on = max(returned, out_on)
                    loan.due_on = max(loan.due_on, loan.out_on)
                    condition = rng.choices(list(RETURN_NOTES), weights=(75, 21, 4))[0]
                    loan.return_condition = condition
                    loan.return_notes = RETURN_NOTES[condition]
                    loan.received_by_id = rng.choice(it_users)
                asset_loans.append(loan)
        loans_of.append(asset_loans)
        last_loan = asset_loans[-1] if asset_loans else None
        if retired:
            asset.state = AssetState.RETIRED
        elif last_loan is not None and last_loan.returned_on is None:
            asset.state = AssetState.LENT
        elif (
            last_loan is not None
            and last_loan.return_condition == Condition.DAMAGED
            and (today - last_loan.returned_on).days < 90
        ):
            asset.state = AssetState.REPAIR

    _bench_loans(dataset, assets, loans_of)
    assets = bulk_create_with_history(assets, Asset, batch_size=BATCH_SIZE)
    loans = []
    for asset, asset_loans in zip(assets, loans_of, strict=True):
        for loan in asset_loans:
            loan.asset = asset
            loan.agreement_accepted_by_id = (
                user_of.get(loan.employee_id) if loan.agreement_accepted_at else None
            )
            loan._history_date = _aware(loan.out_on, 10)
            loan._history_user = _user(loan.lent_by_id)
            loans.append(loan)
    loans = bulk_create_with_history(loans, Loan, batch_size=BATCH_SIZE)
    return assets, loans


def _loan(rng, asset, out_on, due_on, by_site, hires, it_users) -> Loan | None:
    """A loan to someone of the asset's site in post on ``out_on``."""
    site_id = asset.site.pk
    in_post = bisect.bisect_right(hires[site_id], out_on)
    if in_post == 0:
        return None
    _hire, employee_id = by_site[site_id][rng.randrange(in_post)]
    return Loan(
        employee_id=employee_id,
        out_on=out_on,
        due_on=due_on,
        lent_by_id=rng.choice(it_users),
        agreement_accepted_at=_aware(out_on, rng.randint(10, 17), rng.choice((0, 15, 30, 45))),
    )


def _open(rng, loan: Loan, today: date) -> None:
    """An open loan: due back in the coming months, or (a few) overdue and reminded."""
    if rng.random() < 0.08 and loan.out_on < today - timedelta(days=30):
        loan.due_on = max(loan.out_on, today - timedelta(days=rng.randint(1, 90)))
        if (today - loan.due_on).days > 7:
            loan.last_reminder_on = today - timedelta(days=rng.randint(0, 6))
    elif loan.due_on < today:
        loan.due_on = today + timedelta(days=rng.randint(7, 300))
    if (today - loan.out_on).days < 15 and rng.random() < 0.6:
        loan.agreement_accepted_at = None  # the borrower has not accepted it yet


def _bench_loans(dataset: Dataset, assets: list[Asset], loans_of: list[list[Loan]]) -> None:
    """The bench employee borrows: two returned loans, a laptop and a headset still out
    (the headset's agreement to accept)."""
    rng, today = dataset.rng, dataset.today
    employee = dataset.shared["bench_employees"][Role.EMPLOYEE.value]
    hire = employee.hire_date or date(1990, 1, 1)
    wanted = [(AssetKind.LAPTOP, True), (AssetKind.HEADSET, True), (AssetKind.SCREEN, False)]
    wanted.append((AssetKind.LAPTOP, False))
    taken = set()
    for kind, open_loan in wanted:
        for asset, asset_loans in rng.sample(list(zip(assets, loans_of, strict=True)), len(assets)):
            if asset.kind != kind:
                continue
            candidates = [
                loan
                for loan in asset_loans
                if id(loan) not in taken
                and (loan.returned_on is None) == open_loan
                and loan.out_on >= hire
                and loan.due_on.year >= today.year - 3
            ]
            if not candidates:
                continue
            loan = candidates[-1]
            if open_loan and loan.due_on < today:
                continue
            loan.employee_id = employee.pk
            if kind == AssetKind.HEADSET and open_loan:
                loan.agreement_accepted_at = None
            taken.add(id(loan))
            break


# Telework requests ---------------------------------------------------------------------


def _arrangement(rng, reason) -> tuple[str, int, str, int]:
    """(fixed days, floating days, floating period, days a week) within the rules."""
    if reason in (Reason.HEALTH, Reason.PREGNANCY, Reason.CARER):  # above the ceiling
        days = sorted(rng.sample(range(5), rng.choice((3, 4, 4, 5))))
        return ",".join(map(str, days)), 0, FloatingPeriod.WEEK, len(days)
    shape = rng.choices(("fixed", "mixed", "floating"), weights=(75, 15, 10))[0]
    if shape == "fixed":
        days = sorted(rng.sample(range(5), rng.choices((1, 2, 3), weights=(35, 45, 20))[0]))
        return ",".join(map(str, days)), 0, FloatingPeriod.WEEK, len(days)
    if shape == "mixed":  # one or two fixed days and a few floating days a month
        fixed = sorted(rng.sample(range(5), rng.choice((1, 2))))
        floating = rng.choice((2, 4)) if len(fixed) == 1 else rng.choice((1, 2, 4))
        weekly = len(fixed) + floating / 4
        return ",".join(map(str, fixed)), floating, FloatingPeriod.MONTH, -int(-weekly // 1)
    floating = rng.choice((20, 30, 45, 60))  # floating days a year only
    return "", floating, FloatingPeriod.YEAR, -(-floating // 45)


def _period(rng, start: date, reason) -> date:
    if reason == Reason.HEALTH:
        return _add_months(start, rng.choice((3, 6))) - timedelta(days=1)
    if reason == Reason.CARER:
        return _add_months(start, rng.choice((2, 3))) - timedelta(days=1)
    if reason == Reason.PREGNANCY:
        return _add_months(start, rng.choice((4, 5, 6))) - timedelta(days=1)
    months = rng.choices((6, 12, 12, 24), weights=(20, 50, 20, 10))[0]
    return _add_months(start, months) - timedelta(days=1)


def _requests(dataset: Dataset, people) -> list[TeleworkRequest]:
    rng, today = dataset.rng, dataset.today
    shared = dataset.shared
    manager_of, user_of = shared["manager_of"], shared["user_of"]
    decider = shared["bench_users"][perms.final_decider_role().value]
    bench_manager = shared["bench_employees"][Role.MANAGER.value]
    bench_employee = shared["bench_employees"][Role.EMPLOYEE.value]
    team = {pk for pk, m in manager_of.items() if m == bench_manager.pk}
    wanted = dataset.scaled(30000)
    hire_of = {pk: hire for pk, _site, hire in people}
    order = [pk for pk, _site, _hire in people]
    rng.shuffle(order)
    # The bench manager's team first: every member has a request waiting.
    order = sorted(order, key=lambda pk: (pk != bench_employee.pk, pk not in team))
    requests: list[TeleworkRequest] = []
    chains: list[list[TeleworkRequest]] = []
    for pk in order:
        if len(requests) >= wanted:
            break
        chain = _chain(rng, today, pk, hire_of[pk], manager_of.get(pk), pk in team)
        chain = chain[: wanted - len(requests)]
        for req in chain:
            _decide(rng, today, req, user_of, decider.pk)
        requests.extend(chain)
        chains.append(chain)
    requests = bulk_create_with_history(requests, TeleworkRequest, batch_size=BATCH_SIZE)
    renewals = []
    for chain in chains:
        for previous, req in itertools.pairwise(chain):
            if (
                previous.status == RequestStatus.APPROVED
                and req.start == previous.end + timedelta(days=1)
                and req.fixed_days == previous.fixed_days
                and req.reason == previous.reason
            ):
                req.renewed_from_id = previous.pk
                renewals.append(req)
    TeleworkRequest.objects.bulk_update(renewals, ["renewed_from"], batch_size=BATCH_SIZE)
    # ``created_at`` is set on insert (auto_now_add): the day it was submitted.
    created = [r.pk for r in requests]
    for start in range(0, len(created), BATCH_SIZE * 5):
        TeleworkRequest.objects.filter(pk__in=created[start : start + BATCH_SIZE * 5]).update(
            created_at=F("submitted_at")
        )
    return requests


def _request(rng, pk, manager_id, start, end, reason, submitted_at) -> TeleworkRequest:
    """A request of ``pk`` for [start, end], its arrangement drawn for ``reason``."""
    days, floating, period, per_week = _arrangement(rng, reason)
    health = reason == Reason.HEALTH
    return TeleworkRequest(
        employee_id=pk,
        manager_id=manager_id,
        fixed_days=days,
        floating_days=floating,
        floating_period=period,
        days_per_week=per_week,
        start=start,
        end=end,
        reason=reason,
        physician_opinion_received=health,
        physician_opinion_date=(
            timezone.localtime(submitted_at).date() - timedelta(days=rng.randint(3, 40))
            if health
            else None
        ),
        submitted_at=submitted_at,
    )


def _chain(rng, today, pk, hire, manager_id, waiting) -> list[TeleworkRequest]:
    """One teleworker's requests, one period after the other since they started."""
    earliest = max(date(FIRST_YEAR, 1, 1), hire or date(FIRST_YEAR, 1, 1))
    start = _monday_on_or_after(
        earliest + timedelta(days=int(((today - earliest).days - 60) * rng.random() ** 2))
    )
    reason = rng.choices([r for r, _w in REASONS], weights=[w for _r, w in REASONS])[0]
    chain = []
    while True:
        end = _period(rng, start, reason)
        lead = rng.randint(20, 90)
        submitted = start - timedelta(days=lead)
        if submitted > today - timedelta(days=1):
            break
        submitted_at = _aware(submitted, rng.randint(8, 17), rng.choice((0, 20, 40)))
        chain.append(_request(rng, pk, manager_id, start, end, reason, submitted_at))
        # Most renew the same arrangement; some stop, or change after a break.
        if rng.random() < 0.15:
            break
        gap = 1 if rng.random() < 0.7 else rng.randint(30, 200)
        start = _monday_on_or_after(end + timedelta(days=gap)) if gap > 1 else end + timedelta(1)
        if reason != Reason.COMMUTE and rng.random() < 0.6:
            reason = rng.choices([r for r, _w in REASONS], weights=[w for _r, w in REASONS])[0]
    if waiting:  # the bench manager's team: the next period waits for the manager
        chain = [r for r in chain if r.start <= today]
        start = today + timedelta(days=rng.randint(20, 45))
        if chain and chain[-1].end >= today:
            chain[-1].end = max(chain[-1].start, start - timedelta(days=1))
            start = chain[-1].end + timedelta(days=1)
        elif chain:
            start = max(start, chain[-1].end + timedelta(days=1))
        reason = chain[-1].reason if chain else Reason.COMMUTE
        if reason in (Reason.HEALTH, Reason.CARER, Reason.PREGNANCY):
            reason = Reason.COMMUTE
        end = _period(rng, start, reason)
        submitted_at = _aware(today - timedelta(days=rng.randint(1, 12)), 10)
        chain.append(_request(rng, pk, manager_id, start, end, reason, submitted_at))
        chain[-1]._waiting = True
    return chain


def _decide(rng, today, req: TeleworkRequest, user_of, decider_id) -> None:
    """Status and decision dates: decided in the past, pending when recently submitted."""
    submitted = timezone.localtime(req.submitted_at).date()
    elapsed = (today - submitted).days
    manager_user = user_of.get(req.manager_id) if req.manager_id else None
    req._history_date = req.submitted_at
    req._history_user = _user(user_of.get(req.employee_id))
    if getattr(req, "_waiting", False):
        req.status = RequestStatus.SUBMITTED
        return
    if req.start > today:  # the next period, submitted in the last weeks
        outcome = rng.choices(
            ("wait_manager", "wait_final", "approved", "rejected", "withdrawn"),
            weights=(
                50 if elapsed < 20 else 20,
                30 if elapsed >= 3 else 0,
                15 if elapsed >= 8 else 0,
                5 if elapsed >= 8 else 0,
                5,
            ),
        )[0]
    elif req.end >= today:  # in force today (the refused ones were not renewed as such)
        outcome = rng.choices(("approved", "rejected", "withdrawn"), weights=(92, 5, 3))[0]
    else:
        outcome = rng.choices(("approved", "rejected", "withdrawn"), weights=(84, 10, 6))[0]
    step = max(1, min(elapsed, (req.start - submitted).days - 1, 25))
    manager_on = submitted + timedelta(days=rng.randint(1, max(1, step // 2)))
    final_on = manager_on + timedelta(days=rng.randint(1, max(1, step - step // 2)))
    if outcome == "wait_manager" and req.manager_id is None:
        outcome = "wait_final"
    if outcome == "wait_manager":
        req.status = RequestStatus.SUBMITTED
        return
    if req.manager_id is not None:
        req.manager_decided_by_id = manager_user
        req.manager_decided_at = _aware(manager_on, rng.randint(9, 18))
    if outcome == "wait_final":
        req.status = RequestStatus.MANAGER_APPROVED
        return
    if outcome == "withdrawn":
        req.status = RequestStatus.WITHDRAWN
        if rng.random() < 0.5 or req.manager_id is None:
            req.withdrawn_at = _aware(min(today, manager_on + timedelta(days=1)), 12)
        else:
            req.manager_decided_by_id, req.manager_decided_at = None, None
            req.withdrawn_at = _aware(manager_on, 12)
        return
    if outcome == "rejected":
        req.status = RequestStatus.REJECTED
        req.refusal_reason = rng.choice(REFUSALS)
        by_manager = req.manager_id is not None and rng.random() < 0.6
        decided = manager_on if by_manager else final_on
        req.interview_on = max(submitted, decided - timedelta(days=rng.randint(0, 5)))
        if by_manager:
            return
        req.decided_by_id, req.decided_at = decider_id, _aware(final_on, rng.randint(9, 18))
        return
    req.status = RequestStatus.APPROVED
    req.decided_by_id, req.decided_at = decider_id, _aware(final_on, rng.randint(9, 18))
