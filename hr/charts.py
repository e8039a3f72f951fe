"""Geometry of the pay-distribution bar chart, drawn as inline SVG by a template.

No JavaScript and no ``style`` attribute (strict CSP): the template places the
shapes computed here with SVG presentation attributes. The same geometry can feed
the PDF report (WeasyPrint renders SVG).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from hr.stats import PayBucket, PayDistribution
from imtsocial.privacy import small_group_threshold

WIDTH = 720
HEIGHT = 320
LEFT, RIGHT, TOP, BOTTOM = 56, 24, 40, 72  # margins around the plot area
MAX_X_LABELS = 14


@dataclass(frozen=True)
class ChartBar:
    bucket: PayBucket
    x: float
    y: float
    width: float
    height: float
    centre: float
    value_y: float
    masked: bool  # a group of 1–4 people: drawn as an empty outline up to 4, labelled "< 5"


@dataclass(frozen=True)
class Tick:
    position: float
    value: Decimal | int


@dataclass(frozen=True)
class Marker:
    x: float
    value: Decimal
    label_x: float
    anchor: str  # text-anchor of the label: "start" or "end"


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    bars: list[ChartBar]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    marker: Marker | None
    axis_label_y: float


def _nice_step(maximum: int) -> int:
    """1, 2 or 5 × 10^k, giving at most about five gridlines up to ``maximum``."""
    raw = max(maximum, 1) / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return max(1, factor * magnitude)
    return 10 * magnitude  # pragma: no cover - the loop always returns


def pay_chart(distribution: PayDistribution, *, marker: Decimal | None = None) -> BarChart:
    """Bars of ``distribution``, with the range widened so that ``marker`` (the SMIC) shows."""
    step = distribution.bucket
    buckets = list(distribution.buckets)
    if marker is not None and buckets:
        # Widen the range with empty buckets until the marker falls inside it.
        while marker < buckets[0].lower:
            lower = buckets[0].lower - step
            buckets.insert(0, PayBucket(lower=lower, upper=lower + step, count=0))
        while marker >= buckets[-1].upper:
            upper = buckets[-1].upper + step
            buckets.append(PayBucket(lower=upper - step, upper=upper, count=0))
    plot_left, plot_right = LEFT, WIDTH - RIGHT
    plot_top, plot_bottom = TOP, HEIGHT - BOTTOM
    plot_width, plot_height = plot_right - plot_left, plot_bottom - plot_top
    masked_height = small_group_threshold() - 1

    def shown(bucket: PayBucket) -> int:
        return masked_height if bucket.is_small_group else bucket.count

    top_value = max((shown(b) for b in buckets), default=0)
    y_step = _nice_step(top_value)
    y_max = max(y_step, math.ceil(top_value / y_step) * y_step)

    def y_of(value: float) -> float:
        return round(plot_bottom - value / y_max * plot_height, 1)

    slot = plot_width / len(buckets) if buckets else plot_width
    bars = []
    for index, bucket in enumerate(buckets):
        bar_width = slot * 0.75
        x = plot_left + index * slot + (slot - bar_width) / 2
        top = y_of(shown(bucket))
        bars.append(
            ChartBar(
                bucket=bucket,
                x=round(x, 1),
                y=top,
                width=round(bar_width, 1),
                height=round(plot_bottom - top, 1),
                centre=round(x + bar_width / 2, 1),
                value_y=round(top - 6, 1),
                masked=bucket.is_small_group,
            )
        )
    every = max(1, math.ceil((len(buckets) + 1) / MAX_X_LABELS))
    boundaries = [b.lower for b in buckets] + ([buckets[-1].upper] if buckets else [])
    x_ticks = [
        Tick(position=round(plot_left + index * slot, 1), value=value)
        for index, value in enumerate(boundaries)
        if index % every == 0
    ]
    y_ticks = [Tick(position=y_of(value), value=value) for value in range(0, y_max + 1, y_step)]
    chart_marker = None
    if marker is not None and buckets:
        x = plot_left + float((marker - buckets[0].lower) / step) * slot
        near_right = x > plot_left + plot_width * 0.7
        chart_marker = Marker(
            x=round(x, 1),
            value=marker,
            label_x=round(x - 4 if near_right else x + 4, 1),
            anchor="end" if near_right else "start",
        )
    return BarChart(
        width=WIDTH,
        height=HEIGHT,
        left=plot_left,
        right=plot_right,
        top=plot_top,
        bottom=plot_bottom,
        bars=bars,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        marker=chart_marker,
        axis_label_y=HEIGHT - 16,
    )
