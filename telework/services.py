"""Telework and equipment write services: state check, write, history, notification.

The final decision on a telework request belongs to HR by default; set
``TELEWORK_FINAL_DECIDER = "director"`` in the Django settings to give it to the
director instead (``perms.final_decider_role``). The life of a request is the
table ``telework.enums.REQUEST_FLOW``.
"""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hr.models import Employee
from imtsocial.accounts.models import User
from imtsocial.errors import DomainError
from imtsocial.locking import ANY, bump_version, lock
from telework import perms, rules, tasks
from telework.enums import LIVE_STATUSES, REQUEST_FLOW, AssetState, ReturnCondition
from telework.models import Asset, ExceptionalRegime, Loan, TeleworkRequest, TeleworkRule


class TeleworkError(DomainError):
    """A refused telework or equipment action."""


def _lock(request: TeleworkRequest, version=ANY) -> TeleworkRequest:
    return lock(TeleworkRequest.objects.select_related("employee"), request.pk, version=version)


def proposal_of(request: TeleworkRequest) -> rules.Proposal:
    return rules.Proposal(
        start=request.start,
        end=request.end,
        reason=request.reason,
        fixed_days=request.weekdays,
        floating_days=request.floating_days,
        floating_period=request.floating_period,
        physician_opinion_received=request.physician_opinion_received,
        physician_opinion_date=request.physician_opinion_date,
    )


@transaction.atomic
def telework_request_create(
    *, employee: Employee, proposal: rules.Proposal, by: User, renewed_from=None
) -> TeleworkRequest:
    """Check the rules and the overlap (under a lock on the person), then submit."""
    Employee.objects.select_for_update().filter(pk=employee.pk).first()
    rule = TeleworkRule.objects.get_in_force(proposal.start) if proposal.start else None
    problems = rules.broken_rules_by_field(proposal, rule)
    if problems:
        raise TeleworkError.from_dict(problems)
    clash = (
        TeleworkRequest.objects.filter(employee=employee, status__in=LIVE_STATUSES)
        .overlapping(proposal.start, proposal.end)
        .order_by("start")
        .first()
    )
    if clash is not None:
        raise TeleworkError(
            _(
                "Une autre demande (%(status)s, du %(start)s au %(end)s) couvre déjà une partie "
                "de cette période : retirez-la ou choisissez d'autres dates."
            )
            % {
                "status": clash.get_status_display().lower(),
                "start": clash.start.strftime("%d/%m/%Y"),
                "end": clash.end.strftime("%d/%m/%Y"),
            },
            field="start",
        )
    request = TeleworkRequest(
        employee=employee,
        fixed_days=",".join(str(d) for d in sorted(set(proposal.fixed_days))),
        floating_days=proposal.floating_days,
        floating_period=proposal.floating_period,
        days_per_week=rules.days_per_week(proposal, rule),
        start=proposal.start,
        end=proposal.end,
        reason=proposal.reason,
        physician_opinion_received=proposal.physician_opinion_received,
        physician_opinion_date=proposal.physician_opinion_date,
        manager=employee.manager,
        renewed_from=renewed_from,
    )
    REQUEST_FLOW.apply(request, "submit")
    request.submitted_at = timezone.now()
    if request.manager_id is None:  # nobody above: straight to the final decision
        REQUEST_FLOW.apply(request, "manager_approve")
    request._history_user = by
    request.save()
    _notify(request, request.status)
    return request


def renewal_proposal(request: TeleworkRequest) -> rules.Proposal:
    """The same arrangement for a period of the same length starting the day after."""
    length = request.end - request.start
    start = request.end + timedelta(days=1)
    proposal = proposal_of(request)
    proposal.start, proposal.end = start, start + length
    return proposal


def _check_not_own(request: TeleworkRequest, by: User) -> None:
    if request.employee.user_id == by.pk:
        raise TeleworkError(_("Vous ne pouvez pas statuer sur votre propre demande."))


@transaction.atomic
def telework_request_manager_decide(
    *,
    request: TeleworkRequest,
    approve: bool,
    by: User,
    refusal_reason: str = "",
    interview_on: date | None = None,
    version=ANY,
) -> TeleworkRequest:
    request = _lock(request, version)
    _check_not_own(request, by)
    if not perms.is_reviewing_manager(by, request):
        raise TeleworkError(_("Seul le responsable hiérarchique de l'agent donne le premier avis."))
    _decide(request, approve, refusal_reason, interview_on, step="manager")
    request.manager_decided_by, request.manager_decided_at = by, timezone.now()
    request._history_user = by
    request.save()
    _notify(request, request.status)
    return request


@transaction.atomic
def telework_request_final_decide(
    *,
    request: TeleworkRequest,
    approve: bool,
    by: User,
    refusal_reason: str = "",
    interview_on: date | None = None,
    version=ANY,
) -> TeleworkRequest:
    request = _lock(request, version)
    _check_not_own(request, by)
    if not perms.is_final_decider(by):
        raise TeleworkError(
            _("La décision finale revient à : %(role)s.")
            % {"role": perms.final_decider_role().label}
        )
    _decide(request, approve, refusal_reason, interview_on, step="final")
    request.decided_by, request.decided_at = by, timezone.now()
    request._history_user = by
    request.save()
    _notify(request, request.status)
    return request


def _decide(request, approve, refusal_reason, interview_on, *, step):
    if not approve:
        problems = {}
        if not refusal_reason.strip():
            problems["refusal_reason"] = [_("Un refus doit être motivé.")]
        if interview_on is None:
            problems["interview_on"] = [
                _("Un refus suppose un entretien préalable : indiquez sa date.")
            ]
        if problems:
            raise TeleworkError.from_dict(problems)
        request.refusal_reason, request.interview_on = refusal_reason.strip(), interview_on
    action = {
        ("manager", True): "manager_approve",
        ("manager", False): "manager_reject",
        ("final", True): "approve",
        ("final", False): "reject",
    }[(step, approve)]
    REQUEST_FLOW.apply(request, action)


@transaction.atomic
def telework_request_withdraw(
    *, request: TeleworkRequest, by: User, version=ANY
) -> TeleworkRequest:
    request = _lock(request, version)
    if not perms.is_requester(by, request):
        raise TeleworkError(_("Seul l'agent qui a déposé la demande peut la retirer."))
    REQUEST_FLOW.apply(request, "withdraw")
    request.withdrawn_at = timezone.now()
    request._history_user = by
    request.save()
    _notify(request, request.status)
    return request


def _notify(request: TeleworkRequest, event: str) -> None:
    tasks.notify_telework_request.delay_on_commit(request.pk, str(event))


# Exceptional regime ----------------------------------------------------------


@transaction.atomic
def exceptional_regime_declare(
    *, name: str, start: date, end: date, description: str, by: User
) -> ExceptionalRegime:
    if end < start:
        raise TeleworkError(_("La date de fin précède la date de début."))
    list(ExceptionalRegime.objects.select_for_update().all())  # serialise declarations
    if ExceptionalRegime.objects.filter(start__lte=end, end__gte=start).exists():
        raise TeleworkError(_("Un régime exceptionnel couvre déjà une partie de cette période."))
    regime = ExceptionalRegime(
        name=name, start=start, end=end, description=description, declared_by=by
    )
    regime._history_user = by
    regime.save()
    return regime


# Equipment -------------------------------------------------------------------


@transaction.atomic
def asset_update(*, asset: Asset, version, by: User) -> Asset:
    bump_version(asset, version=version)
    asset._history_user = by
    asset.save()
    return asset


@transaction.atomic
def loan_checkout(
    *, asset: Asset, employee: Employee, out_on: date, due_on: date, by: User
) -> Loan:
    """Lend ``asset``: the asset row is locked, so of two IT agents lending it at
    once one wins and the other is told it is already out."""
    asset = lock(Asset, asset.pk)
    if due_on < out_on:
        raise TeleworkError(_("La date de retour prévue précède la date de prêt."), field="due_on")
    if asset.state == AssetState.LENT or Loan.objects.open().filter(asset=asset).exists():
        raise TeleworkError(
            _("L'équipement %(tag)s est déjà prêté : enregistrez d'abord son retour.")
            % {"tag": asset.tag}
        )
    if asset.state != AssetState.IN_STOCK:
        raise TeleworkError(
            _("L'équipement %(tag)s est « %(state)s » : il ne peut pas être prêté.")
            % {"tag": asset.tag, "state": asset.get_state_display()}
        )
    if not employee.is_active_at(out_on):
        raise TeleworkError(
            _("Cet agent n'est pas en poste à la date du prêt."), field="employee_number"
        )
    loan = Loan(asset=asset, employee=employee, out_on=out_on, due_on=due_on, lent_by=by)
    loan._history_user = by
    try:
        with transaction.atomic():
            loan.save()
    except IntegrityError as exc:  # the partial unique index, as a last guard
        raise TeleworkError(
            _("L'équipement %(tag)s est déjà prêté : enregistrez d'abord son retour.")
            % {"tag": asset.tag}
        ) from exc
    asset.state = AssetState.LENT
    asset._history_user = by
    asset.save(update_fields=["state", "version"])
    # The borrower is told (content-free) that a loan awaits their agreement.
    tasks.notify_loan_recorded.delay_on_commit(loan.pk)
    return loan


@transaction.atomic
def loan_checkin(
    *, loan: Loan, returned_on: date, condition: str, notes: str = "", by: User
) -> Loan:
    loan = Loan.objects.select_for_update().select_related("asset").get(pk=loan.pk)
    if loan.returned_on is not None:
        raise TeleworkError(_("Ce prêt est déjà clos."))
    if returned_on < loan.out_on:
        raise TeleworkError(_("La date de retour précède la date de prêt."), field="returned_on")
    loan.returned_on, loan.return_condition, loan.return_notes = returned_on, condition, notes
    loan.received_by = by
    loan._history_user = by
    loan.save()
    asset = lock(Asset, loan.asset_id)
    asset.state = AssetState.REPAIR if condition == ReturnCondition.DAMAGED else AssetState.IN_STOCK
    asset._history_user = by
    asset.save(update_fields=["state", "version"])
    return loan


@transaction.atomic
def loan_accept_agreement(*, loan: Loan, by: User) -> Loan:
    loan = Loan.objects.select_for_update().select_related("employee").get(pk=loan.pk)
    if loan.employee.user_id != by.pk:
        raise TeleworkError(_("Seul l'agent emprunteur accepte la convention de prêt."))
    if loan.agreement_accepted_at is not None:
        raise TeleworkError(_("La convention de ce prêt est déjà acceptée."))
    loan.agreement_accepted_at, loan.agreement_accepted_by = timezone.now(), by
    loan._history_user = by
    loan.save()
    return loan
