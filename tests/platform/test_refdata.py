"""Reference data kept in the intranet by the role that owns it: one page pattern, the
past never edited, history, and the database as the last guard against overlaps."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from hr.models import PayBenchmark, SmicRate
from imtsocial.accounts.roles import Role
from imtsocial.refdata.models import Parameter
from social_action.models import IncomeBand
from tests.factories import PayBenchmarkFactory
from tests.safety.factories import PreventionAdvisorFactory, RatingMethodFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def table_url(slug):
    return reverse("refdata:table", args=[slug])


@pytest.mark.parametrize(
    ("role", "slug"),
    [
        (Role.HR, "smic"),
        (Role.HR, "reperes-de-remuneration"),
        (Role.HR, "regles-de-teletravail"),
        (Role.HR, "parametres-rh"),
        (Role.SOCIAL_ACTION, "baremes-action-sociale"),
        (Role.SOCIAL_ACTION, "plafonds-des-dispositifs"),
        (Role.SOCIAL_ACTION, "cadeaux-de-noel"),
        (Role.SOCIAL_ACTION, "parametres-action-sociale"),
    ],
)
def test_each_owner_opens_its_tables_and_nobody_else_does(client, make_user, role, slug):
    client.force_login(make_user(role))
    assert client.get(table_url(slug)).status_code == 200
    for other in (
        Role.EMPLOYEE,
        Role.DIRECTOR,
        Role.IT,
        Role.DPO,
        *{Role.HR, Role.SOCIAL_ACTION} - {role},
    ):
        client.force_login(make_user(other))
        assert client.get(table_url(slug)).status_code == 404
        assert client.post(table_url(slug), {"valid_from": "2030-01-01"}).status_code == 404


def test_the_rating_method_is_the_advisors_not_every_agent(client, make_user):
    RatingMethodFactory()
    agent = make_user(Role.PREVENTION)
    client.force_login(agent)
    assert client.get(table_url("methode-de-cotation")).status_code == 404
    assert client.get(reverse("refdata:index")).status_code == 403
    PreventionAdvisorFactory(user=agent)
    client.force_login(agent)
    assert client.get(table_url("methode-de-cotation")).status_code == 200


def test_the_index_lists_only_the_tables_of_the_person(client, make_user):
    client.force_login(make_user(Role.SOCIAL_ACTION))
    titles = [t.title for t in client.get(reverse("refdata:index")).context["tables"]]
    assert "Plafonds des dispositifs" in titles and "SMIC" not in titles
    client.force_login(make_user(Role.EMPLOYEE))
    assert client.get(reverse("refdata:index")).status_code == 403


def test_a_new_smic_from_a_date_ends_the_previous_one_and_is_in_the_history(client, make_user):
    hr = make_user(Role.HR)
    client.force_login(hr)
    response = client.post(
        table_url("smic"),
        {
            "valid_from": "2027-01-01",
            "hourly": "12.30",
            "monthly": "1865,48",
            "source": "Décret de revalorisation",
            "verified": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    new = SmicRate.objects.get(valid_from=date(2027, 1, 1))
    assert new.valid_to is None and new.monthly == Decimal("1865.48")
    previous = SmicRate.objects.get(valid_from=date(2026, 1, 1))
    assert previous.valid_to == date(2026, 12, 31)
    assert SmicRate.objects.get_in_force(date(2026, 12, 31)) == previous
    assert SmicRate.objects.get_in_force(date(2027, 1, 1)) == new
    history = client.get(table_url("smic")).context["history"]
    who = {(row.who, row.kind) for row in history}
    assert (str(hr), "+") in who  # the new row
    closed = next(row for row in history if row.kind == "~")
    assert closed.changes[0].field == "jusqu'au" and closed.changes[0].new == "31/12/2026"
    assert closed.reason == "Remplacée à partir du 01/01/2027"


def test_the_past_is_never_edited_in_place(client, make_user):
    client.force_login(make_user(Role.HR))
    before = list(SmicRate.objects.values_list("valid_from", "valid_to", "monthly"))
    response = client.post(
        table_url("smic"),
        {"valid_from": "2021-06-01", "hourly": "10.30", "monthly": "1560", "verified": "on"},
    )
    assert response.status_code == 200
    assert "ne se modifie pas" in response.context["form"].errors["valid_from"][0]
    assert list(SmicRate.objects.values_list("valid_from", "valid_to", "monthly")) == before


def test_bad_input_is_told_next_to_the_field(client, make_user):
    client.force_login(make_user(Role.HR))
    response = client.post(
        table_url("smic"),
        {"valid_from": "2027-01-01", "valid_to": "2026-12-01", "hourly": "abc", "monthly": ""},
    )
    errors = response.context["form"].errors
    assert set(errors) >= {"hourly", "monthly", "valid_to"}
    assert not SmicRate.objects.filter(valid_from=date(2027, 1, 1)).exists()


def test_a_value_to_come_can_be_withdrawn_and_the_previous_one_runs_on(client, make_user):
    client.force_login(make_user(Role.SOCIAL_ACTION))
    start = TODAY + timedelta(days=30)
    response = client.post(
        table_url("parametres-action-sociale"),
        {
            "key": "social_action.request_sla_days",
            "valid_from": start.isoformat(),
            "value": "10",
            "verified": "on",
        },
    )
    assert response.status_code == 302
    future = Parameter.objects.get(key="social_action.request_sla_days", valid_from=start)
    current = Parameter.objects.get(
        key="social_action.request_sla_days", valid_from=date(2000, 1, 1)
    )
    assert current.valid_to == start - timedelta(days=1)
    page = client.get(table_url("parametres-action-sociale"))
    row = next(r for r in page.context["rows"] if r["row"] == future)
    assert row["is_future"] and not row["is_current"]
    client.post(reverse("refdata:withdraw", args=["parametres-action-sociale", future.pk]))
    assert not Parameter.objects.filter(pk=future.pk).exists()
    current.refresh_from_db()
    assert current.valid_to is None
    # a value in force cannot be withdrawn
    response = client.post(
        reverse("refdata:withdraw", args=["parametres-action-sociale", current.pk]), follow=True
    )
    assert "Seule une valeur qui n&#x27;est pas encore en vigueur" in response.content.decode()
    assert Parameter.objects.filter(pk=current.pk).exists()


def test_an_owner_cannot_reach_another_owners_rows(client, make_user):
    hr_row = Parameter.objects.get(key="hr.contract_end_notice_days")
    client.force_login(make_user(Role.SOCIAL_ACTION))
    url = reverse("refdata:withdraw", args=["parametres-action-sociale", hr_row.pk])
    assert client.post(url).status_code == 404
    keys = [
        r["row"].key for r in client.get(table_url("parametres-action-sociale")).context["rows"]
    ]
    assert keys and all(key.startswith("social_action.") for key in keys)


def test_a_parameter_changes_what_the_pages_say(client, make_user):
    from tests.factories import ContractFactory, EmployeeFactory

    hr = make_user(Role.HR)
    ContractFactory(
        employee=EmployeeFactory(),
        kind="cdd",
        start=date(2020, 1, 1),
        end=TODAY + timedelta(days=80),
    )
    client.force_login(hr)
    assert "se termine dans les" not in client.get(reverse("home")).content.decode()
    client.post(
        table_url("parametres-rh"),
        {
            "key": "hr.contract_end_notice_days",
            "valid_from": TODAY.isoformat(),
            "value": "90",
            "verified": "on",
        },
    )
    assert "1 contrat se termine dans les 90 jours" in client.get(reverse("home")).content.decode()


def test_the_database_refuses_overlapping_periods():
    PayBenchmarkFactory(category="A", valid_from=date(2030, 1, 1), minimum_gross_monthly=3000)
    with pytest.raises(IntegrityError), transaction.atomic():
        PayBenchmark.objects.create(
            category="A", valid_from=date(2030, 6, 1), minimum_gross_monthly=3100
        )
    # another category is another series
    PayBenchmark.objects.create(
        category="B", valid_from=date(2030, 6, 1), minimum_gross_monthly=2500
    )


def test_the_model_says_it_in_french():
    from django.core.exceptions import ValidationError

    PayBenchmarkFactory(category="A", valid_from=date(2030, 1, 1), minimum_gross_monthly=3000)
    clash = PayBenchmark(category="A", valid_from=date(2030, 6, 1), minimum_gross_monthly=3100)
    with pytest.raises(
        ValidationError, match="chevauche la valeur en vigueur depuis le 01/01/2030"
    ):
        clash.full_clean()


@pytest.mark.parametrize("rows", [5, 60])
def test_a_table_page_runs_a_constant_number_of_queries(
    client, make_user, rows, django_assert_num_queries
):
    IncomeBand.objects.filter(valid_from__gt=date(2019, 1, 1)).delete()
    for index in range(rows):
        IncomeBand.objects.create(
            valid_from=date(2040 + index, 1, 1),
            valid_to=date(2040 + index, 12, 31),
            household="couple",
            tax_shares=Decimal("9.5"),
            band1_max=1000 + index,
            band2_max=2000 + index,
        )
    client.force_login(make_user(Role.SOCIAL_ACTION))
    # session, user, roles (2), count, page, history
    with django_assert_num_queries(7):
        response = client.get(table_url("tranches-cesu"))
    assert response.status_code == 200


def test_in_a_request_parameters_are_read_once_and_a_change_is_seen(
    django_assert_num_queries,
):
    """« Mon espace » reads parameters of several apps at several dates: one query for
    all of them, none in the next requests while the table is unchanged."""
    from imtsocial.refdata.parameters import request_scope
    from social_action.parameters import AEEH_MAX_AGE, CESU_MAX_AGE

    day = timezone.localdate()
    cesu, aeeh = CESU_MAX_AGE.at(day), AEEH_MAX_AGE.at(day)
    with request_scope(), django_assert_num_queries(1):
        assert (CESU_MAX_AGE.at(day), AEEH_MAX_AGE.at(day)) == (cesu, aeeh)
        assert CESU_MAX_AGE.at(day) == cesu  # the second read costs nothing
        assert CESU_MAX_AGE.at(day - timedelta(days=2)) == cesu  # another day too
    with request_scope(), django_assert_num_queries(0):  # the next request: from the cache
        assert CESU_MAX_AGE.at(day) == cesu
    with request_scope():
        # a new value saved during a request is read again, not the memo's
        row = Parameter.objects.get_in_force(day, key=CESU_MAX_AGE.key)
        row.value = Decimal(cesu + 1)
        row.save()
        assert CESU_MAX_AGE.at(day) == cesu + 1
    with request_scope():  # and by the next requests (the cached rows moved on)
        assert CESU_MAX_AGE.at(day) == cesu + 1
    # outside a request, nothing is kept: every read asks the database
    with django_assert_num_queries(2):
        CESU_MAX_AGE.at(day)
        CESU_MAX_AGE.at(day)
