"""Exposure statistics for the yearly report: SQL aggregation only.

A measurement *of year Y* belongs to a campaign dated in Y. *Compliant*: at or below
the limit in force at the campaign date; *over*: above it; *without limit*: no value
of that kind (e.g. no short-term value for n-hexane)."""

from django.db.models import Count, Q

from safety.exposure.enums import Verdict
from safety.exposure.models import Measurement, MeasurementCampaign


def measurements_by_substance_and_unit(year: int) -> list[dict]:
    """One row per (work unit, substance): measurements, compliant, over, without limit."""
    return list(
        Measurement.objects.filter(campaign__date__year=year)
        .values(
            "campaign__work_unit__code",
            "substance__name",
            "substance__cas_number",
        )
        .annotate(
            measurements=Count("pk"),
            compliant=Count("pk", filter=Q(verdict=Verdict.COMPLIANT)),
            over=Count("pk", filter=Q(verdict=Verdict.OVER)),
            no_limit=Count("pk", filter=Q(verdict=Verdict.NO_LIMIT)),
        )
        .order_by("campaign__work_unit__code", "substance__name")
    )


def year_summary(year: int) -> dict:
    """Campaigns, units measured, measurements and their compliance in ``year``."""
    campaigns = MeasurementCampaign.objects.filter(date__year=year).aggregate(
        campaigns=Count("pk"), units=Count("work_unit", distinct=True)
    )
    row = Measurement.objects.filter(campaign__date__year=year).aggregate(
        measurements=Count("pk"),
        compliant=Count("pk", filter=Q(verdict=Verdict.COMPLIANT)),
        over=Count("pk", filter=Q(verdict=Verdict.OVER)),
        substances=Count("substance", distinct=True),
    )
    return {**campaigns, **row, "all_compliant": row["measurements"] > 0 and row["over"] == 0}
