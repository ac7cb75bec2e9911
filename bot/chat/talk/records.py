"""The user's records in words: progress questions ("이번 주 스쿼트 어땠어?", "지난주보다 나아졌어?") answered
from the store with numbers, and the whole history as CSV and JSON files ("기록 내보내기", /export)."""

from __future__ import annotations

from telegram import Update

from analysis.report.i18n import translate
from bot.chat.talk.turn import Answer, Document, Turn, bare_intent, send
from bot.profile import Context, display_name, guarded, locale_of, user_profile
from bot.replies.activity import PERIODS, activity_text, period_span, previous_span, summarize
from bot.replies.export import CSV_NAME, JSON_NAME, history_csv, history_json
from bot.replies.goals import goal_lines


async def progress(turn: Turn) -> Answer:
    """The period's sessions (of one exercise, when named), compared with the period before when asked;
    this week's answer also shows the weekly goals."""
    period = str(turn.intent.get("period", "this_week"))
    period = period if period in PERIODS else "this_week"
    exercise = turn.intent.get("exercise")
    exercise = exercise if isinstance(exercise, str) else None
    store, user, now = turn.store, turn.user, turn.now
    start, end = period_span(period, now, user.timezone)
    this = summarize(await store.sessions(user.user_id, start, end, exercise))
    previous = None
    if turn.intent.get("compare") and (before := previous_span(period, now, user.timezone)) is not None:
        previous = summarize(await store.sessions(user.user_id, before[0], before[1], exercise))
    lines = [activity_text(this, previous, period, exercise, turn.locale)]
    if period == "this_week":
        statuses = await store.goal_status(user.user_id, user.timezone, now)
        statuses = [s for s in statuses if exercise is None or s.goal.exercise in (None, exercise)]
        lines += [""] * bool(statuses) + goal_lines(statuses, turn.locale)
    return Answer("\n".join(lines))


async def export(turn: Turn) -> Answer:
    records = await turn.store.export_history(turn.user.user_id)
    if not records:
        return Answer(translate("talk-export-empty", turn.locale))
    timezone = turn.user.timezone
    documents = (
        Document(CSV_NAME, history_csv(records, timezone)),
        Document(JSON_NAME, history_json(records, timezone, turn.now)),
    )
    return Answer(translate("talk-export-done", turn.locale, count=len(records)), documents=documents)


@guarded
async def export_command(update: Update, context: Context) -> None:
    """/export: the same as saying "기록 내보내기"."""
    user = await user_profile(update, context)
    assert update.effective_chat is not None
    locale = locale_of(user)
    turn = Turn(
        context, user, update.effective_chat.id, bare_intent("export", locale), display_name(update, locale)
    )
    await send(context.bot, turn.chat_id, await export(turn))
