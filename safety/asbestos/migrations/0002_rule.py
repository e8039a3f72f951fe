"""The rule of RULES §5 as a dated row (kept by the prevention advisor afterwards):
score 1 → re-check within 3 years; score 2 → air measurement, ≤ 5 fibres per litre →
re-assess within 3 years, above → works; score 3 → works. One rule in force at a time
(the database guards it)."""

from datetime import date
from decimal import Decimal

from django.db import migrations

from imtsocial.refdata.operations import NoOverlap, record_initial_history

SOURCE = "Code de la santé publique, art. R. 1334-20 et R. 1334-27 (repérage et seuil)"


def forwards(apps, schema_editor):
    AsbestosRule = apps.get_model("asbestos", "AsbestosRule")
    AsbestosRule.objects.get_or_create(
        valid_from=date(1996, 1, 1),
        defaults={"recheck_years": 3, "air_threshold": Decimal("5"), "source": SOURCE},
    )
    record_initial_history(apps, "asbestos", "AsbestosRule")


class Migration(migrations.Migration):
    dependencies = [("asbestos", "0001_initial")]

    operations = [
        NoOverlap("asbestosrule"),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
