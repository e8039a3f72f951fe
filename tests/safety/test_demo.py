"""The demo DUERP: figures of DESIGN.md section D, and a second run changes nothing."""

import pytest

from hr import demo as hr_demo
from safety import demo
from safety.enums import EditionStatus
from safety.models import ActionItem, DuerpEdition, PreventionAdvisor, RiskEntry, WorkUnit

pytestmark = pytest.mark.django_db


def counts():
    return {
        "units": WorkUnit.objects.count(),
        "entries": RiskEntry.objects.count(),
        "entry_history": RiskEntry.history.count(),
        "actions": ActionItem.objects.count(),
        "editions": DuerpEdition.objects.count(),
    }


def test_demo_builds_the_duerp_and_is_idempotent(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    hr_demo.build()
    demo.build()
    from imtsocial.accounts.models import User

    agents = User.objects.filter(groups__name="prevention")
    assert agents.count() == 12
    labs = agents.filter(employee__department__code__in=["c2ma", "lgei", "lgi2p"])
    assert labs.count() == 6
    assert PreventionAdvisor.objects.get().user.email == "prevention@demo.imtsocial.fr"
    assert {"R132", "R279"} <= set(WorkUnit.objects.values_list("code", flat=True))
    families = set(RiskEntry.objects.values_list("hazard__family__code", flat=True))
    assert {
        "chimique",
        "biologique",
        "laser",
        "ionisant",
        "routier",
        "psychosocial",
        "amiante",
    } <= families
    edition = DuerpEdition.objects.get()
    assert (edition.year, edition.status, edition.entry_count) == (2020, EditionStatus.READY, 17)
    # 14 actions, budget by hand: 3200 + 2400 + 0 + 1800 + 4500 + 1600 + 9800 + 3500
    # + 27000 + 1200 + 38000 + 2100 + 1500 + 2800 = 99 400 €
    assert edition.action_count == 14
    assert sum(float(a["budget"]) for a in edition.snapshot["actions"]) == 99400
    before = counts()
    demo.build()
    assert counts() == before


def test_the_open_actions_are_due_relative_to_today(settings, tmp_path):
    """Point 8: the plan lives today — of the 7 actions left open in 2020 (1 in progress,
    6 planned: 14 actions minus the 7 done), one is 10 days late and 6 are due in the
    coming weeks and months (12 to 120 days); the 2020 edition keeps its 2021 due dates."""
    from datetime import timedelta

    from django.utils import timezone

    from safety.enums import ActionStatus

    settings.MEDIA_ROOT = tmp_path
    hr_demo.build()
    demo.build()
    today = timezone.localdate()
    still_open = ActionItem.objects.exclude(status=ActionStatus.DONE)
    assert still_open.count() == 7
    assert still_open.filter(due_date__lt=today).count() == 1
    assert still_open.filter(due_date__gte=today, due_date__lte=today + timedelta(120)).count() == 6
    snapshot_dues = {a["due"][:4] for a in DuerpEdition.objects.get().snapshot["actions"]}
    assert snapshot_dues == {"2020", "2021"}
    dues = list(still_open.values_list("due_date", flat=True))
    demo.build()
    assert list(still_open.values_list("due_date", flat=True)) == dues
