"""The school's bodies, their names by period (the CT and the CHSCT become the CSA and
its FS-SSCT on 1 January 2023, RULES §4) and the professional elections."""

from datetime import date

from django.db import migrations

from imtsocial.refdata.operations import NoOverlap, record_initial_history

SINCE, REFORM = date(2000, 1, 1), date(2023, 1, 1)
SOURCE = "Décret 2020-1427 (comités sociaux d'administration), à partir de 2023"
# code, kind, [(from, to, name)]
BODIES = [
    ("ca", "board", [(SINCE, None, "Conseil d'administration")]),
    ("conseil-ecole", "school_council", [(SINCE, None, "Conseil d'école")]),
    ("comite-enseignement", "teaching", [(SINCE, None, "Comité de l'enseignement")]),
    ("comite-recherche", "research", [(SINCE, None, "Comité de la recherche")]),
    (
        "ct-csa",
        "social",
        [
            (SINCE, date(2022, 12, 31), "Comité technique (CT)"),
            (REFORM, None, "Comité social d'administration (CSA)"),
        ],
    ),
    (
        "chsct-fs",
        "health_safety",
        [
            (SINCE, date(2022, 12, 31), "Comité d'hygiène, de sécurité et des conditions de travail (CHSCT)"),
            (REFORM, None, "Formation spécialisée en santé, sécurité et conditions de travail (FS-SSCT)"),
        ],
    ),
    ("cap", "joint", [(SINCE, None, "Commission administrative paritaire (CAP)")]),
    ("ccp", "joint", [(SINCE, None, "Commission consultative paritaire (CCP)")]),
]
ELECTIONS = [
    (date(2022, 12, 8), "Élections professionnelles 2022"),
    (date(2026, 12, 10), "Élections professionnelles 2026"),
]


def forwards(apps, schema_editor):
    Body = apps.get_model("dialogue", "Body")
    BodyName = apps.get_model("dialogue", "BodyName")
    for code, kind, names in BODIES:
        body, _created = Body.objects.get_or_create(code=code, defaults={"kind": kind})
        for valid_from, valid_to, name in names:
            BodyName.objects.get_or_create(
                body=body,
                valid_from=valid_from,
                defaults={
                    "valid_to": valid_to,
                    "name": name,
                    "source": SOURCE if valid_from == REFORM or valid_to else "",
                },
            )
    record_initial_history(apps, "dialogue", "BodyName")
    Election = apps.get_model("dialogue", "Election")
    for day, title in ELECTIONS:
        Election.objects.get_or_create(date=day, defaults={"title": title})


class Migration(migrations.Migration):
    dependencies = [("dialogue", "0001_initial")]

    operations = [
        # The constraint first: PostgreSQL refuses to alter a table with pending
        # foreign-key checks from rows written in the same migration.
        NoOverlap("bodyname", keys=["body_id"]),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
