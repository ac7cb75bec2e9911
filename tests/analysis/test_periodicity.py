"""Is anything repeating? The periodicity measure, its gate on the classifier's answer and on reps, and
the period-based count reconciled with the hysteresis counter (analysis.judge.periodicity, repcount)."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.exercises.lower_body import SQUAT
from analysis.exercises.registry import SPECS, spec_or_generic
from analysis.judge import periodicity as per
from analysis.judge.measures import Body
from analysis.judge.repcount import counted, gate_answer, reconcile
from analysis.vocab.types import Classification, PoseSequence
from models.synth import generate as synth
from tests.analysis.test_reps import squat_seq
from tests.fakes.skeleton import cycle, front_frame, sequence, side_frame


def _reps(exercise: str, seq: PoseSequence, use_period: bool = True) -> int:
    spec = spec_or_generic(exercise)
    assert spec.reps is not None
    reps, _, _ = counted(spec.reps, Body.of(seq), seq, use_period)
    return len(reps)


def _model_says(exercise: str) -> Classification:
    return Classification(exercise=exercise, confidence=0.9, probs={exercise: 0.9}, source="model")


def random_jumping(seed: int, seconds: float = 20.0, fps: float = 15.0) -> PoseSequence:
    """Someone jumping about at random, seen from the front: jumps, crouches and arm swings of random
    size, each held for a random 0.2–1.5 s, with smooth moves between them."""
    rng = np.random.default_rng(seed)
    n = int(seconds * fps)
    keys_t, t = [0.0], 0.0
    while t < seconds:
        t += rng.uniform(0.2, 1.5)
        keys_t.append(t)
    k = len(keys_t)
    lift = np.interp(np.arange(n) / fps, keys_t, rng.uniform(-90, 60, k))  # px: − up (jump), + crouch
    arms = np.interp(np.arange(n) / fps, keys_t, rng.uniform(0, 170, k))
    elbow = np.interp(np.arange(n) / fps, keys_t, rng.uniform(0, 120, k))
    shift = np.interp(np.arange(n) / fps, keys_t, rng.uniform(-80, 80, k))
    frames = [
        front_frame(pelvis=(320 + s, 300 + max(lf, 0) * 0.5 + min(lf, 0)), leg_drop_px=175 - max(lf, 0),
                    arm_angle=a, elbow_bend=e)
        for lf, a, e, s in zip(lift, arms, elbow, shift, strict=True)
    ]  # fmt: skip
    return sequence(frames, fps=fps)


def test_static_pose_is_static_no_reps_and_no_rep_exercise() -> None:
    clip = synth.generate("unknown", np.random.default_rng(3), background="stand", max_seconds=12)
    seq = clip.pose_sequence()
    p = per.estimate(seq)
    assert p.verdict is per.Verdict.STATIC
    assert _reps("squat", seq) == 0
    assert gate_answer(_model_says("jumping_jack"), p, is_hold=False, reps=0).exercise is None
    assert gate_answer(_model_says("plank"), p, is_hold=True, reps=0).exercise == "plank"  # holds are static
    # a small movement below the whole body's noise that the exercise's own measure counted stands
    assert gate_answer(_model_says("shoulder_shrug"), p, is_hold=False, reps=6).exercise == "shoulder_shrug"


@pytest.mark.parametrize("seed", [0, 1, 3, 5])
def test_random_jumping_is_irregular_no_reps_and_no_rep_exercise(seed: int) -> None:
    seq = random_jumping(seed)
    p = per.estimate(seq)
    assert p.verdict is per.Verdict.IRREGULAR, p
    assert _reps("squat", seq, use_period=False) >= 2  # the hysteresis counter alone would count jumps
    assert _reps("squat", seq) == 0
    # no rep exercise's own measure finds a steady beat in it either (own_beat): none counts a rep
    every = {ex: _reps(ex, seq) for ex, spec in SPECS.items() if spec.reps is not None and spec.hold is None}
    assert not any(every.values()), {ex: n for ex, n in every.items() if n}
    assert gate_answer(_model_says("dips"), p, is_hold=False, reps=every["dips"]).exercise is None
    hinted = Classification.from_hint("squat")
    assert gate_answer(hinted, p, is_hold=False, reps=0) is hinted  # the user's caption stands


def test_a_single_rep_is_no_period_but_may_be_counted() -> None:
    seq = squat_seq(
        np.concatenate([np.zeros(15), (1 - np.cos(np.linspace(0, 2 * np.pi, 30))) / 2, np.zeros(15)])
    )
    p = per.estimate(seq)
    assert p.verdict is per.Verdict.UNCLEAR
    assert _reps("squat", seq) == 1


@pytest.mark.parametrize(("n", "seed"), [(3, 11), (8, 12), (16, 13), (25, 14)])
def test_generated_squat_sets_are_counted_exactly(n: int, seed: int) -> None:
    clip = synth.generate("squat", np.random.default_rng(seed), n_reps=n, max_seconds=200, yaw_deg=70.0)
    assert clip.reps == n
    assert _reps("squat", clip.pose_sequence()) == n


def lockout_set(n: int, rep_s: float, fps: float = 15.0, seed: int = 0) -> np.ndarray:
    """A fast set of n squat reps whose top is not always reached between reps (0.2–0.55 of the depth,
    as in a long set done quickly): levels 0 … 1, standing still before and after."""
    rng = np.random.default_rng(seed)
    m = int(rep_s * fps)
    parts = [np.zeros(int(fps))]
    top = 0.0
    for i in range(n):
        nxt = 0.0 if i == n - 1 else rng.uniform(0.2, 0.55)
        down = (1 - np.cos(np.linspace(0, np.pi, m // 2))) / 2
        parts += [top + (1 - top) * down, 1 - (1 - nxt) * down]
        top = nxt
    parts.append(np.zeros(int(fps)))
    return np.concatenate(parts)


@pytest.mark.parametrize(("n", "rep_s"), [(3, 2.4), (8, 1.6), (16, 1.1), (25, 0.9)])
def test_sets_at_different_tempos_are_counted_exactly(n: int, rep_s: float) -> None:
    seq = squat_seq(lockout_set(n, rep_s, seed=n), noise_px=1.5, seed=n)
    assert _reps("squat", seq) == n


def test_hysteresis_alone_undercounts_a_long_fast_set_the_period_count_fixes_it() -> None:
    seq = squat_seq(lockout_set(25, 0.9, seed=25), noise_px=1.5, seed=25)
    _, _, opinions = counted(SQUAT.reps, Body.of(seq), seq)  # type: ignore[arg-type]
    assert opinions.hysteresis < 25 and opinions.period == 25 and opinions.chosen == "period"


def test_walk_in_then_five_reps_counts_five() -> None:
    fps = 15.0
    walk = []
    for i in range(int(3 * fps)):  # walking in from the left for 3 s, legs and arms swinging
        swing = 25 * np.sin(2 * np.pi * i / fps / 1.0)
        walk.append(side_frame(pelvis=(120 + 200 * i / (3 * fps), 300.0), thigh=swing, shin=-abs(swing) * 0.8,
                               upper_arm=-swing))  # fmt: skip
    squats = squat_seq(np.concatenate([np.zeros(10), lockout_set(5, 1.8)]))
    seq = sequence([*walk, *squats.xy[:, :33]], fps=fps)
    assert _reps("squat", seq) == 5


@pytest.mark.parametrize(("exercise", "n", "seed"), [("lunge_forward", 8, 21), ("lunge_backward", 12, 22)])
def test_alternating_lunges_count_each_legs_rep_once(exercise: str, n: int, seed: int) -> None:
    clip = synth.generate(exercise, np.random.default_rng(seed), n_reps=n, max_seconds=200, yaw_deg=60.0)
    assert clip.reps == n
    assert _reps(exercise, clip.pose_sequence()) == n


def test_alternating_motion_halves_the_period_for_the_count() -> None:
    """Legs alternate: the whole body repeats every two lunges, the pelvis drops every lunge."""
    clip = synth.generate("lunge_forward", np.random.default_rng(21), n_reps=8, max_seconds=200, yaw_deg=60.0)
    _, _, opinions = counted(spec_or_generic("lunge_forward").reps, Body.of(clip.pose_sequence()),  # type: ignore[arg-type]
                             clip.pose_sequence())  # fmt: skip
    assert opinions.periodicity.is_periodic
    assert opinions.period == 8


PERIODIC = per.Periodicity(per.Verdict.PERIODIC, 2.0, 0.8, 1.0, 1.8)
UNCLEAR = per.Periodicity(per.Verdict.UNCLEAR, None, 0.4, 1.0)
IRREGULAR = per.Periodicity(per.Verdict.IRREGULAR, None, 0.1, 1.5)
STATIC = per.Periodicity(per.Verdict.STATIC, None, 0.0, 0.05)


@pytest.mark.parametrize(
    ("hysteresis", "period", "p", "expected"),
    [
        (5, 5, PERIODIC, (5, "hysteresis")),  # they agree
        (14, 25, PERIODIC, (25, "period")),  # reps that never went back to rest: the period count
        (0, 12, PERIODIC, (12, "period")),  # the rep signal barely moved (front view): the period count
        (15, 16, PERIODIC, (16, "period")),  # one rep missed
        (22, 20, PERIODIC, (22, "hysteresis")),  # the hysteresis counter saw more: it stands
        (2, None, UNCLEAR, (2, "hysteresis")),  # one or two reps show no period
        (4, None, IRREGULAR, (0, "none")),  # jumping about at random
        (0, None, STATIC, (0, "hysteresis")),  # standing still: below the rep measure's min_range
    ],
)
def test_reconcile_rule(hysteresis: int, period: int | None, p: per.Periodicity, expected: tuple) -> None:
    assert reconcile(hysteresis, period, p) == expected


def test_an_irregular_sway_around_a_steady_own_beat_keeps_its_reps() -> None:
    """A shrug's whole body barely moves: its sway may read as irregular, but the exercise's own measure
    repeating steadily (own_beat) keeps the hysteresis count, and the model's answer with it."""
    swaying = per.Periodicity(per.Verdict.IRREGULAR, None, 0.27, 0.2)
    assert reconcile(10, None, swaying, own_beat=True) == (10, "hysteresis")
    assert reconcile(10, None, swaying, own_beat=False) == (0, "none")
    assert reconcile(4, None, IRREGULAR, own_beat=True) == (0, "none")  # jumping about: the body moves a lot
    shrug = _model_says("shoulder_shrug")
    assert gate_answer(shrug, swaying, is_hold=False, reps=10).exercise == "shoulder_shrug"
    assert gate_answer(shrug, swaying, is_hold=False, reps=0).exercise is None


def test_periodicity_finds_the_period_and_is_quick() -> None:
    seq = squat_seq(np.tile((1 - np.cos(np.linspace(0, 2 * np.pi, 30, endpoint=False))) / 2, 10))
    p = per.estimate(seq)
    assert p.is_periodic and p.period_s == pytest.approx(2.0, abs=0.15) and p.strength > 0.9


def front_push_ups(n: int, fps: float = 15.0) -> PoseSequence:
    """Push-ups filmed from the front: going down, the shoulders come nearer the camera (wider in the
    image) and the head drops towards the hands; the shoulders hardly move over the wrists in the image."""
    frames = []
    for lv in cycle(n, fps=fps, rep_s=1.6, rest_s=0.8):
        f = front_frame(pelvis=(320.0, 300.0), shoulder_half_px=38 + 14 * lv, leg_drop_px=60, arm_angle=5)
        head = list(range(11))  # the face landmarks: the head comes down and nearer
        f[head] = f[head] + [0.0, 22 * lv]
        frames.append(f)
    return sequence(frames, fps=fps)


def test_front_view_push_ups_are_counted_from_the_whole_body() -> None:
    seq = front_push_ups(8)
    assert _reps("push_up", seq, use_period=False) == 0  # the rep measure barely moves: no reps alone
    assert _reps("push_up", seq) == 8
