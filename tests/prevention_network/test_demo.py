"""The demo network at 31/12/2020, read through ``network_at``: « 12 agents de
prévention dont 6 affectés dans les laboratoires », the advisor, the five experts; a
second run changes nothing."""

from datetime import date

import pytest

from hr import demo as hr_demo
from safety import demo as safety_demo
from safety.network import demo, stats
from safety.network.models import Appointment

pytestmark = pytest.mark.django_db


def test_demo_network_at_the_end_of_2020(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    hr_demo.build()
    safety_demo.build()
    demo.build()
    figures = stats.network_at(date(2020, 12, 31))
    # 11 assistants of the DUERP demo (2 per laboratory × 3, 5 in the services) + the advisor
    assert (figures["agents"], figures["assistants"]) == (12, 11)
    assert figures["in_laboratories"] == 6
    assert [row["agents"] for row in figures["by_laboratory"]] == [2, 2, 2]
    assert figures["experts"] == {
        "radiation": 1,
        "lab_waste": 1,
        "chemical": 1,
        "biological": 1,
        "laser": 1,
    }
    assert figures["advisors"] == ["Paul Prévention"]
    # the laboratory assistants cover the units they write in
    lab_agent = Appointment.objects.filter(laboratory__code="c2ma").first()
    assert lab_agent.work_units.exists()
    count = Appointment.objects.count()
    demo.build()
    assert Appointment.objects.count() == count == 17
