"""Telework and equipment write services: state check, write, history, notification.

The final decision on a telework request belongs to HR by default; set
``TELEWORK_FINAL_DECIDER = "director"`` in the Django settings to give it to the
director instead (``final_decider_role``).
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hr.models import Employee
from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role, employee_of, has_role, members_of
from telework import rules
from telework.enums import LIVE_STATUSES, AssetState, FinalDecider, RequestStatus
from telework.models import Asset, ExceptionalRegime, Loan, TeleworkRequest, TeleworkRule


class TeleworkError(Exception):
    """A refused action; ``messages`` are French, shown as they are."""

    def __init__(self, *messages: str):
        super().__init__(" ".join(str(m) for m in messages))
        self.messages = [str(m) for m in messages]


def final_decider_role() -> Role:
    value = getattr(settings, "TELEWORK_FINAL_DECIDER", FinalDecider.HR)
    return Role.DIRECTOR if value == FinalDecider.DIRECTOR else Role.HR


# The state machine of a request: action → (states it may start from, resulting state).
TRANSITIONS = {
    "submit": ({RequestStatus.DRAFT}, RequestStatus.SUBMITTED),
    "manager_approve": ({RequestStatus.SUBMITTED}, RequestStatus.MANAGER_APPROVED),
    "manager_reject": ({RequestStatus.SUBMITTED}, RequestStatus.REJECTED),
    "approve": ({RequestStatus.MANAGER_APPROVED}, RequestStatus.APPROVED),
    "reject": ({RequestStatus.MANAGER_APPROVED}, RequestStatus.REJECTED),
    "withdraw": (
        {RequestStatus.DRAFT, RequestStatus.SUBMITTED, RequestStatus.MANAGER_APPROVED},
        RequestStatus.WITHDRAWN,
    ),
}


def _transition(request: TeleworkRequest, action: str) -> None:
    sources, target = TRANSITIONS[action]
    if request.status not in sources:
        raise TeleworkError(
            _("Cette demande est « %(status)s » : cette action n'est plus possible.")
            % {"status": request.get_status_display()}
        )
    request.status = target
    request.version += 1


def _lock(request: TeleworkRequest, version) -> TeleworkRequest:
    locked = (
        TeleworkRequest.objects.select_for_update().select_related("employee").get(pk=request.pk)
    )
    if version is not None and int(version) != locked.version:
        raise TeleworkError(
            _(
                "Cette demande a été modifiée par quelqu'un d'autre depuis que vous l'avez "
                "ouverte. Rechargez la page."
            )
        )
    return locked


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
    rule = TeleworkRule.objects.in_force(proposal.start) if proposal.start else None
    problems = rules.broken_rules(proposal, rule)
    if problems:
        raise TeleworkError(*problems)
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
            }
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
    _transition(request, "submit")
    request.submitted_at = timezone.now()
    if request.manager_id is None:  # nobody above: straight to the final decision
        _transition(request, "manager_approve")
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
    version=None,
) -> TeleworkRequest:
    request = _lock(request, version)
    _check_not_own(request, by)
    own = employee_of(by)
    if own is None or request.manager_id != own.pk:
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
    version=None,
) -> TeleworkRequest:
    request = _lock(request, version)
    _check_not_own(request, by)
    if not has_role(by, final_decider_role()):
        raise TeleworkError(
            _("La décision finale revient à : %(role)s.") % {"role": final_decider_role().label}
        )
    _decide(request, approve, refusal_reason, interview_on, step="final")
    request.decided_by, request.decided_at = by, timezone.now()
    request._history_user = by
    request.save()
    _notify(request, request.status)
    return request


def _decide(request, approve, refusal_reason, interview_on, *, step):
    if not approve:
        problems = []
        if not refusal_reason.strip():
            problems.append(_("Un refus doit être motivé."))
        if interview_on is None:
            problems.append(_("Un refus suppose un entretien préalable : indiquez sa date."))
        if problems:
            raise TeleworkError(*problems)
        request.refusal_reason, request.interview_on = refusal_reason.strip(), interview_on
    action = {
        ("manager", True): "manager_approve",
        ("manager", False): "manager_reject",
        ("final", True): "approve",
        ("final", False): "reject",
    }[(step, approve)]
    _transition(request, action)


@transaction.atomic
def telework_request_withdraw(*, request: TeleworkRequest, by: User) -> TeleworkRequest:
    request = _lock(request, None)
    if request.employee.user_id != by.pk:
        raise TeleworkError(_("Seul l'agent qui a déposé la demande peut la retirer."))
    _transition(request, "withdraw")
    request.withdrawn_at = timezone.now()
    request._history_user = by
    request.save()
    _notify(request, request.status)
    return request


def _notify(request: TeleworkRequest, event: str) -> None:
    from telework.tasks import notify_telework_request

    notify_telework_request.delay_on_commit(request.pk, str(event))


def _address(employee: Employee | None) -> str:
    if employee is None:
        return ""
    if employee.user_id and employee.user.email:
        return employee.user.email
    return employee.work_email


def telework_request_send_notification(*, request: TeleworkRequest, event: str) -> int:
    """E-mail the people concerned by ``event``; never the reason of the request."""
    url = settings.SITE_URL.rstrip("/") + request.get_absolute_url()
    params = {
        "name": request.employee.full_name,
        "start": request.start.strftime("%d/%m/%Y"),
        "end": request.end.strftime("%d/%m/%Y"),
        "url": url,
    }
    employee_text = {
        RequestStatus.SUBMITTED: _(
            "Votre demande de télétravail a été transmise à votre responsable."
        ),
        RequestStatus.MANAGER_APPROVED: _(
            "Votre responsable a donné un avis favorable ; la décision finale est en cours."
        )
        if request.manager_id
        else _("Votre demande de télétravail est transmise pour décision."),
        RequestStatus.APPROVED: _("Votre demande de télétravail est autorisée."),
        RequestStatus.REJECTED: _("Votre demande de télétravail est refusée."),
        RequestStatus.WITHDRAWN: _("Vous avez retiré votre demande de télétravail."),
    }.get(event)
    if employee_text is None:
        return 0
    messages = [
        (
            [_address(request.employee)],
            _("Télétravail : %(status)s") % {"status": RequestStatus(event).label.lower()},
            employee_text,
        )
    ]
    if event == RequestStatus.SUBMITTED and request.manager_id:
        messages.append(
            (
                [_address(request.manager)],
                _("Télétravail : demande de %(name)s à examiner") % params,
                _("%(name)s demande à télétravailler du %(start)s au %(end)s.") % params,
            )
        )
    if event == RequestStatus.MANAGER_APPROVED:
        deciders = [
            u.email for u in members_of(final_decider_role()) if u.pk != request.employee.user_id
        ]
        messages.append(
            (
                deciders,
                _("Télétravail : décision à prendre pour %(name)s") % params,
                _("La demande de %(name)s (du %(start)s au %(end)s) attend votre décision.")
                % params,
            )
        )
    if event in (RequestStatus.APPROVED, RequestStatus.REJECTED, RequestStatus.WITHDRAWN) and (
        request.manager_id
    ):
        messages.append(
            (
                [_address(request.manager)],
                _("Télétravail de %(name)s : %(status)s")
                % {**params, "status": RequestStatus(event).label.lower()},
                _("Demande du %(start)s au %(end)s.") % params,
            )
        )
    sent = 0
    for recipients, subject, text in messages:
        recipients = [r for r in recipients if r]
        if recipients:
            body = f"{text}\n\n{_('Voir la demande :')} {url}\n"
            sent += send_mail(subject, body, None, recipients)
    return sent


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
    current = Asset.objects.select_for_update().values_list("version", flat=True).get(pk=asset.pk)
    if version is None or int(version) != current:
        raise TeleworkError(
            _("Cet équipement a été modifié par quelqu'un d'autre entre-temps. Rechargez la page.")
        )
    asset.version = current + 1
    asset._history_user = by
    asset.save()
    return asset


@transaction.atomic
def loan_checkout(
    *, asset: Asset, employee: Employee, out_on: date, due_on: date, by: User
) -> Loan:
    """Lend ``asset``: the asset row is locked, so of two IT agents lending it at
    once one wins and the other is told it is already out."""
    asset = Asset.objects.select_for_update().get(pk=asset.pk)
    if due_on < out_on:
        raise TeleworkError(_("La date de retour prévue précède la date de prêt."))
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
        raise TeleworkError(_("Cet agent n'est pas en poste à la date du prêt."))
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
    asset.version += 1
    asset._history_user = by
    asset.save(update_fields=["state", "version"])
    return loan


@transaction.atomic
def loan_checkin(
    *, loan: Loan, returned_on: date, condition: str, notes: str = "", by: User
) -> Loan:
    loan = Loan.objects.select_for_update().select_related("asset").get(pk=loan.pk)
    if loan.returned_on is not None:
        raise TeleworkError(_("Ce prêt est déjà clos."))
    if returned_on < loan.out_on:
        raise TeleworkError(_("La date de retour précède la date de prêt."))
    loan.returned_on, loan.return_condition, loan.return_notes = returned_on, condition, notes
    loan.received_by = by
    loan._history_user = by
    loan.save()
    asset = Asset.objects.select_for_update().get(pk=loan.asset_id)
    asset.state = AssetState.REPAIR if condition == "damaged" else AssetState.IN_STOCK
    asset.version += 1
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


REMINDER_INTERVAL_DAYS = 7  # a loan is reminded at most once every 7 days


def loans_remind_overdue(*, at: date) -> int:
    """E-mail each borrower of an overdue loan (once per week at most); idempotent."""
    since = at - timedelta(days=REMINDER_INTERVAL_DAYS)
    sent = 0
    loans = (
        Loan.objects.overdue(at)
        .exclude(last_reminder_on__gt=since)
        .select_related("asset", "employee__user")
        .order_by("pk")
    )
    for loan in loans:
        with transaction.atomic():
            locked = Loan.objects.select_for_update().filter(pk=loan.pk).first()
            if (
                locked is None
                or locked.returned_on
                or (locked.last_reminder_on and locked.last_reminder_on > since)
            ):
                continue
            address = _address(loan.employee)
            if address:
                url = settings.SITE_URL.rstrip("/") + reverse("telework:my_loans")
                send_mail(
                    _("Équipement à rendre : %(asset)s") % {"asset": loan.asset},
                    _(
                        "Le prêt de l'équipement %(asset)s devait se terminer le %(due)s. "
                        "Merci de le rapporter au pôle informatique "
                        "ou de demander une prolongation."
                    )
                    % {"asset": loan.asset, "due": loan.due_on.strftime("%d/%m/%Y")}
                    + f"\n\n{url}\n",
                    None,
                    [address],
                )
                sent += 1
            Loan.objects.filter(pk=loan.pk).update(last_reminder_on=at)
    return sent
