"""Expiry dates and states, computed by hand."""

from datetime import date

import pytest
import time_machine

from safety.qualifications import services
from safety.qualifications.enums import State
from safety.qualifications.models import Qualification, QualificationValidity
from tests.qualifications.factories import QualificationFactory, kind

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "code, obtained, expected",
    [
        # SST, 24 months: 15/03/2019 + 24 months = 15/03/2021, last valid day the 14th
        ("sst", date(2019, 3, 15), date(2021, 3, 14)),
        # electrical, 36 months: 01/01/2020 → 31/12/2022
        ("electrique", date(2020, 1, 1), date(2022, 12, 31)),
        # a 29 February: + 24 months = 28/02/2022 (no 29th), minus a day = 27/02/2022
        ("sst", date(2020, 2, 29), date(2022, 2, 27)),
        # gas, default 36 months: 31/08/2019 → 31/08/2022 − 1 day = 30/08/2022
        ("gaz", date(2019, 8, 31), date(2022, 8, 30)),
    ],
)
def test_expiry_from_the_validity_in_force(code, obtained, expected):
    validity = services.validity_at(kind(code), obtained)
    assert services.expiry_for(validity, obtained) == expected


def test_a_new_validity_applies_from_its_date_only():
    sst = kind("sst")
    current = QualificationValidity.objects.get(qualification_type=sst)
    current.valid_to = date(2023, 12, 31)
    current.save()
    QualificationValidity.objects.create(
        qualification_type=sst, valid_from=date(2024, 1, 1), validity_months=12, notice_days=30
    )
    # obtained in 2023: still 24 months; in 2024: 12 months
    assert services.expiry_for(
        services.validity_at(sst, date(2023, 12, 31)), date(2023, 12, 31)
    ) == date(2025, 12, 30)
    assert services.expiry_for(
        services.validity_at(sst, date(2024, 1, 10)), date(2024, 1, 10)
    ) == date(2025, 1, 9)


@time_machine.travel(date(2026, 5, 1), tick=False)
def test_states_at_the_notice_boundaries():
    # SST notice: 60 days → expiring when the expiry is on or before 30/06/2026
    rows = {
        "expired yesterday": QualificationFactory(expires_on=date(2026, 4, 30)),
        "expires today": QualificationFactory(expires_on=date(2026, 5, 1)),
        "60 days": QualificationFactory(expires_on=date(2026, 6, 30)),
        "61 days": QualificationFactory(expires_on=date(2026, 7, 1)),
    }
    today = date(2026, 5, 1)
    got = {
        label: {
            state
            for state in State
            if Qualification.objects.filter(services.state_q(state, today), pk=q.pk).exists()
        }
        for label, q in rows.items()
    }
    assert got == {
        "expired yesterday": {State.EXPIRED},
        "expires today": {State.EXPIRING},
        "60 days": {State.EXPIRING},
        "61 days": {State.VALID},
    }
    services.with_states(list(rows.values()), today)
    assert [q.state for q in rows.values()] == [
        State.EXPIRED, State.EXPIRING, State.EXPIRING, State.VALID,
    ]  # fmt: skip


def test_a_renewed_qualification_leaves_the_lists_to_renew():
    old = QualificationFactory(expires_on=date(2022, 3, 14))
    QualificationFactory(
        holder=old.holder, obtained_on=date(2022, 3, 1), expires_on=date(2024, 2, 29)
    )
    other = QualificationFactory(expires_on=date(2022, 3, 14))
    left = services.not_renewed(Qualification.objects.filter(expires_on=date(2022, 3, 14)))
    assert list(left) == [other]
