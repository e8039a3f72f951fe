"""Demo data of skills: a few critical skills of the laboratories and services, some
held by a single person (one of them retiring soon) — the recruitment priorities.

Idempotent: skills are matched on their name, holdings on (person, skill)."""

from datetime import date

from django.utils import timezone

from hr.models import Employee
from hr.skills.models import EmployeeSkill, Level, Skill

# name, domain, critical, holders (offsets in the staff list), study note
SKILLS = [
    (
        "Infusion sous vide de résines thermodurcissables",
        "Matériaux",
        True,
        [60],
        "Une seule personne",
    ),
    ("Tensiométrie de surface", "Matériaux", True, [61, 62], "Départ en retraite proche"),
    ("Administration des serveurs de calcul", "Informatique", True, [20], "Une seule personne"),
    ("Paie des agents contractuels", "Ressources humaines", True, [10, 11, 12], ""),
    ("Radioprotection", "Prévention", True, [63], "Personne compétente en radioprotection"),
    ("Anglais scientifique", "Langues", False, [60, 61, 64, 65], ""),
]


def build():
    staff = list(
        Employee.objects.filter(employee_number__startswith="E").order_by("employee_number")
    )
    if len(staff) < 70:
        return
    for name, domain, critical, offsets, note in SKILLS:
        skill, _created = Skill.objects.get_or_create(
            name=name, defaults={"domain": domain, "critical": critical, "study_note": note}
        )
        for index, offset in enumerate(offsets):
            EmployeeSkill.objects.get_or_create(
                employee=staff[offset],
                skill=skill,
                defaults={"level": Level.EXPERT if index == 0 else Level.MASTERY},
            )
    # The tensiometry expert retires within the horizon: a birth date 61 years ago.
    expert = staff[61]
    if expert.birth_date is None:
        today = timezone.localdate()
        expert.birth_date = date(today.year - 61, 3, 15)
        expert.save(update_fields=["birth_date"])
