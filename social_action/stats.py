"""Social-action figures for a year: the pages and the yearly report call these.

SQL aggregation only. ``social_action_figures(year)`` is the one function the
DD&RS report reuses (section E)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from imtsocial.privacy import is_small_group, mask
from social_action.enums import GRANTED_STATUSES, SlotKind
from social_action.models import (
    MONEY,
    AidRequest,
    AidScheme,
    Association,
    AssociationGrant,
    Booking,
    ChristmasChild,
    SchemeBudget,
)

_MONEY = DecimalField(**MONEY)


def _granted(year: int):
    """Aid granted (approved or paid) in ``year``: the one definition of "consumed"."""
    return AidRequest.objects.granted().filter(year=year)


def budget_consumed(scheme_id: int, year: int) -> Decimal:
    """What a scheme's envelope of ``year`` has given so far."""
    total = _granted(year).filter(scheme_id=scheme_id).aggregate(total=Sum("amount_granted"))
    return total["total"] or Decimal(0)


def budgets_with_consumed(year: int):
    """The envelopes of ``year``, each annotated with ``consumed`` (one query)."""
    consumed = (
        _granted(year)
        .filter(scheme=OuterRef("scheme"))
        .order_by()
        .values("scheme")
        .annotate(total=Sum("amount_granted"))
        .values("total")
    )
    return SchemeBudget.objects.filter(year=year).annotate(
        consumed=Coalesce(Subquery(consumed, output_field=_MONEY), Decimal(0), output_field=_MONEY)
    )


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
        return None if is_small_group(self.beneficiaries) else self.amount


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


@dataclass
class GrantFigure:
    association: Association
    amount: Decimal


def grants_for_year(year: int) -> list[GrantFigure]:
    """Grant of ``year`` to each association (the active ones, 0 when none), by name."""
    amounts = dict(AssociationGrant.objects.filter(year=year).values_list("association", "amount"))
    associations = Association.objects.filter(Q(active=True) | Q(pk__in=amounts)).order_by("name")
    return [GrantFigure(a, amounts.get(a.pk, Decimal(0))) for a in associations]


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
