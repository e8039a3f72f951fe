from datetime import date
from decimal import Decimal

import factory

from safety.exposure.enums import ConcentrationUnit, Kind, Verdict
from safety.exposure.models import LimitValue, Measurement, MeasurementCampaign, Substance
from tests.safety.factories import WorkUnitFactory

STYRENE, HEXANE, GLYCOL, AMS = "100-42-5", "110-54-3", "107-21-1", "98-83-9"


def substance(cas: str) -> Substance:
    """A substance of the data migration (present in every test database)."""
    return Substance.objects.get(cas_number=cas)


class SubstanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Substance
        django_get_or_create = ("cas_number",)

    name = "Toluène"
    cas_number = "108-88-3"


class LimitValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LimitValue

    substance = factory.SubFactory(SubstanceFactory)
    valid_from = date(2010, 1, 1)
    eight_hours = Decimal("76.8")
    short_term = Decimal("384")
    unit = ConcentrationUnit.MG_M3
    binding = True


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeasurementCampaign

    work_unit = factory.SubFactory(WorkUnitFactory)
    date = date(2020, 10, 6)
    laboratory = "Laboratoire accrédité"


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    campaign = factory.SubFactory(CampaignFactory)
    substance = factory.LazyFunction(lambda: substance(STYRENE))
    kind = Kind.EIGHT_HOURS
    duration_minutes = 420
    value = Decimal("10")
    unit = ConcentrationUnit.MG_M3
    verdict = Verdict.COMPLIANT
