"""A clip not rated (its key conditions unjudged) is stored with grade "none" on both SQLite and PostgreSQL,
and the week summary and history read it back as not rated (판정 보류), never as a grade."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio

from analysis import pipeline
from analysis.classifier import UnknownClassifier
from analysis.vocab.types import AnalysisJob, Assessment
from bot.jobs.record import NO_GRADE, analysis_record
from bot.replies.progress import history_text, report_text
from tests.bot.dbs import Backend, backend
from tests.fakes.media import make_video
from tests.fakes.pose import FakePose

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture(params=["sqlite", "postgresql"])
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    async with backend(request.param, tmp_path) as fresh:
        yield fresh


def analysed(tmp_path: Path, size: tuple[int, int]) -> Assessment:
    """A 3-rep squat through the real pipeline: portrait clips drawn from the front, others from the side."""
    path = make_video(str(tmp_path / f"{size[0]}x{size[1]}.mp4"), size=size, fps=30, seconds=7.0)
    pipeline.init_worker(FakePose(3, front_knee_out_px=0.0), UnknownClassifier())
    try:
        result = pipeline.run(AnalysisJob(path=path, exercise_hint="squat"))
    finally:
        pipeline._estimator = pipeline._classifier = None
    assert isinstance(result, Assessment)
    return result


async def test_a_clip_not_rated_is_stored_and_counted_as_not_rated(db: Backend, tmp_path: Path) -> None:
    front, side = analysed(tmp_path, (480, 640)), analysed(tmp_path, (640, 480))
    assert (front.grade, front.grade_reason) == (None, "not_enough_judged") and side.grade is not None
    unrated = analysis_record(front)
    assert unrated.grade == NO_GRADE and {g for g, _, _ in unrated.reps} == {NO_GRADE}
    async with await db.open() as store:
        await store.ensure_user(9, "ko")
        await store.save_analysis(9, None, analysis_record(side))
        await store.save_analysis(9, None, unrated)
        now = datetime.now(UTC)
        week = await store.week_summary(9, now - timedelta(days=1), now + timedelta(days=1), "Asia/Seoul")
        before = await store.week_summary(9, now - timedelta(days=9), now - timedelta(days=8), "Asia/Seoul")
        history = await store.history(9)
    assert week.session_grades == {"perfect": 1, NO_GRADE: 1}
    assert week.rep_grades == {"perfect": 3, NO_GRADE: 3}
    text = report_text(week, before, "ko", name="민지")
    assert "세션 등급: 퍼펙트 1번, 판정 보류 1번" in text and "반복 등급: 퍼펙트 3번, 판정 보류 3번" in text
    english = report_text(week, before, "en", name="Minji")
    assert "Session grades: Perfect ×1, Not rated ×1" in english
    assert [h.grade for h in history] == [NO_GRADE, "perfect"]
    assert history_text(history, "Asia/Seoul", "ko").splitlines()[1].endswith("· 판정 보류")
