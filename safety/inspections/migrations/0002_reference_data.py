"""The kinds of controlled equipment and their periodicities, and the due-soon window.

Periodicities (months between two inspections), editable by the advisor from a date:
- fume hood (« sorbonne »): 12 — RULES §5 « fume-hood check yearly » (NF EN 14175);
- microbiological safety cabinet (PSM): 12 — NF EN 12469, yearly check usual;
- pressure equipment: 40 — periodic inspection (arrêté du 20 novembre 2017: at most
  4 years; 40 months is the common choice), to be confirmed;
- extinguisher: 12 — yearly check (règle APSAD R4, code du travail R4227-39);
- lifting gear: 6 — vérification générale périodique (arrêté du 1er mars 2004);
- electrical installation: 12 — vérification périodique (arrêté du 26 décembre 2011);
- fire detection and alarm system: 12 — yearly check (règle APSAD R7).
Rows not read in an official text are stored with ``verified=False``.
Due-soon window (« à échéance proche »): 30 days (the issue's « due within 30 days »).
"""

from datetime import date
from decimal import Decimal

from django.db import migrations

from imtsocial.refdata.operations import NoOverlap, record_initial_history

SINCE = date(2000, 1, 1)
# code, name, months, verified, source
KINDS = [
    ("sorbonne", "Sorbonne de laboratoire", 12, False, "NF EN 14175 ; contrôle annuel usuel"),
    (
        "psm",
        "Poste de sécurité microbiologique",
        12,
        False,
        "NF EN 12469 ; contrôle annuel usuel",
    ),
    (
        "appareil-pression",
        "Équipement sous pression",
        40,
        False,
        "Arrêté du 20 novembre 2017 (inspection périodique, 4 ans au plus)",
    ),
    ("extincteur", "Extincteur", 12, False, "Code du travail R4227-39 ; règle APSAD R4"),
    (
        "levage",
        "Appareil de levage",
        6,
        True,
        "Arrêté du 1er mars 2004 (vérifications générales périodiques)",
    ),
    (
        "installation-electrique",
        "Installation électrique",
        12,
        False,
        "Arrêté du 26 décembre 2011 (vérification périodique)",
    ),
    ("ssi", "Système de sécurité incendie", 12, False, "Règle APSAD R7 ; vérification annuelle"),
]
DUE_SOON_DAYS = ("inspections.due_soon_days", 30, False, "Choix de l'école : 30 jours")


def forwards(apps, schema_editor):
    EquipmentKind = apps.get_model("inspections", "EquipmentKind")
    KindPeriodicity = apps.get_model("inspections", "KindPeriodicity")
    Parameter = apps.get_model("refdata", "Parameter")
    for code, name, months, verified, source in KINDS:
        kind, _created = EquipmentKind.objects.get_or_create(code=code, defaults={"name": name})
        KindPeriodicity.objects.get_or_create(
            kind=kind,
            valid_from=SINCE,
            defaults={"months": months, "verified": verified, "source": source},
        )
    key, value, verified, source = DUE_SOON_DAYS
    Parameter.objects.get_or_create(
        key=key,
        valid_from=SINCE,
        defaults={"value": Decimal(value), "verified": verified, "source": source},
    )
    record_initial_history(apps, "inspections", "EquipmentKind", "KindPeriodicity")
    record_initial_history(apps, "refdata", "Parameter")


class Migration(migrations.Migration):
    dependencies = [("inspections", "0001_initial"), ("refdata", "0001_initial")]

    operations = [
        NoOverlap("kindperiodicity", keys=["kind_id"]),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
