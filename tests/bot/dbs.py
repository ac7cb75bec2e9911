"""Real database servers for tests: PostgreSQL and Redis on 127.0.0.1 (no fakes), skipped when absent.

* ``postgres_url()`` — the server's URL (``FORMCOACH_TEST_DATABASE_URL``, default
  ``postgresql://postgres@127.0.0.1:5432/test``; user ``root`` is tried too), or ``pytest.skip`` with the
  reason when no server answers.
* ``fresh_schema()`` — an empty schema of its own for one test (dropped afterwards): its URL selects it
  (``?search_path=…``), so every process given the URL sees the same, isolated tables.
* ``redis_url()`` — ``FORMCOACH_TEST_REDIS_URL`` (default ``redis://127.0.0.1:6379/15``) or a skip.
* ``Backend`` — a database of either kind for the store tests: open Stores on it, run raw SQL on it.

``.ci/run`` starts both servers when they are not running.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, closing
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from bot.store.db import Store
from bot.store.driver import dollar_params

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
DEFAULT_REDIS = "redis://127.0.0.1:6379/15"
_probed: dict[str, str | None] = {}  # url → None (usable) or why not


def _port_open(url: str, default_port: int) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or default_port), 2):
            return True
    except OSError:
        return False


async def postgres_url() -> str:
    """A PostgreSQL server's URL, or skip the test (with the reason) when there is none."""
    configured = os.environ.get("FORMCOACH_TEST_DATABASE_URL")
    candidates = [configured] if configured else [DEFAULT_PG, DEFAULT_PG.replace("postgres@", "root@")]
    reasons = []
    for url in candidates:
        if url not in _probed:
            _probed[url] = await _probe_postgres(url)
        if _probed[url] is None:
            return url
        reasons.append(f"{_safe(url)}: {_probed[url]}")
    pytest.skip("PostgreSQL is not reachable (" + "; ".join(reasons) + "); .ci/run starts it")


async def _probe_postgres(url: str) -> str | None:
    if not _port_open(url, 5432):
        return "nothing listens on the port"
    import asyncpg

    try:
        conn = await asyncpg.connect(url, timeout=5)
    except Exception as exc:  # wrong user, missing database …
        return f"{type(exc).__name__}: {exc}"
    await conn.close()
    return None


def _safe(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}:{parts.port}{parts.path}"


def with_schema(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}search_path={schema}"


@asynccontextmanager
async def fresh_schema() -> AsyncIterator[str]:
    """The URL of a new, empty PostgreSQL schema (dropped on exit)."""
    import asyncpg

    base = await postgres_url()
    schema = f"fc_test_{secrets.token_hex(6)}"
    conn = await asyncpg.connect(base)
    try:
        await conn.execute(f'CREATE SCHEMA "{schema}"')
        yield with_schema(base, schema)
    finally:
        with contextlib.suppress(Exception):
            await conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
        await conn.close()


def redis_url() -> str:
    url = os.environ.get("FORMCOACH_TEST_REDIS_URL", DEFAULT_REDIS)
    if url not in _probed:
        _probed[url] = None if _port_open(url, 6379) else "nothing listens on the port"
    if _probed[url] is not None:
        pytest.skip(f"Redis is not reachable at {_safe(url)} ({_probed[url]}); .ci/run starts it")
    return url


class Backend:
    """One fresh database of one kind ("sqlite" file or "postgresql" schema) for a store test."""

    def __init__(self, kind: str, target: str | Path) -> None:
        self.kind, self.target = kind, target

    async def open(self, clock: Callable[[], datetime] | None = None) -> Store:
        return await (Store.open(self.target, clock=clock) if clock else Store.open(self.target))

    async def raw(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Run SQL on the database itself, past the Store (``?`` placeholders)."""
        if self.kind == "sqlite":
            with closing(sqlite3.connect(self.target)) as db, db:
                return [tuple(r) for r in db.execute(sql, params).fetchall()]
        import asyncpg

        conn = await asyncpg.connect(str(self.target))
        try:
            return [tuple(r) for r in await conn.fetch(dollar_params(sql), *params)]
        finally:
            await conn.close()

    async def columns(self, table: str) -> set[str]:
        if self.kind == "sqlite":
            return {str(r[1]) for r in await self.raw(f"PRAGMA table_info({table})")}
        sql = (
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = ?"
        )
        return {str(r[0]) for r in await self.raw(sql, (table,))}


@asynccontextmanager
async def backend(kind: str, tmp_path: Path) -> AsyncIterator[Backend]:
    if kind == "sqlite":
        yield Backend(kind, tmp_path / "formcoach.sqlite3")
        return
    async with fresh_schema() as url:
        yield Backend(kind, url)
