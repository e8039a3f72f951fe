"""The delays of the interview workflow, as dated parameters (kept by HR afterwards)."""

from datetime import date
from decimal import Decimal

from django.db import migrations

from imtsocial.refdata.operations import record_initial_history

# key, value, verified, source
PARAMETERS = [
    ("evaluations.notice_days", 8, True, "Décret 2010-888, art. 3 : date communiquée 8 jours avant"),
    (
        "evaluations.review_request_clear_days",
        15,
        True,
        "Décret 2010-888, art. 6 : révision demandée dans les 15 jours francs",
    ),
    (
        "evaluations.review_answer_clear_days",
        15,
        True,
        "Décret 2010-888, art. 6 : réponse dans les 15 jours francs",
    ),
    (
        "evaluations.committee_referral_months",
        1,
        True,
        "Décret 2010-888, art. 6 : commission paritaire saisie dans le mois",
    ),
    (
        "evaluations.fixed_term_min_months",
        12,
        False,
        "Décret 86-83, art. 1-4 (~) : CDD de plus d'un an",
    ),
    ("evaluations.reminder_days", 15, False, "Choix de l'école"),
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


def backwards(apps, schema_editor):
    Parameter = apps.get_model("refdata", "Parameter")
    Parameter.objects.filter(key__in=[key for key, *_rest in PARAMETERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0001_initial"),
        ("refdata", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
