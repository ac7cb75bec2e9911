"""bot.store.talk on both backends (SQLite file, PostgreSQL schema): the chat's memory with its expiry,
corrected counts (kept beside the measured ones, used by history, week summaries and goals), weekly goals
with their streaks, the export of a whole history, the feedback-detail setting, and what /delete and the
retention purge remove."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio

from bot.store.db import AnalysisRecord, Store
from tests.bot.dbs import Backend, backend

pytestmark = pytest.mark.asyncio

NOW = datetime(2025, 3, 12, 3, 0, tzinfo=UTC)  # Wednesday 12:00 in Seoul
SEOUL = "Asia/Seoul"
SQUAT = AnalysisRecord(
    "squat", 0.9, "side", 10, None, "good", 20.0,
    reps=(("good", 0.0, 2.0), ("perfect", 2.0, 4.0)),
    conditions=(
        (0, "head_forward", "pass", 150.0, 125.0), (None, "knees_track_feet", "not_judged", None, None),
    ),
)  # fmt: skip
PLANK = AnalysisRecord("plank", 0.8, "side", None, 45.0, "good", 50.0)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest_asyncio.fixture(params=["sqlite", "postgresql"])
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    async with backend(request.param, tmp_path) as fresh:
        yield fresh


@pytest_asyncio.fixture
async def clock() -> Clock:
    return Clock(NOW)


@pytest_asyncio.fixture
async def store(db: Backend, clock: Clock) -> AsyncIterator[Store]:
    opened = await db.open(clock)
    try:
        yield opened
    finally:
        await opened.close()


async def _save_at(store: Store, clock: Clock, when: datetime, user_id: int, record: AnalysisRecord) -> int:
    saved, clock.now = clock.now, when
    try:
        return await store.save_analysis(user_id, None, record)
    finally:
        clock.now = saved


async def test_memory_keeps_a_value_until_it_expires_and_take_gives_it_once(
    store: Store, clock: Clock
) -> None:
    await store.remember(1, "pending", {"ask": "count", "analysis": 7}, ttl_s=600)
    await store.remember(2, "pending", {"ask": "other"}, ttl_s=600)
    assert await store.recall(1, "pending") == {"ask": "count", "analysis": 7}
    await store.remember(1, "pending", {"ask": "count", "analysis": 8}, ttl_s=600)  # replaces
    assert await store.recall(1, "pending") == {"ask": "count", "analysis": 8}
    assert await store.take(1, "pending") == {"ask": "count", "analysis": 8}
    assert await store.take(1, "pending") is None and await store.recall(1, "pending") is None
    await store.remember(1, "undo", {"token": "ab"}, ttl_s=60)
    clock.now = NOW + timedelta(seconds=61)
    assert await store.recall(1, "undo") is None and await store.take(1, "undo") is None  # expired
    assert await store.recall(2, "pending") == {"ask": "other"}
    assert await store.forget(2, "pending") is True and await store.forget(2, "pending") is False


async def test_a_corrected_count_is_used_everywhere_and_the_measured_one_is_kept(
    store: Store, clock: Clock
) -> None:
    squat = await _save_at(store, clock, NOW - timedelta(hours=1), 1, SQUAT)
    plank = await _save_at(store, clock, NOW - timedelta(hours=2), 1, PLANK)
    correction = await store.correct_count(1, squat, 12)
    assert correction is not None
    assert (correction.exercise, correction.measured, correction.before, correction.count) == (
        "squat",
        10,
        None,
        12,
    )
    assert await store.correct_count(2, squat, 3) is None  # not user 2's
    assert await store.correct_count(1, plank, 3) is None  # timed, not counted
    [latest, _] = await store.history(1)
    assert (latest.rep_count, latest.measured_count, latest.corrected) == (12, 10, True)
    entry = await store.analysis_entry(1, squat)
    assert entry is not None and entry.rep_count == 12 and await store.analysis_entry(2, squat) is None
    week = await store.week_summary(1, NOW - timedelta(days=2), NOW + timedelta(days=1), SEOUL)
    assert week.reps_by_exercise == {"squat": 12}
    assert [s.reps for s in await store.sessions(1, None, NOW, "squat")] == [12]
    [exported, _] = sorted(await store.export_history(1), key=lambda r: r.exercise, reverse=True)
    assert (exported.rep_count, exported.corrected_count) == (10, 12)
    again = await store.correct_count(1, squat, None)  # back to the measured count
    assert again is not None and again.before == 12
    assert (await store.history(1))[0].rep_count == 10 and not (await store.history(1))[0].corrected
    with pytest.raises(ValueError):
        await store.correct_count(1, squat, -1)


async def test_the_analysis_of_a_message_is_found_by_clip_or_progress_message(store: Store) -> None:
    job_id, _ = await store.enqueue_job(1, 1, 40, "file", "uniq")
    await store.set_job_message(job_id, 41)
    analysis = await store.save_analysis(1, job_id, SQUAT)
    assert await store.analysis_of_message(1, 1, 40) == analysis
    assert await store.analysis_of_message(1, 1, 41) == analysis
    assert await store.analysis_of_message(1, 1, 42) is None
    assert await store.analysis_of_message(2, 1, 40) is None


async def test_goals_replace_restore_and_delete(store: Store, clock: Clock) -> None:
    made, replaced = await store.set_goal(1, "squat", "reps", 100)
    assert replaced is None and (made.exercise, made.unit, made.target) == ("squat", "reps", 100)
    clock.now = NOW + timedelta(days=1)
    newer, replaced = await store.set_goal(1, "squat", "reps", 150)
    assert replaced == made and newer.target == 150
    everything, _ = await store.set_goal(1, None, "sessions", 3)
    assert [(g.exercise, g.target) for g in await store.goals(1)] == [(None, 3), ("squat", 150)]
    await store.put_goal(made)  # undo: exactly as it was
    assert [g for g in await store.goals(1) if g.exercise == "squat"] == [made]
    assert await store.delete_goal(1, None) is True and await store.delete_goal(1, None) is False
    assert await store.goals(2) == []
    with pytest.raises(ValueError):
        await store.set_goal(1, "squat", "kilos", 3)


async def test_goal_progress_and_streak_follow_local_weeks_and_corrected_counts(
    store: Store, clock: Clock
) -> None:
    clock.now = datetime(2025, 2, 20, tzinfo=UTC)  # the goals exist since the week of 17 February
    await store.set_goal(1, "squat", "reps", 20)
    await store.set_goal(1, None, "sessions", 2)
    clock.now = NOW
    weeks = [datetime(2025, 2, 24, 1, tzinfo=UTC), datetime(2025, 3, 3, 1, tzinfo=UTC)]  # Mondays, Seoul
    for monday in weeks:  # two weeks that met both goals: 2 sessions of 10 squats
        await _save_at(store, clock, monday, 1, SQUAT)
        await _save_at(store, clock, monday + timedelta(days=2), 1, SQUAT)
    await _save_at(store, clock, datetime(2025, 2, 17, 1, tzinfo=UTC), 1, SQUAT)  # 17 Feb: not met
    # this week: Sunday 22:30 UTC = Monday 07:30 in Seoul (this week), one session so far
    this_week = await _save_at(store, clock, datetime(2025, 3, 9, 22, 30, tzinfo=UTC), 1, SQUAT)
    statuses = {s.goal.exercise: s for s in await store.goal_status(1, SEOUL, NOW)}
    assert (statuses["squat"].done, statuses["squat"].met, statuses["squat"].streak) == (10, False, 2)
    assert (statuses[None].done, statuses[None].met, statuses[None].streak) == (1, False, 2)
    await store.correct_count(1, this_week, 25)  # the user counted 25: the squat goal is met this week
    statuses = {s.goal.exercise: s for s in await store.goal_status(1, SEOUL, NOW)}
    assert (statuses["squat"].done, statuses["squat"].met, statuses["squat"].streak) == (25, True, 3)
    last_week = {s.goal.exercise: s for s in await store.goal_status(1, SEOUL, NOW - timedelta(days=7))}
    assert (last_week["squat"].done, last_week["squat"].streak) == (20, 2)
    in_berlin = {s.goal.exercise: s for s in await store.goal_status(1, "Europe/Berlin", NOW)}
    assert in_berlin[None].done == 0  # Sunday 23:30 in Berlin: last week there
    assert await store.goal_status(2, SEOUL, NOW) == []


async def test_export_holds_every_analysis_with_reps_and_conditions(store: Store, clock: Clock) -> None:
    ids = [await _save_at(store, clock, NOW - timedelta(days=d), 1, r) for d, r in ((3, SQUAT), (1, PLANK))]
    await _save_at(store, clock, NOW, 2, SQUAT)
    records = await store.export_history(1)
    assert [r.analysis_id for r in records] == ids
    squat, plank = records
    assert squat.reps == ((0, "good", 0.0, 2.0), (1, "perfect", 2.0, 4.0))
    assert squat.conditions == SQUAT.conditions and squat.created_at == NOW - timedelta(days=3)
    assert (plank.hold_s, plank.rep_count, plank.reps, plank.conditions) == (45.0, None, (), ())
    assert await store.export_history(3) == []


async def test_the_feedback_detail_is_a_setting(store: Store) -> None:
    assert (await store.ensure_user(1)).feedback_detail == "detailed"
    assert (await store.update_settings(1, feedback_detail="brief")).feedback_detail == "brief"
    assert (await store.update_settings(1, voice_on=False)).feedback_detail == "brief"
    await store.update_settings(1, weekly_summary=True)
    assert [u.feedback_detail for u in await store.weekly_summary_users()] == ["brief"]
    with pytest.raises(ValueError):
        await store.update_settings(1, feedback_detail="chatty")


async def test_delete_and_retention_remove_goals_corrections_and_memory(
    db: Backend, store: Store, clock: Clock
) -> None:
    clock.now = NOW - timedelta(days=400)
    old = await store.save_analysis(1, None, SQUAT)
    await store.correct_count(1, old, 11)
    await store.set_goal(1, "squat", "reps", 50)  # untouched for over a year
    await store.remember(1, "undo", {"token": "x"}, ttl_s=60)  # long expired
    clock.now = NOW
    await store.set_goal(1, None, "sessions", 3)
    await store.remember(1, "pending", {"ask": "count"}, ttl_s=600)
    counts = await store.purge_older_than(365)
    assert (counts["analyses"], counts["goals"], counts["chat_memory"]) == (1, 1, 1)
    assert [g.exercise for g in await store.goals(1)] == [None]
    assert await store.recall(1, "pending") == {"ask": "count"}
    await store.correct_count(1, await store.save_analysis(1, None, SQUAT), 9)
    await store.set_goal(2, None, "sessions", 1)
    await store.delete_user(1)
    for table in ("goals", "chat_memory", "analyses"):
        assert (await db.raw(f"SELECT COUNT(*) FROM {table} WHERE user_id = 1"))[0][0] == 0, table
    assert (await db.raw("SELECT COUNT(*) FROM goals WHERE user_id = 2"))[0][0] == 1
