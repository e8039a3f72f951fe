"""Reference data of RULES.md §1 (editable in the admin afterwards) and, on
PostgreSQL, the exclusion constraint that forbids overlapping contracts."""

from datetime import date
from decimal import Decimal

from django.db import migrations

SMIC = [
    # valid from, hourly, monthly (35 h = 151.67 h)
    (date(2019, 1, 1), "10.03", "1521.22"),
    (date(2020, 1, 1), "10.15", "1539.42"),
    (date(2021, 1, 1), "10.25", "1554.58"),
    (date(2021, 10, 1), "10.48", "1589.47"),
    (date(2022, 1, 1), "10.57", "1603.12"),
    (date(2022, 5, 1), "10.85", "1645.58"),
    (date(2022, 8, 1), "11.07", "1678.95"),
    (date(2023, 1, 1), "11.27", "1709.28"),
    (date(2023, 5, 1), "11.52", "1747.20"),
    (date(2024, 1, 1), "11.65", "1766.92"),
    (date(2024, 11, 1), "11.88", "1801.80"),
    (date(2026, 1, 1), "12.02", "1823.03"),
]
SMIC_SOURCE = "Décrets de revalorisation du SMIC (OpenFisca France)"

INDEX_POINT = [
    (date(2017, 2, 1), "5623.23", "Décret 2016-670"),
    (date(2022, 7, 1), "5820.04", "Décret 2022-994"),
    (date(2023, 7, 1), "5907.34", "Décret 2023-519 (inchangé depuis, à confirmer)"),
]

# valid from, signed from (None: every contract), amount
DOCTORAL_MINIMUM = [
    (date(2016, 9, 1), None, "1758.00"),
    (date(2021, 9, 1), date(2021, 9, 1), "1866.00"),
    (date(2022, 9, 1), date(2022, 9, 1), "1975.00"),
    (date(2023, 1, 1), None, "2044.12"),
    (date(2024, 1, 1), None, "2100.00"),
    (date(2025, 1, 1), None, "2200.00"),
    (date(2026, 1, 1), None, "2300.00"),
]
DOCTORAL_SOURCE = "Arrêté fixant la rémunération du contrat doctoral"


def load(apps, schema_editor):
    SmicRate = apps.get_model("hr", "SmicRate")
    for valid_from, hourly, monthly in SMIC:
        SmicRate.objects.update_or_create(
            valid_from=valid_from,
            defaults={"hourly": Decimal(hourly), "monthly": Decimal(monthly), "source": SMIC_SOURCE},
        )
    IndexPointValue = apps.get_model("hr", "IndexPointValue")
    for valid_from, value, source in INDEX_POINT:
        IndexPointValue.objects.update_or_create(
            valid_from=valid_from, defaults={"yearly_value_100": Decimal(value), "source": source}
        )
    DoctoralMinimumPay = apps.get_model("hr", "DoctoralMinimumPay")
    for valid_from, signed_from, amount in DOCTORAL_MINIMUM:
        DoctoralMinimumPay.objects.update_or_create(
            valid_from=valid_from,
            signed_from=signed_from,
            defaults={"amount": Decimal(amount), "source": DOCTORAL_SOURCE},
        )


def unload(apps, schema_editor):
    for name in ("SmicRate", "IndexPointValue", "DoctoralMinimumPay"):
        apps.get_model("hr", name).objects.all().delete()


def add_exclusion(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite (embedded dev default): Contract.clean() and the services check it
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    schema_editor.execute(
        "ALTER TABLE hr_contract ADD CONSTRAINT hr_contract_no_overlap "
        "EXCLUDE USING gist (employee_id WITH =, daterange(start, \"end\", '[]') WITH &&)"
    )


def drop_exclusion(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE hr_contract DROP CONSTRAINT IF EXISTS hr_contract_no_overlap")


class Migration(migrations.Migration):
    dependencies = [("hr", "0002_contracts_pay_imports")]

    operations = [
        migrations.RunPython(load, unload),
        migrations.RunPython(add_exclusion, drop_exclusion),
    ]
