"""The benchmark's onboarding checklists (``manage.py bench_dataset``, ``imtsocial.datasets``).

For 10 000 employees: the checklists of the 300 most recent arrivals (the hr builder's
hire date is the start of the person's first contract), opened three weeks before the
arrival, with every step in use. The older ones are done, by the step's owner (HR,
IT, prevention, the newcomer's manager); the arrivals of the last months still have
steps to do, so the owners' lists and « Mon espace » have work. Written in bulk.
"""

from datetime import timedelta

from hr.models import Employee
from hr.onboarding.models import Onboarding, OnboardingItem, OnboardingStep, Owner
from imtsocial.datasets import Dataset, bulk

OWNER_ROLES = {Owner.HR: "hr", Owner.IT: "it", Owner.PREVENTION: "prevention"}


def build(dataset: Dataset) -> dict[str, int]:
    rng, today = dataset.rng, dataset.today
    manager_of = dataset.shared["manager_of"]
    user_of = dataset.shared["user_of"]
    bench_users = dataset.shared["bench_users"]
    ours = set(dataset.shared["employee_ids"])
    newcomers = list(
        Employee.objects.filter(pk__in=ours, hire_date__lte=today).order_by("-hire_date", "pk")[
            : dataset.scaled(300)
        ]
    )
    existing = set(Onboarding.objects.values_list("employee_id", flat=True))
    newcomers = [p for p in newcomers if p.pk not in existing]
    onboardings = bulk(Onboarding, (Onboarding(employee=p) for p in newcomers))
    for onboarding in onboardings:  # ``created_on``: auto_now_add
        onboarding.created_on = onboarding.employee.hire_date - timedelta(days=21)
    Onboarding.objects.bulk_update(onboardings, ["created_on"], batch_size=2000)
    steps = list(OnboardingStep.objects.filter(active=True))
    items = []
    for onboarding in onboardings:
        person = onboarding.employee
        age = (today - person.hire_date).days
        pending = 0.3 if age < 120 else 0.05 if age < 365 else 0.0
        for step in steps:
            item = OnboardingItem(onboarding=onboarding, step=step)
            if rng.random() >= pending:
                item.done_on = min(person.hire_date + timedelta(days=rng.randint(-5, 30)), today)
                if step.owner == Owner.MANAGER:
                    item.done_by_id = user_of.get(manager_of.get(person.pk))
                else:
                    item.done_by = bench_users[OWNER_ROLES[step.owner]]
            items.append(item)
    items = bulk(OnboardingItem, items)
    return {
        "accueils": len(onboardings),
        "étapes": len(items),
        "dont à faire": sum(i.done_on is None for i in items),
    }
