"""A bot with a store seeded through the real bot flow, for the Mini App tests over the bot's own server.

``seeded_bot()`` starts the bot (``bot.app.build_application`` + ``running``: post_init starts the Mini App
server on a free port, FORMCOACH_WEBAPP_URL set) against a fake Bot API, with the fake pose estimator
analysing in-process. A user sends clips on set days (the store's clock is moved before each), each is
analysed, stored by the real runner and answered; then the clock stops at ``NOW``. What the pages must show
is then read straight from the SQLite file (``Seeded.sql``), never through the code under test.

The clips: side-view squats of different lengths (2 or 3 reps; torso lean alternating 35°/70°, so some
reps fail neutral_spine), one portrait clip that the fake shows from the front with the left knee drifting
out (a left/right difference), a push-up, and one squat sent in a group chat (no Mini App button there).
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from telegram.ext import Application

from analysis.classifier import UnknownClassifier
from bot.app import build_application, running
from bot.jobs.analyzer import Analyzer
from bot.store.db import Store
from bot.webapp import hosting
from bot.webapp.auth import sign_init_data
from tests.bot.botapp import Clock
from tests.bot.clipbot import answered, settings_for
from tests.fakes import FakeBotAPI
from tests.fakes.media import make_video
from tests.fakes.pose import FakePose

URL = "https://formcoach.example/app"
MINJI, GROUP = 4242, -4343
KST = ZoneInfo("Asia/Seoul")
SIDE, FRONT = (320, 240), (240, 320)


def at(day: int, hour: int, minute: int = 30) -> datetime:
    """A moment of March 2025 in Seoul (the user's time zone), as the store's UTC clock."""
    return datetime(2025, 3, day, hour, minute, tzinfo=KST).astimezone(UTC)


# (when, caption, frame size, seconds, chat): Monday 3/10 starts "this week"; 3/4 is last week
CLIPS = (
    (at(4, 7), "스쿼트", SIDE, 4.5, MINJI),
    (at(10, 7), "스쿼트", SIDE, 6.5, MINJI),
    (at(11, 7), "스쿼트", FRONT, 6.5, MINJI),
    (at(12, 19), "푸시업", SIDE, 4.5, MINJI),
    (at(12, 21), "스쿼트", SIDE, 4.5, GROUP),
    (at(13, 7), "스쿼트", SIDE, 6.5, MINJI),
)
NOW = at(13, 20)
WEEK = (at(10, 0, 0), at(17, 0, 0))  # this week in Seoul, as UTC bounds
LAST_WEEK = (at(3, 0, 0), at(10, 0, 0))


class QuietSpeaker:
    """A voice engine that says nothing worth hearing: answers get the voice toggle, nothing is spoken."""

    async def synthesize(self, text: str, lang: str) -> bytes:
        return b"OggS not really a voice"


@dataclass
class Seeded:
    botapi: FakeBotAPI
    app: Application[Any, Any, Any, Any, Any, Any]
    db: Path
    url: str  # the bot's own Mini App server

    @property
    def store(self) -> Store:
        return self.app.bot_data["services"].store  # type: ignore[no-any-return]

    def sql(self, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows straight from the SQLite file (``?`` placeholders; timestamps as the store writes them)."""
        with closing(sqlite3.connect(self.db)) as conn:
            return [tuple(r) for r in conn.execute(query, params).fetchall()]

    def init_data(self, user_id: int = MINJI, *, token: str | None = None) -> str:
        user = json.dumps({"id": user_id, "first_name": "민지", "language_code": "ko"}, ensure_ascii=False)
        fields = {"user": user, "auth_date": str(int(datetime.now(UTC).timestamp()))}
        return sign_init_data(fields, token or self.botapi.token)


def ts(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


@asynccontextmanager
async def seeded_bot(tmp: Path) -> AsyncIterator[Seeded]:
    clock = Clock(CLIPS[0][0])
    pose = FakePose(3, lean_deg=(35.0, 70.0), front_knee_out_px=8.0)
    async with FakeBotAPI() as botapi:
        settings = settings_for(
            botapi, tmp / "data", webapp_url=URL, webapp_port=0, webhook_listen="127.0.0.1"
        )
        analyzer = Analyzer(0, initializer_args=(pose, UnknownClassifier()))
        app = build_application(settings, analyzer=analyzer, clock=clock, speaker=QuietSpeaker())
        async with running(app):
            sent = {MINJI: 0, GROUP: 0}
            for i, (when, caption, size, seconds, chat) in enumerate(CLIPS):
                clock.now = when
                clip = make_video(str(tmp / f"clip{i}.mp4"), size=size, seconds=seconds, fps=15)
                file_id = botapi.add_file(Path(clip).read_bytes())
                botapi.push_video(chat, file_id, caption=caption, user_id=MINJI, first_name="민지")
                sent[chat] += 1
                await answered(botapi, chat, sent[chat], timeout=30)
                await _settled(app)
            clock.now = NOW
            server = app.bot_data[hosting.SERVER_KEY]
            yield Seeded(botapi, app, settings.db_path, server.url)


async def _settled(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Wait until no job is pending (answer sent, job marked): the next clip's time is its own."""
    store: Store = app.bot_data["services"].store
    for _ in range(200):
        if not await store.pending_jobs():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("a seeded clip's job did not finish")
