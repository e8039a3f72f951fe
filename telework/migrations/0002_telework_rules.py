"""Reference data of RULES.md §2 (décret 2016-151 as amended), editable in the admin."""

from datetime import date
from decimal import Decimal

from django.db import migrations

# valid from, valid to, daily allowance, yearly cap, source
RULES = [
    (
        date(2016, 2, 11),
        date(2021, 8, 31),
        "0.00",
        "0.00",
        "Décret 2016-151 modifié par le décret 2020-524 (pas de forfait avant le 01/09/2021)",
    ),
    (
        date(2021, 9, 1),
        date(2022, 12, 31),
        "2.50",
        "220.00",
        "Décret 2021-1123 et arrêté du 26/08/2021 (forfait télétravail)",
    ),
    (
        date(2023, 1, 1),
        None,
        "2.88",
        "253.44",
        "Arrêté du 23/11/2022 (forfait télétravail revalorisé)",
    ),
]


def load(apps, schema_editor):
    TeleworkRule = apps.get_model("telework", "TeleworkRule")
    for valid_from, valid_to, daily, cap, source in RULES:
        TeleworkRule.objects.update_or_create(
            valid_from=valid_from,
            defaults={
                "valid_to": valid_to,
                "max_days_per_week": 3,
                "min_onsite_days_per_week": 2,
                "working_days_per_week": 5,
                "assessment_period": "week",
                "weeks_per_month": 4,
                "weeks_per_year": 45,
                "health_max_months": 6,
                "carer_max_months": 3,
                "adaptation_max_months": 3,
                "answer_within_days": 30,
                "daily_allowance": Decimal(daily),
                "yearly_allowance_cap": Decimal(cap),
                "source": source,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("telework", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
