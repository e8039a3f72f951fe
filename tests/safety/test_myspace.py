"""« Mon espace »: the DUERP section of each kind of user."""

import pytest
from django.test import RequestFactory
from django.utils import timezone

from imtsocial.accounts.roles import Role
from safety.myspace import sections
from tests.safety.factories import ActionItemFactory, RiskEntryFactory, WorkUnitFactory

pytestmark = pytest.mark.django_db


def sections_of(user):
    request = RequestFactory().get("/")
    request.user = user
    return sections(request)


def test_agent_sees_late_actions_and_entries_of_their_units(make_agent):
    agent = make_agent()
    unit = WorkUnitFactory(agents=[agent])
    RiskEntryFactory.create_batch(3, work_unit=unit)
    RiskEntryFactory()  # another unit
    ActionItemFactory(owner=agent, late=True)
    ActionItemFactory(owner=agent)  # not late
    (section,) = sections_of(agent)
    assert [item.label for item in section.todo] == [
        "1 action dont vous êtes responsable est en retard"
    ]
    assert section.items[0].label == "3 risques évalués dans mes unités de travail"


def test_advisor_is_reminded_to_publish_the_edition_of_the_year(make_agent):
    advisor = make_agent(advisor=True)
    (section,) = sections_of(advisor)
    year = timezone.localdate().year
    assert [item.label for item in section.todo] == [
        f"L'édition {year} du DUERP n'est pas encore publiée"
    ]


def test_nothing_and_no_query_for_other_people(make_user, django_assert_num_queries):
    user = make_user(Role.EMPLOYEE, Role.MANAGER, Role.DIRECTOR)
    sections_of(user)  # roles computed and cached on the user
    with django_assert_num_queries(0):
        assert sections_of(user) == []
