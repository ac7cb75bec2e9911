"""Pure text of /progress, the weekly summary push and /history: WeekSummary / HistoryEntry → localized text.

Weeks run Monday 00:00 to Monday 00:00 in the user's time zone (``week_bounds``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from analysis.report.i18n import translate
from bot.store.db import HistoryEntry, WeekSummary
from bot.store.types import NO_GRADE

GRADE_ORDER = ("perfect", "good", "bad", NO_GRADE)  # not rated counted as such, never as a grade


def week_bounds(now: datetime, timezone: str, weeks_back: int = 0) -> tuple[datetime, datetime]:
    """[start, end) in UTC of the local Monday-to-Monday week containing ``now``, ``weeks_back`` weeks ago."""
    zone = ZoneInfo(timezone)
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday() + 7 * weeks_back)
    start = datetime.combine(monday, time(), zone)
    end = datetime.combine(monday + timedelta(days=7), time(), zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def weekday_name(weekday: int, locale: str) -> str:
    """Short name of a datetime.weekday() number (0 = Monday)."""
    return translate(f"weekday-{weekday}", locale)


def short_date(day: date, locale: str) -> str:
    return translate("progress-date", locale, mm=day.month, dd=day.day)


def exercise_name(exercise: str, locale: str) -> str:
    return translate("exercise-name", locale, exercise=exercise)


def grade_name(grade: str, locale: str) -> str:
    return translate(f"grade-{grade}", locale)


def grade_mix(grades: Mapping[str, int], locale: str) -> str:
    """ "퍼펙트 2번, 굿 1번, 판정 보류 1번" — grades in order, then those not rated; zero counts left out."""
    parts = [
        translate("progress-grade-count", locale, grade=grade_name(g, locale), count=grades[g])
        for g in GRADE_ORDER
        if grades.get(g)
    ]
    return ", ".join(parts)


def week_range(summary: WeekSummary, locale: str) -> str:
    days = sorted(summary.per_day)
    if not days:
        return ""
    first, last = short_date(days[0], locale), short_date(days[-1], locale)
    return translate("progress-range", locale, first=first, last=last)


def report_text(
    this: WeekSummary, previous: WeekSummary, locale: str, *, name: str, weekly: bool = False
) -> str:
    """/progress (``weekly=False``: this week so far) or the Monday push (``weekly=True``: last week)."""
    if not this.sessions:
        return translate("weekly-empty" if weekly else "progress-empty", locale)
    span = week_range(this, locale)
    if weekly:
        header = translate("weekly-header", locale, range=span)
    else:
        header = translate("progress-header", locale, name=name, range=span)
    lines = [header, translate("progress-sessions", locale, count=this.sessions)]
    lines += exercise_lines(this, locale)
    if this.session_grades:
        lines.append(translate("progress-grades", locale, mix=grade_mix(this.session_grades, locale)))
    if this.rep_grades:
        lines.append(translate("progress-rep-grades", locale, mix=grade_mix(this.rep_grades, locale)))
    lines.append(trend_text(this.sessions, previous.sessions, locale, weekly=weekly))
    return "\n".join(lines)


def exercise_lines(summary: WeekSummary, locale: str) -> list[str]:
    order = sorted(summary.sessions_by_exercise, key=lambda ex: (-summary.sessions_by_exercise[ex], ex))
    lines = []
    for ex in order:
        sessions = summary.sessions_by_exercise[ex]
        if summary.reps_by_exercise.get(ex):
            count = summary.reps_by_exercise[ex]
            lines.append(
                translate("progress-exercise-reps", locale, exercise=ex, count=count, sessions=sessions)
            )
        elif summary.hold_s_by_exercise.get(ex):
            seconds = round(summary.hold_s_by_exercise[ex])
            lines.append(
                translate("progress-exercise-hold", locale, exercise=ex, seconds=seconds, sessions=sessions)
            )
        else:
            lines.append(translate("progress-exercise-sessions", locale, exercise=ex, sessions=sessions))
    return lines


def trend_text(sessions: int, previous: int, locale: str, *, weekly: bool = False) -> str:
    scope = "weekly" if weekly else "current"
    if previous == 0:
        return translate("progress-trend-new", locale, scope=scope)
    if sessions > previous:
        return translate("progress-trend-up", locale, scope=scope, diff=sessions - previous)
    if sessions < previous:
        return translate("progress-trend-down", locale, scope=scope, diff=previous - sessions)
    return translate("progress-trend-same", locale, scope=scope, count=sessions)


def history_text(entries: Sequence[HistoryEntry], timezone: str, locale: str) -> str:
    """Recent analyses, newest first, stamped in the user's time zone."""
    if not entries:
        return translate("history-empty", locale)
    zone = ZoneInfo(timezone)
    lines = [translate("history-header", locale, count=len(entries), timezone=timezone)]
    lines += [history_line(entry, zone, locale) for entry in entries]
    return "\n".join(lines)


def history_line(entry: HistoryEntry, zone: ZoneInfo, locale: str) -> str:
    local = entry.created_at.astimezone(zone)
    stamp = translate(
        "history-stamp",
        locale,
        mm=local.month,
        dd=local.day,
        wd=weekday_name(local.weekday(), locale),
        clock=local.strftime("%H:%M"),
    )
    grade = grade_name(entry.grade, locale)
    if entry.rep_count and entry.corrected:  # the user's count, with what the analysis measured
        measured = entry.measured_count or 0
        amount = translate("history-reps-corrected", locale, count=entry.rep_count, measured=measured)
    elif entry.rep_count:
        amount = translate("history-reps", locale, count=entry.rep_count)
    elif entry.hold_s:
        amount = translate("history-hold", locale, seconds=round(entry.hold_s))
    else:
        return translate("history-line-plain", locale, stamp=stamp, exercise=entry.exercise, grade=grade)
    return translate("history-line", locale, stamp=stamp, exercise=entry.exercise, amount=amount, grade=grade)
