"""Social-action figures for a year: the pages and the yearly report call these.

SQL aggregation only. ``social_action_figures(year)`` is the one function the
DD&RS report reuses (section E)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from social_action.enums import GRANTED_STATUSES, Association, SlotKind
from social_action.models import (
    AidRequest,
    AidScheme,
    AssociationGrant,
    Booking,
    ChristmasChild,
    SchemeBudget,
)

SMALL_GROUP = 5  # groups under this size are shown as « < 5 » to HR and the director


def mask(count: int) -> str:
    """A count shown to aggregate-only readers: « < 5 » for small groups (never 0)."""
    return "< 5" if 0 < count < SMALL_GROUP else str(count)


@dataclass
class SchemeFigure:
    scheme: AidScheme
    requests: int
    beneficiaries: int
    amount: Decimal
    envelope: Decimal | None

    @property
    def masked_beneficiaries(self) -> str:
        return mask(self.beneficiaries)

    @property
    def masked_amount(self):
        """Amounts of a small group would identify people too."""
        return None if 0 < self.beneficiaries < SMALL_GROUP else self.amount


def schemes_for_year(year: int) -> list[SchemeFigure]:
    """Granted (approved or paid) aid per scheme: requests, distinct people, amount, envelope."""
    granted = Q(aidrequest__year=year, aidrequest__status__in=GRANTED_STATUSES)
    schemes = AidScheme.objects.annotate(
        n_requests=Count("aidrequest", filter=granted),
        n_people=Count("aidrequest__requester", filter=granted, distinct=True),
        total=Sum("aidrequest__amount_granted", filter=granted),
    ).order_by("position", "name")
    envelopes = dict(SchemeBudget.objects.filter(year=year).values_list("scheme_id", "envelope"))
    return [
        SchemeFigure(
            scheme=s,
            requests=s.n_requests,
            beneficiaries=s.n_people,
            amount=s.total or Decimal(0),
            envelope=envelopes.get(s.pk),
        )
        for s in schemes
    ]


def appointments_for_year(year: int) -> dict[str, int]:
    """Appointments held or booked (not cancelled) in ``year``, by kind."""
    rows = (
        Booking.objects.filter(cancelled_at__isnull=True, slot__starts_at__year=year)
        .values("slot__kind")
        .annotate(n=Count("pk"))
    )
    counts = {kind.value: 0 for kind in SlotKind}
    counts.update({row["slot__kind"]: row["n"] for row in rows})
    return counts


def christmas_children(year: int) -> int:
    return ChristmasChild.objects.filter(
        registration__event__kind="christmas", registration__event__date__year=year
    ).count()


def grants_for_year(year: int) -> dict[str, Decimal]:
    rows = dict(AssociationGrant.objects.filter(year=year).values_list("association", "amount"))
    return {assoc.value: rows.get(assoc.value, Decimal(0)) for assoc in Association}


def social_action_figures(year: int) -> dict:
    """Everything section E of the yearly report needs, for ``year``."""
    appointments = appointments_for_year(year)
    schemes = schemes_for_year(year)
    by_code = {figure.scheme.code: figure for figure in schemes}
    return {
        "year": year,
        "schemes": schemes,
        "by_code": by_code,
        "appointments": appointments,
        "appointments_correspondent": appointments[SlotKind.OFFICE_HOURS],
        "consultations_lawyer_psychologist": appointments[SlotKind.LAWYER]
        + appointments[SlotKind.PSYCHOLOGIST],
        "consultations_social_worker": appointments[SlotKind.SOCIAL_WORKER],
        "christmas_children": christmas_children(year),
        "grants": grants_for_year(year),
        "total_granted": sum((f.amount for f in schemes), Decimal(0)),
        "beneficiaries": AidRequest.objects.filter(year=year, status__in=GRANTED_STATUSES)
        .values("requester")
        .distinct()
        .count(),
    }
