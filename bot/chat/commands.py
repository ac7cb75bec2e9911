"""The bot's commands besides the clip flow: /start /help /progress /history /remind /settings /export
/delete, and the conversation (bot.chat.talk: every other text message, after the commands).

    register(application)          # add the handlers (commands; callback data "set:", "rem:", "del:", …)
    await on_startup(application)  # re-schedule stored reminders and weekly summaries on the JobQueue
    for locale in LOCALES:         # setMyCommands text per language
        await bot.set_my_commands(command_descriptions(locale), language_code=locale)

Handlers expect ``application.bot_data["services"]`` (bot.context.Services); every string comes from
``locales/<locale>/commands.ftl``.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from analysis.report.i18n import translate
from bot.chat import preferences, reminders
from bot.chat.talk import handlers as talk
from bot.context import services
from bot.profile import Context, display_name, edit_query, guarded, locale_of, user_profile
from bot.pushes.schedule import restore, unschedule_user
from bot.pushes.week_report import send_week_report
from bot.replies.progress import history_text

log = logging.getLogger(__name__)
COMMANDS: tuple[str, ...] = (
    "start", "help", "progress", "history", "remind", "settings", "export", "delete",
)  # fmt: skip
_DESCRIPTION_KEYS = {
    "start": "command-start",
    "help": "command-help",
    "progress": "command-progress",
    "history": "command-history",
    "remind": "command-remind",
    "settings": "command-settings",
    "export": "command-export",
    "delete": "command-delete",
}
HISTORY_LIMIT = 10
DELETE_PATTERN = r"^del:"


def command_descriptions(locale: str) -> list[tuple[str, str]]:
    """(command, description) pairs for ``bot.set_my_commands(…, language_code=locale)``."""
    return [(command, translate(_DESCRIPTION_KEYS[command], locale)) for command in COMMANDS]


def register(application: Application[Any, Any, Any, Any, Any, Any], group: int = 0) -> None:
    application.add_handlers(
        [
            CommandHandler("start", start),
            CommandHandler("help", help_command),
            CommandHandler("progress", progress_command),
            CommandHandler("history", history_command),
            CommandHandler("remind", reminders.remind_command),
            CommandHandler("settings", preferences.settings_command),
            CommandHandler("delete", delete_command),
            CallbackQueryHandler(preferences.settings_button, pattern=preferences.CALLBACK_PATTERN),
            CallbackQueryHandler(reminders.remind_button, pattern=reminders.CALLBACK_PATTERN),
            CallbackQueryHandler(delete_button, pattern=DELETE_PATTERN),
            *talk.handlers(),  # last: it answers the text (and the commands) nobody else took
        ],
        group=group,
    )


async def on_startup(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Schedule every stored reminder and weekly summary again (the JobQueue lives in memory only)."""
    await restore(application)


@guarded
async def start(update: Update, context: Context) -> None:
    locale = locale_of(await user_profile(update, context))
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        translate("onboarding", locale, name=display_name(update, locale))
    )


@guarded
async def help_command(update: Update, context: Context) -> None:
    locale = locale_of(await user_profile(update, context))
    lines = [translate("help-header", locale), ""]
    lines += [
        translate("help-line", locale, command=c, description=d) for c, d in command_descriptions(locale)
    ]
    lines += ["", translate("help-footer", locale)]
    assert update.effective_message is not None
    await update.effective_message.reply_text("\n".join(lines))


@guarded
async def progress_command(update: Update, context: Context) -> None:
    user = await user_profile(update, context)
    assert update.effective_chat is not None
    name = display_name(update, locale_of(user))
    await send_week_report(
        context.bot, services(context), update.effective_chat.id, user, name=name, weekly=False
    )


@guarded
async def history_command(update: Update, context: Context) -> None:
    user = await user_profile(update, context)
    entries = await services(context).store.history(user.user_id, limit=HISTORY_LIMIT)
    assert update.effective_message is not None
    await update.effective_message.reply_text(history_text(entries, user.timezone, locale_of(user)))


@guarded
async def delete_command(update: Update, context: Context) -> None:
    user = await user_profile(update, context)
    locale = locale_of(user)
    markup = _delete_keyboard(user.user_id, locale)
    assert update.effective_message is not None
    await update.effective_message.reply_text(translate("delete-confirm", locale), reply_markup=markup)


@guarded
async def delete_button(update: Update, context: Context) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    choice, _, owner = (query.data or "").removeprefix("del:").partition(":")
    if owner != str(query.from_user.id):
        await query.answer()
        return
    locale = locale_of(await services(context).store.get_settings(query.from_user.id))  # no new row
    if choice == "yes":  # erased before anything is said: what Telegram answers cannot keep the rows
        await erase_user(context, query.from_user.id, query.message.chat.id)
    await query.answer()
    await edit_query(query, translate("delete-done" if choice == "yes" else "delete-cancelled", locale))


def _delete_keyboard(user_id: int, locale: str) -> InlineKeyboardMarkup:
    """Yes / no; the callback data names the asker, so only they can confirm (e.g. in a group chat)."""
    choices = (("yes", "delete-button-yes"), ("no", "delete-button-no"))
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(translate(key, locale), callback_data=f"del:{c}:{user_id}")]
            for c, key in choices
        ]
    )


async def erase_user(context: Context, user_id: int, chat_id: int) -> int:
    """Every row of the user (store.delete_user), their scheduled jobs and in-memory user/chat data.

    The store records no per-user files under settings.data_dir (the voice cache is keyed by phrase and
    shared by everyone), so there is nothing on disk to remove besides the database rows.
    """
    deleted = await services(context).store.delete_user(user_id)
    jobs = unschedule_user(context.job_queue, user_id) if context.job_queue is not None else 0
    context.application.drop_user_data(user_id)
    if chat_id == user_id:  # the private chat with this user
        context.application.drop_chat_data(chat_id)
    log.info("erased a user's data: %d rows, %d scheduled jobs", deleted, jobs)
    return deleted
