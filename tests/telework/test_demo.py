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
