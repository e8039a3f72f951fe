from datetime import date

import factory

from safety.network.enums import Function
from safety.network.models import Appointment
from tests import pdfs
from tests.factories import EmployeeFactory

PDF_BYTES = pdfs.PDF_BYTES  # a real PDF: uploads are opened by a PDF parser


class AppointmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appointment
        skip_postgeneration_save = True

    employee = factory.SubFactory(EmployeeFactory)
    function = Function.AGENT
    starts_on = date(2019, 1, 1)

    @factory.post_generation
    def work_units(self, create, extracted, **kwargs):
        if create and extracted:
            self.work_units.set(extracted)
