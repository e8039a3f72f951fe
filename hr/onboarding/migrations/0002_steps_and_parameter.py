"""The steps of every newcomer's checklist and the « recent hire » delay."""

from datetime import date
from decimal import Decimal

from django.db import migrations

from imtsocial.refdata.operations import record_initial_history

STEPS = [
    ("livret", "Livret d'accueil remis", "hr", 10),
    ("qui-fait-quoi", "« Qui fait quoi ? » présenté", "hr", 20),
    ("compte-informatique", "Compte informatique et messagerie créés", "it", 30),
    ("materiel", "Poste de travail remis", "it", 40),
    ("badge", "Badge d'accès remis", "hr", 50),
    ("accueil-securite", "Accueil sécurité planifié", "prevention", 60),
    ("presentation-equipe", "Présentation à l'équipe et au poste", "manager", 70),
]


def forwards(apps, schema_editor):
    Step = apps.get_model("onboarding", "OnboardingStep")
    for code, label, owner, position in STEPS:
        Step.objects.get_or_create(
            code=code, defaults={"label": label, "owner": owner, "position": position}
        )
    Parameter = apps.get_model("refdata", "Parameter")
    Parameter.objects.get_or_create(
        key="onboarding.recent_hire_days",
        valid_from=date(2010, 1, 1),
        defaults={"value": Decimal(30), "verified": False, "source": "Choix de l'école"},
    )
    record_initial_history(apps, "refdata", "Parameter")


class Migration(migrations.Migration):
    dependencies = [("onboarding", "0001_initial"), ("refdata", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
