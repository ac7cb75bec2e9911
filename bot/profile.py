"""What the command handlers share: the user's stored settings, their locale, the access check, safe edits."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable

from telegram import CallbackQuery, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from analysis.report.i18n import DEFAULT_LOCALE, LOCALES, normalise_locale, translate
from bot.context import services
from bot.store.db import UserSettings

log = logging.getLogger(__name__)
Context = ContextTypes.DEFAULT_TYPE
Handler = Callable[[Update, Context], Awaitable[None]]


def locale_of(settings: UserSettings | None) -> str:
    """The user's locale folder ("ko" or "en"); the default locale for unknown users."""
    locale = normalise_locale(settings.language if settings else None)
    return locale if locale in LOCALES else DEFAULT_LOCALE


async def user_profile(update: Update, context: Context) -> UserSettings:
    """The sender's settings; a new user is created with their Telegram language and the bot's time zone."""
    user = update.effective_user
    assert user is not None  # guarded() lets only updates with a user through
    svc = services(context)
    found = await svc.store.get_settings(user.id)
    if found is not None:
        return found
    language = normalise_locale(user.language_code)
    language = language if language in LOCALES else DEFAULT_LOCALE
    return await svc.store.ensure_user(user.id, language, svc.settings.default_tz)


def display_name(update: Update, locale: str) -> str:
    user = update.effective_user
    name = (user.first_name or "").strip() if user else ""
    return name or translate("profile-name-fallback", locale)


def guarded(handler: Handler) -> Handler:
    """Skip updates without a user, and users outside FORMCOACH_ALLOWED_USERS when that is set."""

    @functools.wraps(handler)
    async def wrapper(update: Update, context: Context) -> None:
        allowed = services(context).settings.allowed_users
        user = update.effective_user
        if user is None or (allowed is not None and user.id not in allowed):
            return
        await handler(update, context)

    return wrapper


async def edit_query(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Edit the message of a button tap; a tap that changes nothing is not an error."""
    try:
        await query.edit_message_text(text, reply_markup=markup)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise
        log.debug("edit skipped: message unchanged")
