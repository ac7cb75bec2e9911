"""bot.webapp.store_source over a real Store on SQLite and on PostgreSQL: local weeks, sessions in catalog
order, rep details, history pages with photo counts, settings (and what a change sets off)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import pytest_asyncio

from bot.store.db import AnalysisRecord, Store, UserSettings
from bot.webapp.source import ConditionResult, RepDetail, SettingsChange
from bot.webapp.store_source import StoreDashboardSource
from tests.bot.dbs import backend
from tests.bot.store.test_dashboard import Clock

pytestmark = pytest.mark.asyncio
KST = ZoneInfo("Asia/Seoul")
SQUAT = AnalysisRecord(
    exercise="squat",
    confidence=1.0,
    view="side",
    rep_count=2,
    hold_s=None,
    grade="good",
    duration_s=6.0,
    reps=(("perfect", 0.5, 2.5), ("none", 3.0, 5.0)),
    conditions=(
        (0, "neutral_spine", "pass", 30.0, 55.0),
        (1, "neutral_spine", "fail", 70.0, 55.0),
        (0, "head_forward", "pass", 160.0, 125.0),
        (1, "head_forward", "pass", 150.0, 125.0),
        (0, "knees_track_feet", "not_judged", None, None),
        (1, "knees_track_feet", "not_judged", None, None),
    ),
    rep_metrics=((0.95, 1.5, 0.3, 1.0, None), (0.8, 1.1, 0.0, 0.9, None)),
    thumbnails=(b"\xff\xd8 one", b"\xff\xd8 two"),
)
PLANK = AnalysisRecord(
    "plank",
    1.0,
    "side",
    None,
    42.5,
    "perfect",
    45.0,
    conditions=((None, "hips_aligned", "pass", 175.0, 160.0),),
)


def kst(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 3, day, hour, minute, tzinfo=KST).astimezone(UTC)


@pytest_asyncio.fixture(params=["sqlite", "postgresql"])
async def seeded(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[tuple[Store, Clock, list[int]]]:
    async with backend(request.param, tmp_path) as db:
        clock = Clock(kst(2, 23, 30))  # Sunday night: last week
        async with await db.open(clock) as store:
            await store.ensure_user(1, "ko", "Asia/Seoul")
            ids = [await store.save_analysis(1, None, SQUAT)]
            for moment, record in ((kst(3, 0, 10), SQUAT), (kst(5, 7), PLANK), (kst(9, 23, 50), SQUAT)):
                clock.now = moment
                ids.append(await store.save_analysis(1, None, record))
            clock.now = kst(6, 12)
            await store.save_analysis(2, None, SQUAT)  # another user
            yield store, clock, ids


async def test_the_week_is_the_users_local_week(seeded: tuple[Store, Clock, list[int]]) -> None:
    store, clock, _ = seeded
    week = await StoreDashboardSource(store, clock=clock).week(1, 0)
    assert week.week_start == date(2025, 3, 3)
    assert (week.totals.workouts, week.totals.reps, week.totals.hold_s) == (3, 4, 42.5)
    assert (week.previous.workouts, week.previous.reps) == (1, 2)  # Sunday 23:30 in Seoul: last week
    assert [(d.day.day, d.workouts, d.reps) for d in week.days] == [
        (3, 1, 2), (4, 0, 0), (5, 1, 0), (6, 0, 0), (7, 0, 0), (8, 0, 0), (9, 1, 2),
    ]  # fmt: skip
    assert [(e.exercise, e.workouts, e.reps, e.hold_s) for e in week.by_exercise] == [
        ("squat", 2, 4, 0.0),
        ("plank", 1, 0, 42.5),
    ]
    assert week.rep_grades == {"perfect": 2, "none": 2}  # reps not rated are counted as such, not graded
    assert (week.goal, week.streak_weeks) == (None, None)  # no goal set
    await store.set_goal(1, "squat", "reps", 4)  # the chat layer's weekly goal: met this week (4 squats)
    goal_week = await StoreDashboardSource(store, clock=clock).week(1, 0)
    assert goal_week.goal is not None and (goal_week.goal.target, goal_week.goal.done) == (4, 4)
    assert goal_week.streak_weeks == 1
    assert (await StoreDashboardSource(store, clock=clock).week(1, 1)).totals.workouts == 1
    other = await StoreDashboardSource(store, clock=clock).week(2, 0)
    assert other.totals.workouts == 1  # only their own


async def test_sessions_conditions_and_reps(seeded: tuple[Store, Clock, list[int]]) -> None:
    store, clock, ids = seeded
    source = StoreDashboardSource(store, clock=clock)
    assert await source.exercises(1) == ["squat", "plank"]
    assert await source.exercise(1, "no_such_exercise") is None
    view = await source.exercise(1, "squat")
    assert view is not None and view.conditions == (
        "head_forward",
        "knees_track_feet",
        "heels_down",
        "neutral_spine",
    )
    assert [s.analysis_id for s in view.sessions] == [ids[0], ids[1], ids[3]]
    first = view.sessions[0]
    assert (
        first.created_at == datetime(2025, 3, 2, 23, 30, tzinfo=KST) and first.created_at.tzinfo is not None
    )
    assert (first.reps, first.hold_s, first.grade) == (2, None, "good")
    assert first.conditions == (ConditionResult("head_forward", 2, 0), ConditionResult("neutral_spine", 1, 1))
    assert first.rep_details == (
        RepDetail(1, "perfect", 0.95, 1.5, 0.3, 1.0, None),
        RepDetail(2, None, 0.8, 1.1, 0.0, 0.9, None),
    )
    plank = await source.exercise(1, "plank")
    assert plank is not None and plank.sessions[0].hold_s == 42.5 and plank.sessions[0].reps is None
    assert plank.sessions[0].conditions == (ConditionResult("hips_aligned", 1, 0),)
    assert (await source.exercise(3, "squat")).sessions == ()  # type: ignore[union-attr]


async def test_history_pages_and_photos(seeded: tuple[Store, Clock, list[int]]) -> None:
    store, clock, ids = seeded
    source = StoreDashboardSource(store, clock=clock)
    page = await source.history(1, 3, None)
    assert [i.analysis_id for i in page] == ids[::-1][:3]
    assert [i.thumbnails for i in page] == [2, 0, 2]
    assert [i.analysis_id for i in await source.history(1, 3, page[-1].analysis_id)] == [ids[0]]
    assert await source.thumbnail(1, ids[0], 1) == b"\xff\xd8 two"
    assert await source.thumbnail(2, ids[0], 1) is None


async def test_settings_changes_call_back_and_reading_creates_nobody(
    seeded: tuple[Store, Clock, list[int]],
) -> None:
    store, clock, _ = seeded
    seen: list[tuple[UserSettings | None, UserSettings]] = []

    async def on_change(before: UserSettings | None, after: UserSettings) -> None:
        seen.append((before, after))

    source = StoreDashboardSource(store, default_tz="Europe/Berlin", clock=clock, on_change=on_change)
    fresh = await source.settings(77)
    assert (fresh.timezone, fresh.keep_photos) == ("Europe/Berlin", True) and await store.get_settings(
        77
    ) is None
    changed = await source.update_settings(77, SettingsChange(weekly_summary=True))
    assert (changed.timezone, changed.weekly_summary) == ("Europe/Berlin", True)
    assert seen[-1][0] is None and seen[-1][1].weekly_summary
    after = await source.update_settings(1, SettingsChange(keep_photos=False, timezone="Asia/Tokyo"))
    assert (after.keep_photos, after.timezone) == (False, "Asia/Tokyo")
    assert seen[-1][0] is not None and seen[-1][0].timezone == "Asia/Seoul"
    assert await store.thumbnails_of(1) == 0
