"""Depth and tempo per rep (analysis.judge.tempo) on hand-built figures with known timings and depths."""

from dataclasses import replace

import numpy as np
import pytest

from analysis.exercises.lower_body import SQUAT
from analysis.exercises.upper_body import BICEPS_CURL
from analysis.judge.assess import assess
from analysis.judge.geometry import angle_deg
from analysis.judge.measures import Body
from analysis.judge.reps import count_reps
from analysis.judge.tempo import rep_metrics
from analysis.vocab.landmarks import Landmark as L
from analysis.vocab.types import View
from tests.fakes.skeleton import front_frame, sequence, side_frame

FPS = 30.0


def ramp(rest_s: float, down_s: float, hold_s: float, up_s: float, depth: float = 1.0) -> np.ndarray:
    """One rep's level (0 standing … depth): straight-line lowering and rising, a hold at the bottom."""
    n = lambda s: int(round(s * FPS))  # noqa: E731
    return np.concatenate(
        [
            np.zeros(n(rest_s)),
            np.linspace(0, depth, n(down_s), endpoint=False),
            np.full(n(hold_s), depth),
            np.linspace(depth, 0, n(up_s)),
        ]
    )


def _drop(lv: np.ndarray) -> np.ndarray:
    return 90 * (1 - np.cos(np.radians(80 * lv))) + 85 * (1 - np.cos(np.radians(60 * lv)))


GRID = np.linspace(0, 1, 2001)


def side_squats(levels: np.ndarray):
    """Side view; ``levels`` are shares of the deepest pelvis drop (so the pelvis moves as they do)."""
    frames = []
    for share in levels:
        lv = float(np.interp(share * _drop(np.array(1.0)), _drop(GRID), GRID))
        thigh, shin = 80 * lv, -60 * lv
        drop = 90 * (1 - np.cos(np.radians(thigh))) + 85 * (1 - np.cos(np.radians(shin)))
        frames.append(side_frame(pelvis=(320.0, 300.0 + drop), torso=30 * lv, thigh=thigh, shin=shin))
    return sequence(frames, fps=FPS)


def front_squats(levels: np.ndarray, knee_out_px: float):
    """Facing the camera; the left knee drifts ``knee_out_px`` outward at the bottom (an asymmetry)."""
    frames = []
    for lv in levels:
        f = front_frame(leg_drop_px=175 - 85 * lv, knee_half_px=20 + 12 * lv)
        f[L.LEFT_KNEE, 0] += knee_out_px * lv
        frames.append(f)
    return sequence(frames, fps=FPS)


def metrics_of(seq, spec=SQUAT.reps, view=View.SIDE, joints=SQUAT.angle_joints):
    body = Body.of(seq)
    reps, sig = count_reps(spec, body, seq.t_s)
    return reps, rep_metrics(spec, body, sig, reps, seq.t_s, view, joints)


def test_slow_lowering_a_pause_and_a_quick_rise_are_timed() -> None:
    levels = np.concatenate([ramp(0.6, 2.0, 0.8, 0.6), ramp(0.6, 1.0, 0.0, 1.0), np.zeros(18)])
    reps, metrics = metrics_of(side_squats(levels))
    assert len(reps) == 2
    slow, even = metrics
    # 10 % … 95 % of a straight 2.0 s lowering is 1.7 s; the bottom band adds 5 % of each ramp to the pause
    assert slow.down_s == pytest.approx(1.7, abs=0.15)
    assert slow.pause_s == pytest.approx(0.8 + 0.05 * 2.6, abs=0.15)
    assert slow.up_s == pytest.approx(0.85 * 0.6, abs=0.15)
    assert even.down_s == pytest.approx(0.85, abs=0.15) and even.up_s == pytest.approx(0.85, abs=0.15)
    assert even.pause_s < 0.25 < slow.pause_s


def test_lifting_exercises_swap_the_halves() -> None:
    """The same signal read as a curl: going toward the working extreme is the lift (concentric)."""
    levels = np.concatenate([ramp(0.6, 2.0, 0.3, 0.6), np.zeros(18)])
    seq = side_squats(levels)
    body = Body.of(seq)
    reps, sig = count_reps(SQUAT.reps, body, seq.t_s)
    as_curl = replace(SQUAT.reps, toward_extreme=BICEPS_CURL.reps.toward_extreme)
    squat = rep_metrics(SQUAT.reps, body, sig, reps, seq.t_s, View.SIDE, None)[0]
    curl = rep_metrics(as_curl, body, sig, reps, seq.t_s, View.SIDE, None)[0]
    assert (curl.down_s, curl.pause_s, curl.up_s) == (squat.up_s, squat.pause_s, squat.down_s)


def test_depth_is_a_share_of_the_exercises_full_range() -> None:
    levels = np.concatenate([ramp(0.6, 1.0, 0.2, 1.0, 1.0), ramp(0.6, 1.0, 0.2, 1.0, 0.75), np.zeros(18)])
    seq = side_squats(levels)
    reps, metrics = metrics_of(seq)
    assert len(reps) == 2
    height = (seq.xy[:, L.LEFT_ANKLE, 1] - seq.xy[:, L.LEFT_HIP, 1]) / Body.of(seq).torso_px
    for rep, m in zip(reps, metrics, strict=True):
        travelled = height[rep.start] - height[rep.bottom]
        assert m.rom_share == pytest.approx(travelled / SQUAT.reps.full_range, abs=0.03)
    assert 0.85 < metrics[0].rom_share < 1.1
    assert metrics[1].rom_share == pytest.approx(0.75 * metrics[0].rom_share, abs=0.03)


def test_no_depth_without_a_full_range_or_from_a_fallback_measure() -> None:
    seq = side_squats(np.concatenate([ramp(0.6, 1.0, 0.2, 1.0), np.zeros(18)]))
    _, metrics = metrics_of(seq, spec=replace(SQUAT.reps, full_range=None))
    assert metrics[0].rom_share is None and metrics[0].down_s is not None
    hidden = seq.visibility.copy()
    hidden[:, [L.LEFT_ANKLE, L.RIGHT_ANKLE]] = 0.0  # feet out of frame: the squat falls back to YPos
    reps, metrics = metrics_of(replace(seq, visibility=hidden))
    assert len(reps) == 1 and metrics[0].rom_share is None and metrics[0].up_s is not None


def test_left_right_difference_from_the_front_only() -> None:
    levels = np.concatenate([ramp(0.6, 1.0, 0.3, 1.0), ramp(0.6, 1.0, 0.3, 1.0), np.zeros(18)])
    seq = front_squats(levels, knee_out_px=14.0)
    reps, metrics = metrics_of(seq, view=View.FRONT)
    assert len(reps) == 2
    xy = seq.xy[reps[0].bottom]
    left = angle_deg(xy[L.LEFT_HIP], xy[L.LEFT_KNEE], xy[L.LEFT_ANKLE])
    right = angle_deg(xy[L.RIGHT_HIP], xy[L.RIGHT_KNEE], xy[L.RIGHT_ANKLE])
    assert metrics[0].lr_diff_deg == pytest.approx(abs(left - right), abs=1.5)
    assert metrics[0].lr_diff_deg > 5
    symmetric = metrics_of(front_squats(levels, knee_out_px=0.0), view=View.FRONT)[1]
    assert [m.lr_diff_deg for m in symmetric] == [0.0, 0.0]
    assert [m.lr_diff_deg for m in metrics_of(side_squats(levels))[1]] == [None, None]  # one side hidden


def test_assess_carries_one_metrics_per_rep_and_none_for_holds() -> None:
    seq = side_squats(np.concatenate([ramp(0.6, 1.0, 0.2, 1.0)] * 3 + [np.zeros(18)]))
    graded = assess(SQUAT, seq, View.SIDE)
    assert len(graded.rep_metrics) == len(graded.reps) == 3
    assert all(m.down_s and m.up_s and m.rom_share for m in graded.rep_metrics)
