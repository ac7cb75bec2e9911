"""The inline buttons under an answer: "다른 운동이에요" (pick the exercise, re-grade the same clip), "횟수
고치기" (the next number the user sends is the count: bot.chat.talk.counts) and the voice on/off toggle.
Callback data is ``<action>:<job id>[:<arg>]`` (see bot.jobs.send.callback_data)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.ext import ContextTypes

from analysis.report.i18n import translate
from analysis.vocab.catalog import CATALOG
from bot.chat.talk.counts import ask_count
from bot.chat.users import telegram_locale
from bot.context import services
from bot.jobs.runner import JobRunner
from bot.jobs.send import best_effort, keyboard
from bot.replies.feedback import (
    ACTION_COUNT,
    ACTION_MORE,
    ACTION_OTHER,
    ACTION_PICK,
    ACTION_VOICE,
    answer_buttons,
    picker_buttons,
)
from bot.store.db import Job

RUNNER_KEY = "jobs"
Action = Callable[[ContextTypes.DEFAULT_TYPE, Job, Message, str, str], Awaitable[str | None]]


def runner(context: ContextTypes.DEFAULT_TYPE) -> JobRunner:
    return context.bot_data[RUNNER_KEY]  # type: ignore[no-any-return]


async def handle(
    update: Update, context: ContextTypes.DEFAULT_TYPE, action: str, job_id: int, arg: str
) -> None:
    """Run one button's action for the job; the tap is always answered (with a note when there is one)."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None:
        return
    store = services(context).store
    stored = await store.get_settings(user.id)  # a tap creates no user (an answer sent before /delete)
    locale = stored.language if stored else telegram_locale(user)
    job = await store.get_job(job_id)
    message = query.message if isinstance(query.message, Message) else None
    if job is None or message is None:
        await _answer(query, translate("pick-gone", locale))
    elif job.user_id != user.id:
        await _answer(query, translate("pick-not-yours", locale))
    else:
        note = await ACTIONS[action](context, job, message, arg, locale)
        await _answer(query, translate(note, locale) if note else None)


async def _answer(query: CallbackQuery, text: str | None) -> None:
    await best_effort(lambda: query.answer(text), what="answerCallbackQuery")


async def _other(
    context: ContextTypes.DEFAULT_TYPE, job: Job, message: Message, arg: str, locale: str
) -> None:
    markup = keyboard(picker_buttons(locale), job.id)
    await context.bot.send_message(job.chat_id, translate("pick-prompt", locale), reply_markup=markup)


async def _more(
    context: ContextTypes.DEFAULT_TYPE, job: Job, message: Message, arg: str, locale: str
) -> None:
    markup = keyboard(picker_buttons(locale, everything=True), job.id)
    await best_effort(lambda: message.edit_reply_markup(markup), what="editMessageReplyMarkup")


async def _pick(
    context: ContextTypes.DEFAULT_TYPE, job: Job, message: Message, arg: str, locale: str
) -> str | None:
    if arg not in CATALOG:
        return "pick-gone"
    return await runner(context).regrade(job, message, arg, job.user_id, locale)


async def _voice(
    context: ContextTypes.DEFAULT_TYPE, job: Job, message: Message, arg: str, locale: str
) -> str:
    store = services(context).store
    current = await store.get_settings(job.user_id)
    voice_on = not (current.voice_on if current else True)
    await store.update_settings(job.user_id, voice_on=voice_on)
    markup = keyboard(answer_buttons(locale, voice_on=voice_on, counted=_has(message, ACTION_COUNT)), job.id)
    if markup is not None and message.reply_markup is not None:  # the Mini App button stays as it was
        kept = [r for r in message.reply_markup.inline_keyboard if any(b.web_app for b in r)]
        markup = InlineKeyboardMarkup([*markup.inline_keyboard, *kept])
    await best_effort(lambda: message.edit_reply_markup(markup), what="editMessageReplyMarkup")
    return "feedback-voice-turned-on" if voice_on else "feedback-voice-turned-off"


async def _count(
    context: ContextTypes.DEFAULT_TYPE, job: Job, message: Message, arg: str, locale: str
) -> str | None:
    if job.analysis_id is None:
        return "pick-gone"
    return await ask_count(context, job.user_id, job.chat_id, job.analysis_id, locale)


def _has(message: Message, action: str) -> bool:
    """Whether the message's keyboard has a button of ``action``."""
    rows = message.reply_markup.inline_keyboard if message.reply_markup else ()
    return any(str(b.callback_data or "").startswith(f"{action}:") for row in rows for b in row)


ACTIONS: dict[str, Action] = {
    ACTION_OTHER: _other,
    ACTION_MORE: _more,
    ACTION_PICK: _pick,
    ACTION_VOICE: _voice,
    ACTION_COUNT: _count,
}
