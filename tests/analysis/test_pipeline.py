"""The whole pipeline on a real (synthetic) video file, with a fake pose estimator of known squats."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest
from PIL import Image

from analysis import cli, pipeline
from analysis.classifier import UnknownClassifier
from analysis.vocab.types import AnalysisJob, Assessment, Grade, Rejection, Status
from tests.analysis.test_reps import squat_seq
from tests.fakes.media import make_video, make_zero_bytes
from tests.fakes.skeleton import cycle

pytestmark = pytest.mark.usefixtures("fresh_worker")


class FakePose:
    """Returns side-view squats (3 reps) timed to whatever frames the decoder hands over."""

    def __init__(self, n_reps: int = 3, present: bool = True) -> None:
        self.n_reps, self.present = n_reps, present

    def estimate(self, frames, fps, size):
        frames = list(frames)
        levels = np.resize(cycle(self.n_reps, fps=fps, rep_s=1.5, rest_s=0.5), len(frames))
        seq = squat_seq(levels, fps=fps)
        if not self.present:
            seq.xy[:] = np.nan
            seq.visibility[:] = 0
        return seq


@pytest.fixture
def clip(tmp_path):
    return make_video(str(tmp_path / "clip.mp4"), size=(640, 480), fps=30, seconds=7.0)


def test_assessment_from_fake_squats(clip):
    pipeline.init_worker(FakePose(3), UnknownClassifier())
    result = pipeline.run(AnalysisJob(path=clip, exercise_hint="squat"))
    assert isinstance(result, Assessment)
    assert result.exercise == "squat" and result.rep_count == 3
    assert len(result.rep_grades) == 3 and result.grade in set(Grade)
    conditions = {f.condition_id for f in result.findings}
    assert conditions == {"head_forward", "knees_track_feet", "heels_down", "neutral_spine"}
    assert all(f.status is Status.NOT_JUDGED for f in result.findings if f.condition_id == "knees_track_feet")
    jpeg = result.key_frames[0].jpeg
    assert Image.open(io.BytesIO(jpeg)).format == "JPEG"
    assert {"pose", "assess", "render"} <= set(result.timings_s)


def test_no_person_is_a_rejection(clip):
    pipeline.init_worker(FakePose(present=False), UnknownClassifier())
    result = pipeline.run(AnalysisJob(path=clip, exercise_hint="squat"))
    assert isinstance(result, Rejection) and result.code == "no_person"


def test_without_hint_and_without_model_asks_which_exercise(clip):
    pipeline.init_worker(FakePose(3), UnknownClassifier())
    result = pipeline.run(AnalysisJob(path=clip))
    assert isinstance(result, Rejection) and result.code == "unsure_exercise"


def test_cli_json_contract(clip, tmp_path, capsys):
    pipeline.init_worker(FakePose(3), UnknownClassifier())
    assert cli.main(["analyze", clip, "--exercise", "squat", "--json", "--out", str(tmp_path / "f")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["exercise"]["id"] == "squat" and data["exercise"]["name_ko"] == "스쿼트"
    assert data["rep_count"] == 3 and data["hold_s"] is None and data["rejection"] is None
    assert data["view"] in {"front", "side", "oblique"}
    rep = data["reps"][0]
    assert rep["grade"] in {"perfect", "good", "bad"}
    cond = rep["conditions"][0]
    assert {"id", "name_ko", "status", "value", "threshold"} <= set(cond)
    assert cond["status"] in {"pass", "fail", "not_judged"}
    assert data["frames"] and all(p.endswith(".jpg") for p in data["frames"])
    assert isinstance(data["warnings"], list)


def test_cli_rejection_json_and_exit_zero(tmp_path, capsys):
    path = make_zero_bytes(str(tmp_path / "empty.mp4"))
    assert cli.main(["analyze", path, "--exercise", "squat", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rejection"]["code"] == "not_video"
    assert data["grade"] is None and data["grade_reason"] is None  # not a clip that was not rated
    assert "영상" in data["rejection"]["message_ko"]


def test_cli_usage_errors_exit_nonzero(tmp_path):
    assert cli.main(["analyze", str(tmp_path / "missing.mp4")]) == 2
    assert cli.main(["analyze", str(tmp_path / "missing.mp4"), "--exercise", "nope"]) == 2


def test_several_people_needs_a_second_face_in_several_checks():
    from analysis.pose.estimator import several_people

    assert several_people([1, 2, 1, 1, 1, 1, 1, 1]) == 1  # a poster face in one check
    assert several_people([2, 2, 1, 2, 1]) == 2
    assert several_people([]) == 1


class ScaledPose(FakePose):
    """Squats drawn tiny (far away) or with most limbs unseen (out of frame)."""

    def __init__(self, scale: float = 1.0, hide_limbs: bool = False) -> None:
        super().__init__(3)
        self.scale, self.hide_limbs = scale, hide_limbs

    def estimate(self, frames, fps, size):
        seq = super().estimate(frames, fps, size)
        seq.xy[:] = seq.xy * self.scale
        if self.hide_limbs:
            from analysis.pose.quality import LIMB_JOINTS

            seq.visibility[:, LIMB_JOINTS[2:]] = 0.05
        return seq


def test_tiny_person_is_asked_to_come_closer(clip):
    pipeline.init_worker(ScaledPose(scale=0.2), UnknownClassifier())
    result = pipeline.run(AnalysisJob(path=clip, exercise_hint="squat"))
    assert isinstance(result, Rejection) and result.code == "person_too_small"


def test_body_mostly_out_of_frame_is_rejected(clip):
    pipeline.init_worker(ScaledPose(hide_limbs=True), UnknownClassifier())
    result = pipeline.run(AnalysisJob(path=clip, exercise_hint="squat"))
    assert isinstance(result, Rejection) and result.code == "out_of_frame"


def test_cli_json_front_view_squat_is_not_rated(tmp_path, capsys):
    """A squat filmed from the front (the fake draws portrait clips head-on) leaves its key conditions
    (forward lean, heels) unjudged: grade null with the reason; the knees, seen from the front, are kept."""
    from tests.fakes.pose import FakePose as ViewPose

    portrait = make_video(str(tmp_path / "front.mp4"), size=(480, 640), fps=30, seconds=7.0)
    pipeline.init_worker(ViewPose(3, front_knee_out_px=0.0), UnknownClassifier())
    assert cli.main(["analyze", portrait, "--exercise", "squat", "--json", "--out", str(tmp_path / "f")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["view"] == "front" and data["rep_count"] == 3
    assert (data["grade"], data["grade_reason"]) == (None, "not_enough_judged")
    assert all((r["grade"], r["grade_reason"]) == (None, "not_enough_judged") for r in data["reps"])
    status = {c["id"]: c["status"] for c in data["conditions"]}
    assert status["knees_track_feet"] == "pass"
    assert status["neutral_spine"] == status["heels_down"] == "not_judged"


def test_cli_json_side_view_squat_is_rated_with_no_reason(clip, capsys):
    pipeline.init_worker(FakePose(3), UnknownClassifier())
    assert cli.main(["analyze", clip, "--exercise", "squat", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["grade"] == "perfect" and data["grade_reason"] is None
    assert [r["grade_reason"] for r in data["reps"]] == [None, None, None]
