"""The roles of DESIGN.md, answered in one place.

Functional roles are Django groups (created by a data migration); the others are
derived facts: an *employee* has an active ``hr.Employee`` record, a *manager*
has direct reports, a *talent developer* has an active ``hr.TalentDeveloper``
record. ``roles_of(user)`` computes them once per request (two queries) and
caches the answer on the user object. Superusers get no business role: the
admin site is not a back door to confidential data.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

_CACHE_ATTR = "_imtsocial_roles"
_EMPLOYEE_CACHE_ATTR = "_imtsocial_employee"


class Role(models.TextChoices):
    EMPLOYEE = "employee", _("Agent")
    MANAGER = "manager", _("Manager")
    HR = "hr", _("Ressources humaines")
    IT = "it", _("Informatique")
    SOCIAL_ACTION = "social_action", _("Action sociale")
    PREVENTION = "prevention", _("Prévention")
    TALENT_DEVELOPER = "talent_developer", _("Développeur de talents")
    DIRECTOR = "director", _("Direction")
    DPO = "dpo", _("Délégué à la protection des données")


GROUP_ROLES = (Role.HR, Role.IT, Role.SOCIAL_ACTION, Role.PREVENTION, Role.DIRECTOR, Role.DPO)
DERIVED_ROLES = (Role.EMPLOYEE, Role.MANAGER, Role.TALENT_DEVELOPER)


def employee_of(user):
    """The active ``hr.Employee`` of ``user`` (or None), annotated with the derived facts."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, _EMPLOYEE_CACHE_ATTR):
        from hr.models import Employee

        employee = (
            Employee.objects.active()
            .with_role_facts()
            .select_related("site", "department", "manager")
            .filter(user=user)
            .first()
        )
        setattr(user, _EMPLOYEE_CACHE_ATTR, employee)
    return getattr(user, _EMPLOYEE_CACHE_ATTR)


def roles_of(user) -> frozenset[Role]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    group_names = set(
        user.groups.filter(name__in=[r.value for r in GROUP_ROLES]).values_list("name", flat=True)
    )
    roles = {Role(name) for name in group_names}
    employee = employee_of(user)
    if employee is not None:
        roles.add(Role.EMPLOYEE)
        if employee.has_reports:
            roles.add(Role.MANAGER)
        if employee.is_talent_developer:
            roles.add(Role.TALENT_DEVELOPER)
    result = frozenset(roles)
    setattr(user, _CACHE_ATTR, result)
    return result


def has_role(user, *roles: Role) -> bool:
    """True when ``user`` holds at least one of ``roles``."""
    return not roles_of(user).isdisjoint(roles)


def forget_roles(user) -> None:
    """Drop the cached answer (after a change of groups or of the employee record)."""
    for attr in (_CACHE_ATTR, _EMPLOYEE_CACHE_ATTR):
        if hasattr(user, attr):
            delattr(user, attr)


def sorted_roles(user) -> list[Role]:
    held = roles_of(user)
    return [role for role in Role if role in held]


def members_of(role: Role):
    """Active users holding the group role ``role``, for contact lists."""
    from imtsocial.accounts.models import User

    if role not in GROUP_ROLES:
        raise ValueError(f"{role} is not a group role")
    return (
        User.objects.filter(is_active=True, groups__name=role.value)
        .select_related("employee__department")
        .order_by("last_name", "first_name")
    )


# Admin-site permissions that go with each group role, granted on every migrate
# (imtsocial.accounts.apps). Business pages check roles, not these.
ADMIN_PERMISSIONS = {
    Role.HR: [
        "accounts.add_user",
        "accounts.change_user",
        "accounts.view_user",
        "hr.add_employee",
        "hr.change_employee",
        "hr.view_employee",
        "hr.add_department",
        "hr.change_department",
        "hr.view_department",
        "hr.add_site",
        "hr.change_site",
        "hr.view_site",
        "hr.add_talentdeveloper",
        "hr.change_talentdeveloper",
        "hr.view_talentdeveloper",
        "hr.add_contract",
        "hr.change_contract",
        "hr.view_contract",
        "hr.add_salaryrecord",
        "hr.change_salaryrecord",
        "hr.view_salaryrecord",
        "hr.view_smicrate",
        "hr.add_paybenchmark",
        "hr.change_paybenchmark",
        "hr.view_paybenchmark",
        "hr.view_indexpointvalue",
        "hr.view_doctoralminimumpay",
        "hr.view_importjob",
        "telework.add_teleworkrule",
        "telework.change_teleworkrule",
        "telework.view_teleworkrule",
        "telework.view_exceptionalregime",
    ],
    Role.DPO: ["audit.view_auditevent"],
}


def sync_group_permissions() -> None:
    from django.contrib.auth.models import Group, Permission

    for role in GROUP_ROLES:
        group, _created = Group.objects.get_or_create(name=role.value)
        wanted = ADMIN_PERMISSIONS.get(role, [])
        perms = []
        for dotted in wanted:
            app_label, codename = dotted.split(".")
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is not None:
                perms.append(perm)
        group.permissions.set(perms)
