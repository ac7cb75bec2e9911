"""Progress questions in words ("이번 주 스쿼트 어땠어?", "how did I do last month?"): the span a period names
in the user's time zone, the one before it, and the answer's text with numbers. Pure.

Periods: today, this_week, last_week, this_month, all (from the first analysis on). Weeks run Monday to
Monday, months from the 1st, days from midnight, all in the user's time zone; ``all`` has nothing before
it to compare with.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from analysis.report.i18n import translate
from bot.replies.progress import exercise_lines, grade_mix, week_bounds
from bot.store.db import Session, WeekSummary

PERIODS = ("today", "this_week", "last_week", "this_month", "all")
Span = tuple[datetime | None, datetime]  # [start, end) in UTC; start None: from the beginning


def period_span(period: str, now: datetime, timezone: str, back: int = 0) -> Span:
    """The span ``period`` names at ``now``, or (``back`` > 0) the one ``back`` spans before it."""
    zone = ZoneInfo(timezone)
    today = now.astimezone(zone).date()
    if period == "today":
        return _local(today - timedelta(days=back), zone), _local(today - timedelta(days=back - 1), zone)
    if period in ("this_week", "last_week"):
        return week_bounds(now, timezone, back + (period == "last_week"))
    if period == "this_month":
        first = _month(today, -back)
        return _local(first, zone), _local(_month(first, 1), zone)
    return None, now.astimezone(UTC)


def previous_span(period: str, now: datetime, timezone: str) -> Span | None:
    """The span before the one asked about (None for ``all``)."""
    return None if period == "all" else period_span(period, now, timezone, back=1)


def summarize(sessions: Sequence[Session]) -> WeekSummary:
    """Sessions → the counts /progress shows (no per-day breakdown, no per-rep grades)."""
    reps: Counter[str] = Counter()
    holds: defaultdict[str, float] = defaultdict(float)
    for s in sessions:
        reps[s.exercise] += s.reps or 0
        holds[s.exercise] += s.hold_s or 0.0
    return WeekSummary(
        sessions=len(sessions),
        sessions_by_exercise=dict(Counter(s.exercise for s in sessions)),
        reps_by_exercise={k: v for k, v in reps.items() if v},
        hold_s_by_exercise={k: v for k, v in holds.items() if v},
        session_grades=dict(Counter(s.grade for s in sessions)),
        rep_grades={},
        per_day={},
    )


def activity_text(
    this: WeekSummary, previous: WeekSummary | None, period: str, exercise: str | None, locale: str
) -> str:
    """The answer: sessions, per exercise counts, grades, and the comparison when ``previous`` is given."""
    span = translate(f"talk-period-{period}", locale)
    if not this.sessions:
        if exercise:
            return translate("talk-progress-empty-exercise", locale, span=span, exercise=exercise)
        return translate("talk-progress-empty", locale, span=span)
    if exercise:
        header = translate("talk-progress-header-exercise", locale, span=span, exercise=exercise)
    else:
        header = translate("talk-progress-header", locale, span=span)
    lines = [
        header,
        translate("progress-sessions", locale, count=this.sessions),
        *exercise_lines(this, locale),
    ]
    if this.session_grades:
        lines.append(translate("progress-grades", locale, mix=grade_mix(this.session_grades, locale)))
    if previous is not None:
        lines += compare_lines(this, previous, period, exercise, locale)
    return "\n".join(lines)


def compare_lines(
    this: WeekSummary, previous: WeekSummary, period: str, exercise: str | None, locale: str
) -> list[str]:
    before = translate(f"talk-before-{period}", locale)
    lines = [_trend("sessions", this.sessions, previous.sessions, before, locale)]
    if exercise and (this.reps_by_exercise or previous.reps_by_exercise):
        now_reps, then_reps = (
            this.reps_by_exercise.get(exercise, 0),
            previous.reps_by_exercise.get(exercise, 0),
        )
        lines.append(_trend("reps", now_reps, then_reps, before, locale))
    return lines


def _trend(unit: str, now: int, then: int, before: str, locale: str) -> str:
    if then == 0:
        return translate("talk-compare-new", locale, before=before, unit=unit, count=now)
    key = "talk-compare-up" if now > then else "talk-compare-down" if now < then else "talk-compare-same"
    return translate(key, locale, before=before, unit=unit, count=now, previous=then, diff=abs(now - then))


def _local(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(), zone).astimezone(UTC)


def _month(day: date, months: int) -> date:
    """The first of the month ``months`` after (or before) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
