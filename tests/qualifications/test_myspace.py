"""« Mon espace »: the person's to renew, prevention's counts, the manager's team."""

from datetime import date

import pytest
import time_machine
from django.test import RequestFactory

from imtsocial.accounts.roles import Role
from imtsocial.myspace import sections_of
from safety.qualifications import myspace
from tests.qualifications.factories import QualificationFactory, kind

pytestmark = pytest.mark.django_db


def _sections(user):
    request = RequestFactory().get("/")
    request.user = user
    return {section.title: section for section in sections_of(myspace.sections, request)}


@time_machine.travel(date(2026, 5, 1), tick=False)
def test_each_role_sees_what_to_renew(make_user, make_agent):
    manager = make_user(Role.MANAGER)
    me = make_user(Role.EMPLOYEE, manager=manager.employee)
    QualificationFactory(holder=me.employee, expires_on=date(2026, 6, 1))  # within 60 days
    QualificationFactory(
        holder=me.employee, qualification_type=kind("gaz"), expires_on=date(2028, 1, 1)
    )
    # renewed: not to renew any more
    renewed = QualificationFactory(expires_on=date(2026, 5, 20))
    QualificationFactory(
        holder=renewed.holder, obtained_on=date(2026, 4, 1), expires_on=date(2028, 3, 31)
    )
    QualificationFactory(expires_on=date(2026, 4, 1))  # someone else's, expired

    mine = _sections(me)["Mes habilitations à renouveler"]
    assert [item.label for item in mine.items] == ["Sauveteur secouriste du travail (SST)"]
    team = _sections(manager)["Habilitations de mon équipe"]
    assert [item.label for item in team.todo] == ["1 habilitation à renouveler bientôt"]
    prevention = _sections(make_agent())["Habilitations"]
    assert [item.label for item in prevention.todo] == [
        "1 habilitation à renouveler bientôt",
        "1 habilitation échue",
    ]
    assert _sections(make_user(Role.EMPLOYEE)) == {}
