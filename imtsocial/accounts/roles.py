"""The roles of DESIGN.md, answered in one place.

Functional roles are Django groups (created by a data migration); the others are
derived facts that a domain app contributes through two registries, filled from
its ``AppConfig.ready()`` (the platform imports no domain app):

- ``person_lookups``: ``lookup(user) -> person | None``, the staff record of a login
  (hr registers the active ``Employee``, annotated with its role facts);
- ``derived_role_providers``: ``provider(user, person) -> roles`` (hr: *employee*
  when there is a record, *manager* with direct reports, *talent developer* with an
  active coach record).

``roles_of(user)`` computes them once per request (two queries) and caches the
answer on the user object. Superusers get no business role: the admin site is not
a back door to confidential data.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from imtsocial.registry import Registry

_CACHE_ATTR = "_imtsocial_roles"
_ROLE_ADMIN_CACHE_ATTR = "_imtsocial_role_admin"
# The group of role administrators: it holds ``accounts.manage_roles`` (grant and remove
# the roles of GROUP_ROLES on the intranet's roles page). Not a business role, and not
# grantable from that page: only a superuser adds someone to it (in the admin site).
ROLE_ADMIN_GROUP = "role_admin"
MANAGE_ROLES_PERMISSION = "accounts.manage_roles"
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


person_lookups = Registry("staff record of a login")
derived_role_providers = Registry("derived roles")


def employee_of(user):
    """The staff record of ``user`` (or None), from the registered lookup; cached on the user."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, _EMPLOYEE_CACHE_ATTR):
        person = None
        for lookup in person_lookups:
            person = lookup(user)
            if person is not None:
                break
        setattr(user, _EMPLOYEE_CACHE_ATTR, person)
    return getattr(user, _EMPLOYEE_CACHE_ATTR)


def roles_of(user) -> frozenset[Role]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    group_names = set(
        user.groups.filter(
            name__in=[*(r.value for r in GROUP_ROLES), ROLE_ADMIN_GROUP]
        ).values_list("name", flat=True)
    )
    setattr(user, _ROLE_ADMIN_CACHE_ATTR, ROLE_ADMIN_GROUP in group_names)
    group_names.discard(ROLE_ADMIN_GROUP)
    roles = {Role(name) for name in group_names}
    person = employee_of(user)
    for provider in derived_role_providers:
        roles.update(provider(user, person))
    result = frozenset(roles)
    setattr(user, _CACHE_ATTR, result)
    return result


def has_role(user, *roles: Role) -> bool:
    """True when ``user`` holds at least one of ``roles``."""
    return not roles_of(user).isdisjoint(roles)


def in_role_admin_group(user) -> bool:
    """Member of the role administrators' group (cheap: read with the roles)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    roles_of(user)
    return getattr(user, _ROLE_ADMIN_CACHE_ATTR, False)


def can_manage_roles(user) -> bool:
    """May grant and remove roles: a superuser, or a holder of ``accounts.manage_roles``."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.has_perm(MANAGE_ROLES_PERMISSION)


def forget_roles(user) -> None:
    """Drop the cached answer (after a change of groups or of the employee record)."""
    for attr in (_CACHE_ATTR, _EMPLOYEE_CACHE_ATTR, _ROLE_ADMIN_CACHE_ATTR):
        if hasattr(user, attr):
            delattr(user, attr)


def sorted_roles(user) -> list[Role]:
    held = roles_of(user)
    return [role for role in Role if role in held]


def members_of(role: Role):
    """Active users holding the group role ``role``, for contact lists."""
    from imtsocial.accounts.models import User
    from imtsocial.collation import by_name

    if role not in GROUP_ROLES:
        raise ValueError(f"{role} is not a group role")
    return (
        User.objects.filter(is_active=True, groups__name=role.value)
        .select_related("employee__department")
        .order_by(*by_name())
    )


# Model permissions that go with each group role, granted on every migrate
# (imtsocial.accounts.apps); apps add theirs with ``register_admin_permissions``.
# Business pages check roles, not these; the admin site is for superusers only
# (imtsocial.urls), so none of them opens it.
ADMIN_PERMISSIONS: dict[Role, list[str]] = {
    Role.DPO: ["audit.view_auditevent"],
}


def register_admin_permissions(role: Role, permissions: list[str]) -> None:
    """``"app_label.codename"`` permissions of the admin site granted to ``role``'s group."""
    wanted = ADMIN_PERMISSIONS.setdefault(role, [])
    wanted.extend(p for p in permissions if p not in wanted)


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
    role_admins, _created = Group.objects.get_or_create(name=ROLE_ADMIN_GROUP)
    role_admins.permissions.set(
        Permission.objects.filter(content_type__app_label="accounts", codename="manage_roles")
    )
