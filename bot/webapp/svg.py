"""Server-side SVG charts: pure functions from numbers to an ``<svg>`` string (no library, no script).

Every data point is one element with ``class="pt"`` and ``data-x`` / ``data-y`` (the value as given, up
to 6 significant digits), so tests — and screen readers, through its ``<title>`` — can read the chart
back. Colours come from the page's CSS (``style.css``: ``.chart .line``, ``.chart .s0`` …, fed by the
Telegram theme's ``--tg-theme-*`` variables); the attributes written here (``currentColor``) are only the
fallback for an SVG shown on its own. A value of None is a gap: no point, the line is broken there.

    line_chart([Point("2025-03-10", 0.5, "03-10"), Point("2025-03-12", 1.0, "03-12")], percent=True)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

__all__ = ["Point", "bar_chart", "line_chart", "stacked_bar_chart"]

WIDTH, HEIGHT = 320, 160
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 10, 22  # plot margins (axis labels live in them)
MAX_X_LABELS = 7


@dataclass(frozen=True)
class Point:
    x: str  # the key written to data-x (a date, a rep number, a grade id)
    y: float | None
    label: str = ""  # the axis label; x when empty


def _num(value: float) -> str:
    return f"{value:.6g}"


def _fmt(value: float, percent: bool) -> str:
    return f"{value * 100:.0f}%" if percent else f"{value:.3g}"


def _open(name: str, label: str, kind: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {kind}" data-chart="{escape(name)}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(label)}">',
        f"<title>{escape(label)}</title>" if label else "",
    ]


def _frame(y_lo: float, y_hi: float, percent: bool, y_labels: Sequence[str] | None = None) -> list[str]:
    """Baseline, a mid grid line and the y labels at the bottom, middle and top (or ``y_labels``)."""
    bottom, x_end = HEIGHT - BOTTOM, WIDTH - RIGHT
    parts = []
    for i, share in enumerate((0.0, 0.5, 1.0)):
        y = bottom - share * (bottom - TOP)
        css = "axis" if share == 0.0 else "grid"
        parts.append(
            f'<line class="{css}" x1="{LEFT}" y1="{y:.1f}" x2="{x_end}" y2="{y:.1f}" stroke="currentColor"/>'
        )
        value = y_lo + share * (y_hi - y_lo)
        text = y_labels[i] if y_labels else _fmt(value, percent)
        parts.append(
            f'<text class="ylabel" x="{LEFT - 4}" y="{y + 3:.1f}" text-anchor="end" fill="currentColor">'
            f"{escape(text)}</text>"
        )
    return parts


def _x_labels(points: Sequence[Point], xs: Sequence[float]) -> list[str]:
    n = len(points)
    shown = range(n) if n <= MAX_X_LABELS else sorted({0, n // 2, n - 1})
    return [
        f'<text class="xlabel" x="{xs[i]:.1f}" y="{HEIGHT - 6}" text-anchor="middle" fill="currentColor">'
        f"{escape(points[i].label or points[i].x)}</text>"
        for i in shown
    ]


def _nice(value: float, integer: bool) -> float:
    """A round axis top at or above ``value``: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k (even for counts)."""
    if value <= 0:
        return 2.0 if integer else 1.0
    power = 10.0 ** math.floor(math.log10(value))
    top = next(s * power for s in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if s * power >= value * (1 - 1e-9))
    if integer:  # counts: the middle label stays a whole number
        top = float(max(2, math.ceil(top)))
        top += top % 2
    return top


def _scale(values: Sequence[float | None], y_min: float, y_max: float | None) -> tuple[float, float]:
    if y_max is not None:
        return y_min, y_max if y_max > y_min else y_min + 1.0
    known = [v for v in values if v is not None]
    integer = all(float(v).is_integer() for v in known)
    return y_min, y_min + _nice(max(known, default=0.0) - y_min, integer)


def _y(value: float, lo: float, hi: float) -> float:
    bottom = HEIGHT - BOTTOM
    share = min(max((value - lo) / (hi - lo), 0.0), 1.0)
    return bottom - share * (bottom - TOP)


def _slots(n: int) -> list[float]:
    """x centres of n evenly spaced slots across the plot."""
    width = (WIDTH - RIGHT - LEFT) / max(n, 1)
    return [LEFT + width * (i + 0.5) for i in range(n)]


def _point_title(point: Point, percent: bool) -> str:
    value = "–" if point.y is None else _fmt(point.y, percent)
    return f"<title>{escape(point.label or point.x)}: {escape(value)}</title>"


def line_chart(
    points: Sequence[Point],
    *,
    name: str = "",
    label: str = "",
    y_min: float = 0.0,
    y_max: float | None = None,
    percent: bool = False,
    y_labels: tuple[str, str, str] | None = None,
) -> str:
    """Points joined left to right (None breaks the line); ``percent``: values are shares 0…1.

    ``y_labels``: the bottom, middle and top labels instead of numbers (a grade scale).
    """
    lo, hi = _scale([p.y for p in points], y_min, 1.0 if percent and y_max is None else y_max)
    xs = _slots(len(points))
    parts = [*_open(name, label, "lines"), *_frame(lo, hi, percent, y_labels)]
    runs: list[list[str]] = [[]]
    for x, point in zip(xs, points, strict=True):
        if point.y is None:
            runs.append([])
        else:
            runs[-1].append(f"{x:.1f},{_y(point.y, lo, hi):.1f}")
    for run in runs:
        if len(run) > 1:
            parts.append(
                f'<polyline class="line" fill="none" stroke="currentColor" points="{" ".join(run)}"/>'
            )
    for x, point in zip(xs, points, strict=True):
        if point.y is not None:
            parts.append(
                f'<circle class="pt" data-x="{escape(point.x)}" data-y="{_num(point.y)}" cx="{x:.1f}" '
                f'cy="{_y(point.y, lo, hi):.1f}" r="3.5" fill="currentColor">'
                f"{_point_title(point, percent)}</circle>"
            )
    return "".join([*parts, *_x_labels(points, xs), "</svg>"])


def bar_chart(points: Sequence[Point], *, name: str = "", label: str = "", y_max: float | None = None) -> str:
    """One bar per point (from 0); a None value draws no bar."""
    series = [("s0", [p.y for p in points])]
    return stacked_bar_chart(points, series, name=name, label=label, y_max=y_max)


def stacked_bar_chart(
    slots: Sequence[Point],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    name: str = "",
    label: str = "",
    y_max: float | None = None,
) -> str:
    """Bars stacked bottom-up per slot, one segment per (series name, values); each segment is a point.

    The slots' ``x``/``label`` name the columns (their ``y`` is ignored); a segment carries ``data-series``.
    """
    totals = [sum(v for _, values in series if (v := values[i]) is not None) for i in range(len(slots))]
    lo, hi = _scale(totals, 0.0, y_max)
    xs = _slots(len(slots))
    bar_w = min(28.0, (WIDTH - LEFT - RIGHT) / max(len(slots), 1) * 0.7)
    parts = [*_open(name, label, "bars"), *_frame(lo, hi, False)]
    for i, (x, slot) in enumerate(zip(xs, slots, strict=True)):
        base = 0.0
        for series_name, values in series:
            value = values[i]
            if value is None:
                continue
            top, bottom = _y(base + value, lo, hi), _y(base, lo, hi)
            base += value
            point = Point(slot.x, value, slot.label)
            parts.append(
                f'<rect class="pt bar {escape(series_name)}" data-series="{escape(series_name)}" '
                f'data-x="{escape(slot.x)}" data-y="{_num(value)}" x="{x - bar_w / 2:.1f}" y="{top:.1f}" '
                f'width="{bar_w:.1f}" height="{max(bottom - top, 0.0):.1f}" fill="currentColor">'
                f"{_point_title(point, False)}</rect>"
            )
    return "".join([*parts, *_x_labels(slots, xs), "</svg>"])
