"""The DashboardSource over the bot's Store (SQLite or PostgreSQL): the Mini App shows what the bot stored.

Reads only, except ``update_settings`` (the same store calls as /settings, then ``on_change`` — in the bot,
``source_for(application)`` reschedules the weekly summary and moves reminders to a new time zone, as
/settings does). A user the store does not know sees empty pages and default settings; reading never
creates a row (after /delete the API shows nothing and stores nothing). Weekly goals and streaks are
the chat layer's (bot.store.talk): the week page shows the user's first goal and its streak in weeks.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from telegram.ext import Application

from analysis.vocab import catalog
from bot.context import services, utcnow
from bot.pushes.schedule import follow_timezone, schedule_weekly
from bot.replies.progress import week_bounds
from bot.store.db import ConditionCount, HistoryEntry, RepRow, Store, UserSettings
from bot.store.types import NO_GRADE
from bot.webapp.source import (
    GRADE_MIX,
    ConditionResult,
    DashboardSettings,
    DayCount,
    ExerciseSession,
    ExerciseView,
    ExerciseWeek,
    Goal,
    HistoryItem,
    RepDetail,
    SettingsChange,
    WeekTotals,
    WeekView,
)

__all__ = ["EXERCISE_SESSIONS", "StoreDashboardSource", "source_for"]

EXERCISE_SESSIONS = 60  # the per-exercise page charts the latest this many analyses
OnChange = Callable[[UserSettings | None, UserSettings], Awaitable[None]]


class StoreDashboardSource:
    def __init__(
        self,
        store: Store,
        *,
        default_tz: str = "Asia/Seoul",
        clock: Callable[[], datetime] = utcnow,
        on_change: OnChange | None = None,
    ) -> None:
        self.store = store
        self.default_tz = default_tz
        self.clock = clock
        self.on_change = on_change

    async def _zone(self, user_id: int) -> ZoneInfo:
        settings = await self.store.get_settings(user_id)
        return ZoneInfo(settings.timezone if settings else self.default_tz)

    # --- this week ---------------------------------------------------------------------------------------

    async def week(self, user_id: int, week_offset: int) -> WeekView:
        zone = await self._zone(user_id)
        now = self.clock()
        start, end = week_bounds(now, zone.key, week_offset)
        previous_start, _ = week_bounds(now, zone.key, week_offset + 1)
        rows = await self.store.analyses_between(user_id, previous_start, end)
        this = [r for r in rows if r.created_at >= start]
        monday = start.astimezone(zone).date()
        per_day: dict[Any, list[HistoryEntry]] = defaultdict(list)
        for r in this:
            per_day[r.created_at.astimezone(zone).date()].append(r)
        days = tuple(
            DayCount(day, len(per_day[day]), sum(r.rep_count or 0 for r in per_day[day]))
            for day in (monday + timedelta(days=i) for i in range(7))
        )
        grades = await self.store.rep_grade_counts(user_id, start, end)
        return WeekView(
            week_start=monday,
            totals=_totals(this),
            previous=_totals([r for r in rows if r.created_at < start]),
            days=days,
            by_exercise=_by_exercise(this),
            rep_grades={g: grades[g] for g in GRADE_MIX if grades.get(g)},
            **await self._goal(user_id, zone, now - timedelta(weeks=week_offset)),
        )

    async def _goal(self, user_id: int, zone: ZoneInfo, at: datetime) -> dict[str, Any]:
        """The week's goal (the user's first: the chat layer's weekly goals) and its streak in weeks."""
        statuses = await self.store.goal_status(user_id, zone.key, at)
        if not statuses:
            return {"goal": None, "streak_weeks": None}
        first = statuses[0]
        return {"goal": Goal(target=first.goal.target, done=first.done), "streak_weeks": first.streak}

    # --- per exercise ------------------------------------------------------------------------------------

    async def exercises(self, user_id: int) -> list[str]:
        return await self.store.exercises_done(user_id)

    async def exercise(self, user_id: int, exercise_id: str) -> ExerciseView | None:
        if exercise_id not in catalog.CATALOG:
            return None
        conditions = tuple(c.id for c in catalog.get(exercise_id).conditions)
        zone = await self._zone(user_id)
        entries = await self.store.exercise_analyses(user_id, exercise_id, EXERCISE_SESSIONS)
        ids = [e.analysis_id for e in entries]
        counts = _by_analysis(await self.store.condition_counts(user_id, ids))
        reps: dict[int, list[RepRow]] = defaultdict(list)
        for rep in await self.store.rep_rows(user_id, ids):
            reps[rep.analysis_id].append(rep)
        sessions = tuple(
            ExerciseSession(
                analysis_id=e.analysis_id,
                created_at=e.created_at.astimezone(zone),
                reps=e.rep_count if e.hold_s is None else None,
                hold_s=e.hold_s,
                grade=_grade(e.grade),
                conditions=_results(counts.get(e.analysis_id, []), conditions),
                rep_details=tuple(_detail(r) for r in reps[e.analysis_id]),
            )
            for e in entries
        )
        return ExerciseView(exercise_id, conditions, sessions)

    # --- history -----------------------------------------------------------------------------------------

    async def history(self, user_id: int, limit: int, before: int | None) -> list[HistoryItem]:
        zone = await self._zone(user_id)
        entries = await self.store.analyses_page(user_id, limit, before)
        ids = [e.analysis_id for e in entries]
        counts = _by_analysis(await self.store.condition_counts(user_id, ids))
        thumbs = await self.store.thumbnail_counts(user_id, ids)
        order: dict[str, tuple[str, ...]] = {}
        items = []
        for e in entries:
            if e.exercise not in order:
                known = catalog.get(e.exercise).conditions if e.exercise in catalog.CATALOG else ()
                order[e.exercise] = tuple(c.id for c in known)
            items.append(
                HistoryItem(
                    analysis_id=e.analysis_id,
                    created_at=e.created_at.astimezone(zone),
                    exercise=e.exercise,
                    grade=_grade(e.grade),
                    reps=e.rep_count if e.hold_s is None else None,
                    hold_s=e.hold_s,
                    conditions=_results(counts.get(e.analysis_id, []), order[e.exercise]),
                    thumbnails=thumbs.get(e.analysis_id, 0),
                )
            )
        return items

    async def thumbnail(self, user_id: int, analysis_id: int, index: int) -> bytes | None:
        return await self.store.thumbnail(user_id, analysis_id, index)

    # --- settings ----------------------------------------------------------------------------------------

    async def settings(self, user_id: int) -> DashboardSettings:
        found = await self.store.get_settings(user_id)
        if found is None:
            return DashboardSettings("ko", True, self.default_tz, False, True)
        return _settings(found)

    async def update_settings(self, user_id: int, changes: SettingsChange) -> DashboardSettings:
        before = await self.store.get_settings(user_id)
        if before is None:  # new here: created as the bot creates users, in the bot's default time zone
            await self.store.ensure_user(user_id, changes.language or "ko", self.default_tz)
        given = {k: v for k, v in dataclasses.asdict(changes).items() if v is not None}
        after = await self.store.update_settings(user_id, **given)
        if self.on_change is not None:
            await self.on_change(before, after)
        return _settings(after)


def source_for(application: Application[Any, Any, Any, Any, Any, Any]) -> StoreDashboardSource:
    """The source of the running bot: its store, default time zone and clock; settings changed in the Mini
    App reschedule the weekly summary and the reminders as /settings does (through the JobQueue when this
    process has one; a scale-out scheduler picks the change up from the database)."""
    svc = services(application)

    async def follow(before: UserSettings | None, after: UserSettings) -> None:
        if before is None or before.timezone != after.timezone:
            await follow_timezone(application, after)  # type: ignore[arg-type]  # an Application will do
        elif before.weekly_summary != after.weekly_summary and application.job_queue is not None:
            schedule_weekly(application.job_queue, after)

    return StoreDashboardSource(
        svc.store, default_tz=svc.settings.default_tz, clock=svc.clock, on_change=follow
    )


def _totals(rows: Sequence[HistoryEntry]) -> WeekTotals:
    return WeekTotals(
        len(rows), sum(r.rep_count or 0 for r in rows), float(sum(r.hold_s or 0.0 for r in rows))
    )


def _by_exercise(rows: Sequence[HistoryEntry]) -> tuple[ExerciseWeek, ...]:
    workouts = Counter(r.exercise for r in rows)
    reps: Counter[str] = Counter()
    hold: defaultdict[str, float] = defaultdict(float)
    for r in rows:
        reps[r.exercise] += r.rep_count or 0
        hold[r.exercise] += r.hold_s or 0.0
    order = sorted(workouts, key=lambda ex: (-workouts[ex], ex))
    return tuple(ExerciseWeek(ex, workouts[ex], reps[ex], hold[ex]) for ex in order)


def _by_analysis(counts: Sequence[ConditionCount]) -> dict[int, list[ConditionCount]]:
    out: dict[int, list[ConditionCount]] = defaultdict(list)
    for c in counts:
        out[c.analysis_id].append(c)
    return out


def _results(counts: Sequence[ConditionCount], order: Sequence[str]) -> tuple[ConditionResult, ...]:
    """Judged conditions in catalog order (others after, by id); never-judged ones left out."""
    judged = {c.condition_id: c for c in counts if c.passed + c.failed}
    ids = [c for c in order if c in judged] + sorted(c for c in judged if c not in order)
    return tuple(ConditionResult(c, judged[c].passed, judged[c].failed) for c in ids)


def _detail(rep: RepRow) -> RepDetail:
    return RepDetail(
        index=rep.idx + 1,
        grade=_grade(rep.grade),
        rom_share=rep.rom_share,
        down_s=rep.down_s,
        pause_s=rep.pause_s,
        up_s=rep.up_s,
        lr_diff=rep.lr_diff,
    )


def _grade(grade: str | None) -> str | None:
    return None if grade in (None, NO_GRADE) else grade


def _settings(s: UserSettings) -> DashboardSettings:
    return DashboardSettings(s.language, s.voice_on, s.timezone, s.weekly_summary, s.keep_photos)
