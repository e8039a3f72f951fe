"""Demo data of the report: the declared values of 2019 and 2020 that no module manages
(internal newsletters, testimonials, home-workstation photos, the green number), entered
by the HR login with their source. Idempotent: one value per code and year."""

from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone

from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role
from imtsocial.demo import demo_email
from imtsocial.reports.models import DeclaredValue

# (code, year, value, on, source)
DECLARED = [
    ("newsletters", 2020, 47, date(2020, 12, 31), "Archives de la lettre interne « L'Écho »"),
    ("testimonials", 2020, 50, date(2020, 12, 31), "Intranet, rubrique « Témoignages »"),
    (
        "workstation_photos",
        2020,
        30,
        date(2020, 12, 31),
        "Fil « Mon poste à la maison » de la messagerie interne",
    ),
    ("green_line", 2020, 1, date(2020, 4, 1), "Convention avec la plateforme d'écoute"),
    ("newsletters", 2019, 12, date(2019, 12, 31), "Archives de la lettre interne « L'Écho »"),
    ("testimonials", 2019, 18, date(2019, 12, 31), "Intranet, rubrique « Témoignages »"),
    ("workstation_photos", 2019, 0, date(2019, 12, 31), "Messagerie interne"),
    ("green_line", 2019, 0, date(2019, 12, 31), "Service des ressources humaines"),
]


def build():
    hr = User.objects.filter(email=demo_email(Role.HR)).first()
    if hr is None:
        return
    for code, year, value, on, source in DECLARED:
        DeclaredValue.objects.get_or_create(
            code=code,
            year=year,
            defaults={
                "value": Decimal(value),
                "on": on,
                "source": source,
                "entered_by": hr,
                "entered_at": timezone.make_aware(datetime(year + 1, 1, 8, 10, 0)),
            },
        )
