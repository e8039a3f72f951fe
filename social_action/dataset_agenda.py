"""The benchmark's appointments and events of social action, for
``social_action.dataset.build``: ``scaled(800)`` appointment slots a year (most past ones
booked, the coming weeks' partly), and each year's Christmas tree (with the children and
their gift category), flu vaccination and staff party, with their registrations."""

import bisect
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from imtsocial.accounts.roles import Role
from imtsocial.datasets import Dataset, bulk
from social_action.dataset import FIRST_YEAR, _aware, _in_post
from social_action.enums import (
    EventKind,
    SlotKind,
)
from social_action.models import (
    Booking,
    ChristmasChild,
    Event,
    EventRegistration,
    GiftCategory,
    Slot,
)

SLOTS = [
    (SlotKind.OFFICE_HOURS, 60, 30, "Bureau de l'action sociale"),
    (SlotKind.SOCIAL_WORKER, 25, 45, "Bureau de l'action sociale"),
    (SlotKind.LAWYER, 8, 60, "Salle de réunion 2"),
    (SlotKind.PSYCHOLOGIST, 7, 60, "Salle de réunion 2"),
]
CHILD_NAMES = ["Léa", "Hugo", "Chloé", "Louis", "Emma", "Jules", "Inès", "Adam", "Lina", "Nathan"]


def appointments(dataset: Dataset, people, correspondent):
    rng, today = dataset.rng, dataset.today
    now = timezone.now()
    taken = set(Slot.objects.values_list("kind", "starts_at"))
    slots, plans = [], []
    per_year = dataset.scaled(800)
    weights = [s[1] for s in SLOTS]
    horizon = today + timedelta(days=28)
    for year in range(FIRST_YEAR, today.year + 2):
        first = date(year, 1, 2)
        last = min(date(year, 12, 20), horizon)
        if first > last:
            continue
        count = per_year if last.year < today.year else round(per_year * (last - first).days / 365)
        for _n in range(count):
            kind, _share, minutes, place = rng.choices(SLOTS, weights=weights)[0]
            day = first + timedelta(days=rng.randint(0, (last - first).days))
            if day.weekday() >= 5:
                day -= timedelta(days=day.weekday() - 4)
            hour, half = rng.randint(9, 16), rng.choice((0, 30))
            starts_at = timezone.make_aware(datetime.combine(day, time(hour, half)))
            if (kind, starts_at) in taken:
                continue
            taken.add((kind, starts_at))
            slot = Slot(
                kind=kind,
                starts_at=starts_at,
                duration_minutes=minutes,
                location=place,
                published_by=correspondent,
            )
            past = starts_at < now
            slot.cancelled = past and rng.random() < 0.03
            slots.append(slot)
            plans.append(past)
    slots = bulk(Slot, slots)
    bench = dataset.shared["bench_employees"][Role.EMPLOYEE.value]
    bench_booked = False
    bookings = []
    for slot, past in zip(slots, plans, strict=True):
        if slot.cancelled or rng.random() > (0.85 if past else 0.4):
            continue
        booked_at = min(now, slot.starts_at - timedelta(days=rng.randint(1, 20)))
        employee = _in_post(rng, people, booked_at.date())
        if not past and not bench_booked:
            employee, bench_booked = bench.pk, True
        if employee is None:
            continue
        if past and rng.random() < 0.05:  # cancelled in time, the slot then taken again
            bookings.append(
                Booking(
                    slot=slot,
                    employee_id=_in_post(rng, people, booked_at.date()),
                    booked_at=booked_at - timedelta(days=2),
                    cancelled_at=booked_at - timedelta(days=1),
                )
            )
        bookings.append(
            Booking(
                slot=slot,
                employee_id=employee,
                booked_at=booked_at,
                reminder_sent_at=slot.starts_at - timedelta(days=1) if past else None,
            )
        )
    bookings = bulk(Booking, bookings)
    return slots, bookings


# Events --------------------------------------------------------------------------------


def events_and_registrations(dataset: Dataset, people):
    rng, today = dataset.rng, dataset.today
    categories = list(GiftCategory.objects.values_list("code", "max_age", "valid_from", "valid_to"))
    existing = {(e.kind, e.date.year): e for e in Event.objects.order_by("date")}
    plans = []
    for year in range(FIRST_YEAR, today.year + 1):
        plans += [
            (EventKind.CHRISTMAS, date(year, 12, 16), date(year, 11, 20), f"Arbre de Noël {year}", "Amphithéâtre", 0.07),  # noqa: E501
            (EventKind.FLU, date(year, 11, 5), date(year, 10, 28), f"Vaccination contre la grippe {year}", "Infirmerie", 0.05),  # noqa: E501
            (EventKind.PARTY, date(year, 12, 18), date(year, 12, 11), f"Fête de fin d'année {year}", "Restaurant du personnel", 0.25),  # noqa: E501
        ]  # fmt: skip
    new = []
    for kind, day, deadline, title, place, _share in plans:
        if (kind, day.year) not in existing:
            event = Event(
                kind=kind, title=title, date=day, registration_deadline=deadline, location=place
            )
            existing[(kind, day.year)] = event
            new.append(event)
    bulk(Event, new)
    # The Christmas tree already open for registration (the demo's): a few early ones.
    upcoming = [e for e in existing.values() if e.registration_deadline >= today]
    taken = set(EventRegistration.objects.values_list("event_id", "employee_id"))
    bench = dataset.shared["bench_employees"][Role.EMPLOYEE.value]
    registrations, kids = [], []
    targets = [(existing[(p[0], p[1].year)], p[5]) for p in plans]
    targets += [(e, 0.02) for e in upcoming if e.kind == EventKind.CHRISTMAS]
    for event, share in targets:
        closes = min(event.registration_deadline, today)
        in_post = bisect.bisect_right(people, (closes, float("inf")))
        chosen = rng.sample(people[:in_post], min(in_post, round(len(people) * share)))
        if event.kind == EventKind.CHRISTMAS and event.date.year == today.year:
            chosen.append((None, bench.pk))
        for _hire, employee in chosen:
            if (event.pk, employee) in taken:
                continue
            taken.add((event.pk, employee))
            registration = EventRegistration(
                event=event,
                employee_id=employee,
                registered_at=_aware(closes - timedelta(days=rng.randint(0, 30)), 12),
            )
            registrations.append(registration)
            if event.kind != EventKind.CHRISTMAS:
                continue
            in_force = [
                c for c in categories if c[2] <= event.date and (c[3] is None or c[3] >= event.date)
            ]
            oldest = max((c[1] for c in in_force), default=None)
            if oldest is None:
                continue
            for _child in range(rng.choice((1, 1, 2, 2, 3))):
                age = rng.randint(0, oldest)
                code = min((c for c in in_force if age <= c[1]), key=lambda c: c[1])[0]
                kids.append(
                    (
                        registration,
                        ChristmasChild(
                            first_name=rng.choice(CHILD_NAMES), age=age, gift_category=code
                        ),
                    )
                )
    registrations = bulk(EventRegistration, registrations)
    for registration, child in kids:
        child.registration = registration
    children = bulk(ChristmasChild, [child for _r, child in kids])
    return len(new), registrations, children
