from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from hr.demo import DEMO_PASSWORD, demo_email
from hr.models import Employee, TalentDeveloper
from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role, roles_of

pytestmark = pytest.mark.django_db


def test_demo_refuses_to_run_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG est désactivé"):
        call_command("demo")
    assert not Employee.objects.exists()


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("demo", stdout=StringIO())


def test_demo_is_idempotent(demo):
    counts = (User.objects.count(), Employee.objects.count(), Employee.history.count())
    call_command("demo", "--force", stdout=StringIO())
    assert (User.objects.count(), Employee.objects.count(), Employee.history.count()) == counts


def test_demo_describes_a_school_of_a_few_hundred_people(demo):
    assert 300 <= Employee.objects.count() <= 400
    assert set(Employee.objects.values_list("site__name", flat=True)) == {"Clavières", "Croupillac"}
    assert TalentDeveloper.objects.filter(active=True).count() == 23


@pytest.mark.parametrize("role", list(Role))
def test_each_demo_login_signs_in_and_holds_its_role(client, demo, role):
    response = client.post(
        reverse("account_login"), {"login": demo_email(role), "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    user = User.objects.get(email=demo_email(role))
    assert role in roles_of(user)
    assert client.get(reverse("home")).status_code == 200
