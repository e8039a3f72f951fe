from datetime import date

import factory

from telework.enums import AssetKind, Reason, RequestStatus
from telework.models import Asset, Loan, TeleworkRequest
from tests.factories import EmployeeFactory, SiteFactory


class TeleworkRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeleworkRequest

    class Params:
        pending_manager = factory.Trait(status=RequestStatus.SUBMITTED)
        pending_final = factory.Trait(status=RequestStatus.MANAGER_APPROVED)
        approved = factory.Trait(status=RequestStatus.APPROVED)

    employee = factory.SubFactory(EmployeeFactory, with_login=True)
    manager = factory.SelfAttribute("employee.manager")
    fixed_days = "1,3"
    days_per_week = 2
    start = date(2026, 1, 5)
    end = date(2026, 12, 31)
    reason = Reason.COMMUTE
    status = RequestStatus.SUBMITTED


class AssetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Asset

    tag = factory.Sequence(lambda n: f"INV-{n:05d}")
    serial = factory.Sequence(lambda n: f"SN{n:08d}")
    kind = AssetKind.LAPTOP
    site = factory.SubFactory(SiteFactory)


class LoanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Loan

    asset = factory.SubFactory(AssetFactory, state="lent")
    employee = factory.SubFactory(EmployeeFactory, with_login=True)
    out_on = date(2026, 1, 5)
    due_on = date(2026, 6, 30)
