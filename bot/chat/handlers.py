"""Thin Telegram callbacks: clips in (video, video note, animation, or a document with a video/* or GIF
MIME type), friendly explanations for photos, voice messages and audio (FormCoach cannot understand speech
yet: type it, and send a workout as a video) and other files, the answer buttons, and the one error
handler. The work itself happens in bot.jobs.runner (queue) and bot.chat.buttons (button actions)."""

from __future__ import annotations

import logging
import math

from telegram import Animation, Document, Message, Update, Video, VideoNote
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters

from analysis.report.i18n import translate
from bot.chat import buttons
from bot.chat.hints import exercise_from_text
from bot.chat.users import RateLimiter, SharedRateLimiter, is_allowed, telegram_locale, user_locale
from bot.context import services
from bot.jobs.runner import ClipRequest
from bot.jobs.send import CALLBACK_PATTERN, best_effort, parse_callback

log = logging.getLogger(__name__)
LIMITER_KEY = "clip_limiter"
CLIP_FILTER = (
    filters.VIDEO
    | filters.VIDEO_NOTE
    | filters.ANIMATION
    | filters.Document.VIDEO
    | filters.Document.MimeType("image/gif")
)
VOICE_FILTER = filters.VOICE | filters.AUDIO | filters.Document.Category("audio/")
OTHER_FILE_FILTER = filters.Document.ALL | filters.Sticker.ALL


def register(application: Application) -> None:
    application.bot_data.setdefault(LIMITER_KEY, RateLimiter())  # bot.app shares it when the store is
    application.add_handler(MessageHandler(CLIP_FILTER, on_clip))
    application.add_handler(MessageHandler(filters.PHOTO, on_photo))
    application.add_handler(MessageHandler(VOICE_FILTER, on_voice))
    application.add_handler(MessageHandler(OTHER_FILE_FILTER, on_other_file))
    application.add_handler(CallbackQueryHandler(on_button, pattern=CALLBACK_PATTERN))
    application.add_error_handler(on_error)


def share_rate_limit(application: Application, limiter: SharedRateLimiter) -> None:
    """Count clips in the shared database instead of this process (several front ends: one limit)."""
    application.bot_data[LIMITER_KEY] = limiter


async def on_clip(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message, user = update.effective_message, update.effective_user
    media = _clip(message)
    if message is None or user is None or media is None or (locale := await _admit(update, context)) is None:
        return
    settings = services(context).settings
    if media.file_size and media.file_size > settings.max_file_bytes:
        size = math.ceil(media.file_size / 2**20)
        await _reply(message, translate("clip-too-big", locale, size=size, limit=settings.max_file_mb))
        return
    ref = f"{message.chat_id}:{message.message_id}"  # a redelivery of the message does not count again
    if (wait_s := await context.bot_data[LIMITER_KEY].acquire(user.id, ref)) is not None:
        await _reply(message, translate("clip-rate-limited", locale, seconds=wait_s))
        return
    hint = exercise_from_text(message.caption)
    request = ClipRequest(
        user.id, message.chat_id, message.message_id, media.file_id, media.file_unique_id, hint
    )
    await buttons.runner(context).accept(request, locale)


async def on_photo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message and (locale := await _admit(update, context)):
        await _reply(update.effective_message, translate("clip-photo", locale))


async def on_voice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message and (locale := await _admit(update, context)):
        await _reply(update.effective_message, translate("clip-voice", locale))


async def on_other_file(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message and (locale := await _admit(update, context)):
        await _reply(update.effective_message, translate("clip-not-video-file", locale))


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    parsed = parse_callback(update.callback_query.data if update.callback_query else None)
    if parsed is not None:
        await buttons.handle(update, context, *parsed)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error (English; no update contents: no captions, no files) and apologise to the user."""
    error = context.error
    where = f"update {update.update_id}" if isinstance(update, Update) else "a background task"
    log.error("%s while handling %s", type(error).__name__, where, exc_info=error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    user, chat_id = update.effective_user, update.effective_chat.id
    locale = telegram_locale(user)
    try:
        stored = await services(context).store.get_settings(user.id) if user else None
        locale = stored.language if stored else locale
    except Exception:  # the store may be what failed
        pass
    await best_effort(
        lambda: context.bot.send_message(chat_id, translate("failure-generic", locale)), what="apology"
    )


def _clip(message: Message | None) -> Video | VideoNote | Animation | Document | None:
    if message is None:
        return None
    return message.video or message.video_note or message.animation or message.document


async def _admit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str | None:
    """The user's language when they may use the bot; otherwise explains why not and returns None."""
    user, message = update.effective_user, update.effective_message
    if not is_allowed(services(context).settings, user):
        if message is not None:
            await _reply(message, translate("clip-not-allowed", telegram_locale(user)))
        return None
    assert user is not None
    return await user_locale(services(context).store, user)


async def _reply(message: Message, text: str) -> None:
    await message.reply_text(text)
