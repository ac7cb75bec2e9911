"""Weekly goals in words: one line per goal (done / target, what is left or that it is met) and its streak
(weeks in a row the goal was met). Pure; the numbers come from ``Store.goal_status``.

Shown under each analysis, in /progress (this week, ``finished=False``: a week not yet met breaks no
streak) and in the Monday summary (last week, ``finished=True``).
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.report.i18n import translate
from bot.store.db import Goal, GoalStatus

STREAK_SHOWN = 2  # a streak is worth a line from two weeks on


def goal_name(goal: Goal, locale: str) -> str:
    """ "스쿼트 100회", "운동 주 3번" — the goal's exercise and weekly amount."""
    scope = "all" if goal.exercise is None else "one"
    return translate(
        f"goal-name-{goal.unit}", locale, scope=scope, exercise=goal.exercise or "", count=goal.target
    )


def goal_lines(statuses: Sequence[GoalStatus], locale: str, *, finished: bool = False) -> list[str]:
    """A header, then each goal's progress and streak; [] when the user has no goal."""
    if not statuses:
        return []
    lines = [translate("goal-header-finished" if finished else "goal-header", locale)]
    for status in statuses:
        lines.append(progress_line(status, locale, finished=finished))
        if status.met and status.streak >= STREAK_SHOWN:
            lines.append(translate("goal-streak", locale, weeks=status.streak))
        elif not status.met and not finished and status.streak >= STREAK_SHOWN:
            lines.append(translate("goal-streak-keep", locale, weeks=status.streak))
    return lines


def progress_line(status: GoalStatus, locale: str, *, finished: bool = False) -> str:
    goal = status.goal
    percent = min(100, round(100 * status.done / goal.target))
    if status.met:
        state = translate("goal-state-met", locale)
    elif finished:
        state = translate("goal-state-missed", locale)
    else:
        state = translate(f"goal-state-left-{goal.unit}", locale, count=goal.target - status.done)
    return translate(
        "goal-line", locale, name=goal_name(goal, locale), done=status.done, percent=percent, state=state
    )
