import pytest

from imtsocial.accounts.roles import Role
from tests import pdfs
from tests.safety.factories import PreventionAdvisorFactory, RatingMethodFactory

PDF_BYTES = pdfs.PDF_BYTES  # a real PDF: uploads are opened by a PDF parser


@pytest.fixture(autouse=True)
def rating_method(db):
    """The DUERP method (an action of the plan needs a rated risk)."""
    return RatingMethodFactory()


@pytest.fixture
def make_agent(make_user):
    def make(*, advisor=False, **employee_fields):
        user = make_user(Role.PREVENTION, **employee_fields)
        if advisor:
            PreventionAdvisorFactory(user=user)
        return user

    return make


@pytest.fixture
def _june_2026():
    import time_machine

    with time_machine.travel("2026-06-10 09:00 +02:00", tick=False):
        yield
