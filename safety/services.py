"""DUERP write services: the state check, the write, the history, the notification."""

import hashlib
from datetime import date, datetime

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from imtsocial.accounts.models import User
from imtsocial.audit.models import AuditEvent
from safety.enums import ACTION_TRANSITIONS, ActionStatus, EditionStatus
from safety.models import (
    ActionItem,
    DuerpEdition,
    EntryComment,
    Hazard,
    RatingMethod,
    RiskEntry,
    WorkUnit,
)

DEFAULT_METHOD_CODE = "gpm-4x4x3"


class SafetyError(Exception):
    """A refused operation; ``str(error)`` is the French message for the person."""


class ConcurrentChangeError(SafetyError):
    def __init__(self):
        super().__init__(
            _(
                "Cette fiche a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte. "
                "Rechargez la page pour voir la version à jour, puis refaites votre modification."
            )
        )


class IllegalTransitionError(SafetyError):
    pass


def current_method() -> RatingMethod:
    return RatingMethod.objects.get(code=DEFAULT_METHOD_CODE)


def _next_version(model, pk, expected) -> int:
    current = model.objects.select_for_update().values_list("version", flat=True).get(pk=pk)
    if expected is None or int(expected) != current:
        raise ConcurrentChangeError
    return current + 1


@transaction.atomic
def entry_create(*, unit: WorkUnit, form, by: User) -> RiskEntry:
    entry = form.save(commit=False)
    entry.work_unit = unit
    entry.method = current_method()
    entry.created_by = by
    entry._history_user = by
    entry.save()
    return entry


@transaction.atomic
def entry_update(*, form, by: User) -> RiskEntry:
    """Save an edited (or re-rated) entry; refused if someone saved it meanwhile."""
    entry = form.instance
    entry.version = _next_version(RiskEntry, entry.pk, form.cleaned_data.get("version"))
    entry.method = current_method()
    entry._history_user = by
    return form.save()


@transaction.atomic
def entry_comment(*, entry: RiskEntry, text: str, by: User) -> EntryComment:
    return EntryComment.objects.create(entry=entry, author=by, text=text)


@transaction.atomic
def action_create(*, entry: RiskEntry, form, by: User) -> ActionItem:
    action = form.save(commit=False)
    action.entry = entry
    action._history_user = by
    action.save()
    return action


@transaction.atomic
def action_update(*, form, by: User) -> ActionItem:
    action = form.instance
    action.version = _next_version(ActionItem, action.pk, form.cleaned_data.get("version"))
    action._history_user = by
    return form.save()


@transaction.atomic
def action_set_status(
    *, action: ActionItem, status: str, done_on: date | None, version: int | None, by: User
) -> ActionItem:
    """Move an action along ACTION_TRANSITIONS (refused otherwise)."""
    locked = ActionItem.objects.select_for_update().get(pk=action.pk)
    if version is None or int(version) != locked.version:
        raise ConcurrentChangeError
    current, target = ActionStatus(locked.status), ActionStatus(status)
    if target not in ACTION_TRANSITIONS[current]:
        raise IllegalTransitionError(
            _("Une action « %(from)s » ne peut pas passer à l'état « %(to)s ».")
            % {"from": current.label, "to": target.label}
        )
    if target == ActionStatus.DONE:
        if done_on is None:
            raise SafetyError(_("Indiquez la date de réalisation."))
        if done_on > timezone.localdate():
            raise SafetyError(_("La date de réalisation ne peut pas être dans le futur."))
    locked.status = target
    locked.done_on = done_on if target == ActionStatus.DONE else None
    locked.version += 1
    locked._history_user = by
    locked.save()
    return locked


@transaction.atomic
def hazard_save(*, form, by: User) -> Hazard:
    hazard = form.save(commit=False)
    hazard._history_user = by
    hazard.save()
    return hazard


def late_actions_to_remind(at: date):
    return (
        ActionItem.objects.late(at)
        .exclude(last_reminded_on=at)
        .select_related("owner", "entry__work_unit", "entry__hazard")
        .order_by("owner_id", "due_date", "pk")
    )


def late_actions_remind(*, at: date) -> int:
    """One e-mail per owner listing their late actions; at most one reminder a day
    per action (idempotent: a second run the same day sends nothing)."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.urls import reverse

    by_owner: dict[int, list[ActionItem]] = {}
    for action in late_actions_to_remind(at):
        by_owner.setdefault(action.owner_id, []).append(action)
    sent = 0
    for actions in by_owner.values():
        owner = actions[0].owner
        if not owner.email:
            continue
        lines = [
            f"- {a.title} ({a.entry.work_unit.code}, {a.entry.hazard.name}) : "
            + _("échéance du %(date)s") % {"date": a.due_date.strftime("%d/%m/%Y")}
            for a in actions
        ]
        url = settings.SITE_URL.rstrip("/") + reverse("safety:action_list") + "?late=on"
        body = "\n".join(
            [
                _("Bonjour,"),
                "",
                _("Ces actions du plan de prévention dont vous êtes responsable sont en retard :"),
                *lines,
                "",
                _("Mettez-les à jour : %(url)s") % {"url": url},
            ]
        )
        with transaction.atomic():
            send_mail(
                _("Plan de prévention : %(count)d action(s) en retard") % {"count": len(actions)},
                body,
                None,
                [owner.email],
            )
            ActionItem.objects.filter(pk__in=[a.pk for a in actions]).update(last_reminded_on=at)
        sent += 1
    return sent


# Editions ------------------------------------------------------------------------------


def _snapshot(method: RatingMethod) -> dict:
    """Every active unit, entry and action as plain data (a constant number of queries)."""
    units = list(
        WorkUnit.objects.filter(active=True)
        .select_related("site", "department")
        .order_by("code")
        .values("pk", "code", "name", "site__name", "department__name", "headcount_exposed")
    )
    entries = list(
        RiskEntry.objects.filter(active=True, work_unit__active=True)
        .order_by("work_unit__code", "priority", "-score", "pk")
        .values(
            "pk",
            "work_unit_id",
            "work_unit__code",
            "hazard__family__name",
            "hazard__name",
            "situation",
            "people_exposed",
            "exposed_count",
            "existing_measures",
            "gravity",
            "probability",
            "control_level",
            "score",
            "priority",
        )
    )
    entry_ids = {e["pk"] for e in entries}
    actions = [
        a
        for a in ActionItem.objects.order_by("due_date", "pk").values(
            "pk",
            "entry_id",
            "title",
            "owner__first_name",
            "owner__last_name",
            "due_date",
            "budget",
            "status",
            "done_on",
        )
        if a["entry_id"] in entry_ids
    ]
    return {
        "units": [
            {
                "id": u["pk"],
                "code": u["code"],
                "name": u["name"],
                "site": u["site__name"],
                "department": u["department__name"],
                "headcount": u["headcount_exposed"],
            }
            for u in units
        ],
        "entries": [
            {
                "id": e["pk"],
                "unit_id": e["work_unit_id"],
                "unit": e["work_unit__code"],
                "family": e["hazard__family__name"],
                "hazard": e["hazard__name"],
                "situation": e["situation"],
                "people": e["people_exposed"],
                "exposed": e["exposed_count"],
                "measures": e["existing_measures"],
                "gravity": e["gravity"],
                "probability": e["probability"],
                "control": e["control_level"],
                "score": e["score"],
                "priority": e["priority"],
            }
            for e in entries
        ],
        "actions": [
            {
                "id": a["pk"],
                "entry_id": a["entry_id"],
                "title": a["title"],
                "owner": f"{a['owner__first_name']} {a['owner__last_name']}",
                "due": a["due_date"].isoformat(),
                "budget": str(a["budget"]),
                "status": a["status"],
                "done": a["done_on"].isoformat() if a["done_on"] else None,
            }
            for a in actions
        ],
    }


def edition_publish(
    *, year: int, note: str = "", by: User, at: datetime | None = None
) -> DuerpEdition:
    """Freeze today's DUERP as an edition of ``year`` and queue its PDF.

    A second publication for the same year is a new numbered edition (a
    correction); two advisors publishing at once cannot take the same number
    (the unique constraint is the last guard, reported in French)."""
    from safety.tasks import render_edition_pdf

    method = current_method()
    snapshot = _snapshot(method)
    method_data = method.as_dict()
    try:
        with transaction.atomic():
            number = (
                DuerpEdition.objects.filter(year=year).aggregate(n=Max("number"))["n"] or 0
            ) + 1
            edition = DuerpEdition.objects.create(
                year=year,
                number=number,
                published_by=by,
                published_at=at or timezone.now(),
                note=note,
                method=method_data,
                snapshot=snapshot,
                snapshot_checksum=DuerpEdition.checksum_of(
                    {"method": method_data, "snapshot": snapshot}
                ),
                entry_count=len(snapshot["entries"]),
                action_count=len(snapshot["actions"]),
            )
            AuditEvent.log_change(actor=by, obj=edition, detail=_("Publication du DUERP"))
            render_edition_pdf.delay_on_commit(edition.pk)
    except IntegrityError as exc:
        raise SafetyError(
            _("Une autre édition vient d'être publiée pour cette année ; réessayez.")
        ) from exc
    return edition


def edition_render(*, edition_id: int) -> DuerpEdition:
    """Render and store the PDF of an edition once (idempotent)."""
    from safety.pdf import edition_pdf

    edition = DuerpEdition.objects.get(pk=edition_id)
    if edition.status == EditionStatus.READY:
        return edition
    try:
        content = edition_pdf(edition)
    except Exception:
        edition.status = EditionStatus.FAILED
        edition.save()
        raise
    with transaction.atomic():
        edition = DuerpEdition.objects.select_for_update().get(pk=edition_id)
        if edition.status == EditionStatus.READY:
            return edition
        edition.pdf.save(edition.filename, ContentFile(content), save=False)
        edition.pdf_checksum = hashlib.sha256(content).hexdigest()
        edition.pdf_size = len(content)
        edition.status = EditionStatus.READY
        edition.rendered_at = timezone.now()
        edition.save()
    return edition
