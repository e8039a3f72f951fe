from datetime import date
from decimal import Decimal

import factory
from django.contrib.auth.models import Group

from hr.enums import ContractKind
from hr.models import (
    Contract,
    Department,
    Employee,
    PayBenchmark,
    SalaryRecord,
    Site,
    TalentDeveloper,
)
from imtsocial.accounts.models import User
from imtsocial.refdata.services import reference_row_add

PASSWORD = "correct-horse-battery-staple"
# The TOTP secret of every test login that must have a second factor (MFA roles,
# superusers): tests compute a real code from it (``totp_code``), as a phone app would.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
# The seed of their recovery codes (allauth derives the codes from it).
RECOVERY_SEED = "5eed" * 20


def totp_code(secret: str = TOTP_SECRET, *, at: float | None = None) -> str:
    """The RFC 6238 code of ``secret`` at ``at`` (now by default): 30 s steps, 6 digits."""
    import base64
    import hashlib
    import hmac
    import struct
    import time

    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(
        base64.b32decode(secret, casefold=True), struct.pack(">Q", counter), hashlib.sha1
    ).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def give_totp(user, secret: str = TOTP_SECRET):
    """An active TOTP authenticator for ``user``, with its recovery codes, as allauth
    leaves them after the setup (idempotent)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import encrypt

    authenticator, _created = Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": encrypt(secret)}}
    )
    Authenticator.objects.get_or_create(
        user=user,
        type=Authenticator.Type.RECOVERY_CODES,
        defaults={"data": {"seed": encrypt(RECOVERY_SEED), "used_mask": 0}},
    )
    return authenticator


def recovery_codes() -> list[str]:
    """The recovery codes of the test logins (computed from the seed, no query)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.utils import encrypt

    unsaved = Authenticator(
        type=Authenticator.Type.RECOVERY_CODES,
        data={"seed": encrypt(RECOVERY_SEED), "used_mask": 0},
    )
    return RecoveryCodes(unsaved).generate_codes()


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

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        """Logins that must have a second factor get one (``totp=False``: none)."""
        from imtsocial.accounts.mfa import requires_mfa
        from imtsocial.accounts.roles import forget_roles

        if not create or extracted is False:
            return
        forget_roles(self)
        if extracted or requires_mfa(self):
            give_totp(self)
        forget_roles(self)


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


class ContractFactory(factory.django.DjangoModelFactory):
    """A civil servant appointment by default; traits for the other kinds."""

    class Meta:
        model = Contract

    class Params:
        cdd = factory.Trait(kind=ContractKind.CDD, end=date(2021, 8, 31))
        doctorant = factory.Trait(
            kind=ContractKind.DOCTORANT, start=date(2019, 10, 1), end=date(2022, 9, 30)
        )

    employee = factory.SubFactory(EmployeeFactory)
    kind = ContractKind.TITULAIRE
    start = date(2015, 9, 1)
    end = None
    working_time_ratio = 100
    category = "A"


class SalaryRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SalaryRecord

    contract = factory.SubFactory(ContractFactory)
    effective_date = factory.SelfAttribute("contract.start")
    gross_monthly = Decimal("3000.00")


class ReferenceRowFactory(factory.django.DjangoModelFactory):
    """Date-effective rows are added the way HR adds them: a new value from a date ends
    the value in force until then (``imtsocial.refdata.services``)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        row = model_class(*args, **kwargs)
        row.replaces_latest = True
        return reference_row_add(row=row, by=None)


class PayBenchmarkFactory(ReferenceRowFactory):
    class Meta:
        model = PayBenchmark

    category = "A"
    valid_from = date(2020, 1, 1)
    minimum_gross_monthly = Decimal("2500.00")
