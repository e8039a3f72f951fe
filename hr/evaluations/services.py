"""Evaluation write services: the population of a campaign, then each step of an
interview — the state check (``INTERVIEW_FLOW``/``REVIEW_FLOW``), the actor check, the
rule of the step, the write, the history, the e-mail and the PDF."""

from datetime import date

from django.db import transaction
from django.db.models import Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hr.enums import ContractKind
from hr.evaluations import perms, tasks
from hr.evaluations.enums import (
    BEFORE_NOTIFICATION,
    INTERVIEW_FLOW,
    NOTIFIED_STATUSES,
    REVIEW_FLOW,
    Committee,
    InterviewStatus,
)
from hr.evaluations.models import REPORT_FIELDS, EvaluationCampaign, EvaluationInterview
from hr.evaluations.parameters import FIXED_TERM_MIN_MONTHS
from hr.models import Contract, Employee
from imtsocial import memo
from imtsocial.delays import add_months
from imtsocial.errors import DomainError
from imtsocial.locking import lock


class EvaluationError(DomainError):
    """A refused step of an evaluation interview."""


# Who the step belongs to, said when someone else tries it.
NOT_YOURS = {
    "plan": gettext_lazy("Seul le responsable direct de l'agent planifie son entretien."),
    "hold": gettext_lazy("Seul le responsable direct de l'agent conduit son entretien."),
    "write": gettext_lazy("Seul le responsable direct de l'agent rédige le compte rendu."),
    "notify": gettext_lazy("Seul le responsable direct de l'agent notifie le compte rendu."),
    "sign": gettext_lazy("Seul l'agent évalué signe son compte rendu."),
    "endorse": gettext_lazy("Seul le supérieur du responsable direct vise le compte rendu."),
    "request_review": gettext_lazy(
        "Seul l'agent évalué peut demander la révision de son compte rendu."
    ),
    "answer_review": gettext_lazy("Seul le responsable direct répond à la demande de révision."),
    "refer_committee": gettext_lazy("Seul l'agent évalué peut saisir la commission paritaire."),
}

COMMITTEE_OF_KIND = {
    ContractKind.TITULAIRE: Committee.CAP,
    ContractKind.CDI: Committee.CCP,
    ContractKind.CDD: Committee.CCP,
}


# The population of a campaign ------------------------------------------------------


def eligible_contracts(at: date) -> list[Contract]:
    """Contracts in force at ``at`` that put their holder in the campaign: civil servants,
    contract agents on a CDI, or on a CDD longer than ``FIXED_TERM_MIN_MONTHS`` (12: « plus
    d'un an »). PhD students and apprentices have their own follow-up and are not in it."""
    min_months = FIXED_TERM_MIN_MONTHS.at(at)
    contracts = (
        Contract.objects.in_force(at)
        .filter(kind__in=list(COMMITTEE_OF_KIND), employee__in=Employee.objects.active(at))
        .order_by("employee_id", "-start")
        .only("pk", "employee_id", "kind", "start", "end")
    )
    chosen: dict[int, Contract] = {}
    for contract in contracts:
        if contract.employee_id in chosen:
            continue
        if contract.kind == ContractKind.CDD and (
            contract.end is None or contract.end < add_months(contract.start, min_months)
        ):
            continue
        chosen[contract.employee_id] = contract
    return list(chosen.values())


@transaction.atomic
def campaign_open(*, year: int, deadline: date, by, at: date | None = None):
    """Open the campaign of ``year`` and create the interview of each eligible person."""
    at = at or timezone.localdate()
    if EvaluationCampaign.objects.filter(year=year).exists():
        raise EvaluationError(
            _("La campagne %(year)s est déjà ouverte.") % {"year": year}, field="year"
        )
    if deadline < at:
        raise EvaluationError(
            _("La date limite doit suivre l'ouverture de la campagne (%(date)s).")
            % {"date": at.strftime("%d/%m/%Y")},
            field="deadline",
        )
    campaign = EvaluationCampaign.objects.create(
        year=year, deadline=deadline, opened_on=at, opened_by=by
    )
    campaign_add_missing(campaign=campaign, at=at)
    return campaign


def campaign_add_missing(*, campaign: EvaluationCampaign, at: date | None = None) -> int:
    """Create the interviews of eligible people who have none yet (idempotent); the
    evaluator is the direct manager, the endorser the manager's own manager."""
    at = at or timezone.localdate()
    contracts = eligible_contracts(at)
    present = set(campaign.interviews.values_list("employee_id", flat=True))
    wanted = [c for c in contracts if c.employee_id not in present]
    hierarchy = dict(
        Employee.objects.filter(pk__in=[c.employee_id for c in wanted]).values_list(
            "pk", "manager_id"
        )
    )
    second = dict(
        Employee.objects.filter(pk__in=set(hierarchy.values()) - {None}).values_list(
            "pk", "manager_id"
        )
    )
    interviews = [
        EvaluationInterview(
            campaign=campaign,
            employee_id=c.employee_id,
            evaluator_id=hierarchy.get(c.employee_id),
            endorser_id=second.get(hierarchy.get(c.employee_id)),
            committee=COMMITTEE_OF_KIND[c.kind],
        )
        for c in wanted
    ]
    EvaluationInterview.objects.bulk_create(interviews, batch_size=1000)
    memo.touch(EvaluationInterview)  # no post_save on bulk_create
    return len(interviews)


def interviews_follow_hierarchy(sender, *, employee, previous_manager_id, **kwargs):
    """When a manager changes, the interviews not yet notified follow: the evaluator of
    the person's interview is their new direct manager, the endorser of the interviews
    they conduct their new manager (connected to ``hr.models.manager_changed``)."""
    open_ones = EvaluationInterview.objects.filter(status__in=BEFORE_NOTIFICATION)
    open_ones.filter(employee=employee).update(
        evaluator_id=employee.manager_id,
        endorser_id=Subquery(
            Employee.objects.filter(pk=employee.manager_id).values("manager_id")[:1]
        ),
    )
    EvaluationInterview.objects.exclude(status=InterviewStatus.ENDORSED).filter(
        evaluator=employee
    ).update(endorser_id=employee.manager_id)
    memo.touch(EvaluationInterview)  # update(): no post_save


def interviews_without_evaluator(campaign):
    """The campaign's people with no direct manager: HR must set one."""
    return campaign.interviews.filter(evaluator__isnull=True)


# The steps of an interview --------------------------------------------------------


def _start(interview, verb: str, *, by, version) -> EvaluationInterview:
    """Lock the row, check the state and the actor, move to the next state."""
    row = lock(
        EvaluationInterview.objects.select_related("campaign", "employee", "evaluator"),
        interview.pk,
        version=version,
    )
    machine = REVIEW_FLOW if verb in REVIEW_FLOW.transitions else INTERVIEW_FLOW
    if verb in ("write",) and row.report_locked:
        raise EvaluationError(
            _("Le compte rendu a été notifié : il ne se modifie plus."), field="results"
        )
    machine.check(row, verb)
    if machine is REVIEW_FLOW and row.status not in NOTIFIED_STATUSES:
        raise EvaluationError(_("La révision se demande une fois le compte rendu notifié."))
    if not machine.can(by, row, verb, perms.ACTORS):
        raise EvaluationError(str(NOT_YOURS[verb]))
    if verb in ("plan", "hold", "write", "notify") and (
        row.evaluator_id is None or row.evaluator_id != row.employee.manager_id
    ):
        raise EvaluationError(
            _(
                "L'évaluateur doit être le responsable direct de l'agent : les RH doivent "
                "mettre à jour la hiérarchie."
            )
        )
    machine.apply(row, verb)
    row._history_user = by
    return row


def _done(row, *, notify: str = "", pdf: bool = False) -> EvaluationInterview:
    row.save()
    if notify:
        tasks.notify_interview_changed.delay_on_commit(row.pk, notify)
    if pdf:
        tasks.render_interview_pdf.delay_on_commit(row.pk)
    return row


def _today() -> date:
    return timezone.localdate()


@transaction.atomic
def interview_plan(*, interview, scheduled_for: date, by, version) -> EvaluationInterview:
    """The date is given at least ``NOTICE_DAYS`` (8) days ahead: refused otherwise."""
    row = _start(interview, "plan", by=by, version=version)
    today = _today()
    earliest = EvaluationInterview.earliest_date(today)
    if scheduled_for < earliest:
        raise EvaluationError(
            _(
                "La date doit être communiquée à l'agent au moins %(days)s jours à l'avance : "
                "au plus tôt le %(date)s."
            )
            % {"days": (earliest - today).days, "date": earliest.strftime("%d/%m/%Y")},
            field="scheduled_for",
        )
    row.convened_on, row.scheduled_for = today, scheduled_for
    return _done(row, notify="employee")


@transaction.atomic
def interview_hold(*, interview, held_on: date, by, version) -> EvaluationInterview:
    row = _start(interview, "hold", by=by, version=version)
    if held_on > _today():
        raise EvaluationError(
            _("Un entretien ne peut pas être déclaré tenu à une date future."), field="held_on"
        )
    if row.convened_on and held_on < row.convened_on:
        raise EvaluationError(
            _("L'entretien ne peut pas avoir été tenu avant la convocation (%(date)s).")
            % {"date": row.convened_on.strftime("%d/%m/%Y")},
            field="held_on",
        )
    row.held_on = held_on
    return _done(row)


@transaction.atomic
def interview_write(*, interview, report: dict, by, version) -> EvaluationInterview:
    row = _start(interview, "write", by=by, version=version)
    missing = [name for name in REPORT_FIELDS if not (report.get(name) or "").strip()]
    if missing:
        raise EvaluationError.from_dict(
            {name: [_("Cette rubrique du compte rendu est obligatoire.")] for name in missing}
        )
    for name in REPORT_FIELDS:
        setattr(row, name, report[name].strip())
    return _done(row)


@transaction.atomic
def interview_notify(*, interview, by, version) -> EvaluationInterview:
    """The report goes to the employee and is locked from then on."""
    row = _start(interview, "notify", by=by, version=version)
    row.notified_on = _today()
    return _done(row, notify="employee", pdf=True)


@transaction.atomic
def interview_sign(*, interview, comments: str, by, version) -> EvaluationInterview:
    row = _start(interview, "sign", by=by, version=version)
    row.employee_comments, row.signed_on = comments.strip(), _today()
    return _done(row, notify="endorser", pdf=True)


@transaction.atomic
def interview_endorse(*, interview, by, version) -> EvaluationInterview:
    row = _start(interview, "endorse", by=by, version=version)
    row.endorsed_on, row.endorsed_by = _today(), by
    return _done(row, notify="employee", pdf=True)


@transaction.atomic
def review_request(*, interview, text: str, by, version) -> EvaluationInterview:
    row = _start(interview, "request_review", by=by, version=version)
    today, deadline = _today(), row.review_request_deadline
    if today > deadline:
        raise EvaluationError(
            _("Le délai de demande de révision a expiré le %(date)s.")
            % {"date": deadline.strftime("%d/%m/%Y")},
            field="text",
        )
    if not text.strip():
        raise EvaluationError(_("Dites ce que vous demandez de réviser."), field="text")
    row.review_requested_on, row.review_request = today, text.strip()
    return _done(row, notify="evaluator", pdf=True)


@transaction.atomic
def review_answer(*, interview, text: str, by, version) -> EvaluationInterview:
    row = _start(interview, "answer_review", by=by, version=version)
    if not text.strip():
        raise EvaluationError(_("La réponse ne peut pas être vide."), field="text")
    row.review_answered_on, row.review_answer = _today(), text.strip()
    return _done(row, notify="employee", pdf=True)


@transaction.atomic
def committee_refer(*, interview, by, version) -> EvaluationInterview:
    """After the answer (or once the answer delay has passed with none), within one month."""
    row = _start(interview, "refer_committee", by=by, version=version)
    today = _today()
    unanswered = row.review_answered_on is None
    if unanswered and today <= row.review_answer_deadline:
        raise EvaluationError(
            _(
                "Le responsable peut encore répondre jusqu'au %(date)s : la commission se "
                "saisit après sa réponse ou après ce délai."
            )
            % {"date": row.review_answer_deadline.strftime("%d/%m/%Y")}
        )
    deadline = row.committee_referral_deadline
    if today > deadline:
        raise EvaluationError(
            _("Le délai de saisine de la commission a expiré le %(date)s.")
            % {"date": deadline.strftime("%d/%m/%Y")}
        )
    row.referred_on = today
    return _done(row, notify="hr")
