"""The qualification types and validities the data migration loads (kept here so that
tests re-create them after a flush).

Validities (RULES §5): first-aider SST 24 months (INRS: « maintien et actualisation des
compétences » every 24 months) and electrical 36 months (NF C 18-510 recommends a
refresher every 3 years). Gas, work at height and pressure equipment are « configurable »
in the rules: they start at 36 months, the rhythm recommended for electrical
qualifications, the closest documented one and the usual refresher rhythm of the
training bodies — marked « à confirmer » so that the advisor checks it. Radiation
protection (personne compétente en radioprotection) starts at 60 months, the length of
its certificate, also to confirm. The notice period is 60 days for every type: the time
to book a refresher session, which training bodies schedule about two months ahead."""

from datetime import date

VALID_FROM = date(2000, 1, 1)
NOTICE_DAYS = 60
ELECTRICAL_LEVELS = "B0, B0V, B1, B1V, B2, B2V, BR, BC, BE, BF, H0, H0V, H1, H1V, H2, H2V, HC, HF"

# code, name, kind, levels, months, verified, source
TYPES = [
    ("gaz", "Habilitation gaz", "gas", "", 36, False, "Valeur par défaut à confirmer"),
    (
        "electrique",
        "Habilitation électrique",
        "electrical",
        ELECTRICAL_LEVELS,
        36,
        True,
        "NF C 18-510 : recyclage recommandé tous les 3 ans",
    ),
    ("hauteur", "Travail en hauteur", "height", "", 36, False, "Valeur par défaut à confirmer"),
    (
        "esp",
        "Équipements sous pression",
        "pressure",
        "",
        36,
        False,
        "Valeur par défaut à confirmer",
    ),
    (
        "sst",
        "Sauveteur secouriste du travail (SST)",
        "first_aid",
        "",
        24,
        True,
        "INRS : maintien et actualisation des compétences tous les 24 mois",
    ),
    (
        "pcr",
        "Personne compétente en radioprotection",
        "radiation",
        "",
        60,
        False,
        "Durée du certificat, à confirmer",
    ),
]


def load(QualificationType, QualificationValidity):
    for code, name, kind, levels, months, verified, source in TYPES:
        kind_row, _created = QualificationType.objects.get_or_create(
            code=code, defaults={"name": name, "kind": kind, "levels": levels}
        )
        QualificationValidity.objects.get_or_create(
            qualification_type=kind_row,
            valid_from=VALID_FROM,
            defaults={
                "validity_months": months,
                "notice_days": NOTICE_DAYS,
                "verified": verified,
                "source": source,
            },
        )
