"""The scheme catalogue and the figures of RULES.md §3 (editable in the admin).

Figures marked « ? » in RULES.md are stored with ``verified=False`` and shown as
« à confirmer » in the pages."""

from datetime import date
from decimal import Decimal

from django.db import migrations

D = Decimal
SRC = "RULES.md §3"

# key, valid_from, valid_to, amount, verified
RATES = [
    ("cesu_couple_1", date(2019, 1, 1), None, D("700"), True),
    ("cesu_couple_2", date(2019, 1, 1), None, D("400"), True),
    ("cesu_couple_3", date(2019, 1, 1), None, D("200"), True),
    ("cesu_single_1", date(2020, 1, 1), None, D("840"), True),
    ("cesu_single_2", date(2020, 1, 1), None, D("480"), True),
    ("cesu_single_3", date(2020, 1, 1), None, D("265"), True),
    ("aip_high_rent", date(2019, 1, 1), None, D("1500"), True),
    ("aip_priority", date(2019, 1, 1), None, D("900"), True),
    ("aip_other", date(2019, 1, 1), date(2021, 7, 25), D("500"), True),
    ("aip_other", date(2021, 7, 26), None, D("700"), True),
    ("meal", date(2019, 1, 1), date(2019, 12, 31), D("1.26"), True),
    ("meal", date(2020, 1, 1), date(2022, 8, 31), D("1.29"), False),
    ("meal", date(2022, 9, 1), date(2022, 12, 31), D("1.38"), True),
    ("meal", date(2023, 1, 1), date(2023, 12, 31), D("1.39"), True),
    ("meal", date(2024, 1, 1), None, D("1.47"), True),
    ("aeeh_monthly", date(2019, 1, 1), date(2019, 12, 31), D("163.42"), True),
    ("aeeh_monthly", date(2020, 1, 1), date(2022, 12, 31), D("163.42"), False),
    ("aeeh_monthly", date(2023, 1, 1), date(2023, 12, 31), D("172.46"), True),
    ("aeeh_monthly", date(2024, 1, 1), None, D("183.00"), True),
    ("higher_education", date(2019, 1, 1), None, D("300"), False),
]

# code, name, category, amount_mode, rule, cap, on_request, description, eligibility, documents
SCHEMES = [
    ("pret-solidarite", "Prêt solidarité", "financial", "case", "none", D("3000"), True,
     "Prêt sans intérêt pour faire face à une difficulté passagère, remboursable sur retenue "
     "mensuelle.",
     "Tout agent en poste, après évaluation de l'assistante sociale.",
     "Dernier bulletin de salaire ; justificatifs des dépenses ; avis d'imposition."),
    ("allocation-superieur", "Allocation pour l'entrée d'un enfant dans l'enseignement supérieur",
     "financial", "fixed", "higher_education", None, True,
     "Allocation forfaitaire versée l'année où un enfant entre dans l'enseignement supérieur.",
     "Agent dont l'enfant (16 à 25 ans) s'inscrit pour la première fois dans le supérieur.",
     "Certificat de scolarité ; livret de famille."),
    ("aide-exceptionnelle", "Aide exceptionnelle", "financial", "case", "none", D("1500"), True,
     "Secours non remboursable en cas de difficulté grave et imprévue.",
     "Tout agent en poste, après évaluation de l'assistante sociale.",
     "Justificatifs de la situation ; avis d'imposition ; relevés de dépenses."),
    ("aip", "Aide à l'installation des personnels (AIP)", "housing", "capped", "aip", None, True,
     "Aide au premier loyer, dépôt de garantie, frais d'agence et de déménagement, une fois dans "
     "la carrière.",
     "Agent dans les 24 mois de sa prise de poste et les 12 mois de la signature du bail ; "
     "contractuels sous contrat d'au moins un an depuis le 26/07/2021.",
     "Bail signé ; quittance ou justificatifs des frais ; arrêté ou contrat d'affectation."),
    ("subvention-repas", "Subvention repas", "catering", "fixed", "meal", None, False,
     "Prestation interministérielle versée au restaurant pour chaque repas des agents concernés.",
     "Agents dont l'indice est inférieur ou égal au plafond en vigueur.",
     "Aucune : appliquée au passage en caisse."),
    ("cesu-garde", "CESU garde d'enfant 0-6 ans", "cesu", "bracket", "cesu_childcare", None, True,
     "Chèques emploi service universels pour la garde des enfants jusqu'à leurs 6 ans, montant "
     "annuel par enfant selon le revenu fiscal et la composition du foyer, proratisé en mois.",
     "Un seul parent par enfant, de la fin du congé de maternité ou d'adoption aux 6 ans.",
     "Avis d'imposition N-2 ; livret de famille ou acte de naissance."),
    ("cesu-handicap", "CESU pour les agents en situation de handicap", "cesu", "capped", "none",
     D("1000"), True,
     "Chèques emploi service universels pour l'aide à domicile des agents reconnus travailleurs "
     "handicapés.",
     "Agent bénéficiant d'une reconnaissance de la qualité de travailleur handicapé.",
     "Attestation de reconnaissance (sans information médicale)."),
    ("cheques-vacances", "Chèques-vacances", "holidays", "bracket", "none", None, False,
     "Épargne de 4 à 12 mois bonifiée par l'employeur de 10 à 30 % selon le revenu, 35 % avant "
     "30 ans, majorée de 30 % pour les travailleurs handicapés.",
     "Tout agent, selon le revenu fiscal de référence.",
     "Demande auprès du prestataire national."),
    ("consultations", "Consultations spécialisées", "consultations", "fixed", "none", None, False,
     "Rendez-vous gratuits et confidentiels avec un avocat, une psychologue ou l'assistante "
     "sociale.",
     "Tout agent.", "Aucune : réservez un créneau."),
    ("parents-enfant-handicape", "Allocation aux parents d'enfant handicapé", "health", "fixed",
     "aeeh", None, True,
     "Montant mensuel versé aux parents d'un enfant de moins de 20 ans bénéficiant de l'AEEH, "
     "sans condition de ressources.",
     "Agent parent d'un enfant de moins de 20 ans avec une AEEH notifiée.",
     "Notification de l'AEEH (seulement la décision et ses dates, jamais de diagnostic)."),
    ("arbre-noel", "Arbre de Noël", "christmas", "fixed", "none", None, False,
     "Spectacle et cadeau pour les enfants des agents jusqu'à 14 ans.",
     "Enfants des agents, jusqu'à 14 ans.", "Inscription en ligne."),
    ("fetes-personnel", "Fêtes du personnel", "parties", "fixed", "none", None, False,
     "Fête de fin d'année et moments conviviaux.", "Tout le personnel.", "Inscription en ligne."),
]


def bands():
    """CESU income bands: to be confirmed (RULES.md marks them « ? »)."""
    rows = []
    for household, base1, base2 in (("couple", 26000, 36000), ("single", 22000, 31000)):
        shares = D("1")
        while shares <= D("5"):
            extra = (shares - 1) * 2
            rows.append(
                (household, shares, D(base1) + extra * 3000, D(base2) + extra * 4000)
            )
            shares += D("0.5")
    return rows


def forwards(apps, schema_editor):
    Rate = apps.get_model("social_action", "Rate")
    IncomeBand = apps.get_model("social_action", "IncomeBand")
    AidScheme = apps.get_model("social_action", "AidScheme")
    for key, start, end, amount, verified in RATES:
        Rate.objects.update_or_create(
            key=key,
            valid_from=start,
            defaults={"valid_to": end, "amount": amount, "verified": verified, "source": SRC},
        )
    for household, shares, max1, max2 in bands():
        IncomeBand.objects.update_or_create(
            valid_from=date(2019, 1, 1),
            household=household,
            tax_shares=shares,
            defaults={"band1_max": max1, "band2_max": max2, "verified": False, "source": SRC},
        )
    for position, row in enumerate(SCHEMES):
        code, name, category, mode, rule, cap, on_request, description, eligibility, docs = row
        AidScheme.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "category": category,
                "amount_mode": mode,
                "rule": rule,
                "cap": cap,
                "on_request": on_request,
                "description": description,
                "eligibility": eligibility,
                "documents_required": docs,
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("social_action", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
