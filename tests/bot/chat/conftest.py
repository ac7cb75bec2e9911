"""The command and reminder tests' shared fixtures: a controlled clock at the test module's ``NOW`` and a
fresh SQLite store on it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from bot.store.db import Store
from tests.bot.botapp import Clock


@pytest_asyncio.fixture
async def clock(request: pytest.FixtureRequest) -> Clock:
    return Clock(request.module.NOW)


@pytest_asyncio.fixture
async def db(tmp_path: Path, clock: Clock) -> AsyncIterator[Store]:
    store = await Store.open(tmp_path / "formcoach.sqlite3", clock=clock)
    try:
        yield store
    finally:
        await store.close()
