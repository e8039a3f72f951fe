"""The 2020 demo data gives the figures of the DD&RS chapter, and a second run
changes nothing."""

from datetime import date

import pytest

from hr import demo as hr_demo
from telework import demo, stats
from telework.models import Asset, ExceptionalRegime, Loan, TeleworkRequest

pytestmark = pytest.mark.django_db


def counts():
    return (
        TeleworkRequest.objects.count(),
        TeleworkRequest.history.count(),
        Asset.objects.count(),
        Loan.objects.count(),
        ExceptionalRegime.objects.count(),
    )


def test_demo_2020_figures_and_idempotence():
    hr_demo.build()
    demo.build()
    first = counts()
    # 33 regular teleworkers before March 2020, from 1 to 2 days a week
    figures = stats.telework_figures(date(2020, 3, 1))
    assert (figures.regime, figures.teleworkers) == (None, 33)
    assert {days for days, _n in figures.by_days} <= {1, 2}
    # 31/12/2020: the transitional regime applies, everybody counts
    end = stats.telework_figures(date(2020, 12, 31))
    assert end.regime.start == date(2020, 3, 16)
    assert end.counted_teleworkers == end.headcount
    # lent from 16 March 2020: 100 laptops, 150 headsets, 150 screens, 20 desktop PCs
    assert stats.loans_by_kind(date(2020, 3, 16), date(2020, 12, 31)) == [
        ("Ordinateur portable", 100),
        ("Casque avec micro", 150),
        ("Écran 24 pouces", 150),
        ("Poste fixe", 20),
    ]
    desktops = Asset.objects.filter(kind="desktop")
    assert desktops.filter(vpn_configured=True).count() == 20
    assert set(desktops.values_list("site__code", flat=True)) == {"clavieres", "croupillac"}
    hr_demo.build()
    demo.build()
    assert counts() == first


def test_the_demo_has_current_loans_today():
    """Point 8: 7 loans of today (3 laptops, 2 screens, 2 headsets) out in the last weeks
    and due in the coming months, beside the 2020 ones; the demo employee's waits for the
    agreement to be accepted."""
    from django.utils import timezone

    from imtsocial.accounts.roles import Role
    from imtsocial.demo import demo_email

    hr_demo.build()
    demo.build()
    today = timezone.localdate()
    current = Loan.objects.filter(returned_on__isnull=True, out_on__year__gt=2021)
    assert current.count() == 7
    assert not current.filter(due_on__lt=today).exists()
    assert current.filter(agreement_accepted_at__isnull=True).count() == 1
    # The 2020 figures do not move: loans started in 2020 are still 420.
    assert sum(n for _kind, n in stats.loans_by_kind(date(2020, 1, 1), date(2020, 12, 31))) == 420
    mine = current.get(agreement_accepted_at__isnull=True)
    assert mine.employee.user.email == demo_email(Role.EMPLOYEE)
