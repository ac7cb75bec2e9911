"""The two database drivers under ``bot.store.db``: SQLite (aiosqlite) and PostgreSQL (asyncpg).

Part of the store module: nothing else imports it. It holds no queries — only connecting, transactions
and the differences of the wire protocols: ``?`` placeholders become ``$1 …`` for asyncpg, a statement's
row count comes from aiosqlite's cursor or asyncpg's status line, timestamps are ISO text on SQLite and
``datetime`` (TIMESTAMPTZ) on PostgreSQL. The queries, and the few fragments that differ per dialect,
are in ``bot.store.db``.

* SQLite: one connection serialised by an asyncio lock; WAL; writes in ``BEGIN IMMEDIATE`` transactions.
* PostgreSQL: an asyncpg pool; each transaction on its own connection (READ COMMITTED); a URL's query
  parameters other than libpq's are server settings (``?search_path=tenant`` selects a schema).
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol

import aiosqlite

Dialect = Literal["sqlite", "postgresql"]
POSTGRES_SCHEMES = ("postgresql://", "postgres://")
_TS_FORMAT = "%Y-%m-%d %H:%M:%S.%f"
_SQLITE_PRAGMAS = (
    "PRAGMA busy_timeout = 5000",  # first: other processes may be opening the same file
    "PRAGMA journal_mode = WAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA secure_delete = ON",
)


class Row(Protocol):
    """A result row: by column name or position (aiosqlite.Row and asyncpg.Record both are)."""

    def __getitem__(self, key: str | int) -> Any: ...


class Tx(Protocol):
    """One transaction: every statement of a Store method that must be atomic runs on it."""

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Runs ``sql``; returns the number of rows it changed."""
        ...

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...


def is_postgres_url(target: str | Path) -> bool:
    return str(target).startswith(POSTGRES_SCHEMES)


def text_ts(moment: datetime) -> str:
    """A UTC timestamp as SQLite stores it (sorts as it compares)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime(_TS_FORMAT)


def parse_ts(value: str | datetime) -> datetime:
    """A stored timestamp (SQLite text or a PostgreSQL TIMESTAMPTZ) as an aware UTC datetime."""
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime.strptime(value, _TS_FORMAT).replace(tzinfo=UTC)


def dollar_params(sql: str) -> str:
    """``?`` placeholders (outside quotes) → asyncpg's ``$1, $2 …``."""
    out: list[str] = []
    n, quote = 0, ""
    for char in sql:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "?":
            n += 1
            out.append(f"${n}")
            continue
        out.append(char)
    return "".join(out)


class SqliteDriver:
    dialect: Dialect = "sqlite"

    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        self._lock = asyncio.Lock()

    @classmethod
    async def connect(cls, path: str | Path) -> SqliteDriver:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(str(path), isolation_level=None, timeout=5.0)
        try:
            db.row_factory = aiosqlite.Row
            for pragma in _SQLITE_PRAGMAS:
                await _retry_locked(db, pragma)
        except BaseException:
            await db.close()
            raise
        return cls(db)

    @staticmethod
    def ts(moment: datetime) -> str:
        return text_ts(moment)

    async def close(self) -> None:
        await self._db.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        async with self._lock:
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                yield _SqliteTx(self._db)
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise
            await self._db.execute("COMMIT")

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[Tx]:
        """Several reads that must see the same state (no writes)."""
        async with self._lock:
            yield _SqliteTx(self._db)

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        async with self._lock:
            return await _SqliteTx(self._db).fetch(sql, params)

    async def compact(self) -> None:
        """After erasing a user: don't leave the old pages in the WAL file."""
        async with self._lock:
            await self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


async def _retry_locked(db: aiosqlite.Connection, pragma: str, attempts: int = 50) -> None:
    """Switching a new file to WAL takes an exclusive lock without waiting for it (SQLite does not call the
    busy handler there): processes opening the same new file at once retry for a few seconds."""
    for attempt in range(attempts):
        try:
            await db.execute(pragma)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            await asyncio.sleep(0.1)


class _SqliteTx:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        async with self._db.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        async with self._db.execute(sql, params) as cursor:
            return cursor.rowcount

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        await self._db.executemany(sql, rows)


class PostgresDriver:
    dialect: Dialect = "postgresql"

    def __init__(self, pool: Any) -> None:
        self._pool = pool

    @classmethod
    async def connect(cls, url: str, *, pool_size: int = 5) -> PostgresDriver:
        import asyncpg  # only deployments on PostgreSQL load it

        pool = await asyncpg.create_pool(url, min_size=1, max_size=pool_size, command_timeout=60)
        return cls(pool)

    @staticmethod
    def ts(moment: datetime) -> datetime:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)

    async def close(self) -> None:
        await self._pool.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        async with self._pool.acquire() as conn, conn.transaction():
            yield _PostgresTx(conn)

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[Tx]:
        async with self._pool.acquire() as conn, conn.transaction(isolation="repeatable_read", readonly=True):
            yield _PostgresTx(conn)

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        async with self._pool.acquire() as conn:
            return await _PostgresTx(conn).fetch(sql, params)

    async def compact(self) -> None:
        """Nothing to do: autovacuum reclaims deleted rows."""


class _PostgresTx:
    def __init__(self, conn: Any) -> None:
        self._conn = conn

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return list(await self._conn.fetch(dollar_params(sql), *params))

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        status: str = await self._conn.execute(dollar_params(sql), *params)
        last = status.rsplit(" ", 1)[-1]
        return int(last) if last.isdigit() else 0

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            await self._conn.executemany(dollar_params(sql), rows)


Driver = SqliteDriver | PostgresDriver


async def connect(target: str | Path, *, pool_size: int = 5) -> Driver:
    """A PostgreSQL URL (``postgresql://…``) or an SQLite file path (``:memory:`` too)."""
    if is_postgres_url(target):
        return await PostgresDriver.connect(str(target), pool_size=pool_size)
    return await SqliteDriver.connect(target)
