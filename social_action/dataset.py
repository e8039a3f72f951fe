"""The benchmark's social action (``manage.py bench_dataset``, ``imtsocial.datasets``).

For 10 000 employees (``Dataset.scaled``):

- ``scaled(20000)`` aid requests since 2019 across the schemes open on request (CESU
  childcare, exceptional aids and solidarity loans, higher-education allowances, AIP for
  newcomers within 24 months of their hiring, AEEH, CESU disability), each with what its
  rule asks and the amount the rule gives at the date it was filed: past years decided
  (mostly paid, some refused), this year's partly in the correspondent's queue
  (submitted, complement asked, approved and not yet paid) and a few drafts;
- their documents' metadata (one to three per filed request), all pointing at one tiny
  PDF stored once; the correspondent's messages (every complement asked, some
  exchanges); the households' tax-notice figures of the CESU requests;
- the envelopes of every year and scheme, sized so that the granted amounts fit;
- ``scaled(800)`` appointment slots a year (correspondent, social worker, lawyer,
  psychologist), most past ones booked, and the coming weeks' slots partly booked;
- each year's Christmas tree (with the children and their gift category), flu
  vaccination and staff party, with their registrations.

The bench employee has aid requests (one paid last year, one waiting for a complement,
one in the queue, a draft), an appointment to come and children at this year's tree.
Rows are written in bulk (aid requests and envelopes with their creation history row).
"""

import bisect
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from hr.models import Employee
from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role
from imtsocial.datasets import BATCH_SIZE, Dataset, bulk
from social_action import parameters
from social_action.enums import (
    Household,
    RateKey,
    RequestStatus,
    Rule,
    Zone,
)
from social_action.models import (
    AidDocument,
    AidMessage,
    AidRequest,
    AidScheme,
    HouseholdFacts,
    IncomeBand,
    Rate,
    SchemeBudget,
    SchemeCap,
)

FIRST_YEAR = 2019
CENT = Decimal("0.01")
# scheme code → share of the requests
SCHEME_SHARES = {
    "cesu-garde": 30,
    "aide-exceptionnelle": 18,
    "allocation-superieur": 15,
    "pret-solidarite": 12,
    "cesu-handicap": 9,
    "parents-enfant-handicape": 8,
    "aip": 8,
}
DOCUMENTS = {
    Rule.CESU_CHILDCARE: ["avis-imposition.pdf", "livret-de-famille.pdf", "attestation-garde.pdf"],
    Rule.AIP: ["bail.pdf", "factures-installation.pdf", "rib.pdf"],
    Rule.AEEH: ["notification-aeeh.pdf", "livret-de-famille.pdf"],
    Rule.HIGHER_EDUCATION: ["certificat-scolarite.pdf", "livret-de-famille.pdf"],
    Rule.NONE: ["justificatifs.pdf", "budget-du-foyer.pdf", "rib.pdf"],
}
REASONS = [
    "Difficulté passagère après une séparation.",
    "Frais de santé importants non remboursés.",
    "Réparation du véhicule indispensable pour venir travailler.",
    "Retard de paiement du loyer après une baisse de revenus.",
    "Équipement adapté au handicap d'un enfant.",
    "Frais d'obsèques d'un proche.",
]
REFUSALS = [
    "Les ressources du foyer dépassent le barème du dispositif.",
    "Pièces justificatives incomplètes malgré la relance.",
    "La dépense n'entre pas dans l'objet du dispositif.",
]
ASK_INFO = [
    "Bonjour, pourriez-vous joindre le dernier avis d'imposition ? Merci.",
    "Bonjour, il manque le livret de famille pour instruire la demande.",
    "Bonjour, merci de joindre un justificatif de la dépense.",
]
EXCHANGES = [
    ("Bonjour, ma demande est-elle complète ?", "Bonjour, oui : elle est en cours d'instruction."),
    ("Bonjour, quand l'aide sera-t-elle versée ?", "Bonjour, sous un mois après la décision."),
]
# kind, share, minutes, place
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _money(value) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def _aware(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """``day`` at ``hour``, never later than now."""
    return min(timezone.make_aware(datetime.combine(day, time(hour, minute))), timezone.now())


def _years_before(day: date, years: int, extra_days: int) -> date:
    try:
        return day.replace(year=day.year - years) - timedelta(days=extra_days)
    except ValueError:  # 29 February
        return date(day.year - years, 2, 28) - timedelta(days=extra_days)


def _age(birth: date, at: date) -> int:
    return at.year - birth.year - ((at.month, at.day) < (birth.month, birth.day))


class _Figures:
    """The date-effective figures the rules read, loaded once (no query per request)."""

    def __init__(self):
        self.rates = list(Rate.objects.values_list("key", "valid_from", "valid_to", "amount"))
        self.bands = list(
            IncomeBand.objects.values_list(
                "household", "tax_shares", "valid_from", "valid_to", "band1_max", "band2_max"
            )
        )
        self.caps = list(
            SchemeCap.objects.values_list("scheme_id", "valid_from", "valid_to", "amount")
        )
        self._parameters = {}

    def parameter(self, parameter, at):
        """A dated parameter's value at ``at`` (read once a day)."""
        key = (parameter.key, at)
        if key not in self._parameters:
            self._parameters[key] = parameter.at(at)
        return self._parameters[key]

    @staticmethod
    def _in_force(valid_from, valid_to, at) -> bool:
        return valid_from <= at and (valid_to is None or valid_to >= at)

    def rate(self, key, at) -> Decimal | None:
        rows = [r for r in self.rates if r[0] == key and self._in_force(r[1], r[2], at)]
        return max(rows, key=lambda r: r[1])[3] if rows else None

    def cap(self, scheme_id, at) -> Decimal | None:
        rows = [r for r in self.caps if r[0] == scheme_id and self._in_force(r[1], r[2], at)]
        return max(rows, key=lambda r: r[1])[3] if rows else None

    def band(self, household, income, shares, at) -> int | None:
        rows = [
            b
            for b in self.bands
            if b[0] == household and b[1] <= shares and self._in_force(b[2], b[3], at)
        ]
        if not rows:
            return None
        row = max(rows, key=lambda b: (b[1], b[2]))
        return 1 if income <= row[4] else 2 if income <= row[5] else 3


def build(dataset: Dataset) -> dict[str, int]:
    shared = dataset.shared
    people = sorted(
        (hire or date(1990, 1, 1), pk)
        for pk, hire in Employee.objects.filter(pk__in=shared["employee_ids"]).values_list(
            "pk", "hire_date"
        )
    )
    correspondent = shared["bench_users"][Role.SOCIAL_ACTION.value]
    requests, documents, messages, facts = _aids(dataset, people, correspondent)
    budgets = _budgets(dataset, requests, correspondent)
    from social_action.dataset_agenda import appointments, events_and_registrations

    slots, bookings = appointments(dataset, people, correspondent)
    events, registrations, children = events_and_registrations(dataset, people)
    return {
        "demandes d'aide": len(requests),
        "dont en instruction": sum(
            1
            for r in requests
            if r.status
            in (RequestStatus.SUBMITTED, RequestStatus.NEEDS_INFO, RequestStatus.APPROVED)
        ),
        "pièces justificatives": len(documents),
        "messages": len(messages),
        "situations fiscales": len(facts),
        "enveloppes": budgets,
        "créneaux": len(slots),
        "rendez-vous": len(bookings),
        "événements": events,
        "inscriptions": len(registrations),
        "enfants inscrits": len(children),
    }


# Aid requests --------------------------------------------------------------------------


def _in_post(rng, people, at: date) -> int | None:
    """An employee in post at ``at`` (hired on or before)."""
    count = bisect.bisect_right(people, (at, float("inf")))
    return people[rng.randrange(count)][1] if count else None


def _status(rng, year: int, today: date) -> str:
    if year < today.year:
        return rng.choices(
            (RequestStatus.PAID, RequestStatus.REJECTED, RequestStatus.APPROVED),
            weights=(85, 13, 2 if year == today.year - 1 else 0),
        )[0]
    return rng.choices(
        (
            RequestStatus.PAID,
            RequestStatus.REJECTED,
            RequestStatus.APPROVED,
            RequestStatus.SUBMITTED,
            RequestStatus.NEEDS_INFO,
            RequestStatus.DRAFT,
        ),
        weights=(50, 9, 9, 17, 8, 7),
    )[0]


def _filed_on(rng, year: int, status: str, today: date) -> date:
    """When the request was filed (or last edited, for a draft)."""
    if year == today.year and status in (
        RequestStatus.SUBMITTED,
        RequestStatus.NEEDS_INFO,
        RequestStatus.DRAFT,
    ):
        return today - timedelta(days=rng.randint(1, 60))
    if year == today.year and status == RequestStatus.APPROVED:
        return today - timedelta(days=rng.randint(10, 45))
    last = min(date(year, 12, 15), today - timedelta(days=60))
    first = date(year, 1, 10)
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _fill(rng, figures: _Figures, scheme: AidScheme, req: AidRequest, at: date) -> bool:
    """The fields the scheme's rule asks and the amount it gives at ``at`` (False: the
    draw does not fit the rule, try again)."""
    rule = scheme.rule
    if rule == Rule.NONE:
        cap = figures.cap(scheme.pk, at) or Decimal(1000)
        req.amount_asked = Decimal(rng.randrange(150, int(cap) + 1, 50))
        req.reason = rng.choice(REASONS)
        req.amount_estimated = _money(req.amount_asked)
    elif rule == Rule.HIGHER_EDUCATION:
        req.child_birth_date = _years_before(at, rng.choice((17, 18, 18, 19)), rng.randint(0, 300))
        amount = figures.rate(RateKey.HIGHER_EDUCATION, at)
        if amount is None:
            return False
        req.amount_estimated = _money(amount)
    elif rule == Rule.CESU_CHILDCARE:
        single = rng.random() < 0.25
        req.household = Household.SINGLE if single else Household.COUPLE
        req.tax_shares = Decimal(
            rng.choice(("1.5", "2", "2.5")) if single else rng.choice(("2", "2.5", "3", "3.5", "4"))
        )
        req.reference_income = Decimal(rng.randrange(16000, 72000, 250))
        req.child_birth_date = at - timedelta(days=rng.randint(60, 365 * 6 - 30))
        if _age(req.child_birth_date, at) >= figures.parameter(parameters.CESU_MAX_AGE, at):
            return False
        req.months = 12 if rng.random() < 0.6 else rng.randint(3, 11)
        band = figures.band(req.household, req.reference_income, req.tax_shares, at)
        yearly = band and figures.rate(RateKey(f"cesu_{req.household}_{band}"), at)
        if not yearly:
            return False
        req.amount_estimated = _money(yearly * req.months / 12)
    elif rule == Rule.AEEH:
        req.aeeh_notified = True
        req.child_birth_date = _years_before(at, rng.randint(3, 18), rng.randint(0, 300))
        req.aeeh_from = at - timedelta(days=rng.randint(30, 1500))
        if rng.random() < 0.7:
            req.aeeh_to = max(date(at.year, 12, 31), req.aeeh_from + timedelta(days=365 * 3))
        req.months = rng.choice((6, 12, 12, 12))
        monthly = figures.rate(RateKey.AEEH_MONTHLY, at)
        if monthly is None or _age(req.child_birth_date, at) >= figures.parameter(
            parameters.AEEH_MAX_AGE, at
        ):
            return False
        req.amount_estimated = _money(monthly * req.months)
    elif rule == Rule.AIP:
        req.zone = rng.choices(list(Zone), weights=(40, 15, 45))[0]
        req.lease_date = at - timedelta(days=rng.randint(10, 300))
        req.expenses = Decimal(rng.randrange(300, 2600, 10))
        zone_key = {Zone.HIGH_RENT: RateKey.AIP_HIGH_RENT, Zone.PRIORITY: RateKey.AIP_PRIORITY}
        ceiling = figures.rate(zone_key.get(req.zone, RateKey.AIP_OTHER), at)
        if ceiling is None:
            return False
        req.amount_estimated = _money(min(req.expenses, ceiling))
    else:
        return False
    cap = figures.cap(scheme.pk, at)
    if cap is not None and req.amount_estimated > cap:
        req.amount_estimated = _money(cap)
    return True


def _aids(dataset: Dataset, people, correspondent):
    rng, today = dataset.rng, dataset.today
    shared = dataset.shared
    user_of = shared["user_of"]
    figures = _Figures()
    schemes = {
        s.code: s
        for s in AidScheme.objects.filter(
            code__in=SCHEME_SHARES, eligible=True, on_request=True, min_seniority_months=0
        )
    }
    codes = [c for c in SCHEME_SHARES if c in schemes]
    weights = [SCHEME_SHARES[c] for c in codes]
    years = list(range(FIRST_YEAR, today.year + 1))
    year_weights = [10 + i for i in range(len(years))]
    aip_window = parameters.AIP_MONTHS_SINCE_HIRE.at(today) * 30 - 20
    # Newcomers who may ask for the AIP: hired recently enough for a filing since 2019.
    newcomers = [
        (hire, pk)
        for hire, pk in people
        if hire + timedelta(days=aip_window) > date(FIRST_YEAR, 1, 5)
    ]
    rng.shuffle(newcomers)
    seen: set[tuple[int, int, int]] = set()
    requests: list[AidRequest] = []
    wanted = dataset.scaled(20000)
    bench = shared["bench_employees"][Role.EMPLOYEE.value]
    plan = [
        ("cesu-garde", today.year - 1, RequestStatus.PAID),
        ("cesu-garde", today.year, RequestStatus.NEEDS_INFO),
        ("aide-exceptionnelle", today.year, RequestStatus.SUBMITTED),
        ("allocation-superieur", today.year, RequestStatus.DRAFT),
    ]
    attempts = 0
    while len(requests) < wanted and attempts < wanted * 5:
        attempts += 1
        if plan:  # the bench employee's own requests first
            code, year, status = plan.pop(0)
            if code not in schemes:
                continue
            requester = bench.pk
        else:
            code = rng.choices(codes, weights=weights)[0]
            year = rng.choices(years, weights=year_weights)[0]
            status = _status(rng, year, today)
            requester = None
        scheme = schemes[code]
        if scheme.rule == Rule.AIP and requester is None:
            if not newcomers:
                continue
            hire, requester = newcomers.pop()
            filed = max(date(FIRST_YEAR, 1, 5), hire + timedelta(days=rng.randint(20, 300)))
            filed = min(filed, hire + timedelta(days=aip_window))
            if filed >= today:
                continue
            year = filed.year
            status = _status(rng, year, today)
            if year == today.year and status in (RequestStatus.SUBMITTED, RequestStatus.DRAFT):
                filed = max(filed, today - timedelta(days=rng.randint(1, 30)))
        else:
            filed = _filed_on(rng, year, status, today)
            requester = requester or _in_post(rng, people, filed)
        if requester is None or (requester, scheme.pk, year) in seen:
            continue
        req = AidRequest(requester_id=requester, scheme=scheme, year=year, status=status)
        if not _fill(rng, figures, scheme, req, filed):
            continue
        seen.add((requester, scheme.pk, year))
        _timeline(rng, req, filed, today)
        req._history_date = req.submitted_at or req.created_at
        req._history_user = User(pk=user_of[requester]) if requester in user_of else None
        requests.append(req)
    requests = bulk_create_with_history(requests, AidRequest, batch_size=BATCH_SIZE)
    documents = bulk(AidDocument, _documents(rng, requests, user_of))
    messages = bulk(AidMessage, _messages(rng, requests, user_of, correspondent, today))
    facts = {}
    for req in requests:
        if req.reference_income is not None and req.tax_shares:
            facts[(req.requester_id, req.year - 2)] = HouseholdFacts(
                employee_id=req.requester_id,
                income_year=req.year - 2,
                reference_income=req.reference_income,
                tax_shares=req.tax_shares,
            )
    facts = bulk(HouseholdFacts, facts.values())
    return requests, documents, messages, facts


def _timeline(rng, req: AidRequest, filed: date, today: date) -> None:
    """Dates and decision of the request, filed on ``filed``; paid too late to be paid
    by today: still approved."""
    req.created_at = _aware(filed - timedelta(days=rng.randint(0, 5)), 9)
    if req.status == RequestStatus.DRAFT:
        req.created_at = _aware(filed, 9)
        return
    req.submitted_at = _aware(filed, rng.randint(8, 18), rng.choice((0, 15, 30, 45)))
    if req.status in (RequestStatus.SUBMITTED, RequestStatus.NEEDS_INFO):
        return
    decided = min(filed + timedelta(days=rng.randint(3, 25)), today)
    req.decided_at = _aware(decided, rng.randint(9, 17))
    if req.status == RequestStatus.REJECTED:
        req.decision_note = rng.choice(REFUSALS)
        return
    granted = req.amount_estimated
    if req.scheme.rule == Rule.NONE and rng.random() < 0.3:  # case by case: less granted
        granted = max(Decimal(50), (granted * Decimal("0.7") / 50).to_integral_value() * 50)
    req.amount_granted = _money(granted)
    paid = decided + timedelta(days=rng.randint(5, 30))
    if req.status == RequestStatus.PAID and paid < today:
        req.paid_at = _aware(paid, 11)
    else:
        req.status = RequestStatus.APPROVED


def _stored_document() -> tuple[str, int]:
    """One tiny PDF stored once; every benchmark document row points at it."""
    storage = AidDocument._meta.get_field("file").storage
    name = storage.save("social_action/bench/justificatif.pdf", ContentFile(MINIMAL_PDF))
    return name, len(MINIMAL_PDF)


def _documents(rng, requests, user_of):
    name, size = _stored_document()
    for req in requests:
        names = DOCUMENTS.get(req.scheme.rule, DOCUMENTS[Rule.NONE])
        if req.status == RequestStatus.DRAFT:
            count = rng.choice((0, 1))
        else:
            count = rng.randint(1, len(names))
        uploaded = req.submitted_at or req.created_at
        for original in names[:count]:
            yield AidDocument(
                request=req,
                file=name,
                original_name=original,
                content_type="application/pdf",
                size=size,
                uploaded_by_id=user_of.get(req.requester_id),
                uploaded_at=uploaded - timedelta(minutes=rng.randint(1, 30)),
            )


def _messages(rng, requests, user_of, correspondent, today):
    now = timezone.now()
    for req in requests:
        if req.submitted_at is None:
            continue
        requester = user_of.get(req.requester_id)
        if req.status == RequestStatus.NEEDS_INFO:
            yield AidMessage(
                request=req,
                author=correspondent,
                body=rng.choice(ASK_INFO),
                created_at=min(now, req.submitted_at + timedelta(days=rng.randint(1, 6))),
            )
        elif rng.random() < 0.25:
            question, answer = rng.choice(EXCHANGES)
            asked = min(now, req.submitted_at + timedelta(days=rng.randint(1, 3), hours=2))
            yield AidMessage(request=req, author_id=requester, body=question, created_at=asked)
            yield AidMessage(
                request=req,
                author=correspondent,
                body=answer,
                created_at=min(now, asked + timedelta(hours=rng.randint(2, 30))),
            )


def _budgets(dataset: Dataset, requests, correspondent) -> int:
    """Every (scheme, year) envelope large enough for what was granted and is pending."""
    rng = dataset.rng
    needed: dict[tuple[int, int], Decimal] = {}
    for req in requests:
        if req.status == RequestStatus.DRAFT or req.status == RequestStatus.REJECTED:
            continue
        amount = req.amount_granted or req.amount_estimated or Decimal(0)
        needed[(req.scheme_id, req.year)] = needed.get((req.scheme_id, req.year), 0) + amount
    existing = {(b.scheme_id, b.year): b for b in SchemeBudget.objects.all()}
    changed, new = [], []
    for key, amount in sorted(needed.items()):
        envelope = (amount * Decimal(rng.uniform(1.1, 1.3)) / 1000).to_integral_value() * 1000
        envelope = _money(max(envelope, Decimal(1000)))
        budget = existing.get(key)
        if budget is None:
            budget = SchemeBudget(scheme_id=key[0], year=key[1], envelope=envelope)
            budget._history_user = correspondent
            budget._history_date = _aware(date(key[1], 1, 5))
            new.append(budget)
        elif budget.envelope < envelope:  # the demo's envelopes are a small school's
            budget.envelope = envelope
            changed.append(budget)
    bulk_create_with_history(new, SchemeBudget, batch_size=BATCH_SIZE)
    SchemeBudget.objects.bulk_update(changed, ["envelope"])
    return len(new) + len(changed)


# Appointments --------------------------------------------------------------------------
