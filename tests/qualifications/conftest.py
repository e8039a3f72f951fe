import pytest

from imtsocial.accounts.roles import Role
from safety.qualifications.defaults import load
from safety.qualifications.models import QualificationType, QualificationValidity
from tests.safety.factories import PreventionAdvisorFactory


@pytest.fixture(autouse=True)
def qualification_types(db):
    """The types and validities of the data migration (a transactional test may have
    flushed them)."""
    load(QualificationType, QualificationValidity)


@pytest.fixture
def make_agent(make_user):
    def make(*, advisor=False, **employee_fields):
        user = make_user(Role.PREVENTION, **employee_fields)
        if advisor:
            PreventionAdvisorFactory(user=user)
        return user

    return make
