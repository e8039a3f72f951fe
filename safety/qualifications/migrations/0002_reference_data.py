"""The qualification types and their validities (``safety.qualifications.defaults``:
SST 24 months, electrical 36 months, the others a default to confirm), and the database
guard against two validities of one type in force at once."""

from django.db import migrations

from imtsocial.refdata.operations import NoOverlap, record_initial_history
from safety.qualifications.defaults import load


def forwards(apps, schema_editor):
    load(
        apps.get_model("qualifications", "QualificationType"),
        apps.get_model("qualifications", "QualificationValidity"),
    )
    record_initial_history(apps, "qualifications", "QualificationType", "QualificationValidity")


class Migration(migrations.Migration):
    dependencies = [("qualifications", "0001_initial")]

    operations = [
        NoOverlap("qualificationvalidity", keys=["qualification_type_id"]),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
