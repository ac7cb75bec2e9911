"""Thin Telegram callbacks of the conversation: every text message is answered.

A message is parsed (bot.chat.intents.parse); a question waiting in the chat's memory is answered first
(bot.chat.talk.counts), otherwise the intent's responder in ``RESPONDERS`` answers. Private chats get an
answer to everything (users outside FORMCOACH_ALLOWED_USERS are told so); in groups, only replies to the
bot's own messages. A new user gets the language
they wrote in (their Telegram app's when the message has no letters). Buttons: ``talk:<intent>`` (a "did
you mean" suggestion), ``talk:guide:<exercise>``, ``talk:detail:<level>``, ``undo:<token>``. Unknown
commands get the "I didn't understand" answer too (registered after every command).
"""

from __future__ import annotations

import re
import types
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from analysis.report.i18n import LOCALES, translate
from bot.chat.intents import INTENTS, UNKNOWN, Intent, parse
from bot.chat.talk import coach, counts, plans, records, undo
from bot.chat.talk.turn import Answer, Responder, Turn, bare_intent, send
from bot.chat.users import is_allowed, telegram_locale
from bot.context import services
from bot.profile import Context, display_name, guarded, locale_of
from bot.store.db import UserSettings

CALLBACK_PATTERN = r"^talk:"
_LETTERS = re.compile(r"[A-Za-z가-힣]")
RESPONDERS: dict[str, Responder] = {
    "greeting": coach.greeting,
    "help": coach.help_answer,
    "exercise_guide": coach.exercise_guide,
    "progress": records.progress,
    "reminder_set": plans.reminder_set,
    "reminder_off": plans.reminder_off,
    "reminder_list": plans.reminder_list,
    "goal_set": plans.goal_set,
    "count_correction": counts.count_correction,
    "export": records.export,
    "feedback_detail": coach.feedback_detail,
    UNKNOWN: coach.unknown,
}
# Button arguments that fill an intent's slot: talk:guide:squat, talk:detail:brief
_BUTTON_SLOTS = {"guide": ("exercise_guide", "exercise"), "detail": ("feedback_detail", "level")}


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    """The conversation's handlers; the last one catches commands nobody else took, so register these
    after every CommandHandler of their group."""
    talk = filters.UpdateType.MESSAGE & (filters.ChatType.PRIVATE | filters.REPLY)
    return [
        CommandHandler("export", records.export_command),
        MessageHandler(talk & filters.TEXT & ~filters.COMMAND, on_text),
        CallbackQueryHandler(on_button, pattern=CALLBACK_PATTERN),
        CallbackQueryHandler(undo.undo_button, pattern=undo.CALLBACK_PATTERN),
        MessageHandler(filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & filters.COMMAND, on_text),
    ]


async def on_text(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None or not message.text or not _for_us(update, context):
        return
    if not is_allowed(services(context).settings, update.effective_user):
        await send(
            context.bot,
            message.chat_id,
            Answer(translate("clip-not-allowed", telegram_locale(update.effective_user))),
        )
        return
    intent = parse(message.text)
    if message.text.startswith("/"):  # a command nobody handles
        intent = Intent(UNKNOWN, types.MappingProxyType({}), intent.lang, 0.0, intent.suggestions)
    user = await _profile(update, context, intent.lang if _LETTERS.search(message.text) else None)
    turn = Turn(context, user, message.chat_id, intent, display_name(update, locale_of(user)), message)
    answer = await counts.pending_answer(turn) or await RESPONDERS[intent.name](turn)
    await send(
        context.bot, turn.chat_id, answer, reply_to=None if message.chat.type == "private" else message.id
    )


@guarded
async def on_button(update: Update, context: Context) -> None:
    """A "did you mean" suggestion or a picker: the intent's answer, as if the user had said it."""
    query = update.callback_query
    assert query is not None and query.message is not None
    user = await _profile(update, context, None)
    locale = locale_of(user)
    kind, _, arg = (query.data or "").removeprefix("talk:").partition(":")
    if kind in _BUTTON_SLOTS:
        name, slot = _BUTTON_SLOTS[kind]
        intent = Intent(name, types.MappingProxyType({slot: arg}), locale)
    elif kind in INTENTS and kind != UNKNOWN:
        intent = bare_intent(kind, locale)
    else:
        await query.answer()
        return
    await query.answer()
    turn = Turn(context, user, query.message.chat.id, intent, display_name(update, locale))
    await send(context.bot, turn.chat_id, await RESPONDERS[intent.name](turn))


def _for_us(update: Update, context: Context) -> bool:
    """Private chats: always; groups: replies to one of the bot's messages."""
    message = update.effective_message
    assert message is not None
    if message.chat.type == "private":
        return True
    replied = message.reply_to_message
    return replied is not None and replied.from_user is not None and replied.from_user.id == context.bot.id


async def _profile(update: Update, context: Context, language: str | None) -> UserSettings:
    """The sender's settings; a new user speaks the language they wrote in (else their app's)."""
    assert update.effective_user is not None
    svc, user = services(context), update.effective_user
    found = await svc.store.get_settings(user.id)
    if found is not None:
        return found
    language = language if language in LOCALES else telegram_locale(user)
    return await svc.store.ensure_user(user.id, language, svc.settings.default_tz)
