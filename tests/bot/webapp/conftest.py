"""The Mini App's browser tests: one headless Chromium per test module (see tests.bot.webapp.browsing)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest_asyncio

from tests.bot.webapp import browsing


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def browser() -> AsyncIterator[Any]:
    playwright, launched = await browsing.launch()
    try:
        yield launched
    finally:
        await browsing.stop(playwright, launched)
