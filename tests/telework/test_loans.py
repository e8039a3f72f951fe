"""Equipment loans: check-out, check-in, agreement, the one-open-loan rule (also
under a race on PostgreSQL), overdue reminders (service and a real worker)."""

import threading
from datetime import date

import pytest
from django.core import mail
from django.db import IntegrityError, connection, transaction

from imtsocial.accounts.roles import Role
from telework import notifications, services
from telework.enums import AssetState
from telework.models import Asset, Loan
from telework.tasks import remind_overdue_loans
from tests.factories import EmployeeFactory
from tests.telework.factories import AssetFactory, LoanFactory

OUT, DUE = date(2026, 1, 5), date(2026, 6, 30)


@pytest.fixture
def it_user(make_user):
    return make_user(Role.IT)


@pytest.mark.django_db
def test_checkout_accept_checkin(it_user):
    asset = AssetFactory()
    borrower = EmployeeFactory(with_login=True)
    loan = services.loan_checkout(
        asset=asset, employee=borrower, out_on=OUT, due_on=DUE, by=it_user
    )
    asset.refresh_from_db()
    assert (asset.state, loan.lent_by) == (AssetState.LENT, it_user)
    with pytest.raises(services.TeleworkError, match="Seul l'agent emprunteur"):
        services.loan_accept_agreement(loan=loan, by=it_user)
    services.loan_accept_agreement(loan=loan, by=borrower.user)
    loan.refresh_from_db()
    assert loan.agreement_accepted_by == borrower.user
    assert loan.agreement_accepted_at is not None
    services.loan_checkin(loan=loan, returned_on=date(2026, 3, 1), condition="good", by=it_user)
    asset.refresh_from_db()
    loan.refresh_from_db()
    assert (asset.state, loan.returned_on, loan.received_by) == (
        AssetState.IN_STOCK,
        date(2026, 3, 1),
        it_user,
    )
    with pytest.raises(services.TeleworkError, match="déjà clos"):
        services.loan_checkin(loan=loan, returned_on=date(2026, 3, 2), condition="good", by=it_user)


@pytest.mark.django_db
def test_damaged_return_sends_the_asset_to_repair(it_user):
    loan = LoanFactory()
    services.loan_checkin(loan=loan, returned_on=date(2026, 2, 1), condition="damaged", by=it_user)
    loan.asset.refresh_from_db()
    assert loan.asset.state == AssetState.REPAIR


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("state", "message"),
    [
        (AssetState.LENT, "déjà prêté"),
        (AssetState.RETIRED, "Réformé"),
        (AssetState.REPAIR, "En réparation"),
    ],
)
def test_refused_checkouts_save_nothing(it_user, state, message):
    asset = AssetFactory(state=state)
    with pytest.raises(services.TeleworkError, match=message):
        services.loan_checkout(
            asset=asset, employee=EmployeeFactory(), out_on=OUT, due_on=DUE, by=it_user
        )
    assert not Loan.objects.exists()


@pytest.mark.django_db
def test_due_before_out_is_refused(it_user):
    with pytest.raises(services.TeleworkError, match="précède"):
        services.loan_checkout(
            asset=AssetFactory(), employee=EmployeeFactory(), out_on=DUE, due_on=OUT, by=it_user
        )
    assert not Loan.objects.exists()


@pytest.mark.django_db
def test_database_refuses_a_second_open_loan():
    loan = LoanFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Loan.objects.create(asset=loan.asset, employee=loan.employee, out_on=OUT, due_on=DUE)
    Loan.objects.filter(pk=loan.pk).update(returned_on=date(2026, 2, 1))
    Loan.objects.create(asset=loan.asset, employee=loan.employee, out_on=OUT, due_on=DUE)


@pytest.mark.django_db(transaction=True)
def test_two_it_agents_lend_the_same_asset_at_once(make_user):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    first, second = make_user(Role.IT), make_user(Role.IT)
    asset = AssetFactory()
    borrowers = [EmployeeFactory(), EmployeeFactory()]
    barrier = threading.Barrier(2)
    outcomes = []

    def lend(user, employee):
        barrier.wait()
        try:
            services.loan_checkout(asset=asset, employee=employee, out_on=OUT, due_on=DUE, by=user)
            outcomes.append("ok")
        except services.TeleworkError as exc:
            outcomes.append(exc.messages[0])
        finally:
            connection.close()

    threads = [
        threading.Thread(target=lend, args=(user, employee))
        for user, employee in zip((first, second), borrowers, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == sorted(
        ["ok", f"L'équipement {asset.tag} est déjà prêté : enregistrez d'abord son retour."]
    )
    assert Loan.objects.filter(asset=asset, returned_on__isnull=True).count() == 1
    assert Asset.objects.get(pk=asset.pk).state == AssetState.LENT


@pytest.mark.django_db
def test_overdue_reminder_is_weekly_and_idempotent():
    overdue = LoanFactory(due_on=date(2026, 3, 1), employee__user__email="late@example.fr")
    LoanFactory(due_on=date(2026, 4, 1))  # not yet due
    LoanFactory(
        due_on=date(2026, 2, 1), returned_on=date(2026, 2, 1), asset__state="in_stock"
    )  # returned
    assert notifications.loans_remind_overdue(at=date(2026, 3, 10)) == 1
    assert [m.to for m in mail.outbox] == [["late@example.fr"]]
    assert "01/03/2026" in mail.outbox[0].body
    assert notifications.loans_remind_overdue(at=date(2026, 3, 10)) == 0  # same day: nothing
    assert notifications.loans_remind_overdue(at=date(2026, 3, 16)) == 0  # 6 days later: nothing
    assert notifications.loans_remind_overdue(at=date(2026, 3, 17)) == 1  # a week later: again
    overdue.refresh_from_db()
    assert overdue.last_reminder_on == date(2026, 3, 17)


@pytest.mark.services
def test_overdue_reminder_task_runs_in_a_real_worker(celery_worker, transactional_db):
    LoanFactory(
        out_on=date(2020, 1, 6), due_on=date(2020, 1, 31), employee__user__email="retard@example.fr"
    )
    assert remind_overdue_loans.delay().get(timeout=20) == 1
    assert [m.to for m in mail.outbox] == [["retard@example.fr"]]
    assert remind_overdue_loans.delay().get(timeout=20) == 0
