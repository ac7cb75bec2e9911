"""/remind: list, add (inline buttons or ``/remind 월수금 07:30``) and remove workout reminders.

Reminders are stored by bot.store.db (days as a bitmask, bit 0 = Monday; "HH:MM" in the user's time zone)
and scheduled by bot.pushes.schedule. The button flow keeps its state in the callback data, so it
survives restarts: ``rem:list`` · ``rem:add`` · ``rem:d:<mask>`` (day picker) · ``rem:t:<mask>``
(time picker) · ``rem:s:<mask>:<HHMM>`` (save) · ``rem:x:<reminder id>`` (remove).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from analysis.report.i18n import translate
from bot.context import services
from bot.profile import Context, display_name, edit_query, guarded, locale_of, user_profile
from bot.pushes.schedule import reminder_job_name, schedule_reminder, unschedule
from bot.replies.progress import weekday_name
from bot.store.db import Reminder, Store, UserSettings

CALLBACK_PATTERN = r"^rem:"
MAX_REMINDERS = 10
PRESET_TIMES = ("06:00", "07:00", "07:30", "08:00", "12:00", "18:00", "19:00", "20:00", "21:00")
EVERYDAY, WEEKDAYS, WEEKEND = 0b1111111, 0b0011111, 0b1100000
_PRESET_KEYS = {
    EVERYDAY: "remind-days-everyday",
    WEEKDAYS: "remind-days-weekdays",
    WEEKEND: "remind-days-weekend",
}
_KO_DAYS = "월화수목금토일"
_EN_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WORDS = {
    "매일": EVERYDAY,
    "daily": EVERYDAY,
    "everyday": EVERYDAY,
    "평일": WEEKDAYS,
    "weekdays": WEEKDAYS,
    "weekday": WEEKDAYS,
    "주말": WEEKEND,
    "weekend": WEEKEND,
    "weekends": WEEKEND,
}
_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
Button = InlineKeyboardButton


# --- parsing -----------------------------------------------------------------------------------------


def parse_time(text: str) -> str | None:
    """A 24-hour H:MM time, zero-padded ("7:30" → "07:30"); None otherwise."""
    match = _TIME.fullmatch(text.strip())
    return f"{int(match[1]):02d}:{match[2]}" if match else None


def parse_days(text: str) -> int | None:
    """Days → bitmask: "월수금", "월,수,금", "월요일 수요일", "mon,wed,fri", "mon-fri", "월~금", "매일"."""
    mask = 0
    for word in re.split(r"[,\s/·]+", text.strip().lower()):
        if not word:
            continue
        bits = _word_days(word)
        if bits is None:
            return None
        mask |= bits
    return mask or None


def parse_remind_args(args: Sequence[str]) -> tuple[int, str] | None:
    """``/remind`` arguments → (days bitmask, "HH:MM"); the time may come first or last."""
    times = [i for i, arg in enumerate(args) if parse_time(arg)]
    if len(times) != 1:
        return None
    days = parse_days(" ".join(arg for i, arg in enumerate(args) if i != times[0]))
    clock = parse_time(args[times[0]])
    return (days, clock) if days and clock else None


def _word_days(word: str) -> int | None:
    if word in _DAY_WORDS:
        return _DAY_WORDS[word]
    if match := re.fullmatch(r"(.+?)[-~](.+)", word):  # a range: mon-fri, 월~금 (may wrap: 금-월)
        first, last = _one_day(match[1]), _one_day(match[2])
        if first is None or last is None:
            return None
        return sum(1 << ((first + i) % 7) for i in range((last - first) % 7 + 1))
    if (day := _one_day(word)) is not None:
        return 1 << day
    chars = word.replace("요일", "")
    if chars and all(c in _KO_DAYS for c in chars):
        return sum(1 << _KO_DAYS.index(c) for c in set(chars))
    return None


def _one_day(word: str) -> int | None:
    word = word.removesuffix("요일")
    if len(word) == 1 and word in _KO_DAYS:
        return _KO_DAYS.index(word)
    if len(word) >= 3:
        return next((i for i, name in enumerate(_EN_DAYS) if name.startswith(word)), None)
    return None


def days_label(mask: int, locale: str) -> str:
    """ "매일" / "평일" / "주말", else "월, 수, 금"."""
    if mask in _PRESET_KEYS:
        return translate(_PRESET_KEYS[mask], locale)
    return ", ".join(weekday_name(d, locale) for d in range(7) if mask >> d & 1)


# --- handlers ----------------------------------------------------------------------------------------


@guarded
async def remind_command(update: Update, context: Context) -> None:
    user = await user_profile(update, context)
    message = update.effective_message
    assert message is not None
    if context.args:
        parsed = parse_remind_args(context.args)
        if parsed is None:
            await message.reply_text(translate("remind-bad-format", locale_of(user)))
            return
        await message.reply_text(await add_reminder(context, user, message.chat_id, *parsed))
        return
    text, markup = await list_view(services(context).store, user, display_name(update, locale_of(user)))
    await message.reply_text(text, reply_markup=markup)


@guarded
async def remind_button(update: Update, context: Context) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    user = await user_profile(update, context)
    action, _, rest = query.data.removeprefix("rem:").partition(":")
    handler = _ACTIONS.get(action)
    if handler is None:
        await query.answer()
        return
    await handler(update, context, user, rest)


async def add_reminder(context: Context, user: UserSettings, chat_id: int, days: int, clock: str) -> str:
    """Store and schedule a reminder in the user's time zone; the confirmation (or refusal) text."""
    reminder = await create_reminder(context, user, chat_id, days, clock)
    return reminder_added_text(reminder, locale_of(user))


async def create_reminder(
    context: Context, user: UserSettings, chat_id: int, days: int, clock: str
) -> Reminder | None:
    """Store and schedule a reminder in the user's time zone; None when they have ``MAX_REMINDERS``."""
    store = services(context).store
    if len(await store.list_reminders(user.user_id)) >= MAX_REMINDERS:
        return None
    reminder = await store.add_reminder(user.user_id, chat_id, days, clock, user.timezone)
    if context.job_queue is not None:
        schedule_reminder(context.job_queue, reminder)
    return reminder


def reminder_added_text(reminder: Reminder | None, locale: str) -> str:
    if reminder is None:
        return translate("remind-too-many", locale, count=MAX_REMINDERS)
    label = days_label(reminder.days, locale)
    return translate("remind-added", locale, days=label, clock=reminder.time, timezone=reminder.timezone)


# --- button actions: (update, context, user, rest of the callback data) ----------------------------


async def _show_list(update: Update, context: Context, user: UserSettings, rest: str) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer()
    name = display_name(update, locale_of(user))
    await edit_query(query, *await list_view(services(context).store, user, name))


async def _pick_days(update: Update, context: Context, user: UserSettings, rest: str) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer()
    mask = _int(rest) or 0
    await edit_query(
        query, translate("remind-pick-days", locale_of(user)), days_keyboard(mask & EVERYDAY, user)
    )


async def _pick_time(update: Update, context: Context, user: UserSettings, rest: str) -> None:
    query = update.callback_query
    assert query is not None
    mask, locale = (_int(rest) or 0) & EVERYDAY, locale_of(user)
    if not mask:
        await query.answer(translate("remind-no-days", locale), show_alert=True)
        return
    await query.answer()
    text = translate("remind-pick-time", locale, days=days_label(mask, locale), timezone=user.timezone)
    await edit_query(query, text, time_keyboard(mask, user))


async def _save(update: Update, context: Context, user: UserSettings, rest: str) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    mask_text, _, hhmm = rest.partition(":")
    mask, clock = (_int(mask_text) or 0) & EVERYDAY, parse_time(f"{hhmm[:2]}:{hhmm[2:]}")
    await query.answer()
    if not mask or clock is None:
        return
    await edit_query(query, await add_reminder(context, user, query.message.chat.id, mask, clock))


async def _remove(update: Update, context: Context, user: UserSettings, rest: str) -> None:
    query = update.callback_query
    assert query is not None
    reminder_id, store, locale = _int(rest) or 0, services(context).store, locale_of(user)
    removed = await store.delete_reminder(user.user_id, reminder_id)
    if removed and context.job_queue is not None:
        unschedule(context.job_queue, reminder_job_name(reminder_id))
    await query.answer(translate("remind-removed" if removed else "remind-not-found", locale))
    await edit_query(query, *await list_view(store, user, display_name(update, locale)))


_ACTIONS: dict[str, Callable[[Update, Context, UserSettings, str], Awaitable[None]]] = {
    "list": _show_list,
    "add": _pick_days,
    "d": _pick_days,
    "t": _pick_time,
    "s": _save,
    "x": _remove,
}


# --- views -------------------------------------------------------------------------------------------


async def list_view(store: Store, user: UserSettings, name: str) -> tuple[str, InlineKeyboardMarkup]:
    locale = locale_of(user)
    reminders = await store.list_reminders(user.user_id)
    lines = [translate("remind-list-header", locale, name=name)] if reminders else []
    lines += [
        translate("remind-item", locale, days=days_label(r.days, locale), clock=r.time, timezone=r.timezone)
        for r in reminders
    ] or [translate("remind-empty", locale)]
    lines.append(translate("remind-usage", locale))
    rows = [
        [
            Button(
                translate("remind-button-remove", locale, days=days_label(r.days, locale), clock=r.time),
                callback_data=f"rem:x:{r.id}",
            )
        ]
        for r in reminders
    ]
    rows.append([Button(translate("remind-button-add", locale), callback_data="rem:add")])
    return "\n".join(lines), InlineKeyboardMarkup(rows)


def days_keyboard(mask: int, user: UserSettings) -> InlineKeyboardMarkup:
    """Day toggles (each button carries the mask after its toggle), presets, back and next."""
    locale = locale_of(user)
    days = [
        Button(
            ("✓ " if mask >> d & 1 else "") + weekday_name(d, locale),
            callback_data=f"rem:d:{mask ^ (1 << d)}",
        )
        for d in range(7)
    ]
    presets = [Button(translate(key, locale), callback_data=f"rem:d:{m}") for m, key in _PRESET_KEYS.items()]
    navigation = [
        Button(translate("remind-button-back", locale), callback_data="rem:list"),
        Button(translate("remind-button-next", locale), callback_data=f"rem:t:{mask}"),
    ]
    return InlineKeyboardMarkup([days[:4], days[4:], presets, navigation])


def time_keyboard(mask: int, user: UserSettings) -> InlineKeyboardMarkup:
    buttons = [Button(t, callback_data=f"rem:s:{mask}:{t.replace(':', '')}") for t in PRESET_TIMES]
    rows = [buttons[i : i + 3] for i in range(0, len(buttons), 3)]
    rows.append([Button(translate("remind-button-back", locale_of(user)), callback_data=f"rem:d:{mask}")])
    return InlineKeyboardMarkup(rows)


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() else None
