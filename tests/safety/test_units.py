"""The prevention advisor creates the work units and assigns their agents in the intranet."""

import pytest
from django.urls import reverse

from imtsocial.accounts.roles import Role
from safety.models import WorkUnit
from tests.factories import DepartmentFactory
from tests.safety.factories import WorkUnitFactory

pytestmark = pytest.mark.django_db


def test_the_advisor_creates_a_unit_and_its_agent_then_writes_in_it(client, make_agent):
    advisor, agent = make_agent(advisor=True), make_agent()
    department = DepartmentFactory()
    client.force_login(advisor)
    response = client.post(
        reverse("safety:unit_create"),
        {
            "code": "R132",
            "name": "Laboratoire de chimie R132",
            "site": department.site_id,
            "department": department.pk,
            "headcount_exposed": "8",
            "agents": [agent.pk],
            "active": "on",
        },
    )
    unit = WorkUnit.objects.get(code="R132")
    assert response.status_code == 302 and response.url == unit.get_absolute_url()
    assert list(unit.agents.all()) == [agent]
    # the agent may now add risks to the unit
    client.force_login(agent)
    assert client.get(reverse("safety:hazard_choose", args=[unit.pk])).status_code == 200


def test_only_prevention_agents_can_be_assigned(client, make_agent, make_user):
    advisor = make_agent(advisor=True)
    outsider = make_user(Role.EMPLOYEE)
    unit = WorkUnitFactory()
    client.force_login(advisor)
    form = client.get(reverse("safety:unit_edit", args=[unit.pk])).context["form"]
    assert outsider not in form.fields["agents"].queryset
    response = client.post(
        reverse("safety:unit_edit", args=[unit.pk]),
        {
            "code": unit.code,
            "name": unit.name,
            "site": unit.site_id,
            "department": unit.department_id,
            "headcount_exposed": "1",
            "agents": [outsider.pk],
        },
    )
    assert "agents" in response.context["form"].errors
    assert not unit.agents.exists()


def test_an_agent_who_is_not_the_advisor_gets_404(client, make_agent, make_user):
    unit = WorkUnitFactory()
    for user in (make_agent(), make_user(Role.DIRECTOR)):
        client.force_login(user)
        assert client.get(reverse("safety:unit_create")).status_code in (403, 404)
        assert client.get(reverse("safety:unit_edit", args=[unit.pk])).status_code in (403, 404)
    client.force_login(make_agent())
    assert client.get(reverse("safety:unit_create")).status_code == 404
