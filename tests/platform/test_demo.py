from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from hr.models import Employee, TalentDeveloper
from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role, roles_of
from imtsocial.demo import DEMO_PASSWORD, demo_email

pytestmark = pytest.mark.django_db


def test_demo_refuses_to_run_outside_the_embedded_mode(settings):
    settings.EMBEDDED = False
    with pytest.raises(CommandError, match="hors du mode embarqué"):
        call_command("demo")
    assert not Employee.objects.exists()


@pytest.fixture
def demo(settings):
    settings.EMBEDDED = True
    call_command("demo", stdout=StringIO())


def test_demo_is_idempotent(demo):
    counts = (User.objects.count(), Employee.objects.count(), Employee.history.count())
    call_command("demo", "--force", stdout=StringIO())
    assert (User.objects.count(), Employee.objects.count(), Employee.history.count()) == counts


def test_a_second_start_keeps_the_demo_already_built(demo, settings):
    person = Employee.objects.first()
    person.first_name = "Modifié"
    person.save()
    out = StringIO()
    call_command("demo", "--if-missing", stdout=out)
    assert "déjà présente" in out.getvalue()
    assert "./scripts/run --reset-demo" in out.getvalue()
    person.refresh_from_db()
    assert person.first_name == "Modifié"


def test_demo_if_missing_builds_an_empty_database(settings, tmp_path):
    settings.EMBEDDED = True
    settings.VAR_DIR = tmp_path
    call_command("demo", "--if-missing", stdout=StringIO())
    assert Employee.objects.exists()
    assert (tmp_path / "demo-built.json").exists()


def test_demo_describes_a_school_of_a_few_hundred_people(demo):
    assert 300 <= Employee.objects.count() <= 450
    assert set(Employee.objects.values_list("site__name", flat=True)) == {"Clavières", "Croupillac"}
    assert TalentDeveloper.objects.filter(active=True).count() == 23


@pytest.mark.parametrize("role", list(Role))
def test_each_demo_login_signs_in_and_holds_its_role(client, demo, role, settings):
    # The demo runs embedded, where the second factor is not required (its logins are
    # shared): IMTSOCIAL_MFA_REQUIRED is off there.
    settings.IMTSOCIAL_MFA_REQUIRED = False
    response = client.post(
        reverse("account_login"), {"login": demo_email(role), "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    user = User.objects.get(email=demo_email(role))
    assert role in roles_of(user)
    assert client.get(reverse("home")).status_code == 200


def test_demo_reproduces_section_a_of_the_2020_chapter(demo):
    """DESIGN.md's reference figures, computed from the demo data by the same
    functions as the statistics page and the report."""
    from datetime import date

    from hr.stats import contract_mix, permanent_pay

    at = date(2020, 12, 31)
    mix = contract_mix(at=at)
    assert round(mix.permanent * 100 / mix.total) == 90
    assert round(mix.fixed_term_under_2_years * 100 / mix.total) == 3
    assert round(mix.fixed_term_2_years_or_more * 100 / mix.total) == 7
    assert round(permanent_pay(at=at).average) == 4090


def test_demo_has_current_phd_students_and_fixed_term_staff_today(demo):
    from django.utils import timezone

    from hr.stats import headcount_by_contract_kind

    headcount = headcount_by_contract_kind(at=timezone.localdate())
    assert headcount.by_kind["doctorant"] > 0 and headcount.by_kind["cdd"] > 0
