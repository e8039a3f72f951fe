"""DUERP write services: the state check, the write, the history, the notification."""

from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from imtsocial.accounts.models import User
from imtsocial.audit.models import AuditEvent
from imtsocial.errors import DomainError
from imtsocial.locking import bump_version, lock
from safety import tasks
from safety.enums import ACTION_FLOW, ActionStatus
from safety.models import (
    ActionItem,
    DuerpEdition,
    EntryComment,
    Hazard,
    RatingMethod,
    RiskEntry,
    WorkUnit,
)


class SafetyError(DomainError):
    """A refused DUERP operation."""


def current_method() -> RatingMethod:
    """The rating method in force today (one at a time: a new method starts from a date)."""
    today = timezone.localdate()
    method = RatingMethod.objects.get_in_force(today)
    if method is None:
        raise SafetyError(
            _("Aucune méthode de cotation n'est en vigueur au %(date)s.")
            % {"date": today.strftime("%d/%m/%Y")}
        )
    return method


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
    bump_version(entry, version=form.cleaned_data.get("version"))
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
    bump_version(action, version=form.cleaned_data.get("version"))
    action._history_user = by
    return form.save()


@transaction.atomic
def action_set_status(
    *, action: ActionItem, status: str, done_on: date | None, version: int | None, by: User
) -> ActionItem:
    """Move an action along ``ACTION_FLOW`` (refused otherwise)."""
    locked = lock(ActionItem, action.pk, version=version)
    ACTION_FLOW.move_to(locked, status)
    if locked.status == ActionStatus.DONE:
        if done_on is None:
            raise SafetyError(_("Indiquez la date de réalisation."), field="done_on")
        if done_on > timezone.localdate():
            raise SafetyError(
                _("La date de réalisation ne peut pas être dans le futur."), field="done_on"
            )
    locked.done_on = done_on if locked.status == ActionStatus.DONE else None
    locked._history_user = by
    locked.save()
    return locked


@transaction.atomic
def work_unit_save(*, form, by: User) -> WorkUnit:
    unit = form.save(commit=False)
    unit._history_user = by
    unit.save()
    form.save_m2m()  # the agents (recorded in the unit's history too)
    return unit


@transaction.atomic
def hazard_save(*, form, by: User) -> Hazard:
    hazard = form.save(commit=False)
    hazard._history_user = by
    hazard.save()
    return hazard


# Editions ------------------------------------------------------------------------------


def _programme(year: int) -> Q:
    """The yearly prevention programme of an edition of ``year``: the actions still open,
    those done since 1 January of ``year`` and those abandoned that were due from that
    day. Actions closed in earlier years stay in the editions of their years (each kept
    40 years): an edition does not carry the whole history of the plan."""
    start = date(year, 1, 1)
    return (
        Q(status__in=[ActionStatus.PLANNED, ActionStatus.IN_PROGRESS])
        | Q(status=ActionStatus.DONE, done_on__gte=start)
        | Q(status=ActionStatus.CANCELLED, due_date__gte=start)
    )


def _snapshot(method: RatingMethod, year: int) -> dict:
    """Every active unit and entry, and the year's programme of actions (``_programme``),
    as plain data (a constant number of queries)."""
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
    actions = list(
        ActionItem.objects.filter(
            _programme(year), entry__active=True, entry__work_unit__active=True
        )
        .order_by("due_date", "pk")
        .values(
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
    )
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
    method = current_method()
    snapshot = _snapshot(method, year)
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
            tasks.render_edition_pdf.delay_on_commit(edition.pk)
    except IntegrityError as exc:
        raise SafetyError(
            _("Une autre édition vient d'être publiée pour cette année ; réessayez.")
        ) from exc
    return edition
