"""Persistence on SQLite (aiosqlite, WAL; the default) or PostgreSQL (asyncpg): every SQL statement of
FormCoach lives here (DDL: bot.store.migrations; connections and transactions: bot.store.driver).

``Store.open(path)`` opens an SQLite file; ``Store.open("postgresql://…")`` a PostgreSQL database. The
queries are the same on both (``?`` placeholders, parameterised only); the few fragments that differ are
in ``_Dialect``. Every method that must be atomic runs in one transaction: on SQLite ``BEGIN IMMEDIATE``
on one connection, on PostgreSQL a pooled connection's transaction, where job intake and migrations also
take an advisory lock and ``claim_next_job`` uses ``FOR UPDATE SKIP LOCKED`` — so several processes may
share one database. Timestamps are UTC; the clock is injectable for tests (``Store.open(…, clock=…)``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from bot.store.analyses import AnalysisQueries
from bot.store.base import _LANGUAGE, _LOCK_MIGRATE, _USER_COLUMNS, StoreBase, _check_timezone, _dt, _utcnow
from bot.store.dashboard import DashboardQueries
from bot.store.driver import Tx, connect
from bot.store.jobs import JobQueries
from bot.store.migrations import for_dialect
from bot.store.outbox import OutboxQueries
from bot.store.reminders import ReminderQueries
from bot.store.talk import DETAIL_LEVELS, Correction, ExportRecord, Goal, GoalStatus, Session, TalkQueries
from bot.store.types import (
    AnalysisRecord,
    ConditionCount,
    HistoryEntry,
    Job,
    JobStatus,
    OutboxPush,
    PushClaim,
    QueueFullError,
    Reminder,
    RepRow,
    StoreError,
    UserSettings,
    WeekSummary,
)

__all__ = [
    "DETAIL_LEVELS",
    "AnalysisRecord",
    "Correction",
    "ExportRecord",
    "Goal",
    "GoalStatus",
    "Session",
    "ConditionCount",
    "HistoryEntry",
    "Job",
    "JobStatus",
    "OutboxPush",
    "PushClaim",
    "QueueFullError",
    "Reminder",
    "RepRow",
    "Store",
    "StoreError",
    "UserSettings",
    "WeekSummary",
]


class Store(
    JobQueries, AnalysisQueries, ReminderQueries, TalkQueries, DashboardQueries, OutboxQueries, StoreBase
):
    """The database: open it, then call its queries (users and retention here; the rest by table group)."""

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
            row["feedback_detail"],
            bool(row["keep_photos"]),
        )

    async def update_settings(
        self,
        user_id: int,
        *,
        language: str | None = None,
        voice_on: bool | None = None,
        timezone: str | None = None,
        weekly_summary: bool | None = None,
        feedback_detail: str | None = None,
        keep_photos: bool | None = None,
    ) -> UserSettings:
        """Change the given fields (others keep their value); creates the user if needed. Keeping no
        photos (``keep_photos=False``) also deletes the key-frame thumbnails already kept."""
        if language is not None and not _LANGUAGE.fullmatch(language):
            raise ValueError(f"bad language code {language!r}")
        if feedback_detail is not None and feedback_detail not in DETAIL_LEVELS:
            raise ValueError(f"bad feedback detail {feedback_detail!r}")
        if timezone is not None:
            _check_timezone(timezone)
        async with self._db.transaction() as tx:
            await self._insert_user(tx, user_id)
            await tx.execute(
                "UPDATE users SET language = COALESCE(?, language), voice_on = COALESCE(?, voice_on),"
                " timezone = COALESCE(?, timezone), weekly_summary = COALESCE(?, weekly_summary),"
                " feedback_detail = COALESCE(?, feedback_detail), keep_photos = COALESCE(?, keep_photos)"
                " WHERE id = ?",
                (
                    language,
                    None if voice_on is None else int(voice_on),
                    timezone,
                    None if weekly_summary is None else int(weekly_summary),
                    feedback_detail,
                    None if keep_photos is None else int(keep_photos),
                    user_id,
                ),
            )
            if keep_photos is False:
                await tx.execute("DELETE FROM key_frames WHERE user_id = ?", (user_id,))
        settings = await self.get_settings(user_id)
        assert settings is not None
        return settings

    async def weekly_summary_users(self) -> list[UserSettings]:
        rows = await self._db.fetch(f"SELECT {_USER_COLUMNS} FROM users WHERE weekly_summary = 1 ORDER BY id")
        return [
            UserSettings(
                r["id"],
                r["language"],
                bool(r["voice_on"]),
                r["timezone"],
                True,
                _dt(r["created_at"]),
                r["feedback_detail"],
                bool(r["keep_photos"]),
            )
            for r in rows
        ]

    # --- retention ---------------------------------------------------------------------------------

    async def delete_user(self, user_id: int) -> int:
        """Erase every row of the user in every table (children first); returns the rows deleted."""
        statements = (
            "DELETE FROM sent_answers WHERE user_id = ?",
            "DELETE FROM sent_pushes WHERE user_id = ?",
            "DELETE FROM push_outbox WHERE user_id = ?",
            "DELETE FROM rate_events WHERE user_id = ?",
            "DELETE FROM condition_results WHERE user_id = ?",
            "DELETE FROM reps WHERE user_id = ?",
            "DELETE FROM key_frames WHERE user_id = ?",
            "DELETE FROM analyses WHERE user_id = ?",
            "DELETE FROM jobs WHERE user_id = ?",
            "DELETE FROM reminders WHERE user_id = ?",
            "DELETE FROM goals WHERE user_id = ?",
            "DELETE FROM chat_memory WHERE user_id = ?",
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
            ("key_frames", f"DELETE FROM key_frames WHERE analysis_id IN ({old_analyses})"),
            ("analyses", "DELETE FROM analyses WHERE created_at < ?"),
            ("sent_answers", f"DELETE FROM sent_answers WHERE job_id IN ({old_jobs})"),
            ("jobs", "DELETE FROM jobs WHERE status IN ('done', 'failed', 'rejected') AND updated_at < ?"),
            ("rate_events", "DELETE FROM rate_events WHERE at < ?"),
            ("goals", "DELETE FROM goals WHERE updated_at < ?"),  # a goal nobody touched in the period
        )
        async with self._db.transaction() as tx:
            counts = {table: await tx.execute(sql, cutoff) for table, sql in statements}
            counts["chat_memory"] = await self._forget_expired(tx)  # whatever the period: expired is gone
            return counts

    async def table_names(self) -> list[str]:
        """Tables of the schema (for tests and maintenance)."""
        return [r[0] for r in await self._db.fetch(self._sql.table_names)]
