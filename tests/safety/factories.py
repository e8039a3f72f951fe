import importlib
from datetime import date
from decimal import Decimal

import factory

from safety.enums import ActionStatus
from safety.models import (
    ActionItem,
    Hazard,
    HazardFamily,
    PreventionAdvisor,
    RatingMethod,
    RiskEntry,
    WorkUnit,
)
from tests.factories import DepartmentFactory, UserFactory

REFERENCE = importlib.import_module("safety.migrations.0002_reference_data")


class RatingMethodFactory(factory.django.DjangoModelFactory):
    """The method the data migration loads (flushed by transactional tests: re-created)."""

    class Meta:
        model = RatingMethod
        django_get_or_create = ("code",)

    code = REFERENCE.METHOD["code"]
    name = REFERENCE.METHOD["name"]
    description = REFERENCE.METHOD["description"]
    gravity_labels = REFERENCE.METHOD["gravity_labels"]
    probability_labels = REFERENCE.METHOD["probability_labels"]
    control_factors = REFERENCE.METHOD["control_factors"]
    high_from = REFERENCE.METHOD["high_from"]
    medium_from = REFERENCE.METHOD["medium_from"]
    valid_from = date(2016, 1, 1)


class HazardFamilyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HazardFamily
        django_get_or_create = ("code",)

    code = "chimique"
    name = "Risque chimique"


class HazardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hazard
        django_get_or_create = ("family", "name")

    family = factory.SubFactory(HazardFamilyFactory)
    name = factory.Sequence(lambda n: f"Danger {n}")
    typical_situations = "Transvasement de solvants."
    typical_measures = "Sorbonne contrôlée\nGants nitrile"


class WorkUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkUnit
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"U{n:04d}")
    name = factory.Sequence(lambda n: f"Unité {n}")
    department = factory.SubFactory(DepartmentFactory)
    site = factory.SelfAttribute("department.site")
    headcount_exposed = 6

    @factory.post_generation
    def agents(self, create, extracted, **kwargs):
        if create and extracted:
            self.agents.set(extracted)


class RiskEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RiskEntry

    work_unit = factory.SubFactory(WorkUnitFactory)
    hazard = factory.SubFactory(HazardFactory)
    situation = "Synthèse de résines"
    people_exposed = "Chercheurs"
    exposed_count = 4
    existing_measures = "Sorbonne"
    gravity = 3
    probability = 2
    control_level = 2
    method = factory.SubFactory(RatingMethodFactory)


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    entry = factory.SubFactory(RiskEntryFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
    owner = factory.SubFactory(UserFactory)
    due_date = date(2030, 6, 30)
    budget = Decimal("1000")
    status = ActionStatus.PLANNED

    class Params:
        late = factory.Trait(due_date=date(2020, 1, 31))
        done = factory.Trait(status=ActionStatus.DONE, done_on=date(2020, 1, 15))


class PreventionAdvisorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PreventionAdvisor
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)
