"""What the dashboard shows, and where it comes from: the ``DashboardSource`` protocol and its values.

The server asks a ``DashboardSource`` for one user's data (the user id always comes from validated
initData, never from the request's parameters) and turns the frozen dataclasses below into JSON. A
source is async and read-mostly; the store-backed one lives elsewhere, the tests use
``tests/bot/webapp/fake_source.py``.

Conventions for implementers:

* ids are the catalog's: ``exercise`` is an exercise id ("squat"), ``condition`` a condition id of that
  exercise ("knees_track_feet"); grades are "perfect", "good", "bad", or None (not rated: nothing, or
  not every key condition, judged);
* datetimes are aware and already in the user's time zone (the page shows their date and time as they
  are); dates are the user's local days;
* sequences are tuples in the documented order; ``None`` means "not measured", never 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

__all__ = [
    "ConditionResult",
    "DashboardSettings",
    "DashboardSource",
    "DayCount",
    "ExerciseSession",
    "ExerciseView",
    "ExerciseWeek",
    "Goal",
    "HistoryItem",
    "RepDetail",
    "SettingsChange",
    "WeekTotals",
    "WeekView",
]

GRADES = ("perfect", "good", "bad")
NOT_RATED = "none"  # a rep (or clip) not rated (판정 보류): counted in the grade mix as such
GRADE_MIX = (*GRADES, NOT_RATED)


@dataclass(frozen=True)
class WeekTotals:
    workouts: int  # analyses (clips) in the week
    reps: int  # counted reps, all exercises
    hold_s: float = 0.0  # seconds held, timed exercises (plank …)


@dataclass(frozen=True)
class DayCount:
    day: date  # a local day of the week, Monday first
    workouts: int
    reps: int


@dataclass(frozen=True)
class ExerciseWeek:
    exercise: str
    workouts: int
    reps: int
    hold_s: float = 0.0


@dataclass(frozen=True)
class Goal:
    target: int  # workouts a week the user aims at
    done: int  # workouts of this week that count towards it


@dataclass(frozen=True)
class WeekView:
    """One local week (Monday to Sunday) of one user."""

    week_start: date  # the Monday
    totals: WeekTotals
    previous: WeekTotals  # the week before, for the trend (zeros when nothing was done)
    days: tuple[DayCount, ...]  # 7 entries, Monday first, empty days included
    by_exercise: tuple[ExerciseWeek, ...]  # most workouts first
    rep_grades: dict[str, int]  # the grade mix of single reps: "perfect"/"good"/"bad"/"none" → count
    goal: Goal | None = None  # None: the user set no goal
    streak_weeks: int | None = None  # weeks in a row the goal was met (bot.store.talk); None: no goal


@dataclass(frozen=True)
class ConditionResult:
    """One AI Hub posture condition in one analysis: reps (or the whole clip, counted as 1) judged."""

    condition: str
    passed: int
    failed: int  # not-judged reps count in neither

    @property
    def pass_rate(self) -> float | None:
        judged = self.passed + self.failed
        return self.passed / judged if judged else None


@dataclass(frozen=True)
class RepDetail:
    """Depth and tempo of one rep."""

    index: int  # 1-based, in order
    grade: str | None
    rom_share: float | None  # range of motion reached ÷ the exercise's full range (1.0 = full depth)
    down_s: float | None  # seconds of the lowering (eccentric) phase
    pause_s: float | None  # seconds held at the bottom
    up_s: float | None  # seconds of the lifting (concentric) phase
    lr_diff: float | None  # left/right difference of the working joint's angle at the bottom, degrees


@dataclass(frozen=True)
class ExerciseSession:
    """One analysis of the exercise."""

    analysis_id: int
    created_at: datetime
    reps: int | None  # None for timed exercises
    hold_s: float | None  # None for rep exercises
    grade: str | None
    conditions: tuple[ConditionResult, ...]  # in catalog order; conditions never judged left out
    rep_details: tuple[RepDetail, ...] = ()


@dataclass(frozen=True)
class ExerciseView:
    exercise: str
    conditions: tuple[str, ...]  # the exercise's condition ids, catalog order
    sessions: tuple[ExerciseSession, ...]  # oldest first (at most the source's own limit)


@dataclass(frozen=True)
class HistoryItem:
    analysis_id: int
    created_at: datetime
    exercise: str
    grade: str | None
    reps: int | None
    hold_s: float | None
    conditions: tuple[ConditionResult, ...]
    thumbnails: int  # annotated key-frame JPEGs kept: indexes 0 … thumbnails-1 (0 when photos are not kept)


@dataclass(frozen=True)
class DashboardSettings:
    language: str  # "ko" or "en"
    voice_on: bool
    timezone: str  # IANA zone
    weekly_summary: bool
    keep_photos: bool  # False: the user asked us not to keep key-frame photos ("don't keep photos")


@dataclass(frozen=True)
class SettingsChange:
    """Fields to change (already validated by the server); None leaves a field as it is."""

    language: str | None = None
    voice_on: bool | None = None
    timezone: str | None = None
    weekly_summary: bool | None = None
    keep_photos: bool | None = None


class DashboardSource(Protocol):
    async def week(self, user_id: int, week_offset: int) -> WeekView:
        """The user's local week ``week_offset`` weeks ago (0: this week, 1: last week …)."""
        ...

    async def exercises(self, user_id: int) -> list[str]:
        """Exercise ids the user has analyses of, the most recently done first (the exercise picker)."""
        ...

    async def exercise(self, user_id: int, exercise_id: str) -> ExerciseView | None:
        """The user's sessions of one exercise; None when the exercise is unknown."""
        ...

    async def history(self, user_id: int, limit: int, before: int | None) -> list[HistoryItem]:
        """Up to ``limit`` analyses, newest first, with ``analysis_id < before`` when given (paging)."""
        ...

    async def thumbnail(self, user_id: int, analysis_id: int, index: int) -> bytes | None:
        """Key-frame JPEG ``index`` of the user's analysis; None if there is none (or not theirs)."""
        ...

    async def settings(self, user_id: int) -> DashboardSettings: ...

    async def update_settings(self, user_id: int, changes: SettingsChange) -> DashboardSettings:
        """Apply ``changes`` (and whatever depends on them, e.g. rescheduling); the settings after."""
        ...
