import pytest
from django.contrib.auth.models import Group

from imtsocial.accounts.roles import GROUP_ROLES, Role, has_role, roles_of
from tests.factories import EmployeeFactory, TalentDeveloperFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_six_group_roles_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= {r.value for r in GROUP_ROLES}


def test_a_login_without_employee_record_or_group_has_no_role():
    assert roles_of(UserFactory()) == frozenset()


def test_an_employee_record_makes_an_employee():
    employee = EmployeeFactory(with_login=True)
    assert roles_of(employee.user) == {Role.EMPLOYEE}


def test_a_person_with_reports_is_a_manager():
    boss = EmployeeFactory(with_login=True)
    EmployeeFactory(manager=boss)
    assert roles_of(boss.user) == {Role.EMPLOYEE, Role.MANAGER}


def test_a_manager_whose_only_report_has_left_is_no_longer_a_manager():
    from datetime import date

    boss = EmployeeFactory(with_login=True)
    EmployeeFactory(manager=boss, leave_date=date(2020, 1, 31))
    assert Role.MANAGER not in roles_of(boss.user)


def test_an_active_talent_developer_record_gives_the_role_and_an_inactive_one_does_not():
    coach = TalentDeveloperFactory()
    assert Role.TALENT_DEVELOPER in roles_of(coach.employee.user)
    coach.active = False
    coach.save()
    fresh = type(coach.employee.user).objects.get(pk=coach.employee.user.pk)
    assert Role.TALENT_DEVELOPER not in roles_of(fresh)


def test_a_person_may_hold_several_roles(make_user):
    user = make_user(Role.HR, Role.SOCIAL_ACTION, Role.MANAGER)
    assert roles_of(user) == {Role.EMPLOYEE, Role.MANAGER, Role.HR, Role.SOCIAL_ACTION}


def test_an_employee_who_has_left_loses_the_employee_role():
    from datetime import date

    employee = EmployeeFactory(with_login=True, leave_date=date(2020, 12, 31))
    assert roles_of(employee.user) == frozenset()


def test_superuser_gets_no_business_role():
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert roles_of(admin) == frozenset()
    assert not has_role(admin, Role.HR)


def test_an_inactive_login_has_no_role(make_user):
    user = make_user(Role.HR)
    user.is_active = False
    assert roles_of(user) == frozenset()


def test_roles_are_computed_once_per_request(make_user, django_assert_num_queries):
    user = make_user(Role.HR, Role.MANAGER)
    with django_assert_num_queries(2):
        roles_of(user)
        roles_of(user)
        has_role(user, Role.HR)


def test_hr_group_gets_the_admin_permissions_it_needs():
    hr = Group.objects.get(name="hr")
    assert hr.permissions.filter(codename="change_employee").exists()
    assert not Group.objects.get(name="it").permissions.filter(codename="view_employee").exists()
