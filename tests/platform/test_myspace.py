import pytest
from django.urls import reverse
from django.utils import timezone

from imtsocial.accounts.roles import Role

pytestmark = pytest.mark.django_db


def _nav_labels(response):
    return [entry["label"] for entry in response.context["nav_entries"]]


def test_an_employee_sees_their_file_and_only_their_menu(client, make_user):
    user = make_user(Role.EMPLOYEE)
    client.force_login(user)
    response = client.get(reverse("home"))
    html = response.content.decode()
    assert "Mon espace" in html and "Mon dossier" in html
    assert user.employee.department.name in html
    assert _nav_labels(response) == [
        "Mon espace",
        "Mon dossier",
        "Vie professionnelle",
        "Télétravail et équipement",
        "Prévention",
        "Action sociale",
    ]


def test_people_development_pages_share_one_menu(client, make_user):
    client.force_login(make_user(Role.EMPLOYEE))
    response = client.get(reverse("training:catalogue"))
    menu = next(e for e in response.context["nav_entries"] if e["label"] == "Vie professionnelle")
    assert [child["label"] for child in menu["children"]] == [
        "Entretiens",
        "Formation",
        "Dialogue social",
        "Développeurs de talents",
        "Qui fait quoi ?",
    ]
    assert menu["active"]  # the page is one of the menu's


def test_a_person_with_several_roles_sees_all_of_theirs(client, make_user):
    client.force_login(make_user(Role.HR, Role.MANAGER, Role.DPO, Role.TALENT_DEVELOPER))
    response = client.get(reverse("home"))
    titles = [section.title for section in response.context["sections"]]
    assert titles == [
        "Mon dossier",
        "Mon équipe",
        "Personnel",
        "Développeur de talents",
        "Entretiens professionnels",
        f"Rapport DD&RS {timezone.localdate().year - 1}",  # HR: last year's chapter
        "Registres santé et sécurité",
        "Santé et sécurité",
        "Protection des données",
        "Mes données",  # everyone: the right of access
        "Conservation des données",  # DPO: the retention periods and reports
    ]
    html = response.content.decode()
    for badge in ("Ressources humaines", "Manager", "Délégué à la protection des données"):
        assert badge in html
    assert {"Personnel", "Mon équipe", "Journal d'audit"} <= set(_nav_labels(response))


def test_the_manager_section_counts_the_team(client, make_user):
    client.force_login(make_user(Role.MANAGER))
    assert "1 agent sous ma responsabilité" in client.get(reverse("home")).content.decode()


def test_a_login_without_role_is_told_to_contact_hr(client, make_user):
    client.force_login(make_user())
    response = client.get(reverse("home"))
    assert "Aucun rôle ne vous est attribué" in response.content.decode()
    assert _nav_labels(response) == ["Mon espace"]


@pytest.mark.parametrize("rows", [10, 200])
def test_my_space_runs_a_constant_number_of_queries(
    client, make_user, rows, django_assert_num_queries
):
    from tests.factories import EmployeeFactory

    user = make_user(Role.HR, Role.MANAGER, Role.DPO, Role.DIRECTOR)
    EmployeeFactory.create_batch(rows, manager=user.employee)
    client.force_login(user)
    # The first request, with the caches empty: session, user, roles, own employee
    # record and the services they head (their team's scope); the parameters in force
    # (every row, then kept in the cache), the qualification validity periods (kept
    # too); every app's counters in ONE statement (team, imports to confirm, interviews
    # to conduct or endorse, training requests to decide, onboarding items, audit
    # events, the prevention counters…); the staff headcount, the pay benchmarks and
    # the HR to-do counts (ending contracts, pay alerts: kept in the cache,
    # ``hr.stats.PAY_READS``); the latest campaign and its progress (two, kept too:
    # ``FOLLOW_UP_READS``); own interview, own coming trainings, the report's latest
    # edition, own RSST entries. The person has no telework request, aid request,
    # appointment or qualification: those lists are not read.
    with django_assert_num_queries(16):
        client.get(reverse("home"))
    # Then from the caches: the parameters, the validity periods, the pay figures, the
    # headcount and the campaign.
    with django_assert_num_queries(10):
        client.get(reverse("home"))
