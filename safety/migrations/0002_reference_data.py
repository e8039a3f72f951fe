"""The rating method and the hazard knowledge base (editable afterwards by the
advisor), and on PostgreSQL a trigger that refuses to alter a published edition."""

from django.db import migrations

METHOD = {
    "code": "gpm-4x4x3",
    "name": "Gravité × probabilité × maîtrise (4 × 4 × 3)",
    "description": (
        "Chaque risque est coté par sa gravité (1 à 4) et sa probabilité d'occurrence (1 à 4), "
        "multipliées par un facteur de maîtrise qui tient compte des mesures existantes : 1 si "
        "le risque est maîtrisé, 2 s'il l'est partiellement, 3 s'il ne l'est pas. La cote va "
        "donc de 1 à 48. Priorité 1 (agir sans délai) à partir de 24, priorité 2 (à planifier "
        "dans l'année) de 8 à 23, priorité 3 (à surveiller) en dessous de 8. Méthode interne de "
        "l'école, inspirée des grilles gravité × probabilité courantes ; elle ne prétend à la "
        "conformité d'aucun guide particulier."
    ),
    "gravity_labels": [
        "1 – faible (sans arrêt de travail)",
        "2 – moyenne (arrêt de travail)",
        "3 – grave (incapacité permanente partielle)",
        "4 – très grave (invalidité ou décès)",
    ],
    "probability_labels": [
        "1 – très improbable (exposition exceptionnelle)",
        "2 – improbable (quelques fois par an)",
        "3 – probable (chaque mois)",
        "4 – très probable (chaque semaine ou plus)",
    ],
    "control_factors": {"1": 1, "2": 2, "3": 3},
    "high_from": 24,
    "medium_from": 8,
}

# family code, name, [(hazard, typical situations, typical measures)]
KNOWLEDGE_BASE = [
    ("chimique", "Risque chimique", [
        ("Solvants organiques (styrène, hexane, α-méthylstyrène)",
         "Synthèse et mise en œuvre de polymères ; nettoyage de pièces ; préparation d'échantillons.",
         "Manipulation sous sorbonne contrôlée chaque année\nSubstitution par un produit moins dangereux quand c'est possible\nGants nitrile et lunettes de protection\nFiches de données de sécurité à jour et accessibles\nMesures d'exposition atmosphérique périodiques"),
        ("Produits corrosifs (acides, bases)",
         "Préparation de solutions ; attaque chimique d'échantillons.",
         "Stockage séparé acides/bases en armoire ventilée\nDouche et lave-œil à proximité, vérifiés\nGants, lunettes et blouse adaptés"),
        ("Agents cancérogènes, mutagènes, reprotoxiques (CMR)",
         "Utilisation ponctuelle de réactifs classés CMR.",
         "Inventaire des CMR et fiches d'exposition individuelles\nTravail en vase clos ou sous sorbonne\nInformation et formation des personnes exposées"),
    ]),
    ("biologique", "Risque biologique", [
        ("Agents biologiques des groupes 1 et 2",
         "Cultures de micro-organismes ; bioprocédés ; traitement d'effluents.",
         "Travail sous poste de sécurité microbiologique\nDésinfection des surfaces et gestion des déchets DASRI\nVaccinations recommandées par la médecine de prévention"),
    ]),
    ("laser", "Rayonnements laser", [
        ("Laser de classe 3B ou 4",
         "Métrologie optique ; découpe et soudage laser ; spectroscopie.",
         "Zone laser délimitée et signalée, voyant à l'entrée\nLunettes de protection adaptées à la longueur d'onde\nFormation et habilitation des utilisateurs"),
    ]),
    ("ionisant", "Rayonnements ionisants", [
        ("Générateur de rayons X (diffraction, tomographie)",
         "Analyse de matériaux par diffraction ou tomographie X.",
         "Appareil en enceinte plombée avec sécurités de porte\nConseiller en radioprotection désigné\nDosimétrie des travailleurs classés\nContrôles réglementaires des installations"),
    ]),
    ("electrique", "Risque électrique", [
        ("Travaux au voisinage de pièces nues sous tension",
         "Maintenance d'armoires électriques ; bancs d'essais.",
         "Habilitation électrique des intervenants\nConsignation avant intervention\nVérification périodique des installations"),
    ]),
    ("hauteur", "Travail en hauteur", [
        ("Chute de hauteur",
         "Accès aux toitures, éclairage, stockage en hauteur.",
         "Plateformes individuelles roulantes plutôt qu'escabeaux\nGarde-corps en toiture\nFormation au travail en hauteur"),
    ]),
    ("pression", "Équipements sous pression", [
        ("Autoclaves et bouteilles de gaz comprimé",
         "Essais sous pression ; stockage et manipulation de bouteilles de gaz.",
         "Requalification périodique des équipements\nBouteilles arrimées et stockées à l'extérieur\nDétendeurs adaptés et vérifiés"),
    ]),
    ("routier", "Risque routier", [
        ("Déplacements professionnels en véhicule",
         "Trajets entre les sites de Clavières et Croupillac ; missions.",
         "Entretien des véhicules de service\nPlanification des déplacements, pas d'appel au volant\nVisioconférence pour limiter les trajets"),
    ]),
    ("manutention", "Manutention manuelle", [
        ("Port de charges lourdes",
         "Livraisons, déménagements, manipulation de fûts et d'échantillons.",
         "Chariots et diables à disposition\nFormation gestes et postures\nLimitation des charges unitaires"),
    ]),
    ("psychosocial", "Risques psychosociaux", [
        ("Charge de travail et isolement",
         "Pics d'activité ; télétravail prolongé ; travail isolé en laboratoire.",
         "Entretien annuel incluant la charge de travail\nCellule d'écoute et psychologue du travail\nFormation des encadrants au management à distance\nProcédure de travail isolé"),
        ("Tensions et conflits au travail",
         "Relations dans les équipes ; relations avec le public.",
         "Médiation et accompagnement par les ressources humaines\nSignalement via le registre santé et sécurité"),
    ]),
    ("ecran", "Travail sur écran", [
        ("Fatigue visuelle et troubles musculosquelettiques",
         "Postes de bureau ; télétravail.",
         "Écran 24 pouces, clavier et souris séparés\nAménagement du poste par l'ergonome\nPauses régulières"),
    ]),
    ("bruit", "Bruit", [
        ("Exposition au bruit de machines",
         "Ateliers, halle d'essais, salles de machines.",
         "Capotage des machines bruyantes\nProtections auditives à disposition\nMesures de bruit périodiques"),
    ]),
    ("incendie", "Incendie et explosion", [
        ("Départ de feu, atmosphère explosive",
         "Stockage de produits inflammables ; cuisine ; locaux techniques.",
         "Extincteurs vérifiés chaque année\nExercices d'évacuation\nArmoires pour produits inflammables"),
    ]),
    ("amiante", "Amiante", [
        ("Matériaux contenant de l'amiante",
         "Dalles de sol et colles, allèges en fibres-ciment, canalisations en galerie.",
         "Dossier technique amiante à jour et consulté avant travaux\nConfinement des matériaux dégradés\nMesures d'empoussièrement de l'air (seuil 5 fibres/L)"),
    ]),
    ("restauration", "Restauration collective", [
        ("Coupures, brûlures, glissades en cuisine",
         "Préparation et service des repas ; plonge.",
         "Chaussures antidérapantes\nGants anti-coupure\nSols nettoyés et signalés"),
    ]),
]

TRIGGER = """
CREATE OR REPLACE FUNCTION safety_edition_frozen() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'A published DUERP edition cannot be deleted';
  END IF;
  IF NEW.year <> OLD.year OR NEW.number <> OLD.number
     OR NEW.snapshot::text <> OLD.snapshot::text OR NEW.method::text <> OLD.method::text
     OR NEW.snapshot_checksum <> OLD.snapshot_checksum
     OR NEW.published_at <> OLD.published_at OR NEW.published_by_id <> OLD.published_by_id
     OR NEW.note <> OLD.note OR (OLD.pdf_checksum <> '' AND NEW.pdf_checksum <> OLD.pdf_checksum)
     OR (OLD.pdf_checksum <> '' AND NEW.pdf <> OLD.pdf) THEN
    RAISE EXCEPTION 'A published DUERP edition is frozen';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER safety_edition_frozen BEFORE UPDATE OR DELETE ON safety_duerpedition
FOR EACH ROW EXECUTE FUNCTION safety_edition_frozen();
"""
DROP_TRIGGER = """
DROP TRIGGER IF EXISTS safety_edition_frozen ON safety_duerpedition;
DROP FUNCTION IF EXISTS safety_edition_frozen();
"""


def load(apps, schema_editor):
    RatingMethod = apps.get_model("safety", "RatingMethod")
    HazardFamily = apps.get_model("safety", "HazardFamily")
    Hazard = apps.get_model("safety", "Hazard")
    RatingMethod.objects.update_or_create(code=METHOD["code"], defaults=METHOD)
    for order, (code, name, hazards) in enumerate(KNOWLEDGE_BASE, start=1):
        family, _ = HazardFamily.objects.update_or_create(
            code=code, defaults={"name": name, "order": order}
        )
        for hazard, situations, measures in hazards:
            Hazard.objects.update_or_create(
                family=family,
                name=hazard,
                defaults={"typical_situations": situations, "typical_measures": measures},
            )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER)


def unload(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGER)


class Migration(migrations.Migration):
    dependencies = [("safety", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
