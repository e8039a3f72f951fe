from datetime import date

import factory

from safety.qualifications.models import Qualification, QualificationType
from tests.factories import EmployeeFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def kind(code: str) -> QualificationType:
    """A type the data migration loads (``sst``, ``electrique``, ``gaz``…)."""
    return QualificationType.objects.get(code=code)


class QualificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Qualification

    holder = factory.SubFactory(EmployeeFactory)
    qualification_type = factory.LazyFunction(lambda: kind("sst"))
    obtained_on = date(2020, 3, 15)
    expires_on = date(2022, 3, 14)
