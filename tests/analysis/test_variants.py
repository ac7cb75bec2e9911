"""Incline and wall push-ups (analysis.judge.spec.Variant, analysis.exercises.variants): a push-up with the
hands on a bench or a wall is recognised by the body's incline and judged against the body's line, not
failed as a bad floor push-up; its faults still fail.

The figures are the side-view push-up of tests/fakes/figures.py turned about the hands (the feet drop),
filmed from the side in 2D alone or lifted into 3D and filmed from the side, the front or at an angle.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from analysis import pipeline
from analysis.classifier import UnknownClassifier
from analysis.exercises.registry import SPECS
from analysis.exercises.variants import BODY_TILT, INCLINE_PUSH_UP, VARIANTS
from analysis.judge.assess import assess, condition_summary
from analysis.judge.measures import Body, Height, Leveled, Side, XGap
from analysis.judge.spec import variant_of
from analysis.judge.views import detect_view
from analysis.vocab.landmarks import Landmark
from analysis.vocab.types import AnalysisJob, Assessment, Grade, PoseSequence, Status
from tests.fakes.figures import ARM, TORSO, animate, middle_for_reach, prone
from tests.fakes.media import make_video
from tests.fakes.world import filmed

PUSH_UP = SPECS["push_up"]


def inclined(lv: float, incline: float = 30.0, sag: float = 0.0, **kw: float) -> np.ndarray:
    """`prone` turned `incline` degrees about the hands: the feet drop, as with the hands on a bench.
    sag: the hips moved this many torso lengths toward the floor (negative: piked), the feet staying."""
    f = prone(lv, **kw)
    for side in ("LEFT", "RIGHT"):
        shoulder, hip, ankle = (f[Landmark[f"{side}_{j}"]] for j in ("SHOULDER", "HIP", "ANKLE"))
        u = (ankle - shoulder) / np.linalg.norm(ankle - shoulder)
        down = np.array([-u[1], u[0]])  # square to the line …
        down = down if down[1] > 0 else -down  # … toward the floor (image y points down)
        for joint in ("HIP", "KNEE"):
            p = f[Landmark[f"{side}_{joint}"]]
            share = np.linalg.norm(ankle - p) / np.linalg.norm(ankle - hip)  # the knee moves less
            f[Landmark[f"{side}_{joint}"]] = p + sag * TORSO * share * down
    wrist = f[Landmark.LEFT_WRIST].copy()
    a = np.radians(-incline)  # image y points down: a negative turn lowers the feet (behind the hands)
    turn = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    return (f - wrist) @ turn.T + wrist


def clip(camera: str, **kw: float) -> PoseSequence:
    """'2d': the side view without world landmarks; else lifted into 3D and filmed from `camera`."""
    return animate(inclined, **kw) if camera == "2d" else filmed(inclined, camera, **kw)


def judged(seq: PoseSequence) -> tuple[str | None, int, dict[str, Status]]:
    view = detect_view(seq)
    spec, name = variant_of(PUSH_UP, seq, view, VARIANTS)
    graded = assess(spec, seq, view)
    return name, len(graded.reps), condition_summary(spec, graded.findings)


@pytest.mark.parametrize("camera", ["2d", "side", "front", "oblique"])
@pytest.mark.parametrize("incline", [30.0, 45.0, 60.0])  # a low bench, a high bench, a wall
def test_a_good_incline_push_up_is_recognised_and_passes(camera: str, incline: float) -> None:
    name, reps, verdicts = judged(clip(camera, incline=incline))
    assert name == "incline" and reps == 2
    assert set(verdicts.values()) == {Status.PASS}


@pytest.mark.parametrize("incline", [30.0, 45.0])
def test_judged_as_a_floor_push_up_it_would_fail(incline: float) -> None:
    """Why the variant is there: against the floor the hands sit far ahead of the shoulders and, steeper,
    the shoulders barely rise over the hands."""
    seq = clip("2d", incline=incline)
    verdicts = condition_summary(PUSH_UP, assess(PUSH_UP, seq, detect_view(seq)).findings)
    assert verdicts["hands_under_chest"] is Status.FAIL


@pytest.mark.parametrize("camera", ["2d", "side", "front"])
def test_a_floor_push_up_is_no_variant(camera: str) -> None:
    seq = clip(camera, incline=0.0)
    assert variant_of(PUSH_UP, seq, detect_view(seq), VARIANTS) == (PUSH_UP, None)


def test_other_exercises_have_no_variants() -> None:
    seq = clip("2d", incline=45.0)
    assert variant_of(SPECS["squat"], seq, detect_view(seq), VARIANTS) == (SPECS["squat"], None)


def test_the_incline_variant_is_still_a_push_up() -> None:
    """No catalog id of its own: the same conditions, key conditions and cue keys as the push-up."""
    assert INCLINE_PUSH_UP.id == PUSH_UP.id and INCLINE_PUSH_UP.key == PUSH_UP.key
    assert [r.condition_id for r in INCLINE_PUSH_UP.rules] == [r.condition_id for r in PUSH_UP.rules]


@pytest.mark.parametrize("camera", ["2d", "front"])
@pytest.mark.parametrize("sag", [0.45, -0.45])  # sagging, piked
def test_an_incline_push_up_with_a_broken_line_fails(camera: str, sag: float) -> None:
    name, _, verdicts = judged(clip(camera, incline=35.0, sag=sag))
    assert name == "incline" and verdicts["neutral_spine"] is Status.FAIL


@pytest.mark.parametrize("camera", ["2d", "front"])
def test_a_half_range_incline_rep_fails_the_travel(camera: str) -> None:
    half = middle_for_reach(ARM - 0.5 * 0.8 * TORSO)  # half of a full rep's shoulder travel
    name, _, verdicts = judged(clip(camera, incline=35.0, elbow=half))
    assert name == "incline" and verdicts["chest_travel"] is Status.FAIL


def test_the_tilt_is_read_in_3d_from_the_front() -> None:
    """From the front the 2D shoulder–ankle line says nothing of the incline; the world landmarks do."""
    seq = filmed(inclined, "front", incline=35.0)
    assert variant_of(PUSH_UP, seq, detect_view(seq), VARIANTS)[1] == "incline"
    body = Body.of(seq)
    assert float(np.nanmedian(BODY_TILT.values(body))) < 45  # 2D: steep whatever the incline


@pytest.mark.parametrize("world", [False, True])
def test_leveled_measures_ignore_the_incline(world: bool) -> None:
    """The same rep turned 40° reads as the floor rep, in 2D and in 3D."""
    flat = Body.of(filmed(inclined, "side", incline=0.0))
    steep = Body.of(filmed(inclined, "side", incline=40.0))
    if world:
        flat, steep = flat.in_world(), steep.in_world()
        assert flat is not None and steep is not None
    for m in (Height(("SHOULDER", "WRIST"), Side.NEAR), XGap(("WRIST", "SHOULDER"), Side.NEAR)):
        np.testing.assert_allclose(Leveled(m).values(steep), Leveled(m).values(flat), atol=1e-3)
        assert not np.allclose(m.values(steep), m.values(flat), atol=1e-2)  # unleveled, they differ


class InclinedPose:
    """A fake estimator: two incline push-ups (hands on a bench, filmed from the side with world
    landmarks) stretched over whatever frames the decoder hands over."""

    def estimate(self, frames: Iterable[Any], fps: float, size: tuple[int, int]) -> PoseSequence:
        frames = list(frames)
        seq = filmed(inclined, "side", incline=40.0)
        pick = np.linspace(0, len(seq) - 1, len(frames)).round().astype(int)
        assert seq.world is not None
        return replace(
            seq,
            xy=seq.xy[pick],
            z=seq.z[pick],
            visibility=seq.visibility[pick],
            world=seq.world[pick],
            t_s=np.array([f[1] for f in frames], np.float32),
            frame_index=np.array([f[0] for f in frames], np.int64),
            fps=fps,
            size=size,
        )


def test_the_pipeline_judges_an_incline_push_up_as_one(tmp_path: Path) -> None:
    path = make_video(str(tmp_path / "clip.mp4"), size=(640, 480), fps=30, seconds=6.0)
    try:
        pipeline.init_worker(InclinedPose(), UnknownClassifier())
        result = pipeline.run(AnalysisJob(path=path, exercise_hint="push_up"))
    finally:
        pipeline._estimator, pipeline._classifier = None, None
    assert isinstance(result, Assessment) and result.exercise == "push_up"
    assert result.rep_evidence["variant"] == "incline" and result.rep_count == 2
    assert result.grade is Grade.PERFECT and {f.status for f in result.findings} == {Status.PASS}
