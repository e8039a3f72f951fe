"""Telework e-mails: the steps of a request, reminders of overdue loans.

Called by ``telework.tasks`` with records reloaded by primary key. A request's
e-mails never carry its reason (a derogation is special-category data).
"""

from datetime import date, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from imtsocial.accounts.roles import members_of
from imtsocial.formats import elide
from imtsocial.notifications import absolute_url, email_of, send_email
from telework import perms
from telework.enums import RequestStatus
from telework.models import Loan, TeleworkRequest

# A loan is reminded at most once in this many days (the reminder task runs weekly).
REMINDER_INTERVAL_DAYS = 7


def _employee_text(request: TeleworkRequest, event: str) -> str | None:
    return {
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


def telework_request_step(*, request: TeleworkRequest, event: str) -> int:
    """E-mail the people concerned by ``event`` (a status reached); returns the count sent."""
    employee_text = _employee_text(request, event)
    if employee_text is None:
        return 0
    params = {
        "name": request.employee.full_name,
        "start": request.start.strftime("%d/%m/%Y"),
        "end": request.end.strftime("%d/%m/%Y"),
    }
    status = RequestStatus(event).label.lower()
    messages = [
        (
            [email_of(request.employee)],
            _("Télétravail : %(status)s") % {"status": status},
            employee_text,
        )
    ]
    if event == RequestStatus.SUBMITTED and request.manager_id:
        messages.append(
            (
                [email_of(request.manager)],
                elide(_("Télétravail : demande de %(name)s à examiner") % params, params["name"]),
                _("%(name)s demande à télétravailler du %(start)s au %(end)s.") % params,
            )
        )
    if event == RequestStatus.MANAGER_APPROVED:
        deciders = [
            user.email
            for user in members_of(perms.final_decider_role())
            if user.pk != request.employee.user_id
        ]
        messages.append(
            (
                deciders,
                _("Télétravail : décision à prendre pour %(name)s") % params,
                elide(
                    _("La demande de %(name)s (du %(start)s au %(end)s) attend votre décision.")
                    % params,
                    params["name"],
                ),
            )
        )
    closing = (RequestStatus.APPROVED, RequestStatus.REJECTED, RequestStatus.WITHDRAWN)
    if event in closing and request.manager_id:
        messages.append(
            (
                [email_of(request.manager)],
                elide(
                    _("Télétravail de %(name)s : %(status)s") % {**params, "status": status},
                    params["name"],
                ),
                _("Demande du %(start)s au %(end)s.") % params,
            )
        )
    link = f"{_('Voir la demande :')} {absolute_url(request.get_absolute_url())}"
    return sum(
        send_email(recipients, subject, text, link=link) for recipients, subject, text in messages
    )


def loans_remind_overdue(*, at: date) -> int:
    """E-mail each borrower of an overdue loan (once per ``REMINDER_INTERVAL_DAYS`` at most).

    Idempotent: a loan reminded since ``at - REMINDER_INTERVAL_DAYS`` is skipped, and
    each loan is marked under a row lock, so two runs at once send one e-mail."""
    since = at - timedelta(days=REMINDER_INTERVAL_DAYS)
    loans = (
        Loan.objects.overdue(at)
        .exclude(last_reminder_on__gt=since)
        .select_related("asset", "employee__user")
        .order_by("pk")
    )
    link = absolute_url(reverse("telework:my_loans"))
    sent = 0
    for loan in loans:
        with transaction.atomic():
            locked = Loan.objects.select_for_update().filter(pk=loan.pk).first()
            if (
                locked is None
                or locked.returned_on
                or (locked.last_reminder_on and locked.last_reminder_on > since)
            ):
                continue
            sent += send_email(
                [email_of(loan.employee)],
                _("Équipement à rendre : %(asset)s") % {"asset": loan.asset},
                _(
                    "Le prêt de l'équipement %(asset)s devait se terminer le %(due)s. "
                    "Merci de le rapporter au pôle informatique "
                    "ou de demander une prolongation."
                )
                % {"asset": loan.asset, "due": loan.due_on.strftime("%d/%m/%Y")},
                link=link,
            )
            Loan.objects.filter(pk=loan.pk).update(last_reminder_on=at)
    return sent


def loan_recorded(*, loan: Loan) -> int:
    """Content-free: a loan was recorded for the borrower, who must accept its agreement."""
    return send_email(
        [email_of(loan.employee)],
        _("[imtsocial] Un prêt d'équipement est enregistré à votre nom"),
        _(
            "Bonjour,\n\nLe pôle informatique a enregistré un prêt d'équipement à votre nom.\n"
            "Connectez-vous à l'intranet pour lire et accepter la convention de prêt."
        ),
        link=absolute_url(reverse("telework:my_loans")),
    )
