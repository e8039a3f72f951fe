"""The demo: one login per role, and the builders the apps register.

``manage.py demo`` creates the logins below, then runs each registered builder in
``order`` (hr first: the other apps' demo data points to its people). A builder is
idempotent: a second run changes nothing. Apps register theirs in ``ready()``::

    builders.register(demo.build, order=10)
"""

import json

from django.conf import settings
from django.contrib.auth.models import Group

from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role
from imtsocial.registry import Registry

DEMO_PASSWORD = "demo-imtsocial"  # noqa: S105 - printed on purpose, demo only
DEMO_DOMAIN = "demo.imtsocial.fr"

# role, first name, last name, group roles of the login
DEMO_LOGINS = [
    (Role.EMPLOYEE, "Élodie", "Agent", []),
    (Role.MANAGER, "Marc", "Manager", []),
    (Role.HR, "Hélène", "Ressources", [Role.HR]),
    (Role.IT, "Ivan", "Informatique", [Role.IT]),
    (Role.SOCIAL_ACTION, "Sophie", "Solidarité", [Role.SOCIAL_ACTION]),
    (Role.PREVENTION, "Paul", "Prévention", [Role.PREVENTION]),
    (Role.TALENT_DEVELOPER, "Tania", "Talents", []),
    (Role.DIRECTOR, "Denis", "Directeur", [Role.DIRECTOR]),
    (Role.DPO, "Danielle", "Données", [Role.DPO]),
]

builders = Registry("demo builders")


def demo_email(role: Role) -> str:
    return f"{role.value}@{DEMO_DOMAIN}"


def ensure_demo_logins() -> dict[Role, User]:
    """One login per role with the demo password and its groups (no admin site: it is for
    superusers only)."""
    logins = {}
    for role, first, last, groups in DEMO_LOGINS:
        user, created = User.objects.get_or_create(
            email=demo_email(role), defaults={"first_name": first, "last_name": last}
        )
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.set(Group.objects.filter(name__in=[g.value for g in groups]))
        logins[role] = user
    return logins


def _builder_names() -> list[str]:
    return [f"{b.__module__}.{b.__qualname__}" for b in builders]


def _marker():
    return settings.VAR_DIR / "demo-built.json"


def is_built() -> bool:
    """The demo is in this database, built by the builders registered today (a builder
    added since — a new app — makes the demo incomplete, so it is built again)."""
    marker = _marker()
    if not marker.exists() or not User.objects.filter(email=demo_email(Role.HR)).exists():
        return False
    try:
        return json.loads(marker.read_text()).get("builders") == _builder_names()
    except ValueError:
        return False


def build() -> dict[Role, User]:
    logins = ensure_demo_logins()
    for builder in builders:
        builder()
    marker = _marker()
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(json.dumps({"builders": _builder_names()}))
    return logins
