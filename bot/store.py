"""Persistence on SQLite (aiosqlite, WAL; the default) or PostgreSQL (asyncpg): every SQL statement of
FormCoach lives here (DDL: bot.migrations; connections and transactions: bot.store_driver).

``Store.open(path)`` opens an SQLite file; ``Store.open("postgresql://…")`` a PostgreSQL database. The
queries are the same on both (``?`` placeholders, parameterised only); the few fragments that differ are
in ``_Dialect``. Every method that must be atomic runs in one transaction: on SQLite ``BEGIN IMMEDIATE``
on one connection, on PostgreSQL a pooled connection's transaction, where job intake and migrations also
take an advisory lock and ``claim_next_job`` uses ``FOR UPDATE SKIP LOCKED`` — so several processes may
share one database. Timestamps are UTC; the clock is injectable for tests (``Store.open(…, clock=…)``).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.migrations import for_dialect
from bot.store_driver import Driver, Row, Tx, connect, parse_ts
from bot.store_types import (
    AnalysisRecord,
    HistoryEntry,
    Job,
    JobStatus,
    QueueFullError,
    Reminder,
    StoreError,
    UserSettings,
    WeekSummary,
)

__all__ = [
    "AnalysisRecord",
    "HistoryEntry",
    "Job",
    "JobStatus",
    "QueueFullError",
    "Reminder",
    "Store",
    "StoreError",
    "UserSettings",
    "WeekSummary",
]

_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
_JOB_COLUMNS = (
    "id, user_id, chat_id, source_message_id, message_id, file_id, file_unique_id, exercise_hint, "
    "status, attempts, created_at, updated_at, error_code, analysis_id, dispatched_at"
)
_REMINDER_COLUMNS = "id, user_id, chat_id, days, time, timezone, created_at"
_USER_COLUMNS = "id, language, voice_on, timezone, weekly_summary, created_at"


def _utcnow() -> datetime:
    return datetime.now(UTC)


_dt = parse_ts


@dataclass(frozen=True)
class _Dialect:
    """The SQL that differs between SQLite and PostgreSQL (everything else is shared)."""

    serialize: str | None  # makes concurrent intake/migration transactions take turns (None: they do)
    next_served_seq: str  # the next value of the fairness sequence of claim_next_job
    lock_claimed: str  # appended to claim_next_job's SELECT: skip jobs another process is claiming
    lock_row: str  # appended to a SELECT of one row: others wanting the row wait for this transaction
    table_names: str


_DIALECTS = {
    "sqlite": _Dialect(
        serialize=None,  # BEGIN IMMEDIATE already serialises writers
        next_served_seq="(SELECT COALESCE(MAX(served_seq), 0) + 1 FROM users)",
        lock_claimed="",
        lock_row="",  # BEGIN IMMEDIATE: writers already take turns
        table_names="SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " ORDER BY name",
    ),
    "postgresql": _Dialect(
        serialize="SELECT pg_advisory_xact_lock(?)",
        next_served_seq="nextval('users_served_seq')",
        lock_claimed=" FOR UPDATE OF j SKIP LOCKED",
        lock_row=" FOR UPDATE",
        table_names="SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        " AND table_type = 'BASE TABLE' ORDER BY table_name",
    ),
}
_LOCK_MIGRATE, _LOCK_INTAKE = 0x466F_0001, 0x466F_0002  # advisory lock keys (PostgreSQL)
PUSH_LOG_DAYS = 14  # claim_push keeps this many days of sent pushes per key


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
    def __init__(self, db: Driver, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock
        self._sql = _DIALECTS[db.dialect]

    @classmethod
    async def open(
        cls, path: str | Path, *, clock: Callable[[], datetime] = _utcnow, pool_size: int = 5
    ) -> Store:
        """Open (creating) the database and apply pending migrations.

        ``path``: an SQLite file (created with its folder), or a ``postgresql://`` URL (``pool_size``
        connections at most).
        """
        db = await connect(path, pool_size=pool_size)
        try:
            store = cls(db, clock)
            await store._migrate()
        except BaseException:
            await db.close()
            raise
        return store

    @property
    def dialect(self) -> str:
        """The database: sqlite or postgresql."""
        return self._db.dialect

    async def close(self) -> None:
        await self._db.close()

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # --- plumbing ------------------------------------------------------------------------------------

    def _now(self) -> Any:
        return self._db.ts(self._clock())

    async def _one(self, sql: str, params: tuple[Any, ...] = ()) -> Row | None:
        rows = await self._db.fetch(sql, params)
        return rows[0] if rows else None

    async def _serialize(self, tx: Tx, key: int) -> None:
        """Concurrent transactions of the same kind take turns (PostgreSQL; SQLite's writers always do)."""
        if self._sql.serialize is not None:
            await tx.fetch(self._sql.serialize, (key,))

    async def _migrate(self) -> None:
        version_table, migrations = for_dialect(self._db.dialect)
        async with self._db.transaction() as tx:
            await self._serialize(tx, _LOCK_MIGRATE)
            await tx.execute(version_table)
            rows = await tx.fetch("SELECT COALESCE(MAX(version), 0) FROM schema_version")
            current = int(rows[0][0])
            if current > len(migrations):
                raise StoreError(f"database schema v{current} is newer than this code (v{len(migrations)})")
            for version in range(current + 1, len(migrations) + 1):
                for statement in migrations[version - 1]:
                    await tx.execute(statement)
                await tx.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (version, self._now())
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
        async with self._db.transaction() as tx:
            await self._insert_user(tx, user_id, language, timezone)
        settings = await self.get_settings(user_id)
        assert settings is not None
        return settings

    async def _insert_user(
        self, tx: Tx, user_id: int, language: str = "ko", timezone: str | None = None
    ) -> None:
        await tx.execute(
            "INSERT INTO users (id, language, timezone, created_at)"
            " VALUES (?, ?, COALESCE(?, 'Asia/Seoul'), ?)"
            " ON CONFLICT (id) DO NOTHING",
            (user_id, language, timezone, self._now()),
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
        async with self._db.transaction() as tx:
            await self._insert_user(tx, user_id)
            await tx.execute(
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
        rows = await self._db.fetch(f"SELECT {_USER_COLUMNS} FROM users WHERE weekly_summary = 1 ORDER BY id")
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
        (queued jobs overall / queued+running jobs of the user); QueueFullError when exceeded. Intake
        transactions take turns (also across processes sharing a PostgreSQL database), so the bounds hold.
        """
        now = self._now()
        existing_sql = "SELECT id FROM jobs WHERE chat_id = ? AND source_message_id = ?"
        async with self._db.transaction() as tx:
            await self._serialize(tx, _LOCK_INTAKE)
            existing = await tx.fetch(existing_sql, (chat_id, source_message_id))
            if existing:
                return int(existing[0][0]), False
            await self._check_bounds(tx, user_id, max_queued, max_user_active)
            await self._insert_user(tx, user_id)
            inserted = await tx.fetch(
                "INSERT INTO jobs (user_id, chat_id, source_message_id, file_id, file_unique_id,"
                " exercise_hint, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)"
                " ON CONFLICT (chat_id, source_message_id) DO NOTHING RETURNING id",
                (user_id, chat_id, source_message_id, file_id, file_unique_id, exercise_hint, now, now),
            )
            if inserted:
                return int(inserted[0][0]), True
            existing = await tx.fetch(existing_sql, (chat_id, source_message_id))
            return int(existing[0][0]), False

    async def _check_bounds(
        self, tx: Tx, user_id: int, max_queued: int | None, max_user_active: int | None
    ) -> None:
        if max_queued is not None:
            rows = await tx.fetch("SELECT COUNT(*) FROM jobs WHERE status = 'queued'")
            if rows[0][0] >= max_queued:
                raise QueueFullError("global")
        if max_user_active is not None:
            rows = await tx.fetch(
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
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE jobs SET message_id = ?, updated_at = ? WHERE id = ?",
                (message_id, self._now(), job_id),
            )

    async def claim_next_job(self) -> Job | None:
        """Take the next queued job and mark it running (attempts + 1).

        Fair across users: the oldest job of the user served least recently (never-served users first).
        """
        now = self._now()
        async with self._db.transaction() as tx:
            rows = await tx.fetch(
                "SELECT j.id, j.user_id FROM jobs j JOIN users u ON u.id = j.user_id"
                " WHERE j.status = 'queued'"
                " ORDER BY u.served_seq IS NOT NULL, u.served_seq, j.id LIMIT 1" + self._sql.lock_claimed,
            )
            if not rows:
                return None
            job_id, user_id = int(rows[0][0]), int(rows[0][1])
            await tx.execute(
                f"UPDATE users SET served_seq = {self._sql.next_served_seq} WHERE id = ?", (user_id,)
            )
            job_rows = await tx.fetch(
                "UPDATE jobs SET status = 'running', attempts = attempts + 1, updated_at = ? WHERE id = ?"
                f" RETURNING {_JOB_COLUMNS}",
                (now, job_id),
            )
        return _job(job_rows[0])

    async def start_job(self, job_id: int) -> Job | None:
        """Mark one job running (attempts + 1) for a worker that was handed it (a broker's message).

        Also takes a job already 'running': the broker hands a job out again only when the worker that
        had it died. None when the job is gone or finished.
        """
        rows = []
        async with self._db.transaction() as tx:
            rows = await tx.fetch(
                "UPDATE jobs SET status = 'running', attempts = attempts + 1, updated_at = ?"
                f" WHERE id = ? AND status IN ('queued', 'running') RETURNING {_JOB_COLUMNS}",
                (self._now(), job_id),
            )
        return _job(rows[0]) if rows else None

    async def pending_jobs(self) -> list[Job]:
        """Queued or running jobs, oldest first (to resume after a restart)."""
        rows = await self._db.fetch(
            f"SELECT {_JOB_COLUMNS} FROM jobs WHERE status IN ('queued', 'running') ORDER BY id"
        )
        return [_job(r) for r in rows]

    async def requeue_running(self) -> int:
        """After a restart nothing is running: put 'running' jobs back in the queue; returns how many."""
        async with self._db.transaction() as tx:
            return await tx.execute(
                "UPDATE jobs SET status = 'queued', updated_at = ? WHERE status = 'running'", (self._now(),)
            )

    async def mark_job(self, job_id: int, status: JobStatus | str, error_code: str | None = None) -> None:
        status = JobStatus(status)
        async with self._db.transaction() as tx:
            changed = await tx.execute(
                "UPDATE jobs SET status = ?, error_code = ?, updated_at = ? WHERE id = ?",
                (status.value, error_code, self._now(), job_id),
            )
            if changed != 1:
                raise KeyError(f"no job {job_id}")

    async def queue_position(self, job_id: int) -> int | None:
        """1-based place of a queued job in the order claim_next_job will take them; None if not queued."""
        async with self._db.snapshot() as tx:
            rows = await tx.fetch(
                "SELECT j.id, j.user_id, u.served_seq FROM jobs j JOIN users u ON u.id = j.user_id"
                " WHERE j.status = 'queued' ORDER BY j.id",
            )
            top = await tx.fetch("SELECT COALESCE(MAX(served_seq), 0) FROM users")
        order = _claim_order([(r[0], r[1], r[2]) for r in rows], int(top[0][0]))
        return order.index(job_id) + 1 if job_id in order else None

    async def user_active_jobs(self, user_id: int) -> list[Job]:
        rows = await self._db.fetch(
            f"SELECT {_JOB_COLUMNS} FROM jobs WHERE user_id = ? AND status IN ('queued',"
            " 'running') ORDER BY id",
            (user_id,),
        )
        return [_job(r) for r in rows]

    async def count_queued(self) -> int:
        row = await self._one("SELECT COUNT(*) FROM jobs WHERE status = 'queued'")
        return int(row[0]) if row else 0

    async def mark_dispatched(self, job_id: int) -> bool:
        """Record that the job was handed to the broker: True the first time."""
        async with self._db.transaction() as tx:
            changed = await tx.execute(
                "UPDATE jobs SET dispatched_at = ? WHERE id = ? AND dispatched_at IS NULL",
                (self._now(), job_id),
            )
            return changed == 1

    async def undispatched_jobs(self, older_than_s: float, limit: int = 100) -> list[Job]:
        """Queued jobs never handed to the broker and stored at least ``older_than_s`` ago, oldest first
        (their front end died between storing and handing them over)."""
        cutoff = self._db.ts(self._clock() - timedelta(seconds=older_than_s))
        rows = await self._db.fetch(
            f"SELECT {_JOB_COLUMNS} FROM jobs WHERE status = 'queued' AND dispatched_at IS NULL"
            " AND created_at <= ? ORDER BY id LIMIT ?",
            (cutoff, limit),
        )
        return [_job(r) for r in rows]

    async def mark_answered(self, job_id: int) -> bool:
        """Record that the job's answer was sent: True only the first time (exactly-once delivery guard).

        Atomic on both databases: the primary key of sent_answers decides (INSERT … ON CONFLICT DO NOTHING).
        """
        async with self._db.transaction() as tx:
            owner = await tx.fetch("SELECT user_id FROM jobs WHERE id = ?", (job_id,))
            if not owner:
                raise KeyError(f"no job {job_id}")
            inserted = await tx.execute(
                "INSERT INTO sent_answers (job_id, user_id, answered_at) VALUES (?, ?, ?)"
                " ON CONFLICT (job_id) DO NOTHING",
                (job_id, owner[0][0], self._now()),
            )
            return inserted == 1

    async def claim_push(self, user_id: int, push_key: str, slot: str) -> bool:
        """A scheduled push (``push_key``, e.g. "reminder:7") for ``slot`` (its local day): True only for
        the first caller, so a push fires once however many schedulers share the database."""
        async with self._db.transaction() as tx:
            await self._insert_user(tx, user_id)
            await tx.execute(
                "DELETE FROM sent_pushes WHERE push_key = ? AND sent_at < ?",
                (push_key, self._db.ts(self._clock() - timedelta(days=PUSH_LOG_DAYS))),
            )
            inserted = await tx.execute(
                "INSERT INTO sent_pushes (push_key, slot, user_id, sent_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (push_key, slot) DO NOTHING",
                (push_key, slot, user_id, self._now()),
            )
            return inserted == 1

    # --- rate limit --------------------------------------------------------------------------------

    async def hit_rate_limit(
        self, user_id: int, action: str, limit: int, window_s: float, ref: str | None = None
    ) -> int | None:
        """Count one ``action`` of the user against ``limit`` per sliding ``window_s``: None when allowed
        (and recorded), else the whole seconds until it would be (not recorded). An action with the
        ``ref`` of one counted in the window (the same message delivered again) is allowed, not counted
        again. The user's row is locked meanwhile, so processes sharing the database enforce one limit."""
        async with self._db.transaction() as tx:
            await self._insert_user(tx, user_id)
            await tx.fetch("SELECT id FROM users WHERE id = ?" + self._sql.lock_row, (user_id,))
            now = self._clock()  # after the lock: the events of whoever held it are older
            await tx.execute(
                "DELETE FROM rate_events WHERE user_id = ? AND action = ? AND at <= ?",
                (user_id, action, self._db.ts(now - timedelta(seconds=window_s))),
            )
            rows = await tx.fetch(
                "SELECT COUNT(*), MIN(at), COUNT(CASE WHEN ref = ? THEN 1 END) FROM rate_events"
                " WHERE user_id = ? AND action = ?",
                (ref, user_id, action),
            )
            count, oldest, seen = rows[0][0], rows[0][1], rows[0][2]
            if seen:
                return None
            if count >= limit:
                return max(1, math.ceil(window_s - (now - _dt(oldest)).total_seconds()))
            await tx.execute(
                "INSERT INTO rate_events (user_id, action, ref, at) VALUES (?, ?, ?, ?)",
                (user_id, action, ref, self._db.ts(now)),
            )
            return None

    # --- analyses ----------------------------------------------------------------------------------

    async def save_analysis(
        self, user_id: int, job_id: int | None, assessment_summary: AnalysisRecord
    ) -> int:
        """Store an analysis with its reps and conditions; once per job (a retry returns the same id)."""
        rec = assessment_summary
        async with self._db.transaction() as tx:
            if job_id is not None:
                found = await tx.fetch("SELECT id FROM analyses WHERE job_id = ?", (job_id,))
                if found:
                    return int(found[0][0])
            await self._insert_user(tx, user_id)
            inserted = await tx.fetch(
                "INSERT INTO analyses (user_id, job_id, exercise, confidence, view, rep_count, hold_s, grade,"
                " duration_s, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (user_id, job_id, rec.exercise, float(rec.confidence), rec.view, rec.rep_count)
                + (None if rec.hold_s is None else float(rec.hold_s), rec.grade)
                + (float(rec.duration_s), self._now()),
            )
            analysis_id = int(inserted[0][0])
            await tx.executemany(
                "INSERT INTO reps (user_id, analysis_id, idx, grade, start_s, end_s)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(user_id, analysis_id, i, g, float(s), float(e)) for i, (g, s, e) in enumerate(rec.reps)],
            )
            await tx.executemany(
                "INSERT INTO condition_results (user_id, analysis_id, rep_idx, condition_id, status, value,"
                " threshold) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(user_id, analysis_id, *_condition(c)) for c in rec.conditions],
            )
            if job_id is not None:
                await tx.execute(
                    "UPDATE jobs SET analysis_id = ?, updated_at = ? WHERE id = ?",
                    (analysis_id, self._now(), job_id),
                )
            return analysis_id

    async def history(self, user_id: int, limit: int = 10) -> list[HistoryEntry]:
        """The user's latest analyses, newest first."""
        rows = await self._db.fetch(
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
        span = (user_id, self._db.ts(week_start_utc), self._db.ts(week_end_utc))
        rows = await self._db.fetch(
            "SELECT exercise, grade, rep_count, hold_s, created_at FROM analyses"
            " WHERE user_id = ? AND created_at >= ? AND created_at < ?",
            span,
        )
        rep_rows = await self._db.fetch(
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
        async with self._db.transaction() as tx:
            await self._insert_user(tx, user_id)
            rows = await tx.fetch(
                "INSERT INTO reminders (user_id, chat_id, days, time, timezone, created_at)"
                f" VALUES (?, ?, ?, ?, ?, ?) RETURNING {_REMINDER_COLUMNS}",
                (user_id, chat_id, days, time, timezone, self._now()),
            )
        return _reminder(rows[0])

    async def list_reminders(self, user_id: int) -> list[Reminder]:
        rows = await self._db.fetch(
            f"SELECT {_REMINDER_COLUMNS} FROM reminders WHERE user_id = ? ORDER BY id", (user_id,)
        )
        return [_reminder(r) for r in rows]

    async def all_reminders(self) -> list[Reminder]:
        """Every reminder of every user (to schedule them at start-up)."""
        rows = await self._db.fetch(f"SELECT {_REMINDER_COLUMNS} FROM reminders ORDER BY id")
        return [_reminder(r) for r in rows]

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
        async with self._db.transaction() as tx:
            rows = await tx.fetch(
                "UPDATE reminders SET days = ?, time = ?, timezone = ? WHERE id = ? AND user_id = ?"
                f" RETURNING {_REMINDER_COLUMNS}",
                (*new, reminder_id, user_id),
            )
        return _reminder(rows[0]) if rows else None

    async def delete_reminder(self, user_id: int, reminder_id: int) -> bool:
        async with self._db.transaction() as tx:
            deleted = await tx.execute(
                "DELETE FROM reminders WHERE id = ? AND user_id = ?", (reminder_id, user_id)
            )
            return deleted == 1

    # --- retention ---------------------------------------------------------------------------------

    async def delete_user(self, user_id: int) -> int:
        """Erase every row of the user in every table (children first); returns the rows deleted."""
        statements = (
            "DELETE FROM sent_answers WHERE user_id = ?",
            "DELETE FROM sent_pushes WHERE user_id = ?",
            "DELETE FROM rate_events WHERE user_id = ?",
            "DELETE FROM condition_results WHERE user_id = ?",
            "DELETE FROM reps WHERE user_id = ?",
            "DELETE FROM analyses WHERE user_id = ?",
            "DELETE FROM jobs WHERE user_id = ?",
            "DELETE FROM reminders WHERE user_id = ?",
            "DELETE FROM users WHERE id = ?",
        )
        async with self._db.transaction() as tx:
            deleted = 0
            for statement in statements:
                deleted += await tx.execute(statement, (user_id,))
        await self._db.compact()
        return deleted

    async def purge_older_than(self, days: int) -> dict[str, int]:
        """Delete analyses (with reps, conditions) and finished jobs older than ``days``; counts per table."""
        if days < 1:
            raise ValueError("days must be >= 1")
        cutoff = (self._db.ts(self._clock() - timedelta(days=days)),)
        old_analyses = "SELECT id FROM analyses WHERE created_at < ?"
        old_jobs = "SELECT id FROM jobs WHERE status IN ('done', 'failed', 'rejected') AND updated_at < ?"
        statements = (
            ("condition_results", f"DELETE FROM condition_results WHERE analysis_id IN ({old_analyses})"),
            ("reps", f"DELETE FROM reps WHERE analysis_id IN ({old_analyses})"),
            ("analyses", "DELETE FROM analyses WHERE created_at < ?"),
            ("sent_answers", f"DELETE FROM sent_answers WHERE job_id IN ({old_jobs})"),
            ("jobs", "DELETE FROM jobs WHERE status IN ('done', 'failed', 'rejected') AND updated_at < ?"),
            ("rate_events", "DELETE FROM rate_events WHERE at < ?"),
        )
        async with self._db.transaction() as tx:
            return {table: await tx.execute(sql, cutoff) for table, sql in statements}

    async def table_names(self) -> list[str]:
        """Tables of the schema (for tests and maintenance)."""
        return [r[0] for r in await self._db.fetch(self._sql.table_names)]


def _condition(c: tuple[int | None, str, str, float | None, float | None]) -> tuple[Any, ...]:
    rep, condition_id, status, value, threshold = c
    return (
        rep,
        condition_id,
        status,
        None if value is None else float(value),
        None if threshold is None else float(threshold),
    )


def _job(row: Row) -> Job:
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
        _dt(row["dispatched_at"]) if row["dispatched_at"] is not None else None,
    )


def _reminder(row: Row) -> Reminder:
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
