"""Reference data of social action, part 2: the rows.

- scheme caps become dated rows (``SchemeCap``, « à confirmer »: a choice of the school
  nobody dated);
- the Christmas gift categories and the associations become data kept by the
  correspondent;
- the thresholds of the rules (ages, windows, delay) become parameters.
"""

from datetime import date
from decimal import Decimal

from django.db import migrations

from imtsocial.refdata.operations import record_initial_history

SINCE = date(2019, 1, 1)
GIFT_CATEGORIES = [
    ("eveil", "Éveil (0-2 ans)", 2),
    ("petits", "Petits (3-5 ans)", 5),
    ("moyens", "Moyens (6-8 ans)", 8),
    ("grands", "Grands (9-11 ans)", 11),
    ("ados", "Adolescents (12-14 ans)", 14),
]
ASSOCIATIONS = [
    ("staff", "Association du personnel"),
    ("athema", "ATHEMA (association des doctorants)"),
]
# key, value, verified, source
PARAMETERS = [
    ("social_action.cesu_max_age", 6, True, "RULES §3 : CESU garde jusqu'aux 6 ans"),
    ("social_action.aeeh_max_age", 20, True, "RULES §3 : enfant de moins de 20 ans (AEEH)"),
    ("social_action.aip_months_since_hire", 24, False, "RULES §3 (~) : AIP, 24 mois"),
    ("social_action.aip_months_since_lease", 12, False, "RULES §3 (~) : AIP, 12 mois"),
    ("social_action.higher_education_min_age", 16, False, "Choix de l'école"),
    ("social_action.higher_education_max_age", 25, False, "Choix de l'école"),
    ("social_action.request_sla_days", 15, False, "Engagement de service de l'école"),
]
CAPS = {"pret-solidarite": "3000", "aide-exceptionnelle": "1500", "cesu-handicap": "1000"}


def forwards(apps, schema_editor):
    AidScheme = apps.get_model("social_action", "AidScheme")
    SchemeCap = apps.get_model("social_action", "SchemeCap")
    for scheme in AidScheme.objects.exclude(cap__isnull=True):
        SchemeCap.objects.get_or_create(
            scheme=scheme,
            valid_from=SINCE,
            defaults={
                "amount": scheme.cap,
                "verified": False,
                "source": "Décision de l'école (à dater et confirmer)",
            },
        )
    GiftCategory = apps.get_model("social_action", "GiftCategory")
    for code, label, max_age in GIFT_CATEGORIES:
        GiftCategory.objects.get_or_create(
            code=code,
            valid_from=SINCE,
            defaults={"label": label, "max_age": max_age, "source": "Arbre de Noël de l'école"},
        )
    Association = apps.get_model("social_action", "Association")
    for code, name in ASSOCIATIONS:
        Association.objects.get_or_create(code=code, defaults={"name": name})
    by_code = {a.code: a for a in Association.objects.all()}
    AssociationGrant = apps.get_model("social_action", "AssociationGrant")
    for grant in AssociationGrant.objects.all():
        association = by_code.get(grant.association)
        if association is None:
            association = Association.objects.create(code=grant.association, name=grant.association)
            by_code[association.code] = association
        grant.association_ref = association
        grant.save(update_fields=["association_ref"])
    Parameter = apps.get_model("refdata", "Parameter")
    for key, value, verified, source in PARAMETERS:
        Parameter.objects.get_or_create(
            key=key,
            valid_from=date(2000, 1, 1),
            defaults={"value": Decimal(value), "verified": verified, "source": source},
        )
    record_initial_history(
        apps, "social_action", "Rate", "IncomeBand", "SchemeCap", "GiftCategory", "Association"
    )
    record_initial_history(apps, "refdata", "Parameter")


def backwards(apps, schema_editor):
    AidScheme = apps.get_model("social_action", "AidScheme")
    for cap in apps.get_model("social_action", "SchemeCap").objects.filter(valid_from=SINCE):
        AidScheme.objects.filter(pk=cap.scheme_id).update(cap=cap.amount)
    for grant in apps.get_model("social_action", "AssociationGrant").objects.all():
        grant.association = grant.association_ref.code
        grant.save(update_fields=["association"])


class Migration(migrations.Migration):
    dependencies = [
        ("social_action", "0003_reference_data_date_effective"),
        ("refdata", "0001_initial"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
