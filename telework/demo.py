"""Demo data of telework/: the year 2020 as the DD&RS chapter describes it.

- 33 regular teleworkers (1–2 fixed days a week) before March 2020;
- the exceptional regime of the health crisis from 16 March 2020 to 31 December 2020;
- from 16 March 2020: 100 laptops, 150 headsets with microphone, 150 24-inch screens
  lent, and 20 desktop PCs of Clavières and Croupillac set up with the VPN and taken home;
- a pending request of the demo employee, so that the demo manager has something to do.

Idempotent: requests are matched on (employee, start), assets on their tag, and an
asset that already has loans gets none; ``random.Random(2020)`` makes every run draw
the same people.
"""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from hr.models import Employee, Site
from imtsocial.accounts.roles import Role
from imtsocial.demo import demo_email
from telework.enums import LIVE_STATUSES, AssetKind, AssetState, Reason, RequestStatus
from telework.models import Asset, ExceptionalRegime, Loan, TeleworkRequest

REGULAR_TELEWORKERS = 33
BEFORE_CRISIS = date(2020, 3, 1)
CRISIS_START, CRISIS_END = date(2020, 3, 16), date(2020, 12, 31)
# kind, tag prefix, lent from 16 March 2020, kept in stock, VPN/visio configured
FLEET = [
    (AssetKind.LAPTOP, "PORT", 100, 8, True),
    (AssetKind.HEADSET, "CASQ", 150, 10, False),
    (AssetKind.SCREEN, "ECR", 150, 10, False),
    (AssetKind.DESKTOP, "FIXE", 20, 0, True),
]
STILL_OUT = 5  # loans never returned: the overdue list of today


def build():
    rng = random.Random(2020)
    _build_regime()
    _build_regular_teleworkers(rng)
    _build_fleet_and_loans(rng)
    _build_current_loans()
    _build_pending_request()
    _build_current_authorisations()


# Authorisations of today for the demo manager's team: (fixed weekdays) of each report.
CURRENT_TEAM_DAYS = ["0", "1,3", "4", "2"]


def _build_current_authorisations(today: date | None = None):
    """A living present for the team calendar: the 2020 authorisations all ended on
    31 December 2020 and the demo employee's request is still pending, so the calendar of
    today showed everyone « Sur site ». A few of the demo manager's reports get an
    authorisation for the current year (none before 2021: the 2020 figures are unchanged).

    Idempotent: matched on (employee, start)."""
    today = today or timezone.localdate()
    manager = Employee.objects.filter(user__email=demo_email(Role.MANAGER)).first()
    if manager is None:
        return
    start, end = date(today.year, 1, 1), date(today.year, 12, 31)
    reports = list(
        Employee.objects.active(today)
        .filter(manager=manager, user__isnull=True)
        .order_by("employee_number")[: len(CURRENT_TEAM_DAYS)]
    )
    # Skip a report already authorised this year (by this builder or otherwise).
    covered = set(
        TeleworkRequest.objects.filter(employee__in=reports, status__in=LIVE_STATUSES)
        .overlapping(start, end)
        .values_list("employee_id", flat=True)
    )
    new = [
        TeleworkRequest(
            employee=employee,
            manager=manager,
            fixed_days=days,
            days_per_week=len(days.split(",")),
            start=start,
            end=end,
            reason=Reason.COMMUTE,
            status=RequestStatus.APPROVED,
            submitted_at=_aware(start - timedelta(days=45)),
            manager_decided_at=_aware(start - timedelta(days=35)),
            decided_at=_aware(start - timedelta(days=20)),
        )
        for employee, days in zip(reports, CURRENT_TEAM_DAYS, strict=False)
        if employee.pk not in covered
    ]
    if new:
        bulk_create_with_history(new, TeleworkRequest)


# Loans of today from the stock (kind, how many): out in the last weeks, due back in the
# coming months — the first one (the demo employee's) waits for the agreement to be accepted.
CURRENT_LOANS = [(AssetKind.LAPTOP, 3), (AssetKind.SCREEN, 2), (AssetKind.HEADSET, 2)]


def _build_current_loans(today: date | None = None):
    """A living present: a few current loans relative to the day the demo is built.

    Only made once (no loan of the demo starts after 2021 yet), so a second run changes
    nothing."""
    today = today or timezone.localdate()
    if Loan.objects.filter(out_on__year__gt=2021).exists():
        return
    it_user_id = (
        Employee.objects.filter(user__email=demo_email(Role.IT)).values_list("user_id", flat=True)
    ).first()
    # The demo employee first (« Mes prêts » shows an agreement to accept), then others.
    borrowers = list(
        Employee.objects.filter(user__email=demo_email(Role.EMPLOYEE)).values_list("pk", flat=True)
    ) + list(
        Employee.objects.active(today)
        .filter(employee_number__startswith="E")
        .order_by("-employee_number")
        .values_list("pk", flat=True)[:7]
    )
    loans, lent = [], []
    index = 0
    for kind, count in CURRENT_LOANS:
        stock = Asset.objects.filter(kind=kind, state=AssetState.IN_STOCK).order_by("tag")[:count]
        for asset in stock:
            if index >= len(borrowers):
                break
            out_on = today - timedelta(days=5 + 6 * index)
            loans.append(
                Loan(
                    asset=asset,
                    employee_id=borrowers[index],
                    out_on=out_on,
                    due_on=today + timedelta(days=30 + 15 * index),
                    lent_by_id=it_user_id,
                    agreement_accepted_at=None if index == 0 else _aware(out_on),
                )
            )
            lent.append(asset.pk)
            index += 1
    if loans:
        bulk_create_with_history(loans, Loan)
        Asset.objects.filter(pk__in=lent).update(state=AssetState.LENT)


def _build_regime():
    ExceptionalRegime.objects.get_or_create(
        name="Crise sanitaire COVID-19 : régime transitoire",
        defaults={
            "start": CRISIS_START,
            "end": CRISIS_END,
            "description": (
                "Situation exceptionnelle perturbant l'accès au site : télétravail pour "
                "tous les agents dont les missions le permettent, présence sur site limitée "
                "aux activités qui l'exigent."
            ),
        },
    )


def _aware(day: date):
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def _build_regular_teleworkers(rng):
    staff = list(
        Employee.objects.active(BEFORE_CRISIS)
        .filter(user__isnull=True)
        .order_by("employee_number")
        .values_list("pk", "manager_id")
    )
    chosen = rng.sample(staff, REGULAR_TELEWORKERS)
    existing = set(
        TeleworkRequest.objects.filter(employee_id__in=[pk for pk, _m in chosen]).values_list(
            "employee_id", "start"
        )
    )
    new = []
    for pk, manager_id in chosen:
        start = date(rng.choice([2018, 2019]), rng.choice([1, 9]), 1)
        days = sorted(rng.sample(range(5), rng.choice([1, 1, 2])))
        reason = rng.choice([Reason.COMMUTE, Reason.COMMUTE, Reason.COMMUTE, Reason.SITUATION])
        if (pk, start) in existing:
            continue
        new.append(
            TeleworkRequest(
                employee_id=pk,
                manager_id=manager_id,
                fixed_days=",".join(str(d) for d in days),
                days_per_week=len(days),
                start=start,
                end=CRISIS_END,
                reason=reason,
                status=RequestStatus.APPROVED,
                submitted_at=_aware(start - timedelta(days=45)),
                manager_decided_at=_aware(start - timedelta(days=35)),
                decided_at=_aware(start - timedelta(days=20)),
            )
        )
    if new:
        bulk_create_with_history(new, TeleworkRequest)


def _build_fleet_and_loans(rng):
    sites = list(Site.objects.filter(code__in=["clavieres", "croupillac"]).order_by("code"))
    if not sites:
        return
    in_post = list(
        Employee.objects.active(CRISIS_START)
        .order_by("employee_number")
        .values_list("pk", "site_id")
    )
    it_user_id = (
        Employee.objects.filter(user__email=demo_email(Role.IT)).values_list("user_id", flat=True)
    ).first()
    for kind, prefix, lent, stock, configured in FLEET:
        tags = [f"{prefix}-{n:04d}" for n in range(1, lent + stock + 1)]
        known = set(Asset.objects.filter(tag__in=tags).values_list("tag", flat=True))
        assets = [
            Asset(
                tag=tag,
                serial=f"SN-{prefix}-{rng.randrange(10**7, 10**8)}",
                kind=kind,
                site=sites[index % len(sites)],
                vpn_configured=configured,
                videoconf_configured=configured,
                model_name=_model(kind),
            )
            for index, tag in enumerate(tags)
        ]
        bulk_create_with_history([a for a in assets if a.tag not in known], Asset)
        borrowers = rng.sample(in_post, lent)
        lent_assets = Asset.objects.filter(tag__in=tags[:lent], loans__isnull=True).in_bulk(
            field_name="tag"
        )
        loans, still_out = [], []
        for index, ((employee_id, _site_id), tag) in enumerate(
            zip(borrowers, tags[:lent], strict=True)
        ):
            out_on = CRISIS_START + timedelta(days=rng.randrange(0, 15))
            due_on = date(2021, 6, 30)
            returned = due_on + timedelta(days=rng.randrange(0, 60))
            open_loan = kind == AssetKind.LAPTOP and index < STILL_OUT
            asset = lent_assets.get(tag)
            if asset is None:
                continue
            loans.append(
                Loan(
                    asset=asset,
                    employee_id=employee_id,
                    out_on=out_on,
                    due_on=due_on,
                    lent_by_id=it_user_id,
                    agreement_accepted_at=_aware(out_on),
                    returned_on=None if open_loan else returned,
                    return_condition="" if open_loan else "good",
                )
            )
            if open_loan:
                still_out.append(asset.pk)
        if loans:
            bulk_create_with_history(loans, Loan)
            Asset.objects.filter(pk__in=still_out).update(state=AssetState.LENT)


def _model(kind) -> str:
    return {
        AssetKind.LAPTOP: "Dell Latitude 5410",
        AssetKind.HEADSET: "Jabra Evolve 40",
        AssetKind.SCREEN: "Iiyama ProLite 24 pouces",
        AssetKind.DESKTOP: "HP EliteDesk 800",
    }[kind]


def _build_pending_request():
    employee = Employee.objects.filter(user__email=demo_email(Role.EMPLOYEE)).first()
    if employee is None or employee.manager_id is None:
        return
    today = timezone.localdate()
    start = today + timedelta(days=7 - today.weekday() + 7)
    if TeleworkRequest.objects.filter(employee=employee).exists():
        return
    TeleworkRequest.objects.create(
        employee=employee,
        manager_id=employee.manager_id,
        fixed_days="1,3",
        days_per_week=2,
        start=start,
        end=start + timedelta(days=363),
        reason=Reason.COMMUTE,
        status=RequestStatus.SUBMITTED,
        submitted_at=timezone.now(),
    )
