from datetime import date
from decimal import Decimal

import factory

from safety.asbestos.enums import Material, MeasureKind
from safety.asbestos.models import AirMeasurement, Assessment, Location, Measure
from tests.factories import SiteFactory


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    site = factory.SubFactory(SiteFactory)
    building = "A"
    room = factory.Sequence(lambda n: f"A{n:03d}")
    element = "Revêtement de sol"
    material = Material.FLOOR_TILES
    identified_on = date(1998, 5, 12)
    identified_by = "APAVE"


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    location = factory.SubFactory(LocationFactory)
    date = date(2020, 3, 10)
    score = 1
    assessed_by = "Service hygiène et sécurité"


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    location = factory.SubFactory(LocationFactory)
    kind = MeasureKind.CONFINEMENT
    done_on = date(2008, 9, 30)
    validated_by = "Qualiconsult"


class AirMeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AirMeasurement

    location = factory.SubFactory(LocationFactory)
    date = date(2020, 4, 1)
    fibres_per_litre = Decimal("1.2")
    laboratory = "Laboratoire agréé"
