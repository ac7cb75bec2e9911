"""Database calls that fail for a passing reason are tried again.

SQLite waits ``busy_timeout`` (5 s) for another connection's write lock, then gives up with
``OperationalError: database is locked``. A job whose analysis is finished must not be thrown away
because a backup or a migration held the lock a little longer: the steps after the analysis (store the
result, mark the job answered) go through :func:`with_store_retries`, which waits and tries again a
bounded number of times (about half a minute of lock in all) before letting the error through.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
STORE_ATTEMPTS = 4
STORE_RETRY_S = 2.0
TRANSIENT_STORE_ERRORS: tuple[type[Exception], ...] = (sqlite3.OperationalError,)  # locked, busy, I/O


async def with_store_retries(
    call: Callable[[], Awaitable[T]],
    *,
    what: str,
    attempts: int = STORE_ATTEMPTS,
    delay_s: float = STORE_RETRY_S,
) -> T:
    for attempt in range(1, attempts + 1):
        try:
            return await call()
        except TRANSIENT_STORE_ERRORS as exc:
            if attempt == attempts:
                raise
            log.warning("%s: %s; retrying in %.0fs (attempt %d/%d)", what, exc, delay_s, attempt, attempts)
            await asyncio.sleep(delay_s)
    raise AssertionError("unreachable")
