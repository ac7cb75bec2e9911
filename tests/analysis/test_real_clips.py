"""Real MediaPipe on a few real clips from ../shared (skipped when that folder is absent)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from analysis import cli, pipeline
from analysis.vocab.types import AnalysisJob, Assessment
from tests.paths import CLIPS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CLIPS.exists(), reason="../shared/data/clips not present"),
]


@pytest.fixture(scope="module", autouse=True)
def worker():
    pipeline.init_worker()
    yield
    pipeline._estimator = None
    pipeline._classifier = None


@pytest.mark.parametrize(
    ("rel", "exercise", "reps"),
    [
        ("calimiro_workouttracker/pull-ups/pull_up_6.mp4", "pull_up", 5),
        ("calimiro_workouttracker/push-ups/push_up_4.mp4", "push_up", 2),
        ("calimiro_workouttracker/dips/dips_13.mp4", "dips", 3),
    ],
)
def test_real_clip_rep_count_within_one(rel, exercise, reps):
    result = pipeline.run(AnalysisJob(path=str(CLIPS / rel), exercise_hint=exercise))
    assert isinstance(result, Assessment)
    assert abs(len(result.reps) - reps) <= 1
    assert result.key_frames and Image.open(io.BytesIO(result.key_frames[0].jpeg)).size[0] >= 320


def test_real_plank_reports_hold_time():
    result = pipeline.run(
        AnalysisJob(
            path=str(CLIPS / "kaiakol_posetrainer/plank/correct/plank_correct_005.mp4"), exercise_hint="plank"
        )
    )
    assert isinstance(result, Assessment)
    assert result.rep_count is None and result.hold_s is not None and result.hold_s >= 3.0


def test_cli_on_a_real_squat(tmp_path, capsys):
    clip = CLIPS / "calimiro_workouttracker/squats/squat_13.mp4"
    assert cli.main(["analyze", str(clip), "--exercise", "squat", "--json", "--out", str(tmp_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rejection"] is None and data["rep_count"] in (1, 2, 3)
    assert all(Path(p).exists() for p in data["frames"])
