"""SQLite persistence (aiosqlite, WAL): every SQL statement of FormCoach lives here (DDL: bot.migrations).

One connection, serialised by an asyncio lock; writes run in ``BEGIN IMMEDIATE`` transactions. Only
parameterised SQL. Timestamps are UTC; the clock is injectable for tests (``Store.open(…, clock=…)``).
"""

from __future__ import annotations

import asyncio
import re
from collections import Counter, defaultdict, deque
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import aiosqlite

from bot.migrations import MIGRATIONS, SCHEMA_VERSION_TABLE

_TS_FORMAT = "%Y-%m-%d %H:%M:%S.%f"
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
_JOB_COLUMNS = (
    "id, user_id, chat_id, source_message_id, message_id, file_id, file_unique_id, exercise_hint, "
    "status, attempts, created_at, updated_at, error_code, analysis_id"
)
_REMINDER_COLUMNS = "id, user_id, chat_id, days, time, timezone, created_at"
_USER_COLUMNS = "id, language, voice_on, timezone, weekly_summary, created_at"


class StoreError(RuntimeError):
    pass


class QueueFullError(StoreError):
    """enqueue_job refused a new job: ``scope`` is "global" (max_queued) or "user" (max_user_active)."""

    def __init__(self, scope: str) -> None:
        super().__init__(f"queue full ({scope})")
        self.scope = scope


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    REJECTED = "rejected"


@dataclass(frozen=True)
class UserSettings:
    user_id: int
    language: str
    voice_on: bool
    timezone: str
    weekly_summary: bool
    created_at: datetime


@dataclass(frozen=True)
class Job:
    id: int
    user_id: int
    chat_id: int
    source_message_id: int  # the user's message with the clip: (chat_id, source_message_id) is unique
    message_id: int | None  # the bot's progress message
    file_id: str
    file_unique_id: str
    exercise_hint: str | None
    status: JobStatus
    attempts: int
    created_at: datetime
    updated_at: datetime
    error_code: str | None
    analysis_id: int | None


@dataclass(frozen=True)
class AnalysisRecord:
    """What is kept of an Assessment: the bot converts one into this (no frames, no JPEGs)."""

    exercise: str
    confidence: float
    view: str
    rep_count: int | None
    hold_s: float | None
    grade: str
    duration_s: float
    reps: tuple[tuple[str, float, float], ...] = ()  # (grade, start_s, end_s) per rep, in order
    # (rep_idx or None for whole-clip, condition_id, status, value, threshold)
    conditions: tuple[tuple[int | None, str, str, float | None, float | None], ...] = ()


@dataclass(frozen=True)
class HistoryEntry:
    analysis_id: int
    job_id: int | None
    exercise: str
    grade: str
    rep_count: int | None
    hold_s: float | None
    confidence: float
    view: str
    duration_s: float
    created_at: datetime


@dataclass(frozen=True)
class WeekSummary:
    sessions: int
    sessions_by_exercise: dict[str, int]
    reps_by_exercise: dict[str, int]
    hold_s_by_exercise: dict[str, float]
    session_grades: dict[str, int]  # grade of whole sessions
    rep_grades: dict[str, int]  # grade of single reps
    per_day: dict[date, int]  # sessions per local day (user's time zone), every day of the range listed


@dataclass(frozen=True)
class Reminder:
    id: int
    user_id: int
    chat_id: int
    days: int  # bitmask: bit 0 = Monday … bit 6 = Sunday (datetime.weekday())
    time: str  # "HH:MM" local time
    timezone: str
    created_at: datetime

    @property
    def weekdays(self) -> tuple[int, ...]:
        """Days as datetime.weekday() numbers (0 = Monday)."""
        return tuple(d for d in range(7) if self.days >> d & 1)


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _ts(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime(_TS_FORMAT)


def _dt(text: str) -> datetime:
    return datetime.strptime(text, _TS_FORMAT).replace(tzinfo=UTC)


def _check_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ValueError, KeyError, OSError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc
    return name


def _check_reminder(days: int, time: str, timezone: str) -> None:
    if not 1 <= days <= 127:
        raise ValueError("days must be a bitmask of 1..127 (bit 0 = Monday)")
    if not _TIME.fullmatch(time):
        raise ValueError("time must be HH:MM")
    _check_timezone(timezone)


class Store:
    def __init__(self, db: aiosqlite.Connection, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: str | Path, *, clock: Callable[[], datetime] = _utcnow) -> Store:
        """Open (creating) the database, set pragmas and apply pending migrations."""
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(str(path), isolation_level=None)
        try:
            db.row_factory = aiosqlite.Row
            for pragma in (
                "PRAGMA journal_mode = WAL",
                "PRAGMA foreign_keys = ON",
                "PRAGMA busy_timeout = 5000",
                "PRAGMA synchronous = NORMAL",
                "PRAGMA secure_delete = ON",
            ):
                await db.execute(pragma)
            store = cls(db, clock)
            await store._migrate()
        except BaseException:
            await db.close()
            raise
        return store

    async def close(self) -> None:
        await self._db.close()

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # --- plumbing ------------------------------------------------------------------------------------

    @asynccontextmanager
    async def _tx(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._lock:
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise
            await self._db.execute("COMMIT")

    async def _all(self, sql: str, params: Sequence[Any] = ()) -> list[aiosqlite.Row]:
        async with self._lock, self._db.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def _one(self, sql: str, params: Sequence[Any] = ()) -> aiosqlite.Row | None:
        rows = await self._all(sql, params)
        return rows[0] if rows else None

    @staticmethod
    async def _fetch(db: aiosqlite.Connection, sql: str, params: Sequence[Any] = ()) -> list[aiosqlite.Row]:
        async with db.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def _migrate(self) -> None:
        await self._db.execute(SCHEMA_VERSION_TABLE)
        async with self._tx() as db:
            rows = await self._fetch(db, "SELECT COALESCE(MAX(version), 0) FROM schema_version")
            current = int(rows[0][0])
            if current > len(MIGRATIONS):
                raise StoreError(f"database schema v{current} is newer than this code (v{len(MIGRATIONS)})")
            for version in range(current + 1, len(MIGRATIONS) + 1):
                for statement in MIGRATIONS[version - 1]:
                    await db.execute(statement)
                await db.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                    (version, _ts(self._clock())),
                )

    async def schema_version(self) -> int:
        row = await self._one("SELECT COALESCE(MAX(version), 0) FROM schema_version")
        return int(row[0]) if row else 0

    # --- users -----------------------------------------------------------------------------------

    async def ensure_user(
        self, user_id: int, language: str = "ko", timezone: str | None = None
    ) -> UserSettings:
        """Create the user with defaults if new (language/timezone only apply then); return the settings."""
        if not _LANGUAGE.fullmatch(language):
            raise ValueError(f"bad language code {language!r}")
        if timezone is not None:
            _check_timezone(timezone)
        async with self._tx() as db:
            await self._insert_user(db, user_id, language, timezone)
        settings = await self.get_settings(user_id)
        assert settings is not None
        return settings

    async def _insert_user(
        self, db: aiosqlite.Connection, user_id: int, language: str = "ko", timezone: str | None = None
    ) -> None:
        await db.execute(
            "INSERT INTO users (id, language, timezone, created_at)"
            " VALUES (?, ?, COALESCE(?, 'Asia/Seoul'), ?)"
            " ON CONFLICT (id) DO NOTHING",
            (user_id, language, timezone, _ts(self._clock())),
        )

    async def get_settings(self, user_id: int) -> UserSettings | None:
        row = await self._one(f"SELECT {_USER_COLUMNS} FROM users WHERE id = ?", (user_id,))
        if row is None:
            return None
        return UserSettings(
            row["id"],
            row["language"],
            bool(row["voice_on"]),
            row["timezone"],
            bool(row["weekly_summary"]),
            _dt(row["created_at"]),
        )

    async def update_settings(
        self,
        user_id: int,
        *,
        language: str | None = None,
        voice_on: bool | None = None,
        timezone: str | None = None,
        weekly_summary: bool | None = None,
    ) -> UserSettings:
        """Change the given fields (others keep their value); creates the user if needed."""
        if language is not None and not _LANGUAGE.fullmatch(language):
            raise ValueError(f"bad language code {language!r}")
        if timezone is not None:
            _check_timezone(timezone)
        async with self._tx() as db:
            await self._insert_user(db, user_id)
            await db.execute(
                "UPDATE users SET language = COALESCE(?, language), voice_on = COALESCE(?, voice_on),"
                " timezone = COALESCE(?, timezone), weekly_summary = COALESCE(?, weekly_summary)"
                " WHERE id = ?",
                (
                    language,
                    None if voice_on is None else int(voice_on),
                    timezone,
                    None if weekly_summary is None else int(weekly_summary),
                    user_id,
                ),
            )
        settings = await self.get_settings(user_id)
        assert settings is not None
        return settings

    async def weekly_summary_users(self) -> list[UserSettings]:
        rows = await self._all(f"SELECT {_USER_COLUMNS} FROM users WHERE weekly_summary = 1 ORDER BY id")
        return [
            UserSettings(
                r["id"], r["language"], bool(r["voice_on"]), r["timezone"], True, _dt(r["created_at"])
            )
            for r in rows
        ]

    # --- jobs ------------------------------------------------------------------------------------

    async def enqueue_job(
        self,
        user_id: int,
        chat_id: int,
        source_message_id: int,
        file_id: str,
        file_unique_id: str,
        exercise_hint: str | None = None,
        *,
        max_queued: int | None = None,
        max_user_active: int | None = None,
    ) -> tuple[int, bool]:
        """Store the job of one Telegram message: (job_id, True) the first time, (same id, False) after.

        With ``max_queued`` / ``max_user_active`` the bounds are checked in the same transaction
        (queued jobs overall / queued+running jobs of the user); QueueFullError when exceeded.
        """
        now = _ts(self._clock())
        async with self._tx() as db:
            existing = await self._fetch(
                db,
                "SELECT id FROM jobs WHERE chat_id = ? AND source_message_id = ?",
                (chat_id, source_message_id),
            )
            if existing:
                return int(existing[0][0]), False
            await self._check_bounds(db, user_id, max_queued, max_user_active)
            await self._insert_user(db, user_id)
            cursor = await db.execute(
                "INSERT INTO jobs (user_id, chat_id, source_message_id, file_id, file_unique_id,"
                " exercise_hint,"
                " status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)",
                (user_id, chat_id, source_message_id, file_id, file_unique_id, exercise_hint, now, now),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid, True

    async def _check_bounds(
        self, db: aiosqlite.Connection, user_id: int, max_queued: int | None, max_user_active: int | None
    ) -> None:
        if max_queued is not None:
            rows = await self._fetch(db, "SELECT COUNT(*) FROM jobs WHERE status = 'queued'")
            if rows[0][0] >= max_queued:
                raise QueueFullError("global")
        if max_user_active is not None:
            rows = await self._fetch(
                db,
                "SELECT COUNT(*) FROM jobs WHERE user_id = ? AND status IN ('queued', 'running')",
                (user_id,),
            )
            if rows[0][0] >= max_user_active:
                raise QueueFullError("user")

    async def get_job(self, job_id: int) -> Job | None:
        row = await self._one(f"SELECT {_JOB_COLUMNS} FROM jobs WHERE id = ?", (job_id,))
        return _job(row) if row else None

    async def set_job_message(self, job_id: int, message_id: int) -> None:
        """Remember the bot's progress message of a job (to edit it later)."""
        async with self._tx() as db:
            await db.execute(
                "UPDATE jobs SET message_id = ?, updated_at = ? WHERE id = ?",
                (message_id, _ts(self._clock()), job_id),
            )

    async def claim_next_job(self) -> Job | None:
        """Take the next queued job and mark it running (attempts + 1).

        Fair across users: the oldest job of the user served least recently (never-served users first).
        """
        now = _ts(self._clock())
        async with self._tx() as db:
            rows = await self._fetch(
                db,
                "SELECT j.id, j.user_id FROM jobs j JOIN users u ON u.id = j.user_id"
                " WHERE j.status = 'queued'"
                " ORDER BY u.served_seq IS NOT NULL, u.served_seq, j.id LIMIT 1",
            )
            if not rows:
                return None
            job_id, user_id = int(rows[0][0]), int(rows[0][1])
            await db.execute(
                "UPDATE users SET served_seq = (SELECT COALESCE(MAX(served_seq), 0) + 1 FROM users)"
                " WHERE id = ?",
                (user_id,),
            )
            await db.execute(
                "UPDATE jobs SET status = 'running', attempts = attempts + 1, updated_at = ? WHERE id = ?",
                (now, job_id),
            )
            job_rows = await self._fetch(db, f"SELECT {_JOB_COLUMNS} FROM jobs WHERE id = ?", (job_id,))
        return _job(job_rows[0])

    async def pending_jobs(self) -> list[Job]:
        """Queued or running jobs, oldest first (to resume after a restart)."""
        rows = await self._all(
            f"SELECT {_JOB_COLUMNS} FROM jobs WHERE status IN ('queued', 'running') ORDER BY id"
        )
        return [_job(r) for r in rows]

    async def requeue_running(self) -> int:
        """After a restart nothing is running: put 'running' jobs back in the queue; returns how many."""
        async with self._tx() as db:
            cursor = await db.execute(
                "UPDATE jobs SET status = 'queued', updated_at = ? WHERE status = 'running'",
                (_ts(self._clock()),),
            )
            return cursor.rowcount

    async def mark_job(self, job_id: int, status: JobStatus | str, error_code: str | None = None) -> None:
        status = JobStatus(status)
        async with self._tx() as db:
            cursor = await db.execute(
                "UPDATE jobs SET status = ?, error_code = ?, updated_at = ? WHERE id = ?",
                (status.value, error_code, _ts(self._clock()), job_id),
            )
            if cursor.rowcount != 1:
                raise KeyError(f"no job {job_id}")

    async def queue_position(self, job_id: int) -> int | None:
        """1-based place of a queued job in the order claim_next_job will take them; None if not queued."""
        async with self._lock:
            rows = await self._fetch(
                self._db,
                "SELECT j.id, j.user_id, u.served_seq FROM jobs j JOIN users u ON u.id = j.user_id"
                " WHERE j.status = 'queued' ORDER BY j.id",
            )
            top = await self._fetch(self._db, "SELECT COALESCE(MAX(served_seq), 0) FROM users")
        order = _claim_order([(r[0], r[1], r[2]) for r in rows], int(top[0][0]))
        return order.index(job_id) + 1 if job_id in order else None

    async def user_active_jobs(self, user_id: int) -> list[Job]:
        rows = await self._all(
            f"SELECT {_JOB_COLUMNS} FROM jobs WHERE user_id = ? AND status IN ('queued',"
            " 'running') ORDER BY id",
            (user_id,),
        )
        return [_job(r) for r in rows]

    async def count_queued(self) -> int:
        row = await self._one("SELECT COUNT(*) FROM jobs WHERE status = 'queued'")
        return int(row[0]) if row else 0

    async def mark_answered(self, job_id: int) -> bool:
        """Record that the job's answer was sent: True only the first time (exactly-once delivery guard)."""
        async with self._tx() as db:
            cursor = await db.execute(
                "INSERT INTO sent_answers (job_id, user_id, answered_at) SELECT id, user_id, ? FROM jobs"
                " WHERE id = ? ON CONFLICT (job_id) DO NOTHING",
                (_ts(self._clock()), job_id),
            )
            if cursor.rowcount == 1:
                return True
            if not await self._fetch(db, "SELECT 1 FROM jobs WHERE id = ?", (job_id,)):
                raise KeyError(f"no job {job_id}")
            return False

    # --- analyses ----------------------------------------------------------------------------------

    async def save_analysis(
        self, user_id: int, job_id: int | None, assessment_summary: AnalysisRecord
    ) -> int:
        """Store an analysis with its reps and conditions; once per job (a retry returns the same id)."""
        rec = assessment_summary
        async with self._tx() as db:
            if job_id is not None:
                found = await self._fetch(db, "SELECT id FROM analyses WHERE job_id = ?", (job_id,))
                if found:
                    return int(found[0][0])
            await self._insert_user(db, user_id)
            cursor = await db.execute(
                "INSERT INTO analyses (user_id, job_id, exercise, confidence, view, rep_count, hold_s, grade,"
                " duration_s, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    user_id,
                    job_id,
                    rec.exercise,
                    rec.confidence,
                    rec.view,
                    rec.rep_count,
                    rec.hold_s,
                    rec.grade,
                )
                + (rec.duration_s, _ts(self._clock())),
            )
            analysis_id = cursor.lastrowid
            assert analysis_id is not None
            await db.executemany(
                "INSERT INTO reps (user_id, analysis_id, idx, grade, start_s, end_s)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(user_id, analysis_id, i, g, s, e) for i, (g, s, e) in enumerate(rec.reps)],
            )
            await db.executemany(
                "INSERT INTO condition_results (user_id, analysis_id, rep_idx, condition_id, status, value,"
                " threshold) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(user_id, analysis_id, *condition) for condition in rec.conditions],
            )
            if job_id is not None:
                await db.execute(
                    "UPDATE jobs SET analysis_id = ?, updated_at = ? WHERE id = ?",
                    (analysis_id, _ts(self._clock()), job_id),
                )
            return analysis_id

    async def history(self, user_id: int, limit: int = 10) -> list[HistoryEntry]:
        """The user's latest analyses, newest first."""
        rows = await self._all(
            "SELECT id, job_id, exercise, grade, rep_count, hold_s, confidence, view, duration_s, created_at"
            " FROM analyses WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
            (user_id, limit),
        )
        return [
            HistoryEntry(
                r["id"],
                r["job_id"],
                r["exercise"],
                r["grade"],
                r["rep_count"],
                r["hold_s"],
                r["confidence"],
                r["view"],
                r["duration_s"],
                _dt(r["created_at"]),
            )
            for r in rows
        ]

    async def week_summary(
        self, user_id: int, week_start_utc: datetime, week_end_utc: datetime, timezone: str | None = None
    ) -> WeekSummary:
        """Sessions in [start, end): counts per exercise, grade mixes, sessions per local day."""
        span = (user_id, _ts(week_start_utc), _ts(week_end_utc))
        rows = await self._all(
            "SELECT exercise, grade, rep_count, hold_s, created_at FROM analyses"
            " WHERE user_id = ? AND created_at >= ? AND created_at < ?",
            span,
        )
        rep_rows = await self._all(
            "SELECT r.grade, COUNT(*) FROM reps r JOIN analyses a ON a.id = r.analysis_id"
            " WHERE a.user_id = ? AND a.created_at >= ? AND a.created_at < ? GROUP BY r.grade",
            span,
        )
        if timezone is None:
            settings = await self.get_settings(user_id)
            timezone = settings.timezone if settings else "Asia/Seoul"
        zone = ZoneInfo(timezone)
        reps: Counter[str] = Counter()
        holds: defaultdict[str, float] = defaultdict(float)
        for r in rows:
            reps[r["exercise"]] += r["rep_count"] or 0
            holds[r["exercise"]] += r["hold_s"] or 0.0
        per_day = _days(
            week_start_utc.astimezone(zone).date(),
            (week_end_utc - timedelta(microseconds=1)).astimezone(zone).date(),
        )
        for r in rows:
            per_day[_dt(r["created_at"]).astimezone(zone).date()] += 1
        return WeekSummary(
            sessions=len(rows),
            sessions_by_exercise=dict(Counter(r["exercise"] for r in rows)),
            reps_by_exercise={k: v for k, v in reps.items() if v},
            hold_s_by_exercise={k: v for k, v in holds.items() if v},
            session_grades=dict(Counter(r["grade"] for r in rows)),
            rep_grades={r[0]: int(r[1]) for r in rep_rows},
            per_day=per_day,
        )

    # --- reminders -----------------------------------------------------------------------------------

    async def add_reminder(self, user_id: int, chat_id: int, days: int, time: str, timezone: str) -> Reminder:
        _check_reminder(days, time, timezone)
        async with self._tx() as db:
            await self._insert_user(db, user_id)
            cursor = await db.execute(
                "INSERT INTO reminders (user_id, chat_id, days, time, timezone, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (user_id, chat_id, days, time, timezone, _ts(self._clock())),
            )
            rows = await self._fetch(
                db, f"SELECT {_REMINDER_COLUMNS} FROM reminders WHERE id = ?", (cursor.lastrowid,)
            )
        return _reminder(rows[0])

    async def list_reminders(self, user_id: int) -> list[Reminder]:
        rows = await self._all(
            f"SELECT {_REMINDER_COLUMNS} FROM reminders WHERE user_id = ? ORDER BY id", (user_id,)
        )
        return [_reminder(r) for r in rows]

    async def all_reminders(self) -> list[Reminder]:
        """Every reminder of every user (to schedule them at start-up)."""
        return [
            _reminder(r) for r in await self._all(f"SELECT {_REMINDER_COLUMNS} FROM reminders ORDER BY id")
        ]

    async def update_reminder(
        self,
        user_id: int,
        reminder_id: int,
        *,
        days: int | None = None,
        time: str | None = None,
        timezone: str | None = None,
    ) -> Reminder | None:
        """Change a reminder of this user (None if it is not theirs or gone)."""
        current = [r for r in await self.list_reminders(user_id) if r.id == reminder_id]
        if not current:
            return None
        new = (days or current[0].days, time or current[0].time, timezone or current[0].timezone)
        _check_reminder(*new)
        async with self._tx() as db:
            await db.execute(
                "UPDATE reminders SET days = ?, time = ?, timezone = ? WHERE id = ? AND user_id = ?",
                (*new, reminder_id, user_id),
            )
            rows = await self._fetch(
                db, f"SELECT {_REMINDER_COLUMNS} FROM reminders WHERE id = ?", (reminder_id,)
            )
        return _reminder(rows[0]) if rows else None

    async def delete_reminder(self, user_id: int, reminder_id: int) -> bool:
        async with self._tx() as db:
            cursor = await db.execute(
                "DELETE FROM reminders WHERE id = ? AND user_id = ?", (reminder_id, user_id)
            )
            return cursor.rowcount == 1

    # --- retention ---------------------------------------------------------------------------------

    async def delete_user(self, user_id: int) -> int:
        """Erase every row of the user in every table (children first); returns the rows deleted."""
        statements = (
            "DELETE FROM sent_answers WHERE user_id = ?",
            "DELETE FROM condition_results WHERE user_id = ?",
            "DELETE FROM reps WHERE user_id = ?",
            "DELETE FROM analyses WHERE user_id = ?",
            "DELETE FROM jobs WHERE user_id = ?",
            "DELETE FROM reminders WHERE user_id = ?",
            "DELETE FROM users WHERE id = ?",
        )
        async with self._tx() as db:
            deleted = 0
            for statement in statements:
                deleted += (await db.execute(statement, (user_id,))).rowcount
        async with self._lock:  # don't leave the old pages in the WAL file
            await self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return deleted

    async def purge_older_than(self, days: int) -> dict[str, int]:
        """Delete analyses (with reps, conditions) and finished jobs older than ``days``; counts per table."""
        if days < 1:
            raise ValueError("days must be >= 1")
        cutoff = (_ts(self._clock() - timedelta(days=days)),)
        old_analyses = "SELECT id FROM analyses WHERE created_at < ?"
        old_jobs = "SELECT id FROM jobs WHERE status IN ('done', 'failed', 'rejected') AND updated_at < ?"
        statements = (
            ("condition_results", f"DELETE FROM condition_results WHERE analysis_id IN ({old_analyses})"),
            ("reps", f"DELETE FROM reps WHERE analysis_id IN ({old_analyses})"),
            ("analyses", "DELETE FROM analyses WHERE created_at < ?"),
            ("sent_answers", f"DELETE FROM sent_answers WHERE job_id IN ({old_jobs})"),
            ("jobs", "DELETE FROM jobs WHERE status IN ('done', 'failed', 'rejected') AND updated_at < ?"),
        )
        async with self._tx() as db:
            return {table: (await db.execute(sql, cutoff)).rowcount for table, sql in statements}

    async def table_names(self) -> list[str]:
        """Tables of the schema (for tests and maintenance)."""
        rows = await self._all(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
        return [r[0] for r in rows]


def _job(row: aiosqlite.Row) -> Job:
    return Job(
        row["id"],
        row["user_id"],
        row["chat_id"],
        row["source_message_id"],
        row["message_id"],
        row["file_id"],
        row["file_unique_id"],
        row["exercise_hint"],
        JobStatus(row["status"]),
        row["attempts"],
        _dt(row["created_at"]),
        _dt(row["updated_at"]),
        row["error_code"],
        row["analysis_id"],
    )


def _reminder(row: aiosqlite.Row) -> Reminder:
    return Reminder(
        row["id"],
        row["user_id"],
        row["chat_id"],
        row["days"],
        row["time"],
        row["timezone"],
        _dt(row["created_at"]),
    )


def _days(first: date, last: date) -> dict[date, int]:
    return {first + timedelta(days=i): 0 for i in range((last - first).days + 1)}


def _claim_order(queued: Iterable[tuple[int, int, int | None]], top_seq: int) -> list[int]:
    """Replays claim_next_job over (job_id, user_id, served_seq) rows sorted by job id."""
    jobs: dict[int, deque[int]] = defaultdict(deque)
    seq: dict[int, int | None] = {}
    for job_id, user_id, served in queued:
        jobs[user_id].append(job_id)
        seq[user_id] = served
    order: list[int] = []
    while jobs:
        user = min(jobs, key=lambda u: (seq[u] is not None, seq[u] or 0, jobs[u][0]))
        order.append(jobs[user].popleft())
        top_seq += 1
        seq[user] = top_seq
        if not jobs[user]:
            del jobs[user]
    return order
