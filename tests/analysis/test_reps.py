from dataclasses import replace

import numpy as np
import pytest

from analysis.exercises.lower_body import SQUAT
from analysis.judge.measures import Body
from analysis.judge.reps import count_reps
from tests.fakes.skeleton import cycle, sequence, side_frame


def squat_seq(levels: np.ndarray, fps: float = 15.0, noise_px: float = 0.0, seed: int = 0):
    """Side-view squats: level 0 standing … 1 deep (thighs about horizontal)."""
    rng = np.random.default_rng(seed)
    frames = []
    for lv in levels:
        thigh, shin = 80 * lv, -60 * lv
        drop = 90 * (1 - np.cos(np.radians(thigh))) + 85 * (1 - np.cos(np.radians(shin)))
        f = side_frame(pelvis=(320.0, 300.0 + drop), torso=35 * lv, thigh=thigh, shin=shin)
        frames.append(f + rng.normal(0, noise_px, f.shape) if noise_px else f)
    return sequence(frames, fps=fps)


@pytest.mark.parametrize("n", [1, 3, 7])
def test_counts_clean_squats(n):
    seq = squat_seq(cycle(n))
    reps, _ = count_reps(SQUAT.reps, Body.of(seq), seq.t_s)
    assert len(reps) == n
    assert all(r.start < r.bottom < r.end for r in reps)


def test_counts_with_jitter_and_fast_tempo():
    seq = squat_seq(cycle(5, fps=30, rep_s=1.0, rest_s=0.3), fps=30, noise_px=3.0)
    reps, _ = count_reps(SQUAT.reps, Body.of(seq), seq.t_s)
    assert len(reps) == 5


def test_standing_still_and_small_sway_count_nothing():
    levels = 0.08 * (1 + np.sin(np.linspace(0, 12 * np.pi, 150)))  # bobbing a few centimetres
    seq = squat_seq(levels, noise_px=1.0)
    reps, sig = count_reps(SQUAT.reps, Body.of(seq), seq.t_s)
    assert reps == ()
    assert sig.amplitude < SQUAT.reps.min_range


def test_half_rep_at_the_end_is_not_counted():
    levels = np.concatenate([cycle(2), np.linspace(0, 0.7, 15)])  # stops on the way down
    seq = squat_seq(levels)
    reps, _ = count_reps(SQUAT.reps, Body.of(seq), seq.t_s)
    assert len(reps) == 2


def test_clip_cut_at_the_bottom_of_the_last_rep_counts_it():
    levels = np.concatenate([cycle(2), np.linspace(0, 1, 15), np.linspace(1, 0.7, 5)])  # bottom reached
    seq = squat_seq(levels)
    reps, _ = count_reps(SQUAT.reps, Body.of(seq), seq.t_s)
    assert len(reps) == 3


def test_clip_starting_mid_rep_counts_that_rep_when_its_bottom_is_seen():
    levels = np.concatenate([np.linspace(0.7, 1, 6), np.linspace(1, 0, 15), cycle(2)])
    seq = squat_seq(levels)
    reps, _ = count_reps(SQUAT.reps, Body.of(seq), seq.t_s)
    assert len(reps) == 3
    shallow = squat_seq(np.concatenate([np.linspace(0.7, 0, 12), cycle(2)]))  # its bottom was before the clip
    reps, _ = count_reps(SQUAT.reps, Body.of(shallow), shallow.t_s)
    assert len(reps) == 2


def test_person_lost_mid_rep_does_not_count_that_rep():
    levels = cycle(3)
    seq = squat_seq(levels)
    xy = seq.xy.copy()
    mid_second = 15 + 30 + 15 + 15  # inside the second rep
    xy[mid_second - 10 : mid_second + 10] = np.nan
    vis = seq.visibility.copy()
    vis[mid_second - 10 : mid_second + 10] = 0
    seq2 = replace(seq, xy=xy, visibility=vis)
    reps, _ = count_reps(SQUAT.reps, Body.of(seq2), seq2.t_s)
    assert len(reps) == 2


def test_small_twitch_between_reps_is_dropped():
    levels = np.concatenate([cycle(2), 0.45 * cycle(1, rest_s=0.2), cycle(2)])
    seq = squat_seq(levels)
    reps, _ = count_reps(SQUAT.reps, Body.of(seq), seq.t_s)
    assert len(reps) == 4


def test_person_appearing_mid_rep_still_counts_that_rep():
    levels = np.concatenate([np.linspace(0.7, 1, 6), np.linspace(1, 0, 15), cycle(2)])
    seq = squat_seq(levels)
    seq.xy[:3] = np.nan  # not detected in the first frames
    seq.visibility[:3] = 0
    reps, _ = count_reps(SQUAT.reps, Body.of(seq), seq.t_s)
    assert len(reps) == 3


def test_feet_out_of_frame_falls_back_to_pelvis_height_in_the_image():
    from analysis.vocab.landmarks import Landmark as Lm

    seq = squat_seq(cycle(3))
    for j in (Lm.LEFT_ANKLE, Lm.RIGHT_ANKLE):
        seq.visibility[:, j] = 0.0  # framed from the knees up
    reps, _ = count_reps(SQUAT.reps, Body.of(seq), seq.t_s)
    assert len(reps) == 3
    no_fallback = replace(SQUAT.reps, fallback=None)
    assert count_reps(no_fallback, Body.of(seq), seq.t_s)[0] == ()


def test_rep_ends_sit_at_the_rest_pose():
    seq = squat_seq(cycle(2, rest_s=1.0))
    reps, sig = count_reps(SQUAT.reps, Body.of(seq), seq.t_s)
    assert all(sig.level[r.start] < 0.05 and sig.level[r.end] < 0.05 for r in reps)
