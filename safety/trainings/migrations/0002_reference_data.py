"""The kinds of safety training and the newcomers' window (12 months)."""

from datetime import date
from decimal import Decimal

from django.db import migrations

from imtsocial.refdata.operations import record_initial_history

# code, name, family
KINDS = [
    ("accueil", "Formation d'accueil santé et sécurité", "induction"),
    ("manutention", "Gestes et postures, manutention manuelle", "risk"),
    ("biologique", "Risque biologique", "risk"),
    ("chimique", "Risque chimique", "risk"),
    ("rayonnements-ionisants", "Rayonnements ionisants", "risk"),
    ("laser", "Sécurité laser", "risk"),
    ("hors-horaires", "Travail hors horaires et travail isolé", "risk"),
    ("risque-routier", "Prévention du risque routier", "road_risk"),
    ("electrique", "Risque électrique", "risk"),
    ("incendie", "Incendie et évacuation", "risk"),
]

WINDOW_KEY = "safety_trainings.newcomer_window_months"


def forwards(apps, schema_editor):
    Kind = apps.get_model("safety_trainings", "TrainingKind")
    for code, name, family in KINDS:
        Kind.objects.get_or_create(code=code, defaults={"name": name, "family": family})
    Parameter = apps.get_model("refdata", "Parameter")
    Parameter.objects.get_or_create(
        key=WINDOW_KEY,
        valid_from=date(2010, 1, 1),
        defaults={"value": Decimal(12), "verified": False, "source": "Choix de l'école"},
    )
    record_initial_history(apps, "refdata", "Parameter")


class Migration(migrations.Migration):
    dependencies = [("safety_trainings", "0001_initial"), ("refdata", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
