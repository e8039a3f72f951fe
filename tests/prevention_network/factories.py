from datetime import date

import factory

from safety.network.enums import Function
from safety.network.models import Appointment
from tests.factories import EmployeeFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


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
