"""The retention periods of RULES.md §6, as dated parameters (kept by the DPO)."""

from datetime import date
from decimal import Decimal

from django.db import migrations

from imtsocial.refdata.operations import record_initial_history

PARAMETERS = [
    ("gdpr.personnel_file_age", 80, True, "RULES §6 : dossier individuel jusqu'au 80e anniversaire"),
    ("gdpr.aid_file_years", 5, False, "RULES §6 : dossiers d'aide 5 ans après la décision (DPO)"),
    ("gdpr.tax_notice_years", 3, False, "RULES §6 : avis d'imposition, défaut à confirmer (DPO)"),
    ("gdpr.evaluation_record_years", 5, False, "RULES §6 : hors dossier, à confirmer (DPO)"),
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
    dependencies = [("gdpr", "0001_initial"), ("refdata", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
