"""The undo button under a change made in words (a reminder set or removed, a goal, a corrected count, the
feedback detail).

The last change is kept in the chat's memory (``Store.remember(user, "undo", …)``, a day) with a random
token that the button's callback data carries (``undo:<token>``): only the latest change can be undone,
once (``Store.take`` hands it to one tap only, on every front end), by the user who made it.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from telegram import InlineKeyboardMarkup, Update

from analysis.report.i18n import translate
from bot.chat.talk.turn import keyboard
from bot.context import services
from bot.profile import Context, edit_query, guarded, locale_of, user_profile
from bot.pushes.schedule import reminder_job_name, schedule_reminder, unschedule
from bot.store.db import Goal, Store, UserSettings

log = logging.getLogger(__name__)
CALLBACK_PATTERN = r"^undo:"
SLOT = "undo"
KEEP_S = 24 * 3600
Undo = Callable[[Context, UserSettings, dict[str, Any]], Awaitable[None]]


async def offer(
    store: Store, user_id: int, kind: str, data: dict[str, Any], locale: str
) -> InlineKeyboardMarkup:
    """Remember how to take the change back; the markup with its undo button."""
    token = secrets.token_hex(6)
    await store.remember(user_id, SLOT, {"token": token, "kind": kind, "data": data}, KEEP_S)
    return keyboard([[(translate("talk-undo-button", locale), f"undo:{token}")]])


@guarded
async def undo_button(update: Update, context: Context) -> None:
    query = update.callback_query
    assert query is not None
    user = await user_profile(update, context)
    store, locale, token = services(context).store, locale_of(user), (query.data or "").removeprefix("undo:")
    kept = await store.recall(user.user_id, SLOT)
    entry = await store.take(user.user_id, SLOT) if kept and kept.get("token") == token else None
    if entry is None or entry.get("token") != token:
        await query.answer(translate("talk-undo-gone", locale), show_alert=True)
        return
    await UNDO[entry["kind"]](context, user, entry["data"])
    await query.answer()
    await edit_query(query, translate(f"talk-undone-{entry['kind']}", locale))


async def _reminders_added(context: Context, user: UserSettings, data: dict[str, Any]) -> None:
    store = services(context).store
    for reminder_id in data["ids"]:
        if await store.delete_reminder(user.user_id, reminder_id) and context.job_queue is not None:
            unschedule(context.job_queue, reminder_job_name(reminder_id))


async def _reminders_removed(context: Context, user: UserSettings, data: dict[str, Any]) -> None:
    store = services(context).store
    for r in data["reminders"]:
        reminder = await store.add_reminder(user.user_id, r["chat_id"], r["days"], r["time"], r["timezone"])
        if context.job_queue is not None:
            schedule_reminder(context.job_queue, reminder)


async def _goal(context: Context, user: UserSettings, data: dict[str, Any]) -> None:
    store, previous = services(context).store, data.get("previous")
    if previous is None:
        await store.delete_goal(user.user_id, data["exercise"])
        return
    await store.put_goal(
        Goal(
            0,
            user.user_id,
            previous["exercise"],
            previous["unit"],
            previous["target"],
            datetime.fromisoformat(previous["created_at"]),
            datetime.fromisoformat(previous["updated_at"]),
        )
    )


async def _count(context: Context, user: UserSettings, data: dict[str, Any]) -> None:
    await services(context).store.correct_count(user.user_id, data["analysis_id"], data["before"])


async def _detail(context: Context, user: UserSettings, data: dict[str, Any]) -> None:
    await services(context).store.update_settings(user.user_id, feedback_detail=data["before"])


def goal_data(exercise: str | None, previous: Goal | None) -> dict[str, Any]:
    """What ``offer`` keeps to undo a goal change."""
    if previous is None:
        return {"exercise": exercise, "previous": None}
    return {
        "exercise": exercise,
        "previous": {
            "exercise": previous.exercise,
            "unit": previous.unit,
            "target": previous.target,
            "created_at": previous.created_at.isoformat(),
            "updated_at": previous.updated_at.isoformat(),
        },
    }


UNDO: dict[str, Undo] = {
    "reminders_added": _reminders_added,
    "reminders_removed": _reminders_removed,
    "goal": _goal,
    "count": _count,
    "detail": _detail,
}
