"""The webhook server (bot.roles.webhook) in a real bot process: Telegram hears 200 only once an update was
processed, so an update whose processing failed is delivered again — and answered once — instead of lost.

The bot is ``python -m tests.fakes.run_bot`` (bot.__main__.serve, SQLite) with the fake Bot API delivering
updates to its webhook over HTTP; the fake, like Telegram, sends an update again until it gets a 200.
(The secret-token check: test_security; the scale-out front ends: test_scaleout.)
"""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing
from pathlib import Path

import aiohttp
import pytest

from analysis.report.i18n import translate
from bot.chat.users import RateLimiter
from tests.bot.clipbot import BotProcess, answered, summaries, texts
from tests.bot.test_security import HEADER, free_port, listening
from tests.fakes import FakeBotAPI
from tests.fakes.media import make_video

pytestmark = [pytest.mark.asyncio]
SECRET = "webhook-Secret_42"
CHAT = 8301
FAILED_DELIVERIES = 8  # more than the rate limit (6 a minute): deliveries of one message count once


def refuse_jobs(db: Path, refuse: bool) -> None:
    """Make storing a job fail (an SQLite trigger), as a database in trouble would, or stop doing so."""
    with closing(sqlite3.connect(db)) as conn, conn:
        if refuse:
            conn.execute(
                "CREATE TRIGGER refuse_jobs BEFORE INSERT ON jobs BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )
        else:
            conn.execute("DROP TRIGGER refuse_jobs")


def webhook_env(port: int) -> dict[str, str]:
    return {
        "FORMCOACH_WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",  # a self-hosted Bot API allows http
        "FORMCOACH_WEBHOOK_SECRET": SECRET,
        "FORMCOACH_WEBHOOK_PORT": str(port),
        "FORMCOACH_WEBHOOK_LISTEN": "127.0.0.1",
    }


async def test_an_update_that_failed_is_delivered_again_and_answered_once(
    botapi: FakeBotAPI, tmp_path: Path
) -> None:
    port, data = free_port(), tmp_path / "data"
    clip = Path(make_video(str(tmp_path / "clip.mp4"), seconds=2.0)).read_bytes()
    apology = translate("failure-generic", "ko")
    with BotProcess(botapi, data, **webhook_env(port)) as process:
        await botapi.wait_for(lambda: botapi.webhook is not None, timeout=60)
        await listening(port)
        refuse_jobs(data / "formcoach.sqlite3", True)
        botapi.push_video(CHAT, botapi.add_file(clip), caption="스쿼트")
        await botapi.wait_for(lambda: texts(botapi, CHAT).count(apology) >= FAILED_DELIVERIES, 60)
        assert botapi.webhook_deliveries == []  # every failed try was answered non-2xx: the update waits
        refuse_jobs(data / "formcoach.sqlite3", False)
        await answered(botapi, CHAT, 1, timeout=60)
        await asyncio.sleep(1.0)  # a second answer would show up now
        assert len(summaries(botapi, CHAT)) == 1 and len(botapi.webhook_deliveries) == 1
        limited = {translate("clip-rate-limited", "ko", seconds=s) for s in range(1, 61)}
        assert not limited & set(texts(botapi, CHAT))  # the deliveries did not use up the user's limit
        assert await _post(port, b"{not json", {HEADER: SECRET}) == 400
        assert await _post(port, b"{}", {}) == 403
        assert await process.stop() == 0


async def test_the_in_memory_limit_counts_a_message_once() -> None:
    clock = [0.0]
    limiter = RateLimiter(limit=2, window_s=60, clock=lambda: clock[0])
    assert limiter.hit(1, "1:10") is None and limiter.hit(1, "1:10") is None  # delivered twice
    assert limiter.hit(1, "1:11") is None and limiter.hit(1, "1:12") == 60
    clock[0] = 60.0
    assert limiter.hit(1, "1:10") is None  # out of the window: counted anew


async def _post(port: int, body: bytes, headers: dict[str, str]) -> int:
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"http://127.0.0.1:{port}/hook", data=body, headers=headers) as response,
    ):
        return response.status
