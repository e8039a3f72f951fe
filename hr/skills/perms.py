"""Skills: a person's skills are seen by the person, their manager and HR, and kept by
HR; the critical-skills page is for HR (with the holders' names) and the director
(counts only)."""

from hr import perms as hr_perms
from imtsocial.accounts.roles import Role, has_role


def can_manage(user) -> bool:
    return has_role(user, Role.HR)


def can_see_critical(user) -> bool:
    return has_role(user, Role.HR, Role.DIRECTOR)


def can_see_holders(user) -> bool:
    return has_role(user, Role.HR)


def get_person_for(user, pk):
    """The person whose skills ``user`` may see (404 otherwise): as for their file."""
    return hr_perms.get_employee_for(user, pk)
