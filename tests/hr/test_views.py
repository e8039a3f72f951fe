import pytest
from django.urls import reverse

from imtsocial.accounts.roles import Role
from imtsocial.audit.models import AuditEvent
from tests.factories import DepartmentFactory, EmployeeFactory, SiteFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    """A manager with a login, one report with a login, and a stranger in another service."""
    manager = EmployeeFactory(with_login=True, last_name="Chef")
    report = EmployeeFactory(with_login=True, manager=manager, last_name="Équipier")
    stranger = EmployeeFactory(with_login=True, last_name="Inconnu")
    return manager, report, stranger


def detail_url(employee):
    return reverse("hr:employee_detail", kwargs={"pk": employee.pk})


class TestEmployeeFile:
    def test_the_employee_sees_their_own_file(self, client, team):
        _manager, report, _stranger = team
        client.force_login(report.user)
        response = client.get(reverse("hr:my_file"))
        html = response.content.decode()
        assert response.status_code == 200
        assert "Mon dossier" in html and report.employee_number in html
        # Reading one's own file is not an audited access to someone else's data.
        assert not AuditEvent.objects.exists()

    def test_the_manager_sees_a_report_and_the_access_is_logged(self, client, team):
        manager, report, _stranger = team
        client.force_login(manager.user)
        response = client.get(detail_url(report))
        assert response.status_code == 200
        assert report.employee_number in response.content.decode()
        event = AuditEvent.objects.get()
        assert (event.actor, event.subject, event.action) == (manager.user, report.user, "view")

    def test_an_employee_typing_another_id_gets_404(self, client, team):
        _manager, report, stranger = team
        client.force_login(report.user)
        assert client.get(detail_url(stranger)).status_code == 404
        # Not even their own manager's file.
        assert client.get(detail_url(report.manager)).status_code == 404

    def test_a_manager_cannot_open_another_team(self, client, team):
        manager, _report, stranger = team
        client.force_login(manager.user)
        assert client.get(detail_url(stranger)).status_code == 404

    @pytest.mark.parametrize(
        "role", [Role.DIRECTOR, Role.IT, Role.SOCIAL_ACTION, Role.PREVENTION, Role.DPO]
    )
    def test_other_roles_get_404(self, client, team, make_user, role):
        _manager, report, _stranger = team
        client.force_login(make_user(role))
        assert client.get(detail_url(report)).status_code == 404

    def test_a_login_without_role_gets_404(self, client, team):
        client.force_login(UserFactory())
        assert client.get(detail_url(team[1])).status_code == 404

    def test_hr_sees_any_file_with_its_change_history(self, client, team, make_user):
        _manager, report, _stranger = team
        hr = make_user(Role.HR)
        client.force_login(hr)
        # A change made through the admin by HR is kept with who and what.
        response = client.get(detail_url(report))
        history_url = reverse("hr:employee_history", args=[report.pk])
        assert history_url in response.content.decode()
        report_obj = type(report).objects.get(pk=report.pk)
        report_obj._history_user = hr
        report_obj.job_title = "Technicienne de laboratoire"
        report_obj.save()
        html = client.get(history_url).content.decode()
        assert "Technicienne de laboratoire" in html
        assert f"{hr}" in html
        assert "Fonction</strong> : — → Technicienne de laboratoire" in html

    def test_history_is_hidden_from_the_employee_and_the_manager(self, client, team):
        manager, report, _stranger = team
        for user in (manager.user, report.user):
            client.force_login(user)
            assert (
                "Historique des modifications"
                not in client.get(detail_url(report)).content.decode()
            )
            history_url = reverse("hr:employee_history", args=[report.pk])
            assert client.get(history_url).status_code == 404

    def test_query_count_does_not_grow_with_history(
        self, client, team, make_user, django_assert_max_num_queries
    ):
        _manager, report, _stranger = team
        client.force_login(make_user(Role.HR))
        history_url = reverse("hr:employee_history", args=[report.pk])
        client.get(history_url)  # warm the session and caches
        # session, user, roles (2), employee, audit insert, the three history tables
        with django_assert_max_num_queries(9) as few:
            client.get(history_url)
        for index in range(30):
            report.job_title = f"Fonction {index}"
            report.save()
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get(history_url)


class TestDirectory:
    def test_lists_active_staff_with_filters(self, client, make_user):
        from datetime import date

        # names no factory draws (Faker's French last names include Durand and Dupont)

        lab = DepartmentFactory(name="C2MA")
        other = DepartmentFactory(name="Scolarité")
        EmployeeFactory(last_name="Quenouillère", department=lab, employee_number="A100")
        EmployeeFactory(last_name="Vaquelinot", department=other)
        EmployeeFactory(last_name="Ancienagent", department=lab, leave_date=date(2019, 12, 31))
        client.force_login(make_user(Role.HR))
        url = reverse("hr:employee_list")
        html = client.get(url).content.decode()
        assert "Quenouillère" in html and "Vaquelinot" in html and "Ancienagent" not in html
        html = client.get(url, {"department": lab.pk}).content.decode()
        assert "Quenouillère" in html and "Vaquelinot" not in html
        html = client.get(url, {"q": "a100"}).content.decode()
        assert "Quenouillère" in html and "Vaquelinot" not in html
        html = client.get(url, {"status": "left"}).content.decode()
        assert "Ancienagent" in html and "Quenouillère" not in html
        html = client.get(url, {"status": "active", "at": "2019-06-01"}).content.decode()
        assert "Ancienagent" in html

    def test_bad_filter_values_give_a_french_error_not_a_crash(self, client, make_user):
        client.force_login(make_user(Role.HR))
        response = client.get(reverse("hr:employee_list"), {"at": "31/02/2020", "site": "x"})
        assert response.status_code == 200
        html = response.content.decode()
        assert "Saisissez une date valide." in html
        assert "Sélectionnez un choix valide." in html

    def test_is_paginated(self, client, make_user, settings):
        settings.PAGE_SIZE = 5
        department = DepartmentFactory()
        EmployeeFactory.create_batch(12, department=department)
        client.force_login(make_user(Role.HR))
        response = client.get(reverse("hr:employee_list"), {"department": department.pk})
        page = response.context["page"]
        assert (page.paginator.count, len(page.object_list)) == (12, 5)
        assert "Page suivante" in response.content.decode()

    @pytest.mark.parametrize("rows", [10, 200])
    def test_constant_number_of_queries(self, client, make_user, rows, django_assert_num_queries):
        site = SiteFactory()
        department = DepartmentFactory(site=site)
        boss = EmployeeFactory(department=department)
        EmployeeFactory.create_batch(rows, department=department, manager=boss)
        client.force_login(make_user(Role.HR))
        # session, user, roles (2), filter choices (2), count, page
        with django_assert_num_queries(8):
            response = client.get(reverse("hr:employee_list"), {"per_page": 50})
        assert response.status_code == 200


class TestTeam:
    @pytest.mark.parametrize("rows", [10, 200])
    def test_lists_the_managers_reports_in_constant_queries(
        self, client, rows, django_assert_num_queries
    ):
        manager = EmployeeFactory(with_login=True)
        EmployeeFactory.create_batch(rows, manager=manager)
        EmployeeFactory(last_name="Ailleurs")
        client.force_login(manager.user)
        # session, user, roles (2), count, page
        with django_assert_num_queries(6):
            response = client.get(reverse("hr:team"))
        assert response.context["page"].paginator.count == rows
        assert "Ailleurs" not in response.content.decode()
