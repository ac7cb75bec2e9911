"""Correcting a repetition count: "5개였어요" / "it was 5" (as a reply to an analysis, or about the latest
one), or the "횟수 고치기" button under an analysis followed by a message with the number.

The button leaves a question in the chat's memory (``pending``: which analysis, for ``ASK_S``); the next
text message with a number answers it, "취소"/"cancel" drops it, anything else drops it and is answered
as usual. The corrected count is stored beside the measured one (``Store.correct_count``); history,
progress and goals use it. Every correction can be undone.
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Message

from analysis.report.i18n import translate
from bot.chat.intents.numbers import find_numbers
from bot.chat.talk import undo
from bot.chat.talk.turn import Answer, Turn, send
from bot.context import services
from bot.jobs.send import parse_callback
from bot.profile import Context
from bot.replies.goals import goal_lines
from bot.store.db import HistoryEntry, Store

PENDING = "pending"
ASK_S = 10 * 60  # the question waits this long for its number
MAX_COUNT = 10000
ANSWERS = ("unknown", "count_correction")  # intents a bare number or "12개" parses as
CANCEL_WORDS = ("취소", "됐어", "그만", "cancel", "never mind", "nevermind", "stop")


async def ask_count(
    context: Context, user_id: int, chat_id: int, analysis_id: int, locale: str
) -> str | None:
    """The "횟수 고치기" button: ask for the count (a message); the locale key to answer the tap, or None."""
    refusal, question = await _ask(services(context).store, user_id, analysis_id, locale)
    if question is not None:
        await send(context.bot, chat_id, Answer(question))
    return refusal


async def pending_answer(turn: Turn) -> Answer | None:
    """The answer to a question waiting in the chat's memory, or None when there is none (or the message
    is about something else: the question is dropped and the message answered as usual)."""
    store, user_id = turn.store, turn.user.user_id
    pending = await store.recall(user_id, PENDING)
    if pending is None or pending.get("ask") != "count" or turn.message is None:
        return None
    text = (turn.message.text or "").strip()
    count = _number(text) if turn.intent.name in ANSWERS else None
    if count is None:
        await store.forget(user_id, PENDING)
        if text.lower().strip(".!~ ") in CANCEL_WORDS:
            return Answer(translate("talk-count-cancelled", turn.locale))
        return None
    if await store.take(user_id, PENDING) is None:  # answered meanwhile (another front end)
        return None
    return await correct(turn, int(pending["analysis_id"]), count)


async def count_correction(turn: Turn) -> Answer:
    """ "5개였어요": the analysis replied to, else the latest one; without a number, ask for it."""
    count = turn.intent.get("count")
    target = await _replied_analysis(turn) or await _latest(turn)
    if target is None:
        return Answer(translate("talk-count-nothing", turn.locale))
    if not isinstance(count, int):
        refusal, question = await _ask(turn.store, turn.user.user_id, target, turn.locale)
        return Answer(question or translate(refusal or "pick-gone", turn.locale))
    return await correct(turn, target, count)


async def correct(turn: Turn, analysis_id: int, count: int) -> Answer:
    locale, store = turn.locale, turn.store
    if not 0 < count <= MAX_COUNT:
        return Answer(translate("talk-count-range", locale, limit=MAX_COUNT))
    correction = await store.correct_count(turn.user.user_id, analysis_id, count)
    if correction is None:
        entry = await store.analysis_entry(turn.user.user_id, analysis_id)
        return Answer(translate("talk-count-timed" if entry else "pick-gone", locale))
    before = correction.before if correction.before is not None else correction.measured
    lines = [
        translate("talk-count-done", locale, exercise=correction.exercise, before=before or 0, count=count),
        translate("talk-count-kept", locale, measured=correction.measured or 0),
    ]
    statuses = await store.goal_status(turn.user.user_id, turn.user.timezone, turn.now)
    lines += [""] * bool(statuses) + goal_lines(statuses, locale)
    data = {"analysis_id": analysis_id, "before": correction.before}
    markup: InlineKeyboardMarkup = await undo.offer(store, turn.user.user_id, "count", data, locale)
    return Answer("\n".join(lines), markup)


async def _replied_analysis(turn: Turn) -> int | None:
    """The analysis of the message the user replied to: its answer's buttons name the job; the clip and the
    progress message are the job's own."""
    replied: Message | None = turn.message.reply_to_message if turn.message else None
    if replied is None:
        return None
    rows = replied.reply_markup.inline_keyboard if replied.reply_markup else ()
    for button in (b for row in rows for b in row):
        parsed = parse_callback(str(button.callback_data or ""))
        if parsed is not None:
            job = await turn.store.get_job(parsed[1])
            if job is not None and job.user_id == turn.user.user_id and job.analysis_id is not None:
                return job.analysis_id
    return await turn.store.analysis_of_message(turn.user.user_id, turn.chat_id, replied.message_id)


async def _latest(turn: Turn) -> int | None:
    entries: list[HistoryEntry] = await turn.store.history(turn.user.user_id, limit=1)
    return entries[0].analysis_id if entries else None


async def _ask(store: Store, user_id: int, analysis_id: int, locale: str) -> tuple[str | None, str | None]:
    """(a refusal's locale key, None) or (None, the question, now remembered)."""
    entry = await store.analysis_entry(user_id, analysis_id)
    if entry is None:
        return "pick-gone", None
    if entry.hold_s is not None:
        return "talk-count-timed", None
    await store.remember(user_id, PENDING, {"ask": "count", "analysis_id": analysis_id}, ASK_S)
    return None, translate("talk-count-ask", locale, exercise=entry.exercise, count=entry.rep_count or 0)


def _number(text: str) -> int | None:
    found = find_numbers(text, counters="개|번|회|reps?|times")
    found = found or find_numbers(text)
    return found[0].value if found else None
