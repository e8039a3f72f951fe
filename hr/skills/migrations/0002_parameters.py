"""The thresholds of the critical-skills page, as dated parameters (kept by HR)."""

from datetime import date
from decimal import Decimal

from django.db import migrations

from imtsocial.refdata.operations import record_initial_history

PARAMETERS = [
    (
        "skills.retirement_age",
        64,
        False,
        "Loi 2023-270 : âge légal porté progressivement à 64 ans (selon l'année de naissance)",
    ),
    ("skills.horizon_years", 5, False, "Choix de l'école (étude des compétences critiques)"),
    ("skills.few_holders", 1, False, "Étude des compétences critiques : une personne au plus"),
]


def forwards(apps, schema_editor):
    Parameter = apps.get_model("refdata", "Parameter")
    for key, value, verified, source in PARAMETERS:
        Parameter.objects.get_or_create(
            key=key,
            valid_from=date(2010, 1, 1),
            defaults={"value": Decimal(value), "verified": verified, "source": source},
        )
    record_initial_history(apps, "refdata", "Parameter")


class Migration(migrations.Migration):
    dependencies = [("skills", "0001_initial"), ("refdata", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
