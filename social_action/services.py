"""Social-action write services: the state check, the write, the history, the notification."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from imtsocial.accounts.models import User
from imtsocial.audit.models import AuditEvent
from imtsocial.errors import DomainError
from imtsocial.formats import money
from imtsocial.locking import ANY, lock
from social_action import notifications, rules, stats, tasks
from social_action.enums import AID_FLOW, CORRESPONDENT, REQUESTER
from social_action.models import (
    AidDocument,
    AidMessage,
    AidRequest,
    AssociationGrant,
    Booking,
    ChristmasChild,
    Event,
    EventRegistration,
    HouseholdFacts,
    SchemeBudget,
    Slot,
)


class SocialActionError(DomainError):
    """A refused social-action operation."""


def _lock(request: AidRequest, version=ANY) -> AidRequest:
    """The request's row, locked; ``version`` checked and bumped (``imtsocial.locking``)."""
    return lock(AidRequest, request.pk, version=version)


def _move(request: AidRequest, verb: str, *, by: User) -> None:
    """One step of ``AID_FLOW`` (the caller has checked who acts)."""
    AID_FLOW.apply(request, verb)
    request._history_user = by


def _notify(request: AidRequest, *, actor: str) -> None:
    """E-mails carry no content: just « your file has changed, log in »."""
    if actor == CORRESPONDENT:
        tasks.notify_requester.delay_on_commit(request.pk)
    else:
        tasks.notify_correspondents.delay_on_commit(request.pk)


def _check_estimate(request: AidRequest, *, at) -> rules.Estimate:
    est = rules.estimate(request.scheme, request, at=at, employee=request.requester)
    if not est.eligible:
        raise SocialActionError(" ".join(est.reasons))
    return est


def aid_request_save(
    *, request: AidRequest, uploads: list, submit: bool, by: User, version=ANY
) -> AidRequest:
    """Create or update a draft (or a request awaiting information) with its documents.

    Everything or nothing: a refused rule or a failed upload leaves no row and no file."""
    stored: list = []
    try:
        with transaction.atomic():
            today = timezone.localdate()
            if request.pk:
                locked = _lock(request, version)
                AID_FLOW.check(locked, "edit")
                request.status, request.version = locked.status, locked.version
            est = _check_estimate(request, at=today)
            request.amount_estimated = est.amount
            request._history_user = by
            request.save()
            _remember_household(request)
            for upload in uploads:
                stored.append(aid_document_add(request=request, upload=upload, by=by).file)
            if submit:
                request = aid_request_submit(request=request, by=by)
    except Exception:
        for field_file in stored:
            field_file.storage.delete(field_file.name)
        raise
    return request


def _remember_household(request: AidRequest) -> None:
    """Keep the tax-notice figures per household and income year (RFR of year N-2)."""
    if request.reference_income is not None and request.tax_shares:
        HouseholdFacts.objects.update_or_create(
            employee=request.requester,
            income_year=request.year - 2,
            defaults={
                "reference_income": request.reference_income,
                "tax_shares": request.tax_shares,
            },
        )


def aid_document_add(*, request: AidRequest, upload, by: User) -> AidDocument:
    """``upload`` was checked by ``forms.checked_document`` (content, type, size).

    Called inside the caller's transaction; the caller removes the file if it rolls back."""
    document = AidDocument(
        request=request,
        original_name=upload.safe_name,
        content_type=upload.checked_type,
        size=upload.size,
        uploaded_by=by,
    )
    document.file.save(upload.safe_name, upload, save=False)
    try:
        document.save()
    except Exception:
        document.file.storage.delete(document.file.name)
        raise
    return document


@transaction.atomic
def aid_documents_add(*, request: AidRequest, uploads: list, by: User) -> list[AidDocument]:
    """Add documents to a request awaiting information (all or none)."""
    locked = _lock(request)
    AID_FLOW.check(locked, "edit")
    documents: list[AidDocument] = []
    try:
        for upload in uploads:
            documents.append(aid_document_add(request=locked, upload=upload, by=by))
    except Exception:
        for document in documents:
            document.file.storage.delete(document.file.name)
        raise
    return documents


@transaction.atomic
def aid_request_submit(*, request: AidRequest, by: User, version=ANY) -> AidRequest:
    locked = _lock(request, version)
    est = _check_estimate(locked, at=timezone.localdate())
    _move(locked, "submit", by=by)
    locked.amount_estimated = est.amount
    if locked.submitted_at is None:
        locked.submitted_at = timezone.now()
    locked.save()
    _notify(locked, actor=REQUESTER)
    return locked


@transaction.atomic
def aid_request_ask_info(*, request: AidRequest, message: str, by: User, version=ANY):
    locked = _lock(request, version)
    _move(locked, "ask_info", by=by)
    locked.save()
    AidMessage.objects.create(request=locked, author=by, body=message)
    _notify(locked, actor=CORRESPONDENT)
    return locked


@transaction.atomic
def aid_request_approve(
    *, request: AidRequest, amount: Decimal, by: User, override_reason: str = "", version=ANY
) -> AidRequest:
    """Approve within the scheme's cap and the year's envelope (unless overridden with a reason).

    The budget row is locked first, so two approvals at once cannot both pass the envelope."""
    budget = (
        SchemeBudget.objects.select_for_update()
        .filter(scheme_id=request.scheme_id, year=request.year)
        .first()
    )
    locked = _lock(request, version)
    if amount is None or amount <= 0:
        raise SocialActionError(_("Indiquez un montant accordé positif."))
    scheme = locked.scheme
    cap = scheme.cap_at(timezone.localdate())
    if cap is not None and amount > cap:
        raise SocialActionError(
            _("Le montant dépasse le plafond du dispositif (%(cap)s).") % {"cap": money(cap)},
            field="amount",
        )
    if budget is None:
        raise SocialActionError(
            _("Aucune enveloppe n'est ouverte pour ce dispositif en %(year)d.")
            % {"year": locked.year}
        )
    consumed = stats.budget_consumed(scheme.pk, locked.year)
    over = consumed + amount > budget.envelope
    if over and not override_reason.strip():
        raise SocialActionError(
            _(
                "Cette aide dépasserait l'enveloppe %(year)d du dispositif "
                "(%(consumed)s déjà accordés sur %(envelope)s). "
                "Pour l'accorder quand même, indiquez le motif du dépassement."
            )
            % {
                "year": locked.year,
                "consumed": money(consumed),
                "envelope": money(budget.envelope),
            },
            field="override_reason",
        )
    _move(locked, "approve", by=by)
    locked.amount_granted = rules.money(amount)
    locked.over_budget_reason = override_reason.strip() if over else ""
    locked.decided_at = timezone.now()
    locked.save()
    if over:
        AuditEvent.log_change(
            actor=by,
            obj=locked,
            subject=locked.requester.user,
            detail=_("Enveloppe dépassée sur décision motivée"),
        )
    _notify(locked, actor=CORRESPONDENT)
    return locked


@transaction.atomic
def aid_request_reject(*, request: AidRequest, note: str, by: User, version=ANY) -> AidRequest:
    locked = _lock(request, version)
    _move(locked, "reject", by=by)
    locked.decision_note = note
    locked.decided_at = timezone.now()
    locked.save()
    _notify(locked, actor=CORRESPONDENT)
    return locked


@transaction.atomic
def aid_request_mark_paid(*, request: AidRequest, by: User, version=ANY) -> AidRequest:
    locked = _lock(request, version)
    _move(locked, "pay", by=by)
    locked.paid_at = timezone.now()
    locked.save()
    _notify(locked, actor=CORRESPONDENT)
    return locked


@transaction.atomic
def aid_message_post(*, request: AidRequest, body: str, by: User, from_requester: bool):
    if from_requester and not AID_FLOW.allows(request, "write"):
        raise SocialActionError(_("Ce dossier est clos : la messagerie est fermée."))
    message = AidMessage.objects.create(request=request, author=by, body=body)
    _notify(request, actor=REQUESTER if from_requester else CORRESPONDENT)
    return message


@transaction.atomic
def aid_request_delete(*, request: AidRequest, by: User) -> None:
    """Only a draft can be withdrawn; its files go with it (post_delete signal)."""
    locked = _lock(request)
    if not AID_FLOW.allows(locked, "delete"):
        raise SocialActionError(_("Seul un brouillon peut être supprimé."))
    locked._history_user = by
    locked.delete()


def aid_file_opened(*, request: AidRequest, by: User, document: AidDocument | None = None):
    """Journal a correspondent's (or an admin's) read of a file or a document."""
    if request.requester.user_id == by.pk:
        return
    if document is None:
        AuditEvent.log_view(actor=by, obj=request, subject=request.requester)
    else:
        AuditEvent.log_download(
            actor=by, obj=document, subject=request.requester, detail=str(request)
        )


# Appointments ------------------------------------------------------------------------


@transaction.atomic
def slot_book(*, slot: Slot, employee, by: User) -> Booking:
    locked = Slot.objects.select_for_update().get(pk=slot.pk)
    if locked.cancelled or locked.starts_at <= timezone.now():
        raise SocialActionError(_("Ce créneau n'est plus disponible."))
    if locked.bookings.filter(cancelled_at__isnull=True).exists():
        raise SocialActionError(_("Ce créneau vient d'être réservé par quelqu'un d'autre."))
    try:
        with transaction.atomic():
            booking = Booking.objects.create(slot=locked, employee=employee)
    except IntegrityError as exc:  # the partial unique index, as a last guard
        raise SocialActionError(
            _("Ce créneau vient d'être réservé par quelqu'un d'autre.")
        ) from exc
    tasks.notify_booking.delay_on_commit(booking.pk, notifications.BOOKED)
    return booking


@transaction.atomic
def booking_cancel(*, booking: Booking, by: User) -> Booking:
    locked = Booking.objects.select_for_update().select_related("slot").get(pk=booking.pk)
    if locked.cancelled_at is not None:
        raise SocialActionError(_("Ce rendez-vous est déjà annulé."))
    if locked.slot.starts_at <= timezone.now():
        raise SocialActionError(_("Un rendez-vous passé ne peut plus être annulé."))
    locked.cancelled_at = timezone.now()
    locked.save(update_fields=["cancelled_at"])
    tasks.notify_booking.delay_on_commit(locked.pk, notifications.CANCELLED)
    return locked


# Events ------------------------------------------------------------------------------


@transaction.atomic
def event_register(*, event: Event, employee, children: list[dict], by: User):
    """Register ``employee`` (and, for the Christmas tree, their children: first name and age)."""
    if not event.registration_open():
        raise SocialActionError(_("Les inscriptions à cet événement sont closes."))
    registration, _created = EventRegistration.objects.select_for_update().get_or_create(
        event=event, employee=employee
    )
    for child in children:
        category = rules.gift_category_for(child["age"], event.date)
        if category is None:
            raise SocialActionError(
                _("L'arbre de Noël accueille les enfants jusqu'à %(age)s ans.")
                % {"age": rules.christmas_max_age(event.date)},
                field="age",
            )
        ChristmasChild.objects.create(
            registration=registration,
            first_name=child["first_name"],
            age=child["age"],
            gift_category=category.code,
        )
    return registration


@transaction.atomic
def event_unregister(*, registration: EventRegistration, by: User) -> None:
    if not registration.event.registration_open():
        raise SocialActionError(_("Les inscriptions à cet événement sont closes."))
    registration.delete()


@transaction.atomic
def event_save(*, form, by: User) -> Event:
    event = form.save(commit=False)
    event._history_user = by
    event.save()
    return event


# Budgets and grants ------------------------------------------------------------------


@transaction.atomic
def association_save(*, form, by: User):
    association = form.save(commit=False)
    association._history_user = by
    association.save()
    return association


@transaction.atomic
def scheme_budget_set(*, scheme, year: int, envelope: Decimal, by: User) -> SchemeBudget:
    budget = SchemeBudget.objects.select_for_update().filter(scheme=scheme, year=year).first()
    if budget is None:
        budget = SchemeBudget(scheme=scheme, year=year)
    budget.envelope = envelope
    budget._history_user = by
    budget.save()
    return budget


@transaction.atomic
def association_grant_set(*, association, year: int, amount: Decimal, note: str, by: User):
    grant = (
        AssociationGrant.objects.select_for_update()
        .filter(association=association, year=year)
        .first()
    ) or AssociationGrant(association=association, year=year)
    grant.amount, grant.note = amount, note
    grant._history_user = by
    grant.save()
    return grant
