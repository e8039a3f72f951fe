"""The benchmark's social dialogue (``manage.py bench_dataset``, ``imtsocial.datasets``).

The school's bodies (from the migrations) meet over the last three years and the coming
months at their usual pace (the board four times a year, the CSA six…); a large
organisation also has a local CSA per site (``scaled(3)`` for 10 000 employees, named
from 2023), meeting four times a year. The staff bodies have their members for the
2023–2026 term (elected on union lists, substitutes, members ex officio), the boards
appointed and outside members. Written in bulk.
"""

from datetime import date, timedelta

from hr.dialogue.models import Body, BodyKind, BodyName, Mandate, MandateKind, Meeting
from imtsocial.datasets import Dataset, bulk

# meetings a year, by kind of body
PACE = {
    BodyKind.BOARD: 4,
    BodyKind.SCHOOL_COUNCIL: 3,
    BodyKind.TEACHING: 4,
    BodyKind.RESEARCH: 4,
    BodyKind.SOCIAL: 6,
    BodyKind.HEALTH_SAFETY: 5,
    BodyKind.JOINT: 3,
}
# members of the term, by kind of body
SEATS = {
    BodyKind.BOARD: 24,
    BodyKind.SCHOOL_COUNCIL: 20,
    BodyKind.TEACHING: 16,
    BodyKind.RESEARCH: 16,
    BodyKind.SOCIAL: 20,
    BodyKind.HEALTH_SAFETY: 16,
    BodyKind.JOINT: 12,
}
AGENDA = {
    BodyKind.BOARD: "Budget rectificatif ; compte financier ; conventions.",
    BodyKind.SOCIAL: "Lignes directrices de gestion ; plan de formation ; télétravail.",
    BodyKind.HEALTH_SAFETY: "Document unique et plan d'action ; registres ; visites.",
    BodyKind.JOINT: "Avancements ; demandes de révision d'entretiens professionnels.",
}
UNIONS = ["CFDT", "CGT", "FO", "UNSA", "SUD"]
TERM = (date(2023, 1, 1), date(2026, 12, 31))
OUTSIDE = ["Mme Dumas (Région)", "M. Vidal (entreprise partenaire)", "Mme Ferrand (CCI)"]


def _local_bodies(dataset: Dataset) -> list[Body]:
    bodies = bulk(
        Body,
        (
            Body(code=f"csa-local-{i + 1}", kind=BodyKind.SOCIAL)
            for i in range(dataset.scaled(3))
            if not Body.objects.filter(code=f"csa-local-{i + 1}").exists()
        ),
    )
    bulk(
        BodyName,
        (
            BodyName(
                body=body,
                name=f"CSA de proximité n° {index + 1}",
                valid_from=TERM[0],
                source="Arrêté de création",
            )
            for index, body in enumerate(bodies)
        ),
    )
    return bodies


def build(dataset: Dataset) -> dict[str, int]:
    rng, today = dataset.rng, dataset.today
    people = dataset.shared["employee_ids"]
    local = _local_bodies(dataset)
    bodies = list(Body.objects.filter(active=True))
    known = set(Meeting.objects.values_list("body_id", "date"))
    meetings = []
    first, last = date(today.year - 2, 1, 1), today + timedelta(days=120)
    for body in bodies:
        pace = 4 if body in local else PACE.get(body.kind, 3)
        step = 365 // pace
        day = first + timedelta(days=rng.randint(10, step))
        while day <= last:
            while day.weekday() >= 5:
                day += timedelta(days=1)
            if (body.pk, day) not in known:
                known.add((body.pk, day))
                meetings.append(
                    Meeting(
                        body=body,
                        date=day,
                        agenda=AGENDA.get(body.kind, "Points d'information et délibérations."),
                    )
                )
            day += timedelta(days=step + rng.randint(-12, 12))
    meetings = bulk(Meeting, meetings)
    seated = set(Mandate.objects.values_list("body_id", "employee_id"))
    mandates = []
    for body in bodies:
        seats = SEATS.get(body.kind, 10) if body not in local else 10
        staff_body = body.kind in (BodyKind.SOCIAL, BodyKind.HEALTH_SAFETY, BodyKind.JOINT)
        for index, pk in enumerate(rng.sample(people, seats)):
            if (body.pk, pk) in seated:
                continue
            if staff_body:
                kind, union = MandateKind.ELECTED, UNIONS[index % len(UNIONS)]
            else:
                kind = MandateKind.EX_OFFICIO if index < 3 else MandateKind.APPOINTED
                union = ""
            mandates.append(
                Mandate(
                    body=body,
                    employee_id=pk,
                    kind=kind,
                    union=union,
                    starts_on=TERM[0],
                    ends_on=TERM[1],
                )
            )
        if not staff_body:
            mandates.extend(
                Mandate(body=body, member_name=name, kind=MandateKind.APPOINTED, starts_on=TERM[0])
                for name in OUTSIDE
            )
    mandates = bulk(Mandate, mandates)
    return {
        "instances de proximité": len(local),
        "réunions": len(meetings),
        "mandats": len(mandates),
    }
