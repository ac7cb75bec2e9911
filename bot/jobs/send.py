"""Sending one Feedback (summary → photos → voice), the answer buttons' callback data, and best-effort calls.

Flood control and retries are not here: every Bot API call goes through ``bot.flood.FloodLimiter`` (the
Application's rate limiter), which paces calls, waits out 429s and backs off on 5xx / network errors /
timeouts; a 400 (BadRequest) or 403 (Forbidden) is final. Voice synthesis starts as soon as sending
starts, so it is ready by the time the summary and the photos are out.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    Message,
    ReplyParameters,
    WebAppInfo,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, TelegramError

from bot.replies.feedback import ACTIONS, Button, Feedback
from bot.replies.voice import Speaker, SpeechError, ogg_opus_duration

log = logging.getLogger(__name__)
CALLBACK_SEPARATOR = ":"


async def best_effort(call: Callable[[], Awaitable[object]], *, what: str) -> bool:
    """A call whose failure must not stop the work (progress edits, chat actions): True if it went."""
    try:
        await call()
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            log.debug("%s failed: %s", what, exc)
        return False
    except TelegramError as exc:
        log.debug("%s failed: %s", what, type(exc).__name__)
        return False
    return True


# --- callback data ---------------------------------------------------------------------------------


def callback_data(action: str, job_id: int, arg: str = "") -> str:
    parts = [action, str(job_id)] + ([arg] if arg else [])
    return CALLBACK_SEPARATOR.join(parts)


def parse_callback(data: str | None) -> tuple[str, int, str] | None:
    """(action, job id, arg) of our buttons' callback data; None for anything else."""
    parts = (data or "").split(CALLBACK_SEPARATOR, 2)
    if len(parts) < 2 or parts[0] not in ACTIONS or not parts[1].isdigit():
        return None
    return parts[0], int(parts[1]), parts[2] if len(parts) == 3 else ""


CALLBACK_PATTERN = rf"^({'|'.join(ACTIONS)}){CALLBACK_SEPARATOR}\d+"


def keyboard(rows: Sequence[Sequence[Button]], job_id: int) -> InlineKeyboardMarkup | None:
    if not rows:
        return None
    return InlineKeyboardMarkup([[_button(b, job_id) for b in row] for row in rows])


def _button(b: Button, job_id: int) -> InlineKeyboardButton:
    if b.web_app:  # opens the Mini App (private chats only)
        return InlineKeyboardButton(b.text, web_app=WebAppInfo(b.web_app))
    return InlineKeyboardButton(b.text, callback_data=callback_data(b.action, job_id, b.arg))


# --- one answer ------------------------------------------------------------------------------------


async def send_feedback(
    bot: Bot,
    chat_id: int,
    feedback: Feedback,
    *,
    job_id: int,
    locale: str,
    speaker: Speaker | None,
    reply_to: int | None = None,
) -> Message:
    """The summary with its buttons first, the moment the analysis is done (it quotes the clip); then the
    annotated photos, then the voice (when ``speaker``): a stable order, each call sent once (the flood
    limiter retries a call, never the answer). Photos or voice that cannot go out do not undo the summary.
    Returns the summary."""
    speech = None
    if speaker is not None and feedback.voice_text:
        speech = asyncio.create_task(_synthesize(speaker, feedback.voice_text, locale))
    reply = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
    try:
        summary = await bot.send_message(
            chat_id,
            feedback.text,
            parse_mode=ParseMode.HTML,
            reply_markup=keyboard(feedback.buttons, job_id),
            reply_parameters=reply,
        )
        if feedback.photos:
            await best_effort(
                lambda: bot.send_chat_action(chat_id, ChatAction.UPLOAD_PHOTO), what="chat action"
            )
            try:
                await _send_photos(bot, chat_id, feedback)
            except TelegramError as exc:  # the summary is out; the voice still follows
                log.warning("sending the key frames failed: %s", type(exc).__name__)
        if speech is not None:
            await _send_voice(bot, chat_id, await speech)
    finally:
        if speech is not None and not speech.done():
            speech.cancel()
    return summary


async def _send_photos(bot: Bot, chat_id: int, feedback: Feedback) -> None:
    captions = feedback.photo_captions + [""] * (len(feedback.photos) - len(feedback.photo_captions))
    if len(feedback.photos) == 1:
        await bot.send_photo(
            chat_id,
            feedback.photos[0],
            caption=captions[0] or None,
            filename="formcoach.jpg",
        )
        return
    await bot.send_media_group(
        chat_id,
        [
            InputMediaPhoto(p, caption=c or None, filename=f"formcoach{i}.jpg")
            for i, (p, c) in enumerate(zip(feedback.photos, captions, strict=True))
        ],
    )


async def _synthesize(speaker: Speaker, text: str, locale: str) -> bytes | None:
    try:
        return await speaker.synthesize(text, locale)
    except (SpeechError, TimeoutError) as exc:
        log.warning("no voice message: speech synthesis failed (%s)", type(exc).__name__)
        return None


async def _send_voice(bot: Bot, chat_id: int, ogg: bytes | None) -> None:
    if not ogg:
        return
    await best_effort(lambda: bot.send_chat_action(chat_id, ChatAction.UPLOAD_VOICE), what="chat action")
    try:
        duration = max(1, round(ogg_opus_duration(ogg)))
    except Exception:  # a container PyAV cannot read back: send without the duration
        duration = None
    try:
        await bot.send_voice(chat_id, ogg, duration=duration, filename="formcoach.ogg")
    except TelegramError as exc:  # e.g. the user's privacy settings refuse voice messages
        log.warning("sending the voice message failed: %s", type(exc).__name__)
