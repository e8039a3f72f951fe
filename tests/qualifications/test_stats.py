"""``first_aiders_at`` and ``counts_by_type``, by hand."""

from datetime import date

import pytest

from hr.enums import DepartmentKind
from safety.qualifications import stats
from tests.factories import DepartmentFactory
from tests.qualifications.factories import QualificationFactory, kind

pytestmark = pytest.mark.django_db
AT = date(2020, 12, 31)


def sst(department, obtained_on, expires_on, **extra):
    return QualificationFactory(
        holder__department=department, obtained_on=obtained_on, expires_on=expires_on, **extra
    )


def test_first_aiders_by_laboratory_at_a_date():
    lab_a = DepartmentFactory(name="Labo A", kind=DepartmentKind.LABORATORY)
    lab_b = DepartmentFactory(name="Labo B", kind=DepartmentKind.LABORATORY)
    service = DepartmentFactory(name="Service")
    for _ in range(3):
        QualificationFactory(holder__department=lab_a)  # 15/03/2020 → 14/03/2022
    twice = QualificationFactory(holder__department=lab_b)
    QualificationFactory(
        holder=twice.holder, obtained_on=date(2020, 9, 1), expires_on=date(2022, 8, 31)
    )
    QualificationFactory(holder__department=service)
    # not counted: expired the day before, obtained the day after, another type
    QualificationFactory(
        holder__department=lab_a, obtained_on=date(2018, 12, 30), expires_on=date(2020, 12, 30)
    )
    QualificationFactory(
        holder__department=lab_b, obtained_on=date(2021, 1, 1), expires_on=date(2022, 12, 31)
    )
    QualificationFactory(holder__department=lab_a, qualification_type=kind("gaz"))
    # valid on its last day
    QualificationFactory(holder__department=lab_b, obtained_on=date(2018, 12, 31), expires_on=AT)

    figures = stats.first_aiders_at(AT)
    # lab A 3, lab B: twice (once) + last day = 2, service 1 → 6 in all, 5 in 2 labs
    assert figures == {
        "total": 6,
        "in_laboratories": 5,
        "laboratories": 2,
        "by_laboratory": [
            {"laboratory": "Labo A", "first_aiders": 3},
            {"laboratory": "Labo B", "first_aiders": 2},
        ],
    }


def test_counts_by_type_at_a_date():
    QualificationFactory()
    QualificationFactory(qualification_type=kind("gaz"))
    gas_holder = QualificationFactory(qualification_type=kind("gaz")).holder
    QualificationFactory(
        holder=gas_holder, qualification_type=kind("gaz"), obtained_on=date(2019, 1, 1)
    )
    QualificationFactory(
        qualification_type=kind("electrique"),
        level="BR",
        obtained_on=date(2021, 1, 1),
        expires_on=date(2023, 12, 31),
    )
    holders = {row["code"]: row["holders"] for row in stats.counts_by_type(AT)}
    # SST 1; gas 2 people (one with two records); electrical obtained after → 0
    assert holders == {"sst": 1, "gaz": 2, "electrique": 0, "hauteur": 0, "esp": 0, "pcr": 0}
