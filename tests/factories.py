from datetime import date

import factory
from django.contrib.auth.models import Group

from hr.models import Department, Employee, Site, TalentDeveloper
from imtsocial.accounts.models import User

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.fr")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=[str(r) for r in extracted]))
        if create:
            self.save()


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"site{n}")
    name = factory.Sequence(lambda n: f"Site {n}")


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"dep{n}")
    name = factory.Sequence(lambda n: f"Service {n}")
    site = factory.SubFactory(SiteFactory)


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    class Params:
        with_login = factory.Trait(user=factory.SubFactory(UserFactory))

    employee_number = factory.Sequence(lambda n: f"M{n:05d}")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    department = factory.SubFactory(DepartmentFactory)
    site = factory.SelfAttribute("department.site")
    hire_date = date(2015, 9, 1)


class TalentDeveloperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TalentDeveloper

    employee = factory.SubFactory(EmployeeFactory, with_login=True)
    trained_on = date(2019, 6, 14)
