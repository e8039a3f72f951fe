import pytest


@pytest.fixture
def make_agent(make_user):
    """A prevention agent; ``advisor=True``: the prevention advisor."""
    from imtsocial.accounts.roles import Role
    from tests.safety.factories import PreventionAdvisorFactory

    def make(*, advisor=False, **employee_fields):
        user = make_user(Role.PREVENTION, **employee_fields)
        if advisor:
            PreventionAdvisorFactory(user=user)
        return user

    return make
