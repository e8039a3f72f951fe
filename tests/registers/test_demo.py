"""The demo registers: 2020 as computed by the statistics, a living present, and a
second run changes nothing."""

import pytest

from hr import demo as hr_demo
from safety import demo as safety_demo
from safety.registers import demo, stats
from safety.registers.enums import RsstStatus
from safety.registers.models import DgiReport, RsstEntry, WorkAccident

pytestmark = pytest.mark.django_db


def _counts():
    return (RsstEntry.objects.count(), DgiReport.objects.count(), WorkAccident.objects.count())


def test_demo_2020_and_present(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(safety_demo, "_build_edition", lambda **kwargs: None)  # no PDF here
    hr_demo.build()
    safety_demo.build()
    demo.build()

    counts = stats.register_counts(2020)
    # two observations (R279, CLAV-A) and one suggestion (RESTO), all answered
    assert counts["rsst"] == {"total": 3, "observations": 2, "suggestions": 1, "answered": 3,
                              "with_action": 0}  # fmt: skip
    assert counts["dgi"] == {"total": 1, "confirmed": 1, "decided": 1}
    assert {row["code"] for row in stats.by_unit(2020)} == {"R279", "RESTO", "CLAV-A", "LGEI-CHIM"}
    row = stats.accidents(2020)
    # work: 0 + 4 + 12 = 16 days; commuting: 7 + 0 = 7 days
    assert (row["work"], row["commuting"], row["total"]) == (3, 2, 5)
    assert (row["work_leave_days"], row["commuting_leave_days"]) == (16, 7)
    assert row["work_masked"] and not row["total_masked"]

    present = RsstEntry.objects.filter(author__user__email="employee@demo.imtsocial.fr")
    assert sorted(present.values_list("status", flat=True)) == sorted(
        [RsstStatus.SUBMITTED, RsstStatus.ANSWERED]
    )
    # the demo manager (head of the C2MA) is the demo employee's manager: one visa to give
    answered = present.get(status=RsstStatus.ANSWERED)
    assert answered.author.manager.user.email == "manager@demo.imtsocial.fr"

    before = _counts()
    demo.build()
    assert _counts() == before == (5, 1, 5)
