"""Demo data: the school at 31/12/2020, as described by the DD&RS chapter.

Idempotent: objects are matched on natural keys (codes, employee numbers,
e-mails), so a second run changes nothing. Later issues extend ``build``.
"""

import random
from datetime import date

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from hr.enums import Category, DepartmentKind
from hr.models import Department, Employee, Site, TalentDeveloper
from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role

DEMO_PASSWORD = "demo-imtsocial"  # noqa: S105 - printed on purpose, demo only
DEMO_DOMAIN = "demo.imtsocial.fr"
STAFF_SIZE = 330
TALENT_DEVELOPERS = 23

SITES = [
    ("clavieres", "Clavières", "6 avenue de Clavières, 30100 Alès"),
    ("croupillac", "Croupillac", "7 rue Jules Renard, 30100 Alès"),
]
# code, name, kind, site, weight in the staff
DEPARTMENTS = [
    ("dir", "Direction", DepartmentKind.SERVICE, "clavieres", 8),
    ("rh", "Ressources humaines", DepartmentKind.SERVICE, "clavieres", 12),
    ("dsi", "Pôle informatique", DepartmentKind.SERVICE, "clavieres", 16),
    ("st", "Services techniques", DepartmentKind.SERVICE, "clavieres", 20),
    ("hs", "Hygiène et sécurité", DepartmentKind.SERVICE, "croupillac", 4),
    ("resto", "Restaurant collectif", DepartmentKind.SERVICE, "clavieres", 14),
    ("scol", "Scolarité et vie étudiante", DepartmentKind.SERVICE, "clavieres", 18),
    ("af", "Affaires financières", DepartmentKind.SERVICE, "clavieres", 12),
    ("com", "Communication", DepartmentKind.SERVICE, "clavieres", 8),
    ("c2ma", "C2MA – Centre des matériaux", DepartmentKind.LABORATORY, "croupillac", 70),
    (
        "lgei",
        "LGEI – Génie de l'environnement industriel",
        DepartmentKind.LABORATORY,
        "clavieres",
        60,
    ),
    (
        "lgi2p",
        "LGI2P – Génie informatique et ingénierie de production",
        DepartmentKind.LABORATORY,
        "croupillac",
        60,
    ),
]
FIRST_NAMES = [
    "Camille",
    "Léa",
    "Manon",
    "Chloé",
    "Julie",
    "Sarah",
    "Laura",
    "Marion",
    "Pauline",
    "Claire",
    "Émilie",
    "Céline",
    "Nathalie",
    "Sophie",
    "Isabelle",
    "Sandrine",
    "Hélène",
    "Anne",
    "Aurélie",
    "Lucie",
    "Thomas",
    "Nicolas",
    "Julien",
    "Maxime",
    "Alexandre",
    "Antoine",
    "Pierre",
    "Romain",
    "Guillaume",
    "Sébastien",
    "Laurent",
    "Olivier",
    "Christophe",
    "Philippe",
    "Mathieu",
    "Éric",
    "David",
    "François",
    "Jérôme",
    "Vincent",
    "Benoît",
    "Karim",
    "Yasmine",
    "Mehdi",
    "Inès",
    "Wei",
    "Mei",
    "Rahul",
    "Priya",
    "Lucas",
]
LAST_NAMES = [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefebvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Legrand",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guérin",
    "Muller",
    "Henry",
    "Roussel",
    "Nicolas",
    "Perrin",
    "Morin",
    "Mathieu",
    "Clément",
    "Gauthier",
    "Dumont",
    "Lopez",
    "Fontaine",
    "Chevalier",
    "Robin",
    "Masson",
    "Sanchez",
    "Boyer",
    "Chabrol",
    "Valette",
    "Pellet",
    "Teissier",
    "Roumieux",
    "Bastide",
    "Jourdan",
    "Rouvière",
]

# role, first name, last name, department code, groups, extra
DEMO_LOGINS = [
    (Role.EMPLOYEE, "Élodie", "Agent", "c2ma", []),
    (Role.MANAGER, "Marc", "Manager", "c2ma", []),
    (Role.HR, "Hélène", "Ressources", "rh", [Role.HR]),
    (Role.IT, "Ivan", "Informatique", "dsi", [Role.IT]),
    (Role.SOCIAL_ACTION, "Sophie", "Solidarité", "rh", [Role.SOCIAL_ACTION]),
    (Role.PREVENTION, "Paul", "Prévention", "hs", [Role.PREVENTION]),
    (Role.TALENT_DEVELOPER, "Tania", "Talents", "lgei", []),
    (Role.DIRECTOR, "Denis", "Directeur", "dir", [Role.DIRECTOR]),
    (Role.DPO, "Danielle", "Données", "dir", [Role.DPO]),
]


def demo_email(role: Role) -> str:
    return f"{role.value}@{DEMO_DOMAIN}"


class Command(BaseCommand):
    help = "Crée les données de démonstration (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Autorise l'exécution avec DJANGO_DEBUG désactivé."
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refus : DJANGO_DEBUG est désactivé (production ?). Relancez avec --force "
                "si vous voulez vraiment des données de démonstration ici."
            )
        with transaction.atomic():
            build(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Données de démonstration prêtes."))
        self.stdout.write(f"Mot de passe de tous les comptes de démonstration : {DEMO_PASSWORD}")
        for role, *_rest in DEMO_LOGINS:
            self.stdout.write(f"  {role.label:<40} {demo_email(role)}")


def build(*, stdout=None):
    rng = random.Random(2020)  # deterministic: a second run computes the same people
    sites = {
        code: Site.objects.update_or_create(code=code, defaults={"name": name, "address": addr})[0]
        for code, name, addr in SITES
    }
    departments = {
        code: Department.objects.update_or_create(
            code=code, defaults={"name": name, "kind": kind, "site": sites[site]}
        )[0]
        for code, name, kind, site, _weight in DEPARTMENTS
    }
    heads = _build_heads(rng, departments)
    _build_staff(rng, departments, heads)
    _build_demo_logins(departments, heads)
    _build_talent_developers(rng)


def _person(rng, number, department, **extra):
    first = rng.choice(FIRST_NAMES)
    last = rng.choice(LAST_NAMES)
    hire_year = rng.randint(1988, 2020)
    fields = {
        "employee_number": number,
        "first_name": first,
        "last_name": last,
        "work_email": f"{number.lower()}@{DEMO_DOMAIN}",
        "site": department.site,
        "department": department,
        "hire_date": date(hire_year, rng.randint(1, 12), 1),
        "category": rng.choice([Category.A, Category.A, Category.B, Category.C]),
    }
    return Employee(**(fields | extra))


def _build_heads(rng, departments):
    heads = {}
    director = None
    for index, (code, _name, _kind, _site, _weight) in enumerate(DEPARTMENTS):
        number = f"H{index + 1:03d}"
        # Always draw the person so that the random stream is the same on every run.
        candidate = _person(rng, number, departments[code], category=Category.A)
        employee = Employee.objects.filter(employee_number=number).first()
        if employee is None:
            employee = candidate
            employee.job_title = "Responsable"
            employee.save()
        heads[code] = employee
        if code == "dir":
            director = employee
    for code, head in heads.items():
        if code != "dir" and head.manager_id is None:
            head.manager = director
            head.save(update_fields=["manager"])
        department = departments[code]
        if department.head_id != head.pk:
            department.head = head
            department.save(update_fields=["head"])
    return heads


def _build_staff(rng, departments, heads):
    existing = set(Employee.objects.values_list("employee_number", flat=True))
    codes = [code for code, *_ in DEPARTMENTS]
    weights = [weight for *_rest, weight in DEPARTMENTS]
    new = []
    for index in range(STAFF_SIZE - len(heads)):
        code = rng.choices(codes, weights)[0]
        number = f"E{index + 1:04d}"
        person = _person(rng, number, departments[code], manager=heads[code])
        if number not in existing:
            new.append(person)
    if new:
        bulk_create_with_history(new, Employee, batch_size=500)


def _build_demo_logins(departments, heads):
    for index, (role, first, last, code, groups) in enumerate(DEMO_LOGINS):
        user, created = User.objects.get_or_create(
            email=demo_email(role), defaults={"first_name": first, "last_name": last}
        )
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.set(Group.objects.filter(name__in=[g.value for g in groups]))
        if role == Role.HR:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        number = f"D{index + 1:03d}"
        department = departments[code]
        employee = Employee.objects.filter(employee_number=number).first()
        if role == Role.MANAGER:
            # The demo manager heads the C2MA laboratory: reuse its head's record.
            employee = heads[code]
        elif role == Role.DIRECTOR:
            employee = heads["dir"]
        elif employee is None:
            employee = Employee(
                employee_number=number,
                site=department.site,
                department=department,
                hire_date=date(2015, 9, 1),
                category=Category.A,
            )
        desired = {
            "first_name": first,
            "last_name": last,
            "work_email": user.email,
            "user_id": user.pk,
        }
        if employee.pk is None or role not in (Role.MANAGER, Role.DIRECTOR):
            desired["manager_id"] = heads[code].pk if role != Role.DIRECTOR else None
        changed = [k for k, v in desired.items() if getattr(employee, k) != v]
        if employee.pk is None or changed:
            for key, value in desired.items():
                setattr(employee, key, value)
            if employee.manager_id is not None and employee.manager_id == employee.pk:
                employee.manager_id = None
            employee.save()


def _build_talent_developers(rng):
    tania = Employee.objects.get(user__email=demo_email(Role.TALENT_DEVELOPER))
    TalentDeveloper.objects.get_or_create(
        employee=tania, defaults={"trained_on": date(2019, 6, 14)}
    )
    missing = TALENT_DEVELOPERS - TalentDeveloper.objects.count()
    if missing <= 0:
        return
    candidates = list(
        Employee.objects.filter(talent_developer__isnull=True, user__isnull=True)
        .order_by("employee_number")
        .values_list("pk", flat=True)
    )
    chosen = rng.sample(candidates, missing)
    TalentDeveloper.objects.bulk_create(
        TalentDeveloper(employee_id=pk, trained_on=date(2019, 6, 14)) for pk in chosen
    )
