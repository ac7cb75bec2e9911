"""One exchange of the conversation: what a responder gets (``Turn``) and gives back (``Answer``), and how an
answer is sent. A responder is ``async (Turn) -> Answer``; it never talks to Telegram itself."""

from __future__ import annotations

import types
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message, ReplyParameters
from telegram.constants import ParseMode

from bot.chat.intents import Intent
from bot.chat.intents.lexicon import lexicon
from bot.context import services
from bot.profile import Context, locale_of
from bot.store.db import Store, UserSettings

Button = InlineKeyboardButton


@dataclass(frozen=True)
class Turn:
    context: Context
    user: UserSettings
    chat_id: int
    intent: Intent
    name: str  # how to address the user
    message: Message | None = None  # the user's message (None for a button tap)

    @property
    def locale(self) -> str:
        return locale_of(self.user)

    @property
    def store(self) -> Store:
        return services(self.context).store

    @property
    def now(self) -> datetime:
        return services(self.context).clock()


@dataclass(frozen=True)
class Document:
    filename: str
    data: bytes


@dataclass(frozen=True)
class Answer:
    text: str
    markup: InlineKeyboardMarkup | None = None
    html: bool = False  # the text is HTML (escaped)
    documents: tuple[Document, ...] = ()  # sent after the text


Responder = Callable[[Turn], Awaitable[Answer]]


def bare_intent(name: str, locale: str) -> Intent:
    """The intent ``name`` with its defaults and no slots: what a "did you mean" button asks for."""
    defaults = dict(lexicon().spec(name).defaults) if name in {s.name for s in lexicon().intents} else {}
    return Intent(name, types.MappingProxyType(defaults), locale)


def keyboard(rows: list[list[tuple[str, str]]]) -> InlineKeyboardMarkup:
    """Rows of (text, callback data)."""
    return InlineKeyboardMarkup([[Button(text, callback_data=data) for text, data in row] for row in rows])


async def send(bot: Bot, chat_id: int, answer: Answer, reply_to: int | None = None) -> Message:
    """The text (quoting ``reply_to``), then the documents; returns the text message."""
    reply = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
    sent = await bot.send_message(  # flood waits and retries: bot.flood.FloodLimiter, in every Bot call
        chat_id,
        answer.text,
        parse_mode=ParseMode.HTML if answer.html else None,
        reply_markup=answer.markup,
        reply_parameters=reply,
    )
    for document in answer.documents:
        await bot.send_document(chat_id, document.data, filename=document.filename)
    return sent
