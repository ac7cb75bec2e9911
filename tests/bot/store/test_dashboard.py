"""bot.store.dashboard on SQLite and PostgreSQL: the Mini App's queries, per-rep depth and tempo, thumbnails
that follow the "don't keep photos" setting, and no way to read another user's rows."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio

from bot.store.db import AnalysisRecord, ConditionCount, RepRow
from tests.bot.dbs import Backend, backend

pytestmark = pytest.mark.asyncio
JPEG = (b"\xff\xd8 worst rep", b"\xff\xd8 best rep")
SQUAT = AnalysisRecord(
    exercise="squat",
    confidence=1.0,
    view="front",
    rep_count=2,
    hold_s=None,
    grade="good",
    duration_s=6.0,
    reps=(("perfect", 0.5, 2.5), ("bad", 3.0, 5.0)),
    conditions=(
        (0, "knees_track_feet", "pass", 0.9, 0.8),
        (1, "knees_track_feet", "fail", 0.6, 0.8),
        (0, "heels_down", "not_judged", None, None),
        (1, "heels_down", "not_judged", None, None),
    ),
    rep_metrics=((0.97, 1.6, 0.4, 1.1, 2.5), (0.71, 0.9, None, 0.8, None)),
    thumbnails=JPEG,
)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest_asyncio.fixture(params=["sqlite", "postgresql"])
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    async with backend(request.param, tmp_path) as fresh:
        yield fresh


async def test_reps_keep_depth_and_tempo_and_conditions_are_counted(db: Backend) -> None:
    async with await db.open() as store:
        analysis = await store.save_analysis(1, None, SQUAT)
        assert await store.rep_rows(1, [analysis]) == [
            RepRow(analysis, 0, "perfect", 0.97, 1.6, 0.4, 1.1, 2.5),
            RepRow(analysis, 1, "bad", 0.71, 0.9, None, 0.8, None),
        ]
        counts = sorted(await store.condition_counts(1, [analysis]), key=lambda c: c.condition_id)
        assert counts == [
            ConditionCount(analysis, "heels_down", 0, 0),
            ConditionCount(analysis, "knees_track_feet", 1, 1),
        ]
        old = await store.save_analysis(1, None, replace(SQUAT, rep_metrics=()))  # before v4: no metrics
        assert [r.rom_share for r in await store.rep_rows(1, [old])] == [None, None]


async def test_thumbnails_are_the_users_own_and_follow_keep_photos(db: Backend) -> None:
    async with await db.open() as store:
        first = await store.save_analysis(1, None, SQUAT)
        assert await store.thumbnail(1, first, 1) == JPEG[1]
        assert await store.thumbnail(2, first, 1) is None  # another user's analysis: nothing
        assert await store.thumbnail(1, first, 2) is None
        assert await store.thumbnail_counts(1, [first]) == {first: 2}
        settings = await store.update_settings(1, keep_photos=False)
        assert settings.keep_photos is False and (await store.get_settings(1)).keep_photos is False  # type: ignore[union-attr]
        assert await store.thumbnails_of(1) == 0  # the ones kept so far are deleted
        second = await store.save_analysis(1, None, SQUAT)
        assert await store.thumbnail_counts(1, [first, second]) == {}  # and new ones are not kept
        await store.update_settings(1, keep_photos=True)
        third = await store.save_analysis(1, None, SQUAT)
        assert await store.thumbnail_counts(1, [first, second, third]) == {third: 2}
        assert await store.delete_user(1) > 0
        assert await store.thumbnails_of(1) == 0 and await store.thumbnail(1, third, 0) is None


async def test_analyses_by_time_by_exercise_and_by_page(db: Backend) -> None:
    clock = Clock(datetime(2025, 3, 3, tzinfo=UTC))
    async with await db.open(clock) as store:
        ids = []
        for i, exercise in enumerate(["squat", "push_up", "squat", "plank", "squat"]):
            clock.now = datetime(2025, 3, 3, tzinfo=UTC) + timedelta(days=i)
            ids.append(await store.save_analysis(1, None, replace(SQUAT, exercise=exercise)))
        other = await store.save_analysis(2, None, SQUAT)
        assert await store.exercises_done(1) == ["squat", "plank", "push_up"]
        week = await store.analyses_between(
            1, datetime(2025, 3, 4, tzinfo=UTC), datetime(2025, 3, 6, tzinfo=UTC)
        )
        assert [a.analysis_id for a in week] == ids[1:3]
        grades = await store.rep_grade_counts(
            1, datetime(2025, 3, 4, tzinfo=UTC), datetime(2025, 3, 6, tzinfo=UTC)
        )
        assert grades == {"perfect": 2, "bad": 2}
        squats = await store.exercise_analyses(1, "squat", 2)
        assert [a.analysis_id for a in squats] == [ids[2], ids[4]]  # the latest two, oldest first
        assert [a.analysis_id for a in await store.analyses_page(1, 2, None)] == [ids[4], ids[3]]
        assert [a.analysis_id for a in await store.analyses_page(1, 2, ids[3])] == [ids[2], ids[1]]
        assert other not in [a.analysis_id for a in await store.analyses_page(1, 50, None)]
        assert await store.condition_counts(1, [other]) == [] and await store.rep_rows(1, [other]) == []
        assert await store.exercises_done(3) == [] and await store.analyses_page(3, 5, None) == []


async def test_the_setting_survives_other_changes_and_defaults_to_keeping(db: Backend) -> None:
    async with await db.open() as store:
        assert (await store.ensure_user(5)).keep_photos is True
        await store.update_settings(5, keep_photos=False)
        changed = await store.update_settings(5, voice_on=False, language="en")
        assert (changed.keep_photos, changed.voice_on, changed.language) == (False, False, "en")
        assert [u.keep_photos for u in await store.weekly_summary_users()] == []
        await store.update_settings(5, weekly_summary=True)
        assert [u.keep_photos for u in await store.weekly_summary_users()] == [False]
