"""Demo data of onboarding: the referents of « Qui fait quoi ? », and the checklists of
the recent newcomers (some items done). Idempotent."""

from datetime import timedelta

from django.utils import timezone

from hr.models import Employee
from hr.onboarding import services
from hr.onboarding.models import OnboardingItem, Referent, Topic
from imtsocial.accounts.roles import Role
from imtsocial.demo import demo_email

REFERENTS = [
    (Topic.PAY, Role.HR, ""),
    (Topic.CAREER, Role.HR, ""),
    (Topic.TRAINING, Role.HR, ""),
    (Topic.TELEWORK, Role.HR, ""),
    (Topic.EQUIPMENT, Role.IT, ""),
    (Topic.SOCIAL, Role.SOCIAL_ACTION, "Rendez-vous sur l'intranet, à Clavières et Croupillac"),
    (Topic.SAFETY, Role.PREVENTION, "Conseiller de prévention"),
    (Topic.HR_HEAD, Role.HR, "Permanences : le mardi à Clavières, le jeudi à Croupillac"),
]
NEWCOMERS = [("N0001", "Inès", "Nouvelle", -10), ("N0002", "Hugo", "Arrivant", 14)]
EXPERTS = [Topic.RADIATION, Topic.LAB_WASTE, Topic.CHEMICAL, Topic.BIOLOGICAL, Topic.LASER]


def build():
    for topic, role, note in REFERENTS:
        person = Employee.objects.filter(user__email=demo_email(role)).first()
        if person is not None:
            Referent.objects.get_or_create(topic=topic, employee=person, defaults={"note": note})
    labs = Employee.objects.filter(department__kind="laboratory").order_by("employee_number")
    for topic, person in zip(EXPERTS, labs[:5], strict=False):
        Referent.objects.get_or_create(topic=topic, employee=person)
    today = timezone.localdate()
    manager = Employee.objects.filter(user__email=demo_email(Role.MANAGER)).first()
    if manager is not None:
        for number, first, last, days in NEWCOMERS:
            if not Employee.objects.filter(employee_number=number).exists():
                Employee.objects.create(  # its checklist opens (post_save)
                    employee_number=number,
                    first_name=first,
                    last_name=last,
                    site=manager.department.site,
                    department=manager.department,
                    manager=manager,
                    hire_date=today + timedelta(days=days),
                    category="B",
                )
    for index, newcomer in enumerate(
        Employee.objects.filter(hire_date__isnull=False).order_by("-hire_date")[:6]
    ):
        if not services.is_newcomer(newcomer, today=today):
            continue
        onboarding = services.onboarding_open(newcomer)
        done = list(onboarding.items.order_by("step__position")[: index % 3 + 1])
        OnboardingItem.objects.filter(pk__in=[i.pk for i in done], done_on__isnull=True).update(
            done_on=today
        )
