"""Demo data of social_action/: the year 2020 as section E of the DD&RS chapter tells it.

About 50 appointments with the correspondent, 15 with the social worker, 5 with the
lawyer or the psychologist, 10 higher-education allowances, 10 exceptional aids,
about 120 children at the Christmas tree, grants to both associations; and one request
in progress for employee@demo.imtsocial.fr. Idempotent: each block is keyed on what it
creates, so a second run changes nothing."""

import random
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from hr.models import Employee
from imtsocial.accounts.models import User
from social_action import rules
from social_action.enums import (
    GRANTED_STATUSES,
    EventKind,
    Household,
    RequestStatus,
    SlotKind,
)
from social_action.models import (
    AidDocument,
    AidMessage,
    AidRequest,
    AidScheme,
    Association,
    AssociationGrant,
    Booking,
    ChristmasChild,
    Event,
    EventRegistration,
    SchemeBudget,
    Slot,
)

YEAR = 2020
CORRESPONDENT = "social_action@demo.imtsocial.fr"
EMPLOYEE = "employee@demo.imtsocial.fr"
# scheme code → envelope (€) for 2020 and for the current year
ENVELOPES = {
    "pret-solidarite": Decimal("15000"),
    "allocation-superieur": Decimal("4000"),
    "aide-exceptionnelle": Decimal("10000"),
    "aip": Decimal("6000"),
    "cesu-garde": Decimal("12000"),
    "cesu-handicap": Decimal("3000"),
    "parents-enfant-handicape": Decimal("6000"),
}
APPOINTMENTS = [  # kind, count in 2020, place
    (SlotKind.OFFICE_HOURS, 50, "Clavières, bureau de l'action sociale"),
    (SlotKind.SOCIAL_WORKER, 15, "Clavières, bureau de l'action sociale"),
    (SlotKind.LAWYER, 3, "Croupillac, salle de réunion 2"),
    (SlotKind.PSYCHOLOGIST, 2, "Croupillac, salle de réunion 2"),
]
GRANTS = {"staff": Decimal("18000"), "athema": Decimal("3500")}  # association code → 2020
CHILD_NAMES = ["Léa", "Hugo", "Chloé", "Louis", "Emma", "Jules", "Inès", "Adam", "Lina", "Nathan"]
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def build():
    rng = random.Random(YEAR)
    staff = list(
        Employee.objects.filter(employee_number__startswith="E").order_by("employee_number")
    )
    if not staff:
        return
    correspondent = User.objects.filter(email=CORRESPONDENT).first()
    schemes = {s.code: s for s in AidScheme.objects.all()}
    _budgets(schemes)
    _appointments(rng, staff, correspondent)
    _aids(rng, staff, schemes)
    _events(rng, staff)
    for code, amount in GRANTS.items():
        AssociationGrant.objects.get_or_create(
            association=Association.objects.get(code=code),
            year=YEAR,
            defaults={"amount": amount, "note": "Subvention de fonctionnement"},
        )
    _request_in_progress(schemes, correspondent)
    _present(correspondent)
    _previous_year(staff, schemes, correspondent)


def _present(correspondent, today: date | None = None):
    """A living present relative to the day the demo is built: free appointment slots in
    the coming four weeks and this year's Christmas party open for registration."""
    today = today or timezone.localdate()
    monday = today + timedelta(days=7 - today.weekday())
    for week in range(4):
        for offset, (kind, _count, place) in enumerate(APPOINTMENTS):
            day = monday + timedelta(weeks=week, days=1 + offset % 3)  # Tuesday to Thursday
            for hour in (9, 14):
                Slot.objects.get_or_create(
                    kind=kind,
                    starts_at=_aware(day, hour, 30 if kind == SlotKind.OFFICE_HOURS else 0),
                    defaults={"location": place, "published_by": correspondent},
                )
    party = christmas_party_date(today)
    deadline = max(date(party.year, 11, 20), min(today + timedelta(days=7), party - timedelta(7)))
    Event.objects.get_or_create(
        kind=EventKind.CHRISTMAS,
        date=party,
        defaults={
            "title": f"Arbre de Noël {party.year}",
            "registration_deadline": deadline,
            "location": "Clavières, amphithéâtre",
        },
    )


def christmas_party_date(today: date) -> date:
    """The Christmas party still ahead: 16 December of this year, or of next year once
    registration can no longer open in time (after 2 December)."""
    year = today.year if today <= date(today.year, 12, 2) else today.year + 1
    return date(year, 12, 16)


def _aware(day: date, hour: int, minute: int = 0):
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))


def _budgets(schemes):
    for year in sorted({YEAR, timezone.localdate().year}):
        for code, envelope in ENVELOPES.items():
            if code in schemes:
                SchemeBudget.objects.get_or_create(
                    scheme=schemes[code], year=year, defaults={"envelope": envelope}
                )


def _appointments(rng, staff, correspondent):
    for kind, count, place in APPOINTMENTS:
        for index in range(count):
            # Spread over the working days of 2020 (one slot a week per kind, Tuesday mornings).
            day = date(YEAR, 1, 7) + timedelta(weeks=index % 50, days=list(SlotKind).index(kind))
            starts_at = _aware(day, 9 + index // 50, 30 if kind == SlotKind.OFFICE_HOURS else 0)
            person = rng.choice(staff)
            slot, created = Slot.objects.get_or_create(
                kind=kind,
                starts_at=starts_at,
                defaults={"location": place, "published_by": correspondent},
            )
            if created:
                Booking.objects.create(
                    slot=slot, employee=person, booked_at=starts_at - timedelta(days=7)
                )


def _aids(rng, staff, schemes):
    plan = [
        ("allocation-superieur", 10, lambda: None),
        ("aide-exceptionnelle", 10, lambda: Decimal(rng.randrange(200, 900, 50))),
    ]
    for code, count, amount_of in plan:
        scheme = schemes.get(code)
        people = rng.sample(staff, count)
        amounts = [amount_of() for _ in range(count)]
        if scheme is None or AidRequest.objects.filter(scheme=scheme, year=YEAR).exists():
            continue
        for index, (person, amount) in enumerate(zip(people, amounts, strict=True)):
            submitted = _aware(date(YEAR, 2, 1) + timedelta(days=25 * index), 10)
            fields = {}
            if code == "allocation-superieur":
                fields["child_birth_date"] = date(2002, 1 + index, 10)
                amount = Decimal("300")
            else:
                fields["amount_asked"] = amount
                fields["reason"] = "Difficulté passagère (dossier de démonstration)"
            AidRequest.objects.create(
                requester=person,
                scheme=scheme,
                year=YEAR,
                status=RequestStatus.PAID,
                amount_estimated=amount,
                amount_granted=amount,
                created_at=submitted - timedelta(days=2),
                submitted_at=submitted,
                decided_at=submitted + timedelta(days=10),
                paid_at=submitted + timedelta(days=30),
                **fields,
            )


def _events(rng, staff):
    christmas, _created = Event.objects.get_or_create(
        kind=EventKind.CHRISTMAS,
        date=date(YEAR, 12, 16),
        defaults={
            "title": f"Arbre de Noël {YEAR}",
            "registration_deadline": date(YEAR, 11, 20),
            "location": "Clavières, amphithéâtre",
        },
    )
    flu, _created = Event.objects.get_or_create(
        kind=EventKind.FLU,
        date=date(YEAR, 11, 5),
        defaults={
            "title": f"Vaccination contre la grippe {YEAR}",
            "registration_deadline": date(YEAR, 10, 30),
            "location": "Infirmerie de Clavières",
        },
    )
    Event.objects.get_or_create(
        kind=EventKind.PARTY,
        date=date(YEAR, 12, 18),
        defaults={
            "title": f"Fête de fin d'année {YEAR} (à distance)",
            "registration_deadline": date(YEAR, 12, 11),
        },
    )
    parents = rng.sample(staff, 75)
    children_per_parent = [2 if i < 45 else 1 for i in range(75)]  # 120 children
    if not christmas.registrations.exists():
        for parent, n in zip(parents, children_per_parent, strict=True):
            registration = EventRegistration.objects.create(event=christmas, employee=parent)
            for _child in range(n):
                age = rng.randint(0, 14)
                ChristmasChild.objects.create(
                    registration=registration,
                    first_name=rng.choice(CHILD_NAMES),
                    age=age,
                    gift_category=rules.gift_category_for(age, christmas.date).code,
                )
    vaccinated = rng.sample(staff, 40)
    if not flu.registrations.exists():
        EventRegistration.objects.bulk_create(
            [EventRegistration(event=flu, employee=person) for person in vaccinated]
        )


def _request_in_progress(schemes, correspondent):
    """employee@demo: a CESU childcare request waiting for a complement, with one PDF."""
    user = User.objects.filter(email=EMPLOYEE).select_related("employee").first()
    scheme = schemes.get("cesu-garde")
    employee = getattr(user, "employee", None) if user else None
    if employee is None or scheme is None:
        return
    if AidRequest.objects.filter(requester=employee).exclude(status__in=GRANTED_STATUSES).exists():
        return
    today = timezone.localdate()
    aid = AidRequest.objects.create(
        requester=employee,
        scheme=scheme,
        year=today.year,
        status=RequestStatus.NEEDS_INFO,
        household=Household.COUPLE,
        reference_income=Decimal("31000"),
        tax_shares=Decimal("3"),
        child_birth_date=date(today.year - 2, 4, 12),
        months=12,
        amount_estimated=Decimal("700"),
        submitted_at=timezone.now() - timedelta(days=6),
    )
    document = AidDocument(
        request=aid,
        original_name="avis-imposition.pdf",
        content_type="application/pdf",
        size=len(MINIMAL_PDF),
        uploaded_by=user,
    )
    document.file.save("avis-imposition.pdf", ContentFile(MINIMAL_PDF), save=True)
    AidMessage.objects.create(
        request=aid,
        author=correspondent,
        body="Bonjour, pourriez-vous joindre le livret de famille ? Merci.",
    )


# 2019, for the previous-year column of the 2020 report (its own random sequence: the
# 2020 data above stay exactly as they were).
PREVIOUS = 2019
APPOINTMENTS_2019 = [(SlotKind.OFFICE_HOURS, 42), (SlotKind.SOCIAL_WORKER, 12),
                     (SlotKind.LAWYER, 2), (SlotKind.PSYCHOLOGIST, 2)]  # fmt: skip
AIDS_2019 = [("allocation-superieur", 8), ("aide-exceptionnelle", 6)]
CHRISTMAS_2019_PARENTS = (30, 45)  # 30 parents with two children, 45 with one: 105


def _previous_year(staff, schemes, correspondent):
    rng = random.Random(PREVIOUS)
    for kind, count in APPOINTMENTS_2019:
        for index in range(count):
            day = date(PREVIOUS, 1, 8) + timedelta(
                weeks=index % 48, days=list(SlotKind).index(kind)
            )
            starts_at = _aware(day, 9 + index // 48, 30 if kind == SlotKind.OFFICE_HOURS else 0)
            slot, created = Slot.objects.get_or_create(
                kind=kind,
                starts_at=starts_at,
                defaults={
                    "location": "Clavières, bureau de l'action sociale",
                    "published_by": correspondent,
                },
            )
            if created:
                Booking.objects.create(
                    slot=slot, employee=rng.choice(staff), booked_at=starts_at - timedelta(days=7)
                )
    for code, count in AIDS_2019:
        scheme = schemes.get(code)
        if scheme is None or AidRequest.objects.filter(scheme=scheme, year=PREVIOUS).exists():
            continue
        for index, person in enumerate(rng.sample(staff, count)):
            submitted = _aware(date(PREVIOUS, 2, 4) + timedelta(days=30 * index), 10)
            amount = Decimal("300") if code == "allocation-superieur" else Decimal(400 + 50 * index)
            fields = (
                {"child_birth_date": date(2001, 1 + index, 12)}
                if code == "allocation-superieur"
                else {"amount_asked": amount, "reason": "Difficulté passagère (démonstration)"}
            )
            AidRequest.objects.create(
                requester=person,
                scheme=scheme,
                year=PREVIOUS,
                status=RequestStatus.PAID,
                amount_estimated=amount,
                amount_granted=amount,
                created_at=submitted - timedelta(days=2),
                submitted_at=submitted,
                decided_at=submitted + timedelta(days=10),
                paid_at=submitted + timedelta(days=30),
                **fields,
            )
    christmas, _created = Event.objects.get_or_create(
        kind=EventKind.CHRISTMAS,
        date=date(PREVIOUS, 12, 18),
        defaults={
            "title": f"Arbre de Noël {PREVIOUS}",
            "registration_deadline": date(PREVIOUS, 11, 22),
            "location": "Clavières, amphithéâtre",
        },
    )
    if not christmas.registrations.exists():
        twins, singles = CHRISTMAS_2019_PARENTS
        for index, parent in enumerate(rng.sample(staff, twins + singles)):
            registration = EventRegistration.objects.create(event=christmas, employee=parent)
            for _child in range(2 if index < twins else 1):
                age = rng.randint(0, 14)
                category = rules.gift_category_for(age, christmas.date) or rules.gift_category_for(
                    age, date(YEAR, 12, 16)
                )
                ChristmasChild.objects.create(
                    registration=registration,
                    first_name=rng.choice(CHILD_NAMES),
                    age=age,
                    gift_category=category.code if category else "",
                )
