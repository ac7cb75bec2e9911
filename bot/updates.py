"""Updates of different chats at once, those of one chat one at a time: ``ChatOrderedUpdates``.

python-telegram-bot processes updates one after another by default. Under flood control (bot.flood) an
answer to a chat waits until a second has passed since that chat's previous message, so one user sending
five messages in a row would hold every other user's updates for about five seconds. With this processor
(installed by ``bot.app.build_application``; the webhook front ends route their deliveries through it too)
each chat's updates still run in the order they arrived, which the conversation state, the clip queue's
acknowledgements and the buttons rely on, while other chats go on meanwhile.

Order holds because a chat's turn is taken before the first ``await``: the Application starts one task per
update in arrival order, asyncio runs new tasks in the order they were created, and an ``asyncio.Lock``
hands itself over first come, first served.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

MAX_CONCURRENT_UPDATES = 1024  # updates in progress at once, all chats together (queued ones wait)


@dataclass
class _Turn:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    holders: int = 0  # updates of the chat running or waiting; the turn is dropped when none are left


class ChatOrderedUpdates(BaseUpdateProcessor):
    """Concurrent across chats, in arrival order within a chat (an update without a chat or user runs
    at once)."""

    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self._turns: dict[int, _Turn] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = chat_key(update)
        if key is None:
            await coroutine
            return
        turn = self._turns.setdefault(key, _Turn())
        turn.holders += 1
        try:
            async with turn.lock:
                await coroutine
        finally:
            turn.holders -= 1
            if turn.holders == 0:
                del self._turns[key]

    @property
    def chats_in_progress(self) -> int:
        return len(self._turns)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free: the Application awaits the update tasks themselves."""


def chat_key(update: object) -> int | None:
    """The chat an update belongs to (its user when it has no chat, as inline queries do)."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    return update.effective_user.id if update.effective_user is not None else None
