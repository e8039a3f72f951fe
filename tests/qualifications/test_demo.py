"""The demo through the statistics: « 26 sauveteurs-secouristes du travail sont
mobilisables dans les 3 laboratoires » at 31/12/2020, the kinds the source names, and a
present with certificates to renew; a second run changes nothing."""

from datetime import date

import pytest
from django.utils import timezone

from hr import demo as hr_demo
from safety.qualifications import demo, services, stats
from safety.qualifications.enums import State
from safety.qualifications.models import Qualification

pytestmark = pytest.mark.django_db


def test_demo_qualifications():
    hr_demo.build()
    demo.build()
    first_aiders = stats.first_aiders_at(date(2020, 12, 31))
    # C2MA 10 + LGEI 8 + LGI2P 8 = 26 in the 3 laboratories, + 3 in the services
    assert (first_aiders["in_laboratories"], first_aiders["laboratories"]) == (26, 3)
    assert first_aiders["total"] == 29
    assert [row["first_aiders"] for row in first_aiders["by_laboratory"]] == [10, 8, 8]
    holders = {row["code"]: row["holders"] for row in stats.counts_by_type(date(2020, 12, 31))}
    # gas 3 + 3, electrical 3 + 3 + 2, height 2 + 2, pressure equipment 3 + 2
    assert {k: holders[k] for k in ("gaz", "electrique", "hauteur", "esp")} == {
        "gaz": 6,
        "electrique": 8,
        "hauteur": 4,
        "esp": 5,
    }
    today = timezone.localdate()
    to_renew = services.not_renewed(Qualification.objects.all())
    expiring = to_renew.filter(services.state_q(State.EXPIRING, today))
    expired = to_renew.filter(services.state_q(State.EXPIRED, today))
    # 3 SST and 1 electrical within the coming weeks; one SST expired 5 days ago
    assert expiring.count() == 4
    assert expired.count() == 1
    assert expiring.filter(holder__user__email="employee@demo.imtsocial.fr").exists()
    count = Qualification.objects.count()
    demo.build()
    assert Qualification.objects.count() == count
