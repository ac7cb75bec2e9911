"""The analysis pool shares a lone clip between two idle workers, and gives every clip its own worker
under load; a shared clip's answer is the unshared one's."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from analysis import pipeline
from analysis.classifier import UnknownClassifier
from analysis.vocab.types import AnalysisJob, Assessment, Rejection
from bot.jobs.analyzer import Analyzer
from tests.fakes.media import make_video
from tests.fakes.pose import FakePose

POSE = FakePose(n_reps=5, lean_deg=(35.0, 70.0, 35.0, 35.0, 70.0))


@pytest.fixture(scope="module")
def clip_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    return make_video(str(tmp_path_factory.mktemp("an") / "set.mp4"), size=(640, 480), fps=30, seconds=11.0)


@pytest.fixture
def unsplit(clip_path: str) -> Iterator[Assessment]:
    pipeline.init_worker(POSE, UnknownClassifier())
    try:
        result = pipeline.run(AnalysisJob(path=clip_path, exercise_hint="squat"))
        assert isinstance(result, Assessment)
        yield result
    finally:
        pipeline._estimator = pipeline._classifier = None


def _same(a: Assessment, b: Assessment) -> bool:
    status = [(f.condition_id, f.rep, f.status) for f in a.findings]
    return (a.reps, a.rep_grades, a.grade) == (b.reps, b.rep_grades, b.grade) and status == [
        (f.condition_id, f.rep, f.status) for f in b.findings
    ]


@pytest.mark.asyncio
async def test_a_lone_clip_is_shared_by_two_workers_and_a_queue_is_not(
    clip_path: str, unsplit: Assessment, tmp_path: Path
) -> None:
    analyzer = Analyzer(2, initializer_args=(POSE, UnknownClassifier()), share_idle=True)
    job = AnalysisJob(path=clip_path, exercise_hint="squat")
    try:
        lone = await analyzer.analyze(job)
        assert analyzer.splits == 1 and isinstance(lone, Assessment) and _same(lone, unsplit)
        assert len(lone.key_frames) == len(unsplit.key_frames)
        both = await asyncio.gather(analyzer.analyze(job), analyzer.analyze(job))
        assert analyzer.splits == 1  # two clips at once: one worker each
        assert all(isinstance(r, Assessment) and _same(r, unsplit) for r in both)
    finally:
        await analyzer.stop()


@pytest.mark.asyncio
async def test_a_short_clip_is_not_split(tmp_path: Path) -> None:
    short = make_video(str(tmp_path / "short.mp4"), size=(640, 480), fps=30, seconds=3.0)
    analyzer = Analyzer(2, initializer_args=(FakePose(n_reps=1), UnknownClassifier()), share_idle=True)
    try:
        result = await analyzer.analyze(AnalysisJob(path=short, exercise_hint="squat"))
        assert isinstance(result, Assessment) and analyzer.splits == 0
    finally:
        await analyzer.stop()


@pytest.mark.asyncio
async def test_a_worker_dying_while_sharing_a_clip_costs_one_attempt(clip_path: str, tmp_path: Path) -> None:
    once = FakePose(n_reps=5, crash_marker=str(tmp_path / "died-once"))
    analyzer = Analyzer(2, initializer_args=(once, UnknownClassifier()), share_idle=True)
    try:
        result = await analyzer.analyze(AnalysisJob(path=clip_path, exercise_hint="squat"))
        assert isinstance(result, Assessment) and result.rep_count == 5  # answered on one worker
        assert analyzer.splits == 1 and analyzer.rebuilds == 1
    finally:
        await analyzer.stop()
    always = FakePose(n_reps=5, crash_size=(640, 480))
    analyzer = Analyzer(2, initializer_args=(always, UnknownClassifier()), share_idle=True)
    try:
        result = await analyzer.analyze(AnalysisJob(path=clip_path, exercise_hint="squat"))
        assert result == Rejection("analysis_failed")  # shared once, retried once, then the apology
        assert analyzer.rebuilds == 2
    finally:
        await analyzer.stop()


@pytest.mark.asyncio
async def test_clips_are_not_shared_unless_asked(clip_path: str) -> None:
    analyzer = Analyzer(2, initializer_args=(POSE, UnknownClassifier()))
    try:
        result = await analyzer.analyze(AnalysisJob(path=clip_path, exercise_hint="squat"))
        assert isinstance(result, Assessment) and analyzer.splits == 0
    finally:
        await analyzer.stop()
