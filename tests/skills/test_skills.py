"""Critical skills on a dataset built by hand, at 2 December 2026 with a 5-year horizon
(until 2 December 2031) and a retirement age of 64 (the migrated parameter):

- « Résines »: A (expert) only → at risk now (1 holder).
- « Tensiométrie »: B (born 15 March 1966 → 64 on 15 March 2030) and C (maîtrise)
  → B leaves, 1 remaining → at risk.
- « Paie »: D (CDD ending 30 June 2028), E, F → 3 holders, 2 remaining → not at risk.
- « Anglais »: G at level « pratique » only → no holder (level < maîtrise) → at risk.
- A non-critical skill is not listed."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from hr.enums import ContractKind
from hr.skills import stats
from hr.skills.models import EmployeeSkill, Level, Skill
from imtsocial.accounts.roles import Role
from tests.factories import ContractFactory, EmployeeFactory

pytestmark = pytest.mark.django_db
AT = date(2026, 12, 2)


@pytest.fixture
def dataset():
    skills = {
        n: Skill.objects.create(name=n, critical=True)
        for n in ("Résines", "Tensiométrie", "Paie", "Anglais")
    }
    Skill.objects.create(name="Bureautique", critical=False)
    people = {k: EmployeeFactory() for k in "ABCDEFG"}
    people["B"].birth_date = date(1966, 3, 15)
    people["B"].save()
    ContractFactory(employee=people["D"], kind=ContractKind.CDD, start=date(2025, 7, 1),
                    end=date(2028, 6, 30))  # fmt: skip
    for person, skill, level in [
        ("A", "Résines", Level.EXPERT), ("B", "Tensiométrie", Level.EXPERT),
        ("C", "Tensiométrie", Level.MASTERY), ("D", "Paie", Level.MASTERY),
        ("E", "Paie", Level.MASTERY), ("F", "Paie", Level.EXPERT),
        ("G", "Anglais", Level.PRACTICE),
    ]:  # fmt: skip
        EmployeeSkill.objects.create(employee=people[person], skill=skills[skill], level=level)
    return people


def test_the_critical_skills_at_risk(dataset):
    rows, few = stats.critical_skills(at=AT, horizon_years=5)
    got = {row.skill.name: (row.count, row.remaining) for row in rows}
    assert got == {"Résines": (1, 1), "Tensiométrie": (2, 1), "Paie": (3, 2), "Anglais": (0, 0)}
    assert few == 1
    assert {row.skill.name for row in stats.at_risk(rows, few)} == {
        "Résines",
        "Tensiométrie",
        "Anglais",
    }
    tensiometry = next(row for row in rows if row.skill.name == "Tensiométrie")
    assert [(h.employee, h.leaves_on, h.reason) for h in tensiometry.leaving] == [
        (dataset["B"], date(2030, 3, 15), "retraite")
    ]
    # A 1-year horizon (until 2 December 2027): nobody leaves yet.
    rows, _few = stats.critical_skills(at=AT, horizon_years=1)
    assert {row.skill.name: row.remaining for row in rows}["Tensiométrie"] == 2


def test_holders_names_for_hr_counts_for_the_director(client, make_user, dataset):
    with time_machine.travel(AT, tick=False):
        client.force_login(make_user(Role.HR))
        html = client.get(reverse("skills:critical")).content.decode()
        assert dataset["B"].full_name in html and "retraite, 03/2030" in html
        client.force_login(make_user(Role.DIRECTOR))
        html = client.get(reverse("skills:critical")).content.decode()
        assert dataset["B"].full_name not in html
        assert "3 compétences critiques en risque" in html
        client.force_login(make_user(Role.EMPLOYEE))
        assert client.get(reverse("skills:critical")).status_code == 403


def test_the_birth_date_is_shown_to_hr_only(client, make_user):
    manager = make_user(Role.MANAGER)
    report = manager.employee.reports.get()
    report.birth_date = date(1980, 5, 1)
    report.save()
    url = reverse("hr:employee_detail", args=[report.pk])
    client.force_login(manager)
    assert "1er mai 1980" not in client.get(url).content.decode()
    client.force_login(make_user(Role.HR))
    assert "1er mai 1980" in client.get(url).content.decode()


def test_hr_keeps_skills_and_a_duplicate_is_refused_next_to_the_field(client, make_user):
    person = EmployeeFactory()
    skill = Skill.objects.create(name="Chromatographie")
    url = reverse("skills:person", args=[person.pk])
    client.force_login(make_user(Role.HR))
    client.post(url, {"skill": skill.pk, "level": Level.MASTERY})
    response = client.post(url, {"skill": skill.pk, "level": Level.EXPERT})
    assert response.context["form"].errors["skill"] == [
        "Cet agent a déjà cette compétence : changez son niveau."
    ]
    assert EmployeeSkill.objects.get().level == Level.MASTERY
    client.force_login(make_user(Role.EMPLOYEE))
    assert client.get(url).status_code == 404


def test_the_critical_page_runs_a_constant_number_of_queries(client, make_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(make_user(Role.HR))
    client.get(reverse("skills:critical"))  # the reference parameters, cached from then on
    counts = []
    for added in (3, 15):
        for index in range(added):
            skill = Skill.objects.create(name=f"Compétence {added}-{index}", critical=True)
            for _holder in range(2):
                EmployeeSkill.objects.create(
                    employee=EmployeeFactory(birth_date=date(1965, 1, 1)), skill=skill, level=4
                )
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("skills:critical")).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
