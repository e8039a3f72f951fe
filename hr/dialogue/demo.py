"""Demo data of social dialogue: the 2020 meetings of the bodies (under their 2020 names)
and their members, and the coming meetings, so that the calendar is not empty.

Idempotent: meetings are matched on (body, date), mandates on (body, person, start).
"""

from datetime import date, timedelta

from django.utils import timezone

from hr.dialogue.models import Body, Mandate, MandateKind, Meeting
from hr.models import Employee

# body code → 2020 meeting dates
MEETINGS_2020 = {
    "ca": ["2020-03-12", "2020-06-25", "2020-11-26"],
    "conseil-ecole": ["2020-02-06", "2020-10-15"],
    "comite-enseignement": ["2020-01-23", "2020-05-28", "2020-09-24"],
    "comite-recherche": ["2020-02-13", "2020-06-11", "2020-11-19"],
    "ct-csa": ["2020-03-05", "2020-05-07", "2020-07-02", "2020-12-10"],
    "chsct-fs": ["2020-03-16", "2020-04-09", "2020-06-18", "2020-11-05"],
    "cap": ["2020-06-04"],
}
AGENDA = {
    "ct-csa": "Organisation du télétravail pendant la crise sanitaire ; plan de formation.",
    "chsct-fs": "Document unique et plan d'action ; mesures sanitaires.",
}
UNIONS = ["CFDT", "CGT", "FO", "UNSA"]


# 2019, for the previous-year column of the 2020 report: fewer meetings, no crisis.
MEETINGS_2019 = {
    "ca": ["2019-03-14", "2019-06-27", "2019-11-28"],
    "conseil-ecole": ["2019-02-07", "2019-10-17"],
    "comite-enseignement": ["2019-01-24", "2019-09-26"],
    "comite-recherche": ["2019-02-14", "2019-11-21"],
    "ct-csa": ["2019-03-07", "2019-06-06", "2019-12-12"],
    "chsct-fs": ["2019-03-21", "2019-10-10"],
}


def build():
    staff = list(
        Employee.objects.filter(employee_number__startswith="E").order_by("employee_number")
    )
    bodies = {body.code: body for body in Body.objects.all()}
    if not staff or not bodies:
        return
    for code, days in (*MEETINGS_2019.items(), *MEETINGS_2020.items()):
        for day in days:
            Meeting.objects.get_or_create(
                body=bodies[code],
                date=date.fromisoformat(day),
                defaults={"agenda": AGENDA.get(code, "Points d'information et délibérations.")},
            )
    for index, code in enumerate(("ct-csa", "chsct-fs")):
        for offset, person in enumerate(staff[100 + 10 * index : 106 + 10 * index]):
            Mandate.objects.get_or_create(
                body=bodies[code],
                employee=person,
                starts_on=date(2023, 1, 1),
                defaults={
                    "kind": MandateKind.ELECTED,
                    "union": UNIONS[offset % len(UNIONS)],
                    "ends_on": date(2026, 12, 31),
                },
            )
    today = timezone.localdate()
    for code, days_ahead in (("ct-csa", 9), ("chsct-fs", 16), ("ca", 23), ("conseil-ecole", 45)):
        Meeting.objects.get_or_create(
            body=bodies[code],
            date=today + timedelta(days=days_ahead),
            defaults={"agenda": AGENDA.get(code, "Points d'information et délibérations.")},
        )
