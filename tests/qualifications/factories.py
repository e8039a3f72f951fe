from datetime import date

import factory

from safety.qualifications.models import Qualification, QualificationType
from tests import pdfs
from tests.factories import EmployeeFactory

PDF_BYTES = pdfs.PDF_BYTES  # a real PDF: uploads are opened by a PDF parser


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
