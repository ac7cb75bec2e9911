"""The general causes of rep errors on real clips, on generated motion: getting onto and off a pull-up bar
at the clip's ends is no rep (analysis.judge.reps._drop_setup), and a few real but uneven reps are no
"irregular" motion whose reps the periodicity step would zero (analysis.judge.periodicity), and a small
lift at the end of a short set is no rep the period count missed (analysis.judge.repcount.partial)."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.exercises.lower_body import SQUAT
from analysis.exercises.registry import spec_or_generic
from analysis.judge import periodicity as per
from analysis.judge.measures import Body
from analysis.judge.repcount import _count_signal, counted
from analysis.judge.reps import count_reps
from analysis.vocab.types import PoseSequence
from tests.analysis.test_reps import squat_seq
from tests.fakes.skeleton import L, cycle, sequence, side_frame

BAR_Y = 80.0


def pull_up_frame(level: float, arms_up: float = 1.0) -> np.ndarray:
    """Seen from the side. level 0 hanging … 1 chin over the bar (elbows bend, the hands stay on the bar);
    arms_up 1 hanging, 0 standing below the bar with the arms down (between: raising the arms to it)."""
    f = side_frame(
        pelvis=(320.0, 300.0),
        upper_arm=180 * arms_up - 60 * level,
        forearm=180 * arms_up + 150 * level,
        thigh=10 * level,
        shin=-20 * level,
    )
    return f + [0.0, BAR_Y - f[L.LEFT_WRIST, 1]] if arms_up >= 1 else f


def pull_up_set(n: int, setup: bool, fps: float = 15.0) -> PoseSequence:
    """n pull-ups; with setup, the clip starts with the person standing below the bar and reaching up to
    it, and ends with them letting go and standing again."""
    on = np.concatenate([np.zeros(3), np.linspace(0, 1, 8)]) if setup else np.zeros(0)
    frames = [pull_up_frame(0.0, a) for a in on]
    frames += [pull_up_frame(lv) for lv in cycle(n, fps=fps, rep_s=2.0, rest_s=0.6)]
    frames += [pull_up_frame(0.0, a) for a in on[::-1]]
    return sequence(frames, fps=fps)


def _count(exercise: str, seq: PoseSequence, use_period: bool) -> int:
    spec = spec_or_generic(exercise).reps
    assert spec is not None
    reps, _, _ = counted(spec, Body.of(seq), seq, use_period)
    return len(reps)


@pytest.mark.parametrize("n", [6, 8, 12, 16])
@pytest.mark.parametrize("use_period", [True, False])
def test_getting_onto_and_off_the_bar_is_no_rep(n: int, use_period: bool) -> None:
    """Standing arms down puts the neck far above the hands: an excursion past the chin-over-bar extreme
    at each end of the clip, which the hysteresis counter took for two more reps."""
    assert _count("pull_up", pull_up_set(n, setup=False), use_period) == n
    assert _count("pull_up", pull_up_set(n, setup=True), use_period) == n


def test_a_clip_starting_at_the_working_extreme_still_counts_that_rep() -> None:
    """The set-up rule drops only an edge excursion far past the reps' extreme, not a rep cut by the start."""
    levels = np.concatenate([np.linspace(1.0, 0.0, 12), np.zeros(8), cycle(5, rep_s=2.0, rest_s=0.6)])
    seq = sequence([pull_up_frame(lv) for lv in levels])
    assert _count("pull_up", seq, use_period=False) == 6


def uneven_squats(reps: list[tuple[float, float, float]], fps: float = 15.0) -> np.ndarray:
    """Squat levels: per rep (rest before s, duration s, depth 0..1), then a second standing."""
    parts = []
    for rest, dur, depth in reps:
        parts += [
            np.zeros(int(rest * fps)),
            depth * (1 - np.cos(np.linspace(0, 2 * np.pi, int(dur * fps)))) / 2,
        ]
    return np.concatenate([*parts, np.zeros(int(fps))])


def test_a_few_uneven_reps_are_not_irregular_and_keep_their_count() -> None:
    """Three real squats, a quick one, a slow shallower one after a pause, a middling one: no period shows,
    and the timing and depth vary, but three swings are too little evidence to call it random motion."""
    seq = squat_seq(uneven_squats([(0.5, 1.2, 1.0), (2.5, 3.5, 0.75), (0.3, 2.0, 0.9)]), noise_px=1.0)
    p = per.estimate(seq)
    assert p.verdict is per.Verdict.UNCLEAR, p
    assert _count("squat", seq, use_period=True) == 3


def test_the_period_count_reads_the_exercise_own_signal_around_a_title_card() -> None:
    """A clip opening and closing on frames without the person (a title card, a logo) still has its own
    rep signal measured on every frame the person is in: the period count reads that signal, not the
    whole-body motion (which would count an alternating exercise's strides instead of each side's reps)."""
    spec = SQUAT.reps
    assert spec is not None
    set_ = squat_seq(cycle(6))
    card = [None] * (len(set_) // 4)  # a quarter of the set's length before and after it
    seq = sequence([*card, *set_.xy[:, :33], *card])
    _, sig = count_reps(spec, Body.of(seq), seq.t_s)
    assert np.isfinite(sig.level).mean() < 0.8  # measured on under 80 % of the clip's frames
    level, own = _count_signal(sig, seq)
    assert level is not None and own
    seen = np.isfinite(seq.xy[..., 0]).any(axis=1)
    np.testing.assert_allclose(level[seen], sig.level[seen])


def test_a_small_lift_after_a_short_set_is_no_rep() -> None:
    """Two full squats, a shallower one, then a small dip (the person shifting the load before racking
    it): the period count found the dip as a fourth peak (its prominence passes the share of a median
    lowered by the shallow rep), but it went from rest back to rest without reaching the enter level nor
    half the typical peak: a partial movement the hysteresis counter rightly left out."""
    seq = squat_seq(uneven_squats([(0.8, 2.0, d) for d in (1.0, 1.0, 0.85, 0.6)]), noise_px=1.0)
    assert per.estimate(seq).verdict is per.Verdict.PERIODIC
    assert _count("squat", seq, use_period=False) == 3
    assert _count("squat", seq, use_period=True) == 3


def test_a_shallower_rep_within_a_set_still_counts() -> None:
    """One rep of six not deep enough for the hysteresis counter's enter level is still more than half
    the typical rep: the period count keeps it (the partial rule does not undo what the period is for)."""
    seq = squat_seq(uneven_squats([(0.8, 2.0, d) for d in (1.0, 1.0, 1.0, 0.72, 1.0, 1.0)]), noise_px=1.0)
    assert _count("squat", seq, use_period=False) == 5
    assert _count("squat", seq, use_period=True) == 6
