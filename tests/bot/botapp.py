"""A real python-telegram-bot Application wired the way the bot wires bot.chat.commands, polling a FakeBotAPI.

Shared by test_commands and test_reminders (conftest stays small):

    clock = Clock(datetime(2025, 3, 12, 3, tzinfo=UTC))
    store = await Store.open(tmp_path / "formcoach.sqlite3", clock=clock)
    async with running(build_app(botapi, store, tmp_path, clock)) as app:
        call = await reply_to(botapi, 501, "/start")   # push a message, wait for the bot's answer
        edit = await tap(botapi, 501, call.result["message_id"], "set:lang:en")
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, closing
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, cast

from telegram.ext import Application

from bot.app import api_builder
from bot.chat import commands
from bot.config import Settings
from bot.context import SERVICES_KEY, Services
from bot.pushes.outbox import stop_sender
from bot.store.db import AnalysisRecord, Store
from tests.fakes import Call, FakeBotAPI

App = Application[Any, Any, Any, Any, Any, Any]


class Clock:
    """A controlled clock: ``clock()`` is ``clock.now``; tests move it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def build_app(
    botapi: FakeBotAPI, store: Store, data_dir: Path, clock: Clock, *, allowed: frozenset[int] | None = None
) -> App:
    settings = Settings(
        token=botapi.token,
        api_base_url=botapi.base_url,
        file_base_url=botapi.base_file_url,
        data_dir=data_dir,
        tts="off",
        allowed_users=allowed,
    )
    app = api_builder(settings).build()  # the bot's own client: every call through the flood limiter
    analyzer = cast(Any, None)  # the clip flow is not under test here
    app.bot_data[SERVICES_KEY] = Services(settings, store, analyzer, None, clock)
    commands.register(app)
    return app


@asynccontextmanager
async def running(app: App) -> AsyncIterator[App]:
    """Initialise, re-schedule stored jobs and start the push sender (on_startup), start the JobQueue and
    poll; stop on exit."""
    async with app:
        await commands.on_startup(app)
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
            await stop_sender(app)


async def reply_to(
    botapi: FakeBotAPI, chat_id: int, text: str, method: str = "sendMessage", **user: Any
) -> Call:
    """Send ``text`` as the user and return the bot's next successful ``method`` call to the chat."""
    before = len(botapi.calls_for(chat_id, method))
    botapi.push_message(chat_id, text, **user)
    return (await botapi.wait_calls(chat_id, method, before + 1))[before]


async def tap(
    botapi: FakeBotAPI, chat_id: int, message_id: int, data: str, method: str = "editMessageText", **user: Any
) -> Call:
    """Tap an inline button of a bot message; return the bot's next ``method`` call to the chat."""
    before = len(botapi.calls_for(chat_id, method))
    botapi.push_callback(chat_id, message_id, data, **user)
    return (await botapi.wait_calls(chat_id, method, before + 1))[before]


def buttons(call: Call) -> dict[str, str]:
    """callback_data → button text of the inline keyboard a call sent."""
    markup = call.fields.get("reply_markup") or {}
    return {b["callback_data"]: b["text"] for row in markup.get("inline_keyboard", []) for b in row}


async def save_at(store: Store, clock: Clock, when: datetime, user_id: int, record: AnalysisRecord) -> int:
    """An analysis stored as if made at ``when`` (the store stamps rows with its clock)."""
    saved, clock.now = clock.now, when
    try:
        return await store.save_analysis(user_id, None, record)
    finally:
        clock.now = saved


def rows_of_user(db_path: Path, tables: list[str], user_id: int) -> dict[str, int]:
    """Rows per table that belong to the user (``users.id`` or a ``user_id`` column), read with sqlite3."""
    counts: dict[str, int] = {}
    with closing(sqlite3.connect(db_path)) as raw:
        for table in tables:
            columns = {row[1] for row in raw.execute(f"PRAGMA table_info({table})")}
            column = "id" if table == "users" else "user_id"
            assert column in columns, f"table {table} does not record its user"
            sql = f"SELECT COUNT(*) FROM {table} WHERE {column} = ?"
            counts[table] = raw.execute(sql, (user_id,)).fetchone()[0]
    return counts
