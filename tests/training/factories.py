from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from hr.training.enums import Mode, Theme
from hr.training.models import Course, Enrolment, TrainingSession
from tests.factories import EmployeeFactory


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    title = factory.Sequence(lambda n: f"Formation {n}")
    provider = "REOR"
    theme = Theme.MANAGEMENT
    mode = Mode.REMOTE
    hours = Decimal("7")


class SessionFactory(factory.django.DjangoModelFactory):
    """A session in two weeks by default (enrolments open)."""

    class Meta:
        model = TrainingSession

    course = factory.SubFactory(CourseFactory)
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))
    ends_on = factory.SelfAttribute("starts_on")
    capacity = 10


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    session = factory.SubFactory(SessionFactory)
    employee = factory.SubFactory(EmployeeFactory)
