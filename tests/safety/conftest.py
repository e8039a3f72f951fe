import pytest

from imtsocial.accounts.roles import Role
from tests.safety.factories import PreventionAdvisorFactory, RatingMethodFactory


@pytest.fixture(autouse=True)
def rating_method(db):
    """The reference method (a transactional test elsewhere may have flushed it)."""
    return RatingMethodFactory()


@pytest.fixture
def make_agent(make_user):
    def make(*, advisor=False, **employee_fields):
        user = make_user(Role.PREVENTION, **employee_fields)
        if advisor:
            PreventionAdvisorFactory(user=user)
        return user

    return make
