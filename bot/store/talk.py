"""The conversation's queries: the chat's short memory (a question waiting for its answer, the last change an
undo button may take back), counts the user corrected, weekly goals with their progress and streak, the
sessions of a span, and the whole history for export."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.store.base import StoreBase, _dt
from bot.store.driver import Row, Tx

DETAIL_LEVELS = ("brief", "detailed")
GOAL_UNITS = ("reps", "sessions")
STREAK_WEEKS = 52  # a streak looks back at most this far
_GOAL_COLUMNS = "id, user_id, exercise, unit, target, created_at, updated_at"
_UPSERT_GOAL = (
    "INSERT INTO goals (user_id, exercise, unit, target, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (user_id, exercise) DO UPDATE SET unit = excluded.unit, target = excluded.target,"
    " created_at = excluded.created_at, updated_at = excluded.updated_at"
)
_SESSION_COLUMNS = "id, exercise, grade, COALESCE(corrected_count, rep_count) AS counted, hold_s, created_at"


@dataclass(frozen=True)
class Goal:
    id: int
    user_id: int
    exercise: str | None  # a catalog id; None: every exercise together
    unit: str  # "reps" or "sessions"
    target: int  # per week (Monday to Monday in the user's time zone)
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class GoalStatus:
    goal: Goal
    done: int  # reps or sessions in the week asked about
    streak: int  # weeks in a row the goal was met, ending with that week once it is met

    @property
    def met(self) -> bool:
        return self.done >= self.goal.target


@dataclass(frozen=True)
class Session:
    """One analysed clip, as progress answers and goals count it."""

    analysis_id: int
    exercise: str
    grade: str
    reps: int | None  # the user's corrected count where they corrected it
    hold_s: float | None
    created_at: datetime


@dataclass(frozen=True)
class Correction:
    analysis_id: int
    exercise: str
    measured: int | None  # what the analysis counted (kept)
    before: int | None  # the user's count before this change (None: the measured one was in effect)
    count: int | None  # the user's count now (None: back to the measured one)


@dataclass(frozen=True)
class ExportRecord:
    """One analysis with everything stored about it."""

    analysis_id: int
    created_at: datetime
    exercise: str
    grade: str
    rep_count: int | None  # measured
    corrected_count: int | None  # the user's, when they corrected it
    hold_s: float | None
    confidence: float
    view: str
    duration_s: float
    reps: tuple[tuple[int, str, float, float], ...]  # (index, grade, start_s, end_s)
    conditions: tuple[tuple[int | None, str, str, float | None, float | None], ...]  # as AnalysisRecord


class TalkQueries(StoreBase):
    # --- the chat's short memory ---------------------------------------------------------------------

    async def remember(self, user_id: int, slot: str, value: Mapping[str, Any], ttl_s: float) -> None:
        """Keep ``value`` (JSON-able) under ``slot`` for ``ttl_s`` seconds, replacing what was there."""
        expires = self._db.ts(self._clock() + timedelta(seconds=ttl_s))
        async with self._db.transaction() as tx:
            await self._insert_user(tx, user_id)
            await tx.execute(
                "INSERT INTO chat_memory (user_id, slot, value, expires_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (user_id, slot) DO UPDATE SET value = excluded.value,"
                " expires_at = excluded.expires_at",
                (user_id, slot, json.dumps(dict(value), ensure_ascii=False), expires),
            )

    async def recall(self, user_id: int, slot: str) -> dict[str, Any] | None:
        """What ``slot`` holds, unless it expired."""
        row = await self._one(
            "SELECT value FROM chat_memory WHERE user_id = ? AND slot = ? AND expires_at > ?",
            (user_id, slot, self._now()),
        )
        return json.loads(row[0]) if row else None

    async def take(self, user_id: int, slot: str) -> dict[str, Any] | None:
        """Read and forget ``slot`` at once: of two callers (two taps, two front ends) only one gets it."""
        async with self._db.transaction() as tx:
            rows = await tx.fetch(
                "DELETE FROM chat_memory WHERE user_id = ? AND slot = ? RETURNING value, expires_at",
                (user_id, slot),
            )
        if not rows or _dt(rows[0]["expires_at"]) <= self._clock():
            return None
        return json.loads(rows[0]["value"])  # type: ignore[no-any-return]

    async def forget(self, user_id: int, slot: str) -> bool:
        async with self._db.transaction() as tx:
            return (
                await tx.execute("DELETE FROM chat_memory WHERE user_id = ? AND slot = ?", (user_id, slot))
                > 0
            )

    async def _forget_expired(self, tx: Tx) -> int:
        return await tx.execute("DELETE FROM chat_memory WHERE expires_at <= ?", (self._now(),))

    # --- corrected counts --------------------------------------------------------------------------

    async def correct_count(self, user_id: int, analysis_id: int, count: int | None) -> Correction | None:
        """Set the user's count of a counted analysis (``None``: back to the measured one); None when the
        analysis is not theirs or was timed (a hold), not counted."""
        if count is not None and not 0 <= count <= 10000:
            raise ValueError("count must be 0..10000")
        async with self._db.transaction() as tx:
            rows = await tx.fetch(
                "SELECT exercise, rep_count, corrected_count, hold_s FROM analyses"
                " WHERE id = ? AND user_id = ?" + self._sql.lock_row,
                (analysis_id, user_id),
            )
            if not rows or rows[0]["hold_s"] is not None:
                return None
            row = rows[0]
            await tx.execute(
                "UPDATE analyses SET corrected_count = ?, corrected_at = ? WHERE id = ?",
                (count, None if count is None else self._now(), analysis_id),
            )
        return Correction(analysis_id, row["exercise"], row["rep_count"], row["corrected_count"], count)

    async def analysis_of_message(self, user_id: int, chat_id: int, message_id: int) -> int | None:
        """The analysis a message belongs to: the user's clip or the job's progress message."""
        row = await self._one(
            "SELECT analysis_id FROM jobs WHERE user_id = ? AND chat_id = ? AND analysis_id IS NOT NULL"
            " AND (message_id = ? OR source_message_id = ?) ORDER BY id DESC LIMIT 1",
            (user_id, chat_id, message_id, message_id),
        )
        return int(row[0]) if row else None

    async def missed_conditions(self, user_id: int, exercise: str) -> dict[str, tuple[int, int]]:
        """Condition id → (verdicts failed, verdicts judged) over the user's analyses of ``exercise``."""
        rows = await self._db.fetch(
            "SELECT c.condition_id, SUM(CASE WHEN c.status = 'fail' THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN c.status IN ('pass', 'fail') THEN 1 ELSE 0 END) FROM condition_results c"
            " JOIN analyses a ON a.id = c.analysis_id WHERE a.user_id = ? AND a.exercise = ?"
            " GROUP BY c.condition_id",
            (user_id, exercise),
        )
        return {r[0]: (int(r[1]), int(r[2])) for r in rows}

    # --- goals -----------------------------------------------------------------------------------------

    async def goals(self, user_id: int) -> list[Goal]:
        rows = await self._db.fetch(
            f"SELECT {_GOAL_COLUMNS} FROM goals WHERE user_id = ? ORDER BY exercise, id", (user_id,)
        )
        return [_goal(r) for r in rows]

    async def set_goal(
        self, user_id: int, exercise: str | None, unit: str, target: int
    ) -> tuple[Goal, Goal | None]:
        """The user's weekly goal for ``exercise`` (None: all together), replacing the one it had;
        returns (the goal, the one it replaced or None)."""
        if unit not in GOAL_UNITS or not 1 <= target <= 100000:
            raise ValueError("unit must be reps/sessions and target 1..100000")
        async with self._db.transaction() as tx:
            await self._insert_user(tx, user_id)
            old = await tx.fetch(
                f"SELECT {_GOAL_COLUMNS} FROM goals WHERE user_id = ? AND exercise = ?" + self._sql.lock_row,
                (user_id, exercise or ""),
            )
            rows = await tx.fetch(
                f"{_UPSERT_GOAL} RETURNING {_GOAL_COLUMNS}",
                (user_id, exercise or "", unit, target, self._now(), self._now()),
            )
        return _goal(rows[0]), _goal(old[0]) if old else None

    async def put_goal(self, goal: Goal) -> None:
        """Put a goal back exactly as it was (an undo)."""
        async with self._db.transaction() as tx:
            await self._insert_user(tx, goal.user_id)
            await tx.execute(
                _UPSERT_GOAL,
                (goal.user_id, goal.exercise or "", goal.unit, goal.target)
                + (self._db.ts(goal.created_at), self._db.ts(goal.updated_at)),
            )

    async def delete_goal(self, user_id: int, exercise: str | None) -> bool:
        async with self._db.transaction() as tx:
            return (
                await tx.execute(
                    "DELETE FROM goals WHERE user_id = ? AND exercise = ?", (user_id, exercise or "")
                )
                > 0
            )

    async def goal_status(self, user_id: int, timezone: str, at: datetime) -> list[GoalStatus]:
        """Each goal's progress in the local week holding ``at``, and its streak: the weeks in a row, since
        the goal was set, that met it (the week of ``at`` counts once met; before, it breaks nothing)."""
        goals = await self.goals(user_id)
        if not goals:
            return []
        zone = ZoneInfo(timezone)
        week = _monday(at, zone)
        first = max(min(_monday(g.created_at, zone) for g in goals), week - timedelta(weeks=STREAK_WEEKS))
        sessions = await self.sessions(user_id, _midnight(first, zone), _midnight(week + timedelta(7), zone))
        by_week: dict[date, list[Session]] = {}
        for s in sessions:
            by_week.setdefault(_monday(s.created_at, zone), []).append(s)
        statuses = []
        for goal in goals:
            since = max(_monday(goal.created_at, zone), first)
            done = _amount(goal, by_week.get(week, []))
            streak, back = int(done >= goal.target), week - timedelta(7)
            while back >= since and _amount(goal, by_week.get(back, [])) >= goal.target:
                streak, back = streak + 1, back - timedelta(7)
            statuses.append(GoalStatus(goal, done, streak))
        return statuses

    # --- sessions and export ---------------------------------------------------------------------------

    async def sessions(
        self, user_id: int, start: datetime | None, end: datetime, exercise: str | None = None
    ) -> list[Session]:
        """The user's analyses in [start, end) (``start`` None: from the first), oldest first."""
        sql = f"SELECT {_SESSION_COLUMNS} FROM analyses WHERE user_id = ? AND created_at < ?"
        params: tuple[Any, ...] = (user_id, self._db.ts(end))
        if start is not None:
            sql, params = sql + " AND created_at >= ?", (*params, self._db.ts(start))
        if exercise is not None:
            sql, params = sql + " AND exercise = ?", (*params, exercise)
        rows = await self._db.fetch(sql + " ORDER BY created_at, id", params)
        return [
            Session(r["id"], r["exercise"], r["grade"], r["counted"], r["hold_s"], _dt(r["created_at"]))
            for r in rows
        ]

    async def export_history(self, user_id: int) -> list[ExportRecord]:
        """Every analysis of the user, oldest first, with its reps and condition verdicts."""
        async with self._db.snapshot() as tx:
            analyses = await tx.fetch(
                "SELECT id, created_at, exercise, grade, rep_count, corrected_count, hold_s, confidence,"
                " view, duration_s FROM analyses WHERE user_id = ? ORDER BY created_at, id",
                (user_id,),
            )
            reps = await tx.fetch(
                "SELECT analysis_id, idx, grade, start_s, end_s FROM reps WHERE user_id = ?"
                " ORDER BY analysis_id, idx",
                (user_id,),
            )
            conditions = await tx.fetch(
                "SELECT analysis_id, rep_idx, condition_id, status, value, threshold FROM condition_results"
                " WHERE user_id = ? ORDER BY id",
                (user_id,),
            )
        rep_rows: dict[int, list[tuple[int, str, float, float]]] = {}
        for r in reps:
            rep_rows.setdefault(r["analysis_id"], []).append((r["idx"], r["grade"], r["start_s"], r["end_s"]))
        verdicts: dict[int, list[tuple[int | None, str, str, float | None, float | None]]] = {}
        for c in conditions:
            verdicts.setdefault(c["analysis_id"], []).append(
                (c["rep_idx"], c["condition_id"], c["status"], c["value"], c["threshold"])
            )
        return [
            ExportRecord(
                a["id"],
                _dt(a["created_at"]),
                a["exercise"],
                a["grade"],
                a["rep_count"],
                a["corrected_count"],
                a["hold_s"],
                a["confidence"],
                a["view"],
                a["duration_s"],
                tuple(rep_rows.get(a["id"], ())),
                tuple(verdicts.get(a["id"], ())),
            )
            for a in analyses
        ]


def _goal(row: Row) -> Goal:
    return Goal(
        row["id"],
        row["user_id"],
        row["exercise"] or None,
        row["unit"],
        row["target"],
        _dt(row["created_at"]),
        _dt(row["updated_at"]),
    )


def _amount(goal: Goal, sessions: list[Session]) -> int:
    """Reps or sessions of a week that count toward the goal."""
    mine = [s for s in sessions if goal.exercise is None or s.exercise == goal.exercise]
    return sum(s.reps or 0 for s in mine) if goal.unit == "reps" else len(mine)


def _monday(moment: datetime, zone: ZoneInfo) -> date:
    day = moment.astimezone(zone).date()
    return day - timedelta(days=day.weekday())


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(), zone)
