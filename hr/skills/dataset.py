"""The benchmark's skills (``manage.py bench_dataset``, ``imtsocial.datasets``).

For 10 000 employees: about 50 skills beside the demo's (half of them marked critical by
the study), held by about 7 000 employee skills. A critical skill has few holders — one
to a dozen, some close to retirement (the hr builder's birth dates) or on a fixed-term
contract, so that some are at risk; a common skill is held widely at every level. The
bench employee has skills of their own. Written in bulk.
"""

from hr.skills.models import EmployeeSkill, Level, Skill
from imtsocial.datasets import Dataset, bulk

# domain → skills
SKILLS = {
    "Matériaux": [
        "Caractérisation mécanique des composites",
        "Rhéologie des polymères",
        "Diffraction des rayons X",
        "Spectroscopie infrarouge",
        "Fabrication additive métallique",
        "Analyse thermique (DSC, ATG)",
    ],
    "Environnement": [
        "Chromatographie en phase gazeuse",
        "Analyse des eaux",
        "Modélisation hydrologique",
        "Gestion des déchets dangereux",
        "Évaluation des risques industriels",
    ],
    "Informatique": [
        "Administration Linux",
        "Réseaux et sécurité",
        "Calcul haute performance",
        "Développement web (Django)",
        "Bases de données PostgreSQL",
        "Apprentissage automatique",
        "Support utilisateurs",
    ],
    "Ressources humaines": [
        "Gestion des carrières des fonctionnaires",
        "Retraites des agents publics",
        "Recrutement des contractuels",
        "Droit de la fonction publique",
    ],
    "Finances": [
        "Comptabilité publique (GBCP)",
        "Contrôle de gestion",
        "Achats publics",
        "Gestion des contrats européens",
    ],
    "Enseignement": [
        "Ingénierie pédagogique",
        "Enseignement à distance",
        "Relations entreprises et stages",
        "Accréditation des formations",
    ],
    "Prévention": [
        "Risque chimique",
        "Risque biologique",
        "Sécurité laser",
        "Habilitation électrique",
        "Gestion de crise",
    ],
    "Langues": ["Anglais courant", "Rédaction scientifique en anglais", "Espagnol"],
    "Communication": [
        "Communication institutionnelle",
        "Gestion des réseaux sociaux",
        "Organisation d'événements",
    ],
    "Patrimoine": [
        "Maintenance des bâtiments",
        "Gestion énergétique",
        "Conduite d'opérations immobilières",
    ],
    "Recherche": [
        "Montage de projets ANR",
        "Valorisation et brevets",
        "Science ouverte",
        "Gestion des données de la recherche",
        "Microscopie électronique",
        "Métrologie",
    ],
}
NOTES = ["Une seule personne", "Départ en retraite proche", "Recrutement difficile", ""]


def build(dataset: Dataset) -> dict[str, int]:
    rng = dataset.rng
    people = dataset.shared["employee_ids"]
    names = set(Skill.objects.values_list("name", flat=True))
    candidates = [(d, n) for d, items in SKILLS.items() for n in items if n not in names]
    rng.shuffle(candidates)
    chosen = candidates[: dataset.scaled(60, minimum=6)]
    skills = bulk(
        Skill,
        (
            Skill(
                name=name,
                domain=domain,
                critical=index % 2 == 0,
                study_note=rng.choice(NOTES) if index % 2 == 0 else "",
            )
            for index, (domain, name) in enumerate(chosen)
        ),
    )
    held = []
    for skill in skills:
        if skill.critical:  # few holders, mostly experts
            count = rng.choice((1, 1, 2, 2, 3, 4, 6, 9, 12))
            levels = (Level.MASTERY, Level.EXPERT, Level.EXPERT, Level.PRACTICE)
        else:
            count = rng.randint(len(people) // 60, len(people) // 25)
            levels = tuple(Level)
        for pk in rng.sample(people, min(count, len(people))):
            held.append(EmployeeSkill(employee_id=pk, skill=skill, level=rng.choice(levels)))
    bench = dataset.shared["bench_employees"]["employee"].pk
    mine = {h.skill_id for h in held if h.employee_id == bench}
    for skill in rng.sample(skills, min(3, len(skills))):
        if skill.pk not in mine:
            held.append(EmployeeSkill(employee_id=bench, skill=skill, level=Level.PRACTICE))
    held = bulk(EmployeeSkill, held)
    return {
        "compétences": len(skills),
        "dont critiques": sum(s.critical for s in skills),
        "compétences des agents": len(held),
    }
