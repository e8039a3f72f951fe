"""The substances and exposure limit values of RULES §5 as dated rows (kept by the
prevention advisor afterwards), and the database guard against two values of one
substance in force at once.

Styrene and n-hexane: binding values. Ethylene glycol and α-methylstyrene are marked
« (?) » there: recorded as indicative, unverified, their source « to be confirmed »."""

from datetime import date
from decimal import Decimal

from django.db import migrations

from imtsocial.refdata.operations import NoOverlap, record_initial_history

BINDING = "Code du travail, art. R. 4412-149 (valeur limite contraignante)"
TO_CONFIRM = "Valeur indicative (tableau INRS des VLEP) — source à confirmer"
START = date(2010, 1, 1)
# name, CAS, molar mass g/mol, 8 h, 15 min, binding, source, verified
SUBSTANCES = [
    ("Styrène", "100-42-5", "104.15", "100", "200", True, BINDING, True),
    ("n-Hexane", "110-54-3", "86.18", "72", None, True, BINDING, True),
    ("Éthylène glycol", "107-21-1", "62.07", "52", "104", False, TO_CONFIRM, False),
    ("α-Méthylstyrène", "98-83-9", "118.18", "246", "492", False, TO_CONFIRM, False),
]


def forwards(apps, schema_editor):
    Substance = apps.get_model("exposure", "Substance")
    LimitValue = apps.get_model("exposure", "LimitValue")
    for name, cas, mass, twa, short, binding, source, verified in SUBSTANCES:
        substance, _created = Substance.objects.get_or_create(
            cas_number=cas, defaults={"name": name, "molar_mass": Decimal(mass)}
        )
        LimitValue.objects.get_or_create(
            substance=substance,
            valid_from=START,
            defaults={
                "eight_hours": Decimal(twa),
                "short_term": Decimal(short) if short else None,
                "unit": "mg_m3",
                "binding": binding,
                "source": source,
                "verified": verified,
            },
        )
    record_initial_history(apps, "exposure", "Substance", "LimitValue")


class Migration(migrations.Migration):
    dependencies = [("exposure", "0001_initial")]

    operations = [
        NoOverlap("limitvalue", keys=["substance_id"]),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
