"""« Mon espace »: the agent sees the counts of their units, the advisor the totals."""

from datetime import date

import pytest
from django.urls import reverse

from imtsocial.accounts.roles import Role
from imtsocial.myspace import sections_of
from safety.inspections import myspace
from tests.inspections.factories import EquipmentFactory, EquipmentKindFactory, InspectionFactory
from tests.safety.factories import WorkUnitFactory

pytestmark = pytest.mark.django_db


class _Request:
    def __init__(self, user):
        self.user = user


@pytest.mark.usefixtures("_june_2026")
def test_agent_and_advisor_sections(make_agent, make_user):
    agent = make_agent()
    advisor = make_agent(advisor=True)
    kind = EquipmentKindFactory(months=12)
    mine, other = WorkUnitFactory(agents=[agent]), WorkUnitFactory()
    InspectionFactory(equipment=EquipmentFactory(kind=kind, work_unit=mine), date=date(2025, 6, 1))
    InspectionFactory(equipment=EquipmentFactory(kind=kind, work_unit=mine), date=date(2025, 7, 1))
    InspectionFactory(equipment=EquipmentFactory(kind=kind, work_unit=other), date=date(2025, 5, 1))
    # today 10/06/2026: mine → 1 overdue (01/06), 1 due soon (01/07); other → 1 overdue
    [section] = sections_of(myspace.sections, _Request(agent))
    labels = [item.label for item in section.todo]
    assert labels == [
        "1 équipement en retard de contrôle",
        "1 équipement à contrôler dans les 30 jours",
    ]
    assert section.todo[0].url == reverse("inspections:overdue") + "?mine=on"
    [section] = sections_of(myspace.sections, _Request(advisor))
    assert section.todo[0].label == "2 équipements en retard de contrôle"
    assert sections_of(myspace.sections, _Request(make_agent())) == []  # nothing in their units
    assert sections_of(myspace.sections, _Request(make_user(Role.MANAGER))) == []
