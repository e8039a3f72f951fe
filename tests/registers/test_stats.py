"""Register statistics with numbers derived by hand."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from safety.registers import stats
from safety.registers.enums import AccidentKind, DgiDecision, DgiStatus, RsstKind
from tests.registers.factories import DgiReportFactory, RsstEntryFactory, WorkAccidentFactory
from tests.safety.factories import WorkUnitFactory

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def test_register_counts_and_by_unit():
    a, b = WorkUnitFactory(code="A1"), WorkUnitFactory(code="B2")
    # 2021: A1 → 2 observations (one answered), B2 → 1 suggestion, none → 1 observation
    RsstEntryFactory(
        work_unit=a, occurred_on=date(2021, 1, 5), answered_at=datetime(2021, 1, 6, tzinfo=PARIS)
    )
    RsstEntryFactory(work_unit=a, occurred_on=date(2021, 12, 31))
    RsstEntryFactory(work_unit=b, kind=RsstKind.SUGGESTION, occurred_on=date(2021, 6, 1))
    RsstEntryFactory(work_unit=None, occurred_on=date(2021, 3, 3))
    RsstEntryFactory(work_unit=a, occurred_on=date(2022, 1, 1))  # another year
    # DGI: one in B2 in 2021 (confirmed), one on 1 Jan 2022 at 0:30 Paris time (2022)
    DgiReportFactory(work_unit=b, occurred_at=datetime(2021, 7, 1, 9, tzinfo=PARIS),
                     status=DgiStatus.DECIDED, decision=DgiDecision.CONFIRMED,
                     decided_on=date(2021, 7, 1))  # fmt: skip
    DgiReportFactory(work_unit=b, occurred_at=datetime(2022, 1, 1, 0, 30, tzinfo=PARIS))

    counts = stats.register_counts(2021)
    assert counts["rsst"] == {"total": 4, "observations": 3, "suggestions": 1, "answered": 1,
                              "with_action": 0}  # fmt: skip
    assert counts["dgi"] == {"total": 1, "confirmed": 1, "decided": 1}
    assert stats.by_unit(2021) == [
        {"code": "A1", "name": a.name, "rsst": 2, "dgi": 0},
        {"code": "B2", "name": b.name, "rsst": 1, "dgi": 1},
        {"code": "", "name": "", "rsst": 1, "dgi": 0},
    ]
    assert stats.register_counts(2022)["dgi"]["total"] == 1


def test_accidents_per_year_with_small_groups_flagged():
    # 2021: 5 work accidents (1+2+3+0+ unknown days = 6) and 1 commuting (4 days)
    for days in (1, 2, 3, 0, None):
        WorkAccidentFactory(kind=AccidentKind.WORK, occurred_on=date(2021, 5, 1), leave_days=days)
    WorkAccidentFactory(kind=AccidentKind.COMMUTING, occurred_on=date(2021, 9, 1), leave_days=4)
    WorkAccidentFactory(kind=AccidentKind.WORK, occurred_on=date(2020, 2, 1), leave_days=10)

    row = stats.accidents(2021)
    assert (row["work"], row["commuting"], row["total"]) == (5, 1, 6)
    assert (row["work_leave_days"], row["commuting_leave_days"], row["leave_days"]) == (6, 4, 10)
    assert (row["work_masked"], row["commuting_masked"], row["total_masked"]) == (
        False,
        True,
        False,
    )

    rows = stats.accidents_per_year(2021, years=3)
    assert [r["year"] for r in rows] == [2019, 2020, 2021]
    assert [r["total"] for r in rows] == [0, 1, 6]
    assert rows[0]["total_masked"] is False  # nobody: nothing to protect
    assert rows[1]["total_masked"] is True


def test_the_stats_page_masks_small_groups(client, world):
    WorkAccidentFactory(kind=AccidentKind.COMMUTING, occurred_on=date(2021, 9, 1), leave_days=4)
    client.force_login(world.director)
    page = client.get(reverse("registers:stats") + "?year=2021").content.decode()
    table = page.split('data-testid="accidents"')[1].split("</table>")[0]
    assert "&lt; 5" in table and ">4<" not in table
