"""The /progress chart: sessions per day and reps (or hold seconds) per exercise of one week → PNG bytes.

A pure function of the WeekSummary (and the locale of its labels). Matplotlib's object API on the Agg
canvas (no pyplot, no global state); Hangul is drawn with NanumGothic from koreanize-matplotlib's wheel,
passed by path (``FontProperties(fname=…)``), so nothing is registered or configured globally.
"""

from __future__ import annotations

import io
import logging
from functools import cache
from pathlib import Path
from typing import Literal

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ticker import MaxNLocator

from analysis.report.i18n import translate
from analysis.report.render import korean_font_path
from bot.replies.progress import exercise_name, weekday_name
from bot.store.db import WeekSummary

log = logging.getLogger(__name__)
DAY_COLOUR = "#4C8BF5"
REPS_COLOUR = "#34A853"
HOLD_COLOUR = "#F5A34C"
SIZE_IN = (10.0, 4.4)
DPI = 110


@cache
def chart_font_path() -> str | None:
    """NanumGothic (regular) next to analysis.report.render's font; None when no Korean font is installed."""
    found = korean_font_path()
    if found is None:
        log.warning("no Korean font found: Hangul in charts will not render")
        return None
    regular = Path(found).with_name("NanumGothic.ttf")
    return str(regular) if regular.exists() else found


def _font(size: float, bold: bool = False) -> FontProperties:
    path = chart_font_path()
    if path is None:
        return FontProperties(size=size, weight="bold" if bold else "normal")
    bold_path = Path(path).with_name("NanumGothicBold.ttf")
    return FontProperties(fname=str(bold_path) if bold and bold_path.exists() else path, size=size)


def week_figure(summary: WeekSummary, locale: str = "ko") -> Figure:
    """The chart as a Figure (tests inspect its texts); ``week_chart`` renders it."""
    figure = Figure(figsize=SIZE_IN, dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    days_ax, reps_ax = figure.subplots(1, 2, width_ratios=(1.1, 1.0))
    _draw_days(days_ax, summary, locale)
    _draw_exercises(reps_ax, summary, locale)
    return figure


def week_chart(summary: WeekSummary, locale: str = "ko") -> bytes:
    """PNG bytes of ``week_figure``."""
    buffer = io.BytesIO()
    week_figure(summary, locale).savefig(buffer, format="png", dpi=DPI, facecolor="white")
    return buffer.getvalue()


def _draw_days(ax: Axes, summary: WeekSummary, locale: str) -> None:
    days = sorted(summary.per_day)
    counts = [summary.per_day[d] for d in days]
    labels = [
        f"{weekday_name(d.weekday(), locale)}\n{translate('chart-date', locale, mm=d.month, dd=d.day)}"
        for d in days
    ]
    bars = ax.bar(range(len(days)), counts, color=DAY_COLOUR, width=0.6)
    ax.set_xticks(range(len(days)), labels, fontproperties=_font(9))
    ax.bar_label(bars, labels=[str(c) if c else "" for c in counts], fontproperties=_font(9), padding=2)
    ax.set_ylim(0, max([*counts, 1]) * 1.25)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(translate("chart-title-days", locale), fontproperties=_font(12, bold=True))
    _tidy(ax, "y")


def _draw_exercises(ax: Axes, summary: WeekSummary, locale: str) -> None:
    items = _exercise_values(summary, locale)
    ax.set_title(translate("chart-title-reps", locale), fontproperties=_font(12, bold=True))
    if not items:
        ax.set_axis_off()
        ax.text(
            0.5,
            0.5,
            translate("chart-no-reps", locale),
            ha="center",
            va="center",
            transform=ax.transAxes,
            fontproperties=_font(11),
        )
        return
    names, values, texts, holds = zip(*items, strict=True)
    positions = range(len(items))
    colours = [HOLD_COLOUR if hold else REPS_COLOUR for hold in holds]
    bars = ax.barh(positions, values, color=colours, height=0.55)
    for bar, hold in zip(bars, holds, strict=True):
        if hold:
            bar.set_hatch("//")
    ax.set_yticks(positions, names, fontproperties=_font(10))
    ax.invert_yaxis()
    ax.bar_label(bars, labels=list(texts), fontproperties=_font(9), padding=3)
    ax.set_xlim(0, max(values) * 1.3)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    _tidy(ax, "x")


def _exercise_values(summary: WeekSummary, locale: str) -> list[tuple[str, float, str, bool]]:
    """(name, value, value label, is_hold) per exercise: reps when counted, else seconds held."""
    items: list[tuple[str, float, str, bool]] = []
    for ex, reps in sorted(summary.reps_by_exercise.items(), key=lambda kv: (-kv[1], kv[0])):
        items.append((exercise_name(ex, locale), reps, translate("history-reps", locale, count=reps), False))
    for ex, held in sorted(summary.hold_s_by_exercise.items(), key=lambda kv: (-kv[1], kv[0])):
        if ex not in summary.reps_by_exercise:
            seconds = round(held)
            label = translate("history-hold", locale, seconds=seconds)
            items.append((exercise_name(ex, locale), seconds, label, True))
    return items


def _tidy(ax: Axes, grid_axis: Literal["x", "y"]) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis=grid_axis, alpha=0.25)
    ax.set_axisbelow(True)
