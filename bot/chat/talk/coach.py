"""Answers that need little or no history: greeting, help, an exercise's guide, the feedback detail, and
"I didn't understand" with buttons for the likeliest intents (callback data ``talk:<intent>``, and
``talk:guide:<exercise>`` / ``talk:detail:<level>`` for the pickers)."""

from __future__ import annotations

from analysis.report.i18n import translate
from analysis.vocab.catalog import CATALOG
from bot.chat.talk import undo
from bot.chat.talk.turn import Answer, Turn, keyboard
from bot.replies.feedback import COMMON_EXERCISES, DETAILS
from bot.replies.guide import guide_text

PER_ROW = 3


async def greeting(turn: Turn) -> Answer:
    return Answer(translate("talk-greeting", turn.locale, name=turn.name))


async def help_answer(turn: Turn) -> Answer:
    return Answer(translate("talk-help", turn.locale, name=turn.name))


async def exercise_guide(turn: Turn) -> Answer:
    exercise = turn.intent.get("exercise")
    if not isinstance(exercise, str) or exercise not in CATALOG:
        return exercise_picker(turn.locale)
    missed = await turn.store.missed_conditions(turn.user.user_id, exercise)
    return Answer(guide_text(exercise, turn.locale, missed), html=True)


def exercise_picker(locale: str) -> Answer:
    """Which exercise? The common ones as buttons; any other by name."""
    buttons = [(translate(f"exercise-{e}", locale), f"talk:guide:{e}") for e in COMMON_EXERCISES]
    rows = [buttons[i : i + PER_ROW] for i in range(0, len(buttons), PER_ROW)]
    return Answer(translate("talk-guide-which", locale), keyboard(rows))


async def feedback_detail(turn: Turn) -> Answer:
    level, locale = turn.intent.get("level"), turn.locale
    if level not in DETAILS:
        rows = [[(translate(f"talk-detail-{name}", locale), f"talk:detail:{name}") for name in DETAILS]]
        return Answer(translate("talk-detail-which", locale), keyboard(rows))
    before = turn.user.feedback_detail
    await turn.store.update_settings(turn.user.user_id, feedback_detail=str(level))
    markup = await undo.offer(turn.store, turn.user.user_id, "detail", {"before": before}, locale)
    return Answer(translate(f"talk-detail-set-{level}", locale), markup)


async def unknown(turn: Turn) -> Answer:
    locale = turn.locale
    rows = [[(translate(f"talk-suggest-{name}", locale), f"talk:{name}")] for name in turn.intent.suggestions]
    return Answer(translate("talk-unknown", locale), keyboard(rows) if rows else None)


async def goal_hint(turn: Turn) -> Answer:
    return Answer(translate("talk-goal-how", turn.locale))
