"""Real MediaPipe on generated media (no ../shared needed): what users send when nothing can be graded."""

from __future__ import annotations

import pytest

from analysis import pipeline
from analysis.vocab.types import AnalysisJob, Rejection
from tests.fakes.media import make_video, textured_frame

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def worker():
    pipeline.init_worker()
    yield
    pipeline._estimator = None
    pipeline._classifier = None


def test_video_of_a_wall_is_no_person(tmp_path):
    path = make_video(
        str(tmp_path / "wall.mp4"), size=(640, 360), fps=30, seconds=2.0, pattern=textured_frame
    )
    result = pipeline.run(AnalysisJob(path=path, exercise_hint="squat"))
    assert isinstance(result, Rejection) and result.code == "no_person"


def test_portrait_rotated_clip_is_decoded_upright_before_pose(tmp_path):
    path = make_video(str(tmp_path / "portrait.mp4"), size=(360, 640), fps=30, seconds=1.5, rotation=90)
    result = pipeline.run(AnalysisJob(path=path, exercise_hint="squat"))
    assert isinstance(result, Rejection) and result.code == "no_person"  # nothing crashed on the way
