from datetime import date

import factory

from safety.inspections.enums import InspectionResult
from safety.inspections.models import (
    ControlledEquipment,
    EquipmentKind,
    Inspection,
    KindPeriodicity,
)
from tests.factories import UserFactory
from tests.safety.factories import WorkUnitFactory


class EquipmentKindFactory(factory.django.DjangoModelFactory):
    """A kind with one periodicity row from 2000 (``months``, 12 by default)."""

    class Meta:
        model = EquipmentKind
        django_get_or_create = ("code",)
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"type-{n}")
    name = factory.Sequence(lambda n: f"Type d'équipement {n}")

    @factory.post_generation
    def months(self, create, extracted, **kwargs):
        if create and not self.periodicities.exists():
            KindPeriodicity.objects.create(
                kind=self, months=extracted or 12, valid_from=date(2000, 1, 1)
            )


class EquipmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ControlledEquipment
        skip_postgeneration_save = True

    kind = factory.SubFactory(EquipmentKindFactory)
    work_unit = factory.SubFactory(WorkUnitFactory)
    label = factory.Sequence(lambda n: f"Sorbonne {n}")
    inventory_ref = factory.Sequence(lambda n: f"EQ-{n:04d}")
    location = "Salle 12"
    commissioned_on = date(2019, 1, 15)

    @factory.post_generation
    def schedule(self, create, extracted, **kwargs):
        if create:
            self.recompute_schedule()


class InspectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inspection
        skip_postgeneration_save = True

    equipment = factory.SubFactory(EquipmentFactory)
    date = date(2020, 3, 2)
    body = "Bureau Veritas"
    result = InspectionResult.COMPLIANT
    recorded_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def schedule(self, create, extracted, **kwargs):
        if create:
            self.equipment.recompute_schedule()
