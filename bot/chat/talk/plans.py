"""Plans said in words: reminders ("월수금 아침 7시에 알려줘", "알림 꺼줘", "알림 뭐 있어?"),
the same stored, time-zone-aware reminders as /remind (bot.chat.reminders, bot.pushes.schedule), and
weekly goals ("이번 주 스쿼트 100개"). Every change comes with an undo button (bot.chat.talk.undo)."""

from __future__ import annotations

from analysis.report.i18n import translate
from bot.chat import reminders
from bot.chat.talk import undo
from bot.chat.talk.turn import Answer, Turn
from bot.pushes.schedule import reminder_job_name, unschedule
from bot.replies.goals import goal_lines, goal_name

EVERY_DAY = tuple(range(7))
MAX_GOALS = 5


async def reminder_set(turn: Turn) -> Answer:
    """Days and time → a reminder; a missing time is asked with the /remind pickers (every day when only
    the time was said)."""
    days, clock, locale = turn.intent.get("days"), turn.intent.get("time"), turn.locale
    mask = sum(1 << d for d in days) if isinstance(days, tuple) else 0
    if not isinstance(clock, str):
        if not mask:
            return Answer(translate("talk-remind-which-days", locale), reminders.days_keyboard(0, turn.user))
        text = translate("talk-remind-which-time", locale, days=reminders.days_label(mask, locale))
        return Answer(text, reminders.time_keyboard(mask, turn.user))
    reminder = await reminders.create_reminder(
        turn.context, turn.user, turn.chat_id, mask or reminders.EVERYDAY, clock
    )
    text = reminders.reminder_added_text(reminder, locale)
    if reminder is None:
        return Answer(text)
    markup = await undo.offer(
        turn.store, turn.user.user_id, "reminders_added", {"ids": [reminder.id]}, locale
    )
    return Answer(f"{text}\n{translate('talk-remind-how-to-stop', locale)}", markup)


async def reminder_off(turn: Turn) -> Answer:
    """Every reminder of the user removed (the undo button puts them back)."""
    store, locale, user_id = turn.store, turn.locale, turn.user.user_id
    found = await store.list_reminders(user_id)
    if not found:
        return Answer(translate("talk-remind-none", locale))
    for reminder in found:
        if await store.delete_reminder(user_id, reminder.id) and turn.context.job_queue is not None:
            unschedule(turn.context.job_queue, reminder_job_name(reminder.id))
    kept = [{"chat_id": r.chat_id, "days": r.days, "time": r.time, "timezone": r.timezone} for r in found]
    markup = await undo.offer(store, user_id, "reminders_removed", {"reminders": kept}, locale)
    items = [
        translate("remind-item", locale, days=label, clock=r.time, timezone=r.timezone)
        for r, label in ((r, reminders.days_label(r.days, locale)) for r in found)
    ]
    return Answer("\n".join([translate("talk-remind-off", locale, count=len(found)), *items]), markup)


async def reminder_list(turn: Turn) -> Answer:
    text, markup = await reminders.list_view(turn.store, turn.user, turn.name)
    return Answer(text, markup)


async def goal_set(turn: Turn) -> Answer:
    """A weekly goal (replacing the one for the same exercise), with this week's progress toward it."""
    target, unit, locale = turn.intent.get("target"), turn.intent.get("unit"), turn.locale
    exercise = turn.intent.get("exercise")
    exercise = exercise if isinstance(exercise, str) else None
    if not isinstance(target, int) or unit not in ("reps", "sessions"):
        return Answer(translate("talk-goal-how", locale))
    store, user_id = turn.store, turn.user.user_id
    current = await store.goals(user_id)
    if len(current) >= MAX_GOALS and all(g.exercise != exercise for g in current):
        return Answer(translate("talk-goal-too-many", locale, count=MAX_GOALS))
    goal, previous = await store.set_goal(user_id, exercise, str(unit), target)
    lines = [translate("talk-goal-set", locale, name=goal_name(goal, locale))]
    if previous is not None:
        lines.append(translate("talk-goal-replaced", locale, name=goal_name(previous, locale)))
    statuses = await store.goal_status(user_id, turn.user.timezone, turn.now)
    lines += ["", *goal_lines([s for s in statuses if s.goal.exercise == exercise], locale)]
    markup = await undo.offer(store, user_id, "goal", undo.goal_data(exercise, previous), locale)
    return Answer("\n".join(lines), markup)
