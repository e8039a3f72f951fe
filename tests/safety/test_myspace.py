"""« Mon espace »: the DUERP section of each kind of user; the prevention providers'
figures in one statement."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.myspace import sections_of
from imtsocial.refdata.parameters import request_scope
from safety import myspace
from safety.exposure import myspace as exposure_myspace
from safety.inspections import myspace as inspections_myspace
from safety.network import myspace as network_myspace
from safety.qualifications import myspace as qualifications_myspace
from safety.qualifications.defaults import load
from safety.qualifications.models import QualificationType, QualificationValidity
from tests.prevention_network.factories import AppointmentFactory
from tests.qualifications.factories import QualificationFactory
from tests.safety.factories import ActionItemFactory, RiskEntryFactory, WorkUnitFactory

pytestmark = pytest.mark.django_db

PREVENTION_PROVIDERS = (
    myspace.sections,
    network_myspace.sections,
    qualifications_myspace.sections,
    inspections_myspace.sections,
    exposure_myspace.sections,
)


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def _sections(user):
    return sections_of(myspace.sections, _request(user))


def _page(request):
    """The prevention providers as « Mon espace » calls them: every counter declared,
    then every section built."""
    with request_scope():  # as on the page (``ParameterCacheMiddleware``)
        built = [provider(request) for provider in PREVENTION_PROVIDERS]
        return [section for sections in built for section in sections()]


def test_agent_sees_late_actions_and_entries_of_their_units(make_agent):
    agent = make_agent()
    unit = WorkUnitFactory(agents=[agent])
    RiskEntryFactory.create_batch(3, work_unit=unit)
    RiskEntryFactory()  # another unit
    ActionItemFactory(owner=agent, late=True)
    ActionItemFactory(owner=agent)  # not late
    (section,) = _sections(agent)
    assert [item.label for item in section.todo] == [
        "1 action dont vous êtes responsable est en retard"
    ]
    assert section.items[0].label == "3 risques évalués dans mes unités de travail"


def test_advisor_is_reminded_to_publish_the_edition_of_the_year(make_agent):
    advisor = make_agent(advisor=True)
    (section,) = _sections(advisor)
    year = timezone.localdate().year
    assert [item.label for item in section.todo] == [
        f"L'édition {year} du DUERP n'est pas encore publiée"
    ]


def test_nothing_and_no_query_for_other_people(make_user, django_assert_num_queries):
    user = make_user(Role.EMPLOYEE, Role.MANAGER, Role.DIRECTOR)
    _sections(user)  # roles computed and cached on the user
    with django_assert_num_queries(0):
        assert _sections(user) == []


@pytest.mark.parametrize("lists", [False, True])
def test_the_prevention_figures_cost_one_statement(make_agent, django_assert_num_queries, lists):
    load(QualificationType, QualificationValidity)  # a transactional test may flush them
    advisor = make_agent(advisor=True)
    roles_of(advisor), employee_of(advisor)  # computed once per request by the platform
    if lists:
        AppointmentFactory(employee=advisor.employee)
        QualificationFactory(
            holder=advisor.employee, expires_on=timezone.localdate() + timedelta(days=10)
        )
    _page(_request(advisor))  # the parameters and the notice periods, kept in the cache
    # the batch: late actions, entries of the agent's units, the edition of the year,
    # whether the person is the advisor, has an appointment, appointments without letter,
    # has a qualification to renew, every qualification's expired and expiring counts,
    # the equipment due, the exceedances waiting; then, only when there is one, the own
    # appointments and the own qualifications to renew
    with django_assert_num_queries(3 if lists else 1):
        titles = [section.title for section in _page(_request(advisor))]
    assert titles[0] == "DUERP et plan de prévention"
    assert ("Ma mission de prévention" in titles) is lists
    assert ("Mes habilitations à renouveler" in titles) is lists
