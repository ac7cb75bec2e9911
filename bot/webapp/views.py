"""The API's JSON bodies: a source's dataclasses as plain JSON values, with their SVG charts attached.

Dates and datetimes become ISO strings (datetimes keep their offset: they are in the user's zone), a
ConditionResult gets its ``pass_rate``, and each body has ``charts``: chart name → SVG string (see
``bot.webapp.svg``; the page inserts them as they are). Chart labels are in ``locale``.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import available_timezones

from analysis.report.i18n import translate
from bot.webapp import svg
from bot.webapp.source import (
    GRADE_MIX,
    ConditionResult,
    DashboardSettings,
    ExerciseSession,
    ExerciseView,
    HistoryItem,
    WeekView,
)

__all__ = ["exercise_body", "history_body", "plain", "settings_body", "week_body"]

GRADE_SCORE = {"bad": 0.0, "good": 1.0, "perfect": 2.0}  # the grade chart's y


def plain(value: Any) -> Any:
    """JSON-ready: dataclasses → dicts, tuples → lists, date/datetime → ISO strings."""
    if isinstance(value, ConditionResult):
        return {**_fields(value), "pass_rate": value.pass_rate}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _fields(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def _fields(value: Any) -> dict[str, Any]:
    return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}


def _day_label(day: date) -> str:
    return f"{day.month}/{day.day}"


def week_body(view: WeekView, locale: str) -> dict[str, Any]:
    days = [svg.Point(d.day.isoformat(), d.workouts, _day_label(d.day)) for d in view.days]
    slots = [svg.Point(g, None, translate(f"grade-{g}", locale)) for g in GRADE_MIX]  # not rated last
    grade_series = [(g, [view.rep_grades.get(g, 0) if s.x == g else None for s in slots]) for g in GRADE_MIX]
    exercises = [
        svg.Point(e.exercise, e.reps, translate(f"exercise-{e.exercise}", locale)) for e in view.by_exercise
    ]
    return {
        **_fields(view),
        "trend": {
            "workouts": view.totals.workouts - view.previous.workouts,
            "reps": view.totals.reps - view.previous.reps,
        },
        "charts": {
            "days": svg.bar_chart(days, name="days", label=translate("webapp-per-day", locale)),
            "grades": svg.stacked_bar_chart(
                slots, grade_series, name="grades", label=translate("webapp-grade-mix", locale)
            ),
            "exercises": svg.bar_chart(
                exercises, name="exercises", label=translate("webapp-by-exercise", locale)
            ),
        },
    }


def _session_point(session: ExerciseSession, y: float | None) -> svg.Point:
    when = session.created_at
    return svg.Point(when.isoformat(timespec="minutes"), y, _day_label(when.date()))


def exercise_body(view: ExerciseView, locale: str, session_id: int | None) -> dict[str, Any]:
    """The exercise's series; the per-rep charts are of ``session_id`` (default: the latest session)."""
    sessions = view.sessions
    charts = {
        "reps": svg.bar_chart(
            [_session_point(s, s.reps if s.reps is not None else s.hold_s) for s in sessions],
            name="reps",
            label=translate("webapp-reps-over-time", locale),
        ),
        "grade": svg.line_chart(
            [_session_point(s, GRADE_SCORE.get(s.grade or "")) for s in sessions],
            name="grade",
            label=translate("webapp-grade-over-time", locale),
            y_max=2.0,
            y_labels=tuple(translate(f"grade-{g}", locale) for g in ("bad", "good", "perfect")),
        ),
    }
    for condition in view.conditions:
        rates = [_rate(s.conditions, condition) for s in sessions]
        if all(r is None for r in rates):
            continue  # never judged (e.g. not visible from the usual camera angle): no empty chart
        name = translate(f"condition-{view.exercise}-{condition}", locale)
        charts[f"condition:{condition}"] = svg.line_chart(
            [_session_point(s, r) for s, r in zip(sessions, rates, strict=True)],
            name=f"condition:{condition}",
            label=name,
            percent=True,
        )
    chosen = _chosen(sessions, session_id)
    if chosen is not None and chosen.rep_details:
        charts.update(_rep_charts(chosen, locale))
    return {
        **_fields(view),
        "session": chosen.analysis_id if chosen else None,
        "charts": charts,
    }


def _rate(results: Sequence[ConditionResult], condition: str) -> float | None:
    return next((r.pass_rate for r in results if r.condition == condition), None)


def _chosen(sessions: Sequence[ExerciseSession], session_id: int | None) -> ExerciseSession | None:
    if session_id is not None:
        return next((s for s in sessions if s.analysis_id == session_id), None)
    return sessions[-1] if sessions else None


def _rep_charts(session: ExerciseSession, locale: str) -> dict[str, str]:
    reps = session.rep_details
    slots = [svg.Point(str(r.index), None) for r in reps]
    rom = [r.rom_share for r in reps]
    return {
        "rom": svg.line_chart(
            [svg.Point(str(r.index), r.rom_share) for r in reps],
            name="rom",
            label=translate("webapp-rom", locale),
            percent=True,
            y_max=math.ceil(max([1.0, *(v for v in rom if v is not None)]) * 10) / 10,  # 102% → 110%
        ),
        "tempo": svg.stacked_bar_chart(
            slots,
            [
                ("down", [r.down_s for r in reps]),
                ("pause", [r.pause_s for r in reps]),
                ("up", [r.up_s for r in reps]),
            ],
            name="tempo",
            label=translate("webapp-tempo", locale),
        ),
        "lr": svg.bar_chart(
            [svg.Point(str(r.index), r.lr_diff) for r in reps],
            name="lr",
            label=translate("webapp-lr-diff", locale),
        ),
    }


def history_body(items: Sequence[HistoryItem], limit: int) -> dict[str, Any]:
    """The items, and ``next_before`` for the next page (None: this was the last one)."""
    more = len(items) >= limit and bool(items)
    return {"items": plain(list(items)), "next_before": items[-1].analysis_id if more else None}


@functools.cache
def timezones() -> tuple[str, ...]:
    """IANA zone names the settings page offers (region/city names and UTC)."""
    return tuple(sorted(z for z in available_timezones() if "/" in z and not z.startswith("Etc/")) + ["UTC"])


def settings_body(settings: DashboardSettings, locales: Sequence[str]) -> dict[str, Any]:
    return {"settings": plain(settings), "languages": list(locales), "timezones": list(timezones())}
