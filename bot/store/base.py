"""What every group of the store's queries stands on: the connection, the clock, the SQL that differs
between SQLite and PostgreSQL, and the value checks shared by several tables."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.store.driver import Driver, Row, Tx, parse_ts

_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
_JOB_COLUMNS = (
    "id, user_id, chat_id, source_message_id, message_id, file_id, file_unique_id, exercise_hint, "
    "status, attempts, created_at, updated_at, error_code, analysis_id, dispatched_at"
)
_REMINDER_COLUMNS = "id, user_id, chat_id, days, time, timezone, created_at"
_USER_COLUMNS = "id, language, voice_on, timezone, weekly_summary, created_at, feedback_detail, keep_photos"


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
PUSH_LOG_DAYS = 14  # the push outbox keeps this many days of finished pushes per key


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


class StoreBase:
    """The connection, the clock and the dialect; ``Store`` is this plus its groups of queries."""

    def __init__(self, db: Driver, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock
        self._sql = _DIALECTS[db.dialect]

    @property
    def dialect(self) -> str:
        """The database: sqlite or postgresql."""
        return self._db.dialect

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
