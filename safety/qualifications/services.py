"""Expiry computations and changes to qualifications.

The expiry is the last day of validity: obtained on 15/03/2019, valid 24 months →
valid until 14/03/2021 (``obtained + months − 1 day``), with the validity row in force
on the obtained date (a later change of the validity never moves past expiries)."""

from datetime import date, timedelta
from functools import reduce
from operator import or_

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, Subquery

from imtsocial.locking import bump_version
from safety.qualifications.enums import State
from safety.qualifications.models import Qualification, QualificationValidity


def validity_at(qualification_type, at: date) -> QualificationValidity | None:
    return QualificationValidity.objects.get_in_force(at, qualification_type=qualification_type)


def expiry_for(validity: QualificationValidity, obtained_on: date) -> date:
    return obtained_on + relativedelta(months=validity.validity_months) - timedelta(days=1)


def notice_days_at(at: date) -> dict[int, int]:
    """type id → notice period (days) in force at ``at`` (one query)."""
    return dict(
        QualificationValidity.objects.in_force(at).values_list(
            "qualification_type_id", "notice_days"
        )
    )


def _expiring_q(at: date, notices: dict[int, int]) -> Q:
    parts = [
        Q(qualification_type_id=type_id, expires_on__lte=at + timedelta(days=days))
        for type_id, days in notices.items()
    ]
    within = reduce(or_, parts) if parts else Q(pk__in=[])
    return Q(expires_on__gte=at) & within


def state_q(state: str, at: date, notices: dict[int, int] | None = None) -> Q:
    """The qualifications in ``state`` at ``at`` (expiring: within the notice period of
    their type in force at ``at``)."""
    notices = notice_days_at(at) if notices is None else notices
    if state == State.EXPIRED:
        return Q(expires_on__lt=at)
    expiring = _expiring_q(at, notices)
    if state == State.EXPIRING:
        return expiring
    return Q(expires_on__gte=at) & ~expiring


def not_renewed(qualifications):
    """Without the qualifications their holder has renewed (a later one of the same type)."""
    later = Qualification.objects.filter(
        holder=OuterRef("holder"),
        qualification_type=OuterRef("qualification_type"),
        expires_on__gt=OuterRef("expires_on"),
    )
    return qualifications.exclude(Exists(later))


def with_notice_days(qualifications, at: date):
    """Annotated with ``type_notice_days``: the notice period of the type in force at
    ``at``, read in the same query (``with_states`` then asks for nothing more)."""
    in_force = (
        QualificationValidity.objects.in_force(at)
        .filter(qualification_type=OuterRef("qualification_type"))
        .order_by("-valid_from")
        .values("notice_days")[:1]
    )
    return qualifications.annotate(type_notice_days=Subquery(in_force))


def with_states(qualifications, at: date, notices: dict[int, int] | None = None):
    """Set ``state`` and ``badge`` on each qualification of an evaluated list (the notice
    periods from ``notices``, else from ``with_notice_days``, else read here)."""
    annotated = all(hasattr(q, "type_notice_days") for q in qualifications)
    if notices is None and not annotated:
        notices = notice_days_at(at)
    for qualification in qualifications:
        if notices is not None:
            days = notices.get(qualification.qualification_type_id, 0)
        else:
            days = qualification.type_notice_days or 0
        qualification.state = qualification.state_at(at, days)
        qualification.state_label = State(qualification.state).label
        qualification.badge = Qualification.badge_of(qualification.state)
    return qualifications


@transaction.atomic
def qualification_save(*, form, by) -> Qualification:
    qualification = form.instance
    if qualification.pk is None:
        qualification.recorded_by = by
    else:
        bump_version(qualification, version=form.cleaned_data.get("version"))
    qualification._history_user = by
    return form.save()
