"""The CPF rules of RULES §4 as dated rows (kept by HR afterwards), and the database
guard against two rules of one series in force at once."""

from datetime import date

from django.db import migrations

from imtsocial.refdata.operations import NoOverlap, record_initial_history

SOURCE = "Ordonnance 2017-53 et décret 2017-928 (CPF des agents publics)"
RULES = [(False, 25, 150), (True, 50, 400)]


def forwards(apps, schema_editor):
    CpfRule = apps.get_model("training", "CpfRule")
    for low, yearly, ceiling in RULES:
        CpfRule.objects.get_or_create(
            low_qualification=low,
            valid_from=date(2017, 1, 1),
            defaults={"yearly_hours": yearly, "ceiling_hours": ceiling, "source": SOURCE},
        )
    record_initial_history(apps, "training", "CpfRule")


class Migration(migrations.Migration):
    dependencies = [("training", "0001_initial")]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
        NoOverlap("cpfrule", keys=["low_qualification"]),
    ]
