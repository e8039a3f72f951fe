"""The delay of the prevention answer to an RSST entry, as a dated parameter (kept by
prevention afterwards)."""

from datetime import date
from decimal import Decimal

from django.db import migrations

from imtsocial.refdata.operations import record_initial_history

PARAMETERS = [
    (
        "registers.rsst_answer_days",
        15,
        False,
        "Choix de l'école : réponse de la prévention sous quinze jours (à confirmer)",
    ),
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
    dependencies = [("registers", "0001_initial"), ("refdata", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
