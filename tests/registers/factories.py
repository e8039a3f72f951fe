from datetime import date, datetime
from zoneinfo import ZoneInfo

import factory

from safety.registers.enums import AccidentKind, DgiStatus, RsstKind, RsstStatus
from safety.registers.models import DgiReport, RsstEntry, WorkAccident
from tests.factories import EmployeeFactory


class RsstEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RsstEntry

    author = factory.SubFactory(EmployeeFactory)
    kind = RsstKind.OBSERVATION
    place = "Salle R132"
    occurred_on = date(2024, 3, 4)
    text = "La porte coupe-feu reste bloquée ouverte."
    status = RsstStatus.SUBMITTED


class DgiReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DgiReport

    reported_by = factory.SubFactory(EmployeeFactory)
    occurred_at = datetime(2024, 3, 4, 10, 30, tzinfo=ZoneInfo("Europe/Paris"))
    place = "Laboratoire"
    danger = "Fuite de gaz."
    people_exposed = "3 techniciens"
    immediate_measures = "Évacuation."
    status = DgiStatus.REPORTED


class WorkAccidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkAccident

    victim = factory.SubFactory(EmployeeFactory)
    kind = AccidentKind.WORK
    occurred_on = date(2024, 3, 4)
    place = "Atelier"
    circumstances = "Chute de plain-pied sur un câble."
    leave_days = 2
