"""bot.updates.ChatOrderedUpdates: one chat's updates in order, other chats meanwhile. Through the fake Bot
API with the bot as built for production (its flood limiter spaces one chat's messages a second apart), and
the processor on its own."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from telegram import Chat, Message, Update, User
from telegram.ext import ApplicationHandlerStop, ContextTypes, MessageHandler, filters

from bot.updates import ChatOrderedUpdates, chat_key
from tests.bot.clipbot import clip_bot, texts
from tests.fakes import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.telegram_pace]  # a chat held by its real pace
BUSY, QUIET = 8301, 8302


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text(f"echo {update.effective_message.text}")
    raise ApplicationHandlerStop


async def test_a_chat_waiting_for_its_flood_pace_does_not_hold_another_chat(
    botapi: FakeBotAPI, tmp_path: Path
) -> None:
    async with clip_bot(botapi, tmp_path / "data") as app:
        app.add_handler(MessageHandler(filters.Regex("^m[0-9]$"), echo), group=-1)
        for n in range(4):  # four answers to one chat: a second apart under flood control
            botapi.push_message(BUSY, f"m{n}")
        botapi.push_message(QUIET, "m9")
        await botapi.wait_calls(BUSY, "sendMessage", 4, timeout=15)
        await botapi.wait_calls(QUIET, "sendMessage", 1)
    busy = botapi.calls_for(BUSY, "sendMessage")
    quiet = botapi.calls_for(QUIET, "sendMessage")[0]
    assert texts(botapi, BUSY) == [f"echo m{n}" for n in range(4)]  # in the order they were sent
    assert busy[-1].at - busy[0].at >= 2.9  # the busy chat really was paced
    assert quiet.at < busy[1].at  # the quiet chat was answered without waiting for it


def update(update_id: int, chat_id: int | None) -> Update:
    user = User(id=chat_id or 7, first_name="u", is_bot=False)
    chat = Chat(id=chat_id, type=Chat.PRIVATE) if chat_id is not None else None
    if chat is None:
        return Update(update_id)
    return Update(update_id, message=Message(update_id, date=None, chat=chat, from_user=user))  # type: ignore[arg-type]


async def test_processor_keeps_each_chats_order_and_forgets_idle_chats() -> None:
    processor = ChatOrderedUpdates()
    done: list[tuple[int, int]] = []
    gate = asyncio.Event()

    async def handle(chat: int, n: int) -> None:
        if (chat, n) == (1, 0):
            await gate.wait()  # chat 1's first update is slow
        await asyncio.sleep(0.01 * (3 - n))  # later ones would overtake it if they ran at once
        done.append((chat, n))

    tasks = [
        asyncio.create_task(processor.process_update(update(i, chat), handle(chat, n)))
        for i, (chat, n) in enumerate([(1, 0), (1, 1), (2, 0), (1, 2), (2, 1)])
    ]
    await asyncio.sleep(0.3)
    assert done == [(2, 0), (2, 1)]  # chat 2 went on, in its own order, while chat 1 waited
    gate.set()
    await asyncio.gather(*tasks)
    assert [n for c, n in done if c == 1] == [0, 1, 2]
    assert [n for c, n in done if c == 2] == [0, 1]
    assert processor.chats_in_progress == 0
    assert chat_key(update(1, 5)) == 5 and chat_key(update(2, None)) is None and chat_key(object()) is None
