"""The procedural clip generator: pipeline-shaped output, geometry that makes sense, honest ground truth."""

from __future__ import annotations

import time
from collections.abc import Mapping

import numpy as np
import pytest

from analysis.vocab.landmarks import MIRROR_INDEX, N_JOINTS
from analysis.vocab.landmarks import Landmark as L
from analysis.vocab.types import PoseSequence
from models.synth import generate as synth
from models.synth.animate import _with_faults
from models.synth.body import _NOMINAL, Body, forward_kinematics
from models.synth.motions import MOTIONS
from models.synth.poses import P, pose_vector


def _gen(exercise: str, seed: int = 0, **kw) -> synth.SynthClip:
    return synth.generate(exercise, np.random.default_rng(seed), **kw)


def _angle(xy: np.ndarray, a: int, b: int, c: int) -> np.ndarray:
    """Angle at b (degrees) per frame, from [T, J, D] points."""
    u, v = xy[:, a] - xy[:, b], xy[:, c] - xy[:, b]
    cos = (u * v).sum(-1) / (np.linalg.norm(u, axis=-1) * np.linalg.norm(v, axis=-1))
    return np.degrees(np.arccos(np.clip(cos, -1, 1)))


def _fill(x: np.ndarray) -> np.ndarray:
    ok = np.isfinite(x)
    return np.interp(np.arange(x.size), np.flatnonzero(ok), x[ok])


def _count_cycles(signal: np.ndarray, high: float = 0.6, low: float = 0.3) -> int:
    """Excursions of a [T] signal (normalised to its 2–98 % range) above `high` after dipping below `low`."""
    s = np.convolve(_fill(signal), np.ones(3) / 3, mode="same")
    lo, hi = np.percentile(s, [2, 98])
    s = (s - lo) / (hi - lo)
    count, armed = 0, True
    for v in s[1:-1]:
        if armed and v > high:
            count, armed = count + 1, False
        elif not armed and v < low:
            armed = True
    return count


def _inside(clip: synth.SynthClip) -> np.ndarray:
    x, y = clip.xy[..., 0], clip.xy[..., 1]
    ok = np.isfinite(x)
    w, h = clip.size
    return ((x >= 0) & (x <= w) & (y >= 0) & (y <= h))[ok]


@pytest.mark.parametrize("exercise", [*synth.EXERCISES, synth.UNKNOWN])
def test_every_exercise_generates_pipeline_shaped_output(exercise: str) -> None:
    clip = _gen(exercise, seed=1)
    t = len(clip)
    assert t > 15 * 3
    assert clip.xy.shape == (t, N_JOINTS, 2) and clip.xy.dtype == np.float32
    assert clip.visibility.shape == (t, N_JOINTS) and clip.visibility.dtype == np.float32
    assert clip.t_s.shape == (t,) and np.allclose(np.diff(clip.t_s), 1 / 15)
    assert clip.phase.shape == (t,) and clip.rep_index.shape == (t,)
    assert clip.xyz.shape == (t, N_JOINTS, 3)
    assert ((clip.visibility >= 0) & (clip.visibility <= 1)).all()
    missing = np.isnan(clip.xy[:, 0, 0])
    assert np.isnan(clip.xy[missing]).all() and (clip.visibility[missing] == 0).all()
    assert np.isfinite(clip.xy[~missing]).all()
    # derived joints follow the BlazePose ones
    neck = (clip.xy[~missing, L.LEFT_SHOULDER] + clip.xy[~missing, L.RIGHT_SHOULDER]) / 2
    assert np.allclose(clip.xy[~missing, L.NECK], neck, atol=1e-3)
    if exercise == synth.UNKNOWN:
        assert clip.reps == 0 and clip.motion in synth.BACKGROUND
    elif exercise in synth.HOLDS:
        assert clip.reps == 0 and clip.hold_s is not None and clip.hold_s > 3
    else:
        assert clip.reps >= 1 and clip.hold_s is None
        assert len(clip.rep_frames) == clip.reps == int(clip.rep_index.max()) + 1
        assert all(s < p < e for s, p, e in clip.rep_frames)
        inside = clip.rep_index >= 0
        assert np.isfinite(clip.phase[inside]).all() and np.isnan(clip.phase[~inside]).all()


@pytest.mark.parametrize("kind", synth.BACKGROUND)
def test_every_background_motion_generates(kind: str) -> None:
    clip = _gen(synth.UNKNOWN, seed=2, background=kind, partial=False)
    assert clip.exercise == synth.UNKNOWN and clip.motion == kind and clip.reps == 0
    assert _inside(clip).mean() > 0.9


def test_pose_sequence_view() -> None:
    clip = _gen("squat")
    seq = clip.pose_sequence()
    assert isinstance(seq, PoseSequence) and len(seq) == len(clip) and seq.size == clip.size
    assert seq.z.shape == (len(clip), N_JOINTS)
    assert seq.world is None


def test_world_landmarks_are_metres_between_the_hips_with_y_down() -> None:
    """As MediaPipe gives them: origin between the hips, y pointing down, metres."""
    clip = _gen("squat", noise=0.0)
    world = clip.pose_sequence(world=True).world
    assert world is not None and world.shape == clip.xyz.shape
    assert np.allclose(world[:, [L.LEFT_HIP, L.RIGHT_HIP]].mean(1), 0.0, atol=1e-5)
    assert (world[:, L.NOSE, 1] < world[:, L.LEFT_ANKLE, 1] - 0.5).all()  # the head well above the feet
    shin = np.linalg.norm(world[:, L.LEFT_KNEE] - world[:, L.LEFT_ANKLE], axis=-1)
    assert np.allclose(shin, clip.body.shank, atol=1e-3)


def test_a_fault_at_some_key_phases_changes_those_keys_only() -> None:
    """A rower's arms pulling early bend the elbows at the drive's key (0.22), not at the finish's."""
    motion = MOTIONS["rowing_machine"][0]
    fault = synth.FAULTS["rowing_machine"]["arms_early"]
    _, phases, clean = _with_faults(motion, ())
    _, _, faulty = _with_faults(motion, (fault,))
    changed = [float(p) for p, a, b in zip(phases, clean, faulty, strict=True) if not np.allclose(a, b)]
    assert fault.at and changed == list(fault.at)


def test_joints_are_mostly_inside_the_frame() -> None:
    rng = np.random.default_rng(5)
    fractions = []
    for i in range(40):
        exercise = synth.EXERCISES[i % len(synth.EXERCISES)]
        fractions.append(_inside(synth.generate(exercise, rng, partial=False)).mean())
    assert np.mean(fractions) > 0.97
    assert min(fractions) > 0.85


def test_partial_framing_cuts_the_legs_off() -> None:
    clip = _gen("squat", seed=3, partial=True, noise=0)
    h = clip.size[1]
    assert (clip.xy[:, [L.LEFT_ANKLE, L.RIGHT_ANKLE], 1] > h).mean() > 0.8
    assert (clip.xy[:, [L.LEFT_SHOULDER, L.RIGHT_SHOULDER], 1] < h).all()
    assert clip.visibility[:, [L.LEFT_ANKLE, L.RIGHT_ANKLE]].mean() < 0.4


# exercise, (a, b, c) angle at b on both sides, camera yaw, whether the angle grows during a rep
MAIN_ANGLE = [
    ("squat", (L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE), 80.0, False),
    ("push_up", (L.LEFT_SHOULDER, L.LEFT_ELBOW, L.LEFT_WRIST), 90.0, False),
    ("biceps_curl", (L.LEFT_SHOULDER, L.LEFT_ELBOW, L.LEFT_WRIST), 70.0, False),
    ("pull_up", (L.LEFT_SHOULDER, L.LEFT_ELBOW, L.LEFT_WRIST), 10.0, False),
    ("lunge_forward", (L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE), 90.0, False),
    ("jumping_jack", (L.LEFT_HIP, L.LEFT_SHOULDER, L.LEFT_WRIST), 0.0, True),
    ("lateral_raise", (L.LEFT_HIP, L.LEFT_SHOULDER, L.LEFT_ELBOW), 0.0, True),
    ("deadlift", (L.LEFT_SHOULDER, L.LEFT_HIP, L.LEFT_KNEE), 90.0, False),
    ("knee_up", (L.LEFT_SHOULDER, L.LEFT_HIP, L.LEFT_KNEE), 60.0, False),
    ("high_knees", (L.LEFT_SHOULDER, L.LEFT_HIP, L.LEFT_KNEE), 90.0, False),
    ("front_raise", (L.LEFT_HIP, L.LEFT_SHOULDER, L.LEFT_WRIST), 90.0, True),
    ("dips", (L.LEFT_SHOULDER, L.LEFT_ELBOW, L.LEFT_WRIST), 90.0, False),
    ("crunch", (L.LEFT_SHOULDER, L.LEFT_HIP, L.LEFT_KNEE), 90.0, False),
]


@pytest.mark.parametrize(("exercise", "joints", "yaw", "grows"), MAIN_ANGLE)
def test_rep_count_equals_cycles_of_the_main_joint_angle(
    exercise: str, joints: tuple[int, int, int], yaw: float, grows: bool
) -> None:
    mirrored = tuple(int(MIRROR_INDEX[j]) for j in joints)
    for seed in range(5):
        # a quarter of the usual noise: long runs of missing frames can hide a whole fast rep
        clip = _gen(exercise, seed=seed, yaw_deg=yaw, partial=False, mirror=False, noise=0.25, setup=False)
        sides = np.stack([_angle(clip.xy, *joints), _angle(clip.xy, *mirrored)])  # [2, T]
        # the more active side: alternating exercises move one side per rep
        signal = np.fmax(*sides) if grows else -np.fmin(*sides)
        assert _count_cycles(signal) == clip.reps, (exercise, seed)
        # and the labelled peak of each rep is near the extreme of the movement
        s = _fill(signal)
        s = (s - s.min()) / np.ptp(s)
        assert all(s[p] > 0.5 for _, p, _ in clip.rep_frames), (exercise, seed)


def test_body_proportions_are_plausible_and_rigid() -> None:
    rng = np.random.default_rng(7)
    for exercise in ("squat", "push_up", "jumping_jack", "pull_up", "crunch"):
        clip = synth.generate(exercise, rng, noise=0)
        p = clip.xyz.astype(np.float64)

        def seg(a: int, b: int, p: np.ndarray = p) -> np.ndarray:
            return np.linalg.norm(p[:, a] - p[:, b], axis=-1)

        upper, fore = seg(L.LEFT_SHOULDER, L.LEFT_ELBOW), seg(L.LEFT_ELBOW, L.LEFT_WRIST)
        thigh, shank = seg(L.LEFT_HIP, L.LEFT_KNEE), seg(L.LEFT_KNEE, L.LEFT_ANKLE)
        shoulders, hips = seg(L.LEFT_SHOULDER, L.RIGHT_SHOULDER), seg(L.LEFT_HIP, L.RIGHT_HIP)
        torso = seg(L.NECK, L.PELVIS)
        for length in (upper, fore, thigh, shank, hips):
            assert np.ptp(length) < 1e-6  # rigid segments
        assert 1.0 < upper.mean() / fore.mean() < 1.45
        assert 0.85 < thigh.mean() / shank.mean() < 1.2
        assert 1.5 < shoulders.mean() / hips.mean() < 2.6
        assert 0.9 < torso.mean() / thigh.mean() < 1.5
        assert 1.2 < clip.body.height / (thigh.mean() + shank.mean()) < 2.4
        assert np.isclose(upper.mean(), seg(L.RIGHT_SHOULDER, L.RIGHT_ELBOW).mean())  # symmetric


def test_side_and_front_cameras_see_different_shoulder_widths() -> None:
    def width(yaw: float) -> float:
        clip = _gen("biceps_curl", seed=4, yaw_deg=yaw, noise=0)
        shoulders = np.linalg.norm(clip.xy[:, L.LEFT_SHOULDER] - clip.xy[:, L.RIGHT_SHOULDER], axis=-1)
        torso = np.linalg.norm(clip.xy[:, L.NECK] - clip.xy[:, L.PELVIS], axis=-1)
        return float(np.nanmedian(shoulders / torso))

    front, side = width(0.0), width(90.0)
    assert front > 0.55 and side < 0.25


def test_front_view_puts_the_left_shoulder_on_the_image_right_and_mirroring_swaps_labels() -> None:
    plain = _gen("squat", seed=6, yaw_deg=0.0, mirror=False)
    flipped = _gen("squat", seed=6, yaw_deg=0.0, mirror=True)
    ok = np.isfinite(plain.xy[:, 0, 0])
    assert (plain.xy[ok, L.LEFT_SHOULDER, 0] > plain.xy[ok, L.RIGHT_SHOULDER, 0]).mean() > 0.95
    # a mirrored video of someone facing the camera shows someone facing the camera: MediaPipe labels by
    # anatomy, so the left shoulder stays on the image right, but it is the other arm
    assert (flipped.xy[ok, L.LEFT_SHOULDER, 0] > flipped.xy[ok, L.RIGHT_SHOULDER, 0]).mean() > 0.95
    w = plain.size[0]
    swapped = flipped.xy[:, MIRROR_INDEX]
    assert np.allclose(swapped[ok, :, 0], w - plain.xy[ok, :, 0], atol=1e-3)
    assert np.allclose(swapped[ok, :, 1], plain.xy[ok, :, 1], atol=1e-3)
    assert np.allclose(flipped.visibility[:, MIRROR_INDEX], plain.visibility)
    assert np.allclose(flipped.xyz[:, MIRROR_INDEX, 0], -plain.xyz[:, :, 0], atol=1e-5)
    assert flipped.mirrored and not plain.mirrored


def test_same_seed_same_clip_and_different_seed_different_clip() -> None:
    a, b, c = _gen("lunge_forward", seed=11), _gen("lunge_forward", seed=11), _gen("lunge_forward", seed=12)
    assert np.array_equal(a.xy, b.xy, equal_nan=True) and np.array_equal(a.visibility, b.visibility)
    assert a.rep_frames == b.rep_frames and a.size == b.size
    assert a.xy.shape != c.xy.shape or not np.array_equal(a.xy, c.xy, equal_nan=True)


def test_exact_rep_count_and_frame_rate_are_honoured() -> None:
    clip = _gen("squat", seed=8, n_reps=5, fps=30.0)
    assert clip.reps == 5 and clip.fps == 30.0 and np.allclose(np.diff(clip.t_s), 1 / 30)


def test_noise_free_clips_have_no_missing_frames() -> None:
    clip = _gen("push_up", seed=9, noise=0)
    assert np.isfinite(clip.xy).all()


def _peak_values(clip: synth.SynthClip, f) -> np.ndarray:
    return np.array([f(clip.xyz[p]) for _, p, _ in clip.rep_frames])


def test_squat_faults() -> None:
    def knee_angle(p: np.ndarray) -> float:
        return float(_angle(p[None], L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE)[0])

    def knee_gap(p: np.ndarray) -> float:  # knee separation relative to ankle separation
        knees, ankles = p[[L.LEFT_KNEE, L.RIGHT_KNEE], 0], p[[L.LEFT_ANKLE, L.RIGHT_ANKLE], 0]
        return float(abs(knees[0] - knees[1]) / abs(ankles[0] - ankles[1]))

    good = _gen("squat", seed=10, noise=0)
    shallow = _gen("squat", seed=10, noise=0, faults=("shallow",))
    caving = _gen("squat", seed=10, noise=0, faults=("knees_in",))
    assert _peak_values(shallow, knee_angle).min() > _peak_values(good, knee_angle).max() + 20
    assert _peak_values(caving, knee_gap).max() < _peak_values(good, knee_gap).min()
    assert shallow.faults == ("shallow",)


def test_push_up_hip_faults() -> None:
    def hip_offset(p: np.ndarray) -> float:
        """Height of the hip above the shoulder–ankle line, in metres (negative: sagging)."""
        s, h, a = p[L.LEFT_SHOULDER, 1:], p[L.LEFT_HIP, 1:], p[L.LEFT_ANKLE, 1:]  # (y, z)
        d = s - a
        return float((d[1] * (h - a)[0] - d[0] * (h - a)[1]) / np.linalg.norm(d) * np.sign(d[1]))

    def offsets(fault: tuple[str, ...]) -> np.ndarray:
        clip = _gen("push_up", seed=12, noise=0, faults=fault)
        return np.array([hip_offset(clip.xyz[s]) for s, _, _ in clip.rep_frames])

    good, sag, pike = offsets(()), offsets(("hips_sag",)), offsets(("hips_piked",))
    assert np.abs(good).max() < 0.05
    assert sag.max() < -0.05
    assert pike.min() > 0.1


def test_unknown_faults_are_refused() -> None:
    with pytest.raises(KeyError):
        _gen("squat", faults=("hips_sag",))
    with pytest.raises(KeyError):
        _gen("not_an_exercise")


def test_generator_is_fast() -> None:
    rng = np.random.default_rng(13)
    start = time.perf_counter()
    for i in range(60):
        synth.generate(synth.EXERCISES[i % len(synth.EXERCISES)], rng)
    assert time.perf_counter() - start < 6.0  # ≥ 600 clips a minute even on a busy shared core


def _nominal_points(pose: Mapping[str, float]) -> np.ndarray:
    """A pose of the motion tables on a 1.75 m body of nominal proportions → 33 points [33, 3] (m, y up)."""
    return forward_kinematics(pose_vector(pose)[None], Body(height=1.75, **_NOMINAL))[0]


def test_planted_feet_keep_their_stance_width() -> None:
    """Feet planted on the floor cannot slide together or apart: in every standing exercise with both feet
    fixed (no contact solve moving a leg), each key pose keeps the ankles' side-to-side distance of the rest
    pose within 15 cm (a squat's knees go out over the feet; they do not pull the feet in)."""
    def stance(pose: dict[str, float]) -> float:
        pts = _nominal_points(pose)
        return float(abs(pts[L.LEFT_ANKLE, 0] - pts[L.RIGHT_ANKLE, 0]))

    checked = []
    for name, motions in MOTIONS.items():
        for m in motions:
            if m.posture != "standing" or m.fixed != "feet" or m.solve is not None:
                continue
            rest = stance(m.base)
            for phase, key in m.keys:
                assert abs(stance(P(m.base, **key)) - rest) < 0.15, (name, phase)
            checked.append(name)
    assert "squat" in checked and "deadlift" in checked


def test_dips_sink_the_body_between_the_hands() -> None:
    """A full dip lowers the body by about half a torso between the fixed hands (upper arms near level);
    the real dips clips in ../shared move 0.5–1.0 torso lengths."""
    from analysis.vocab.normalize import torso_length

    for seed in range(3):
        clip = _gen("dips", seed=seed, noise=0)
        rel = (clip.xy[:, L.LEFT_WRIST, 1] - clip.xy[:, L.PELVIS, 1]) / torso_length(clip.xy)  # [T]
        assert np.percentile(rel, 95) - np.percentile(rel, 5) > 0.4


def test_some_squats_swing_the_arms_forward_on_the_way_down() -> None:
    """Bodyweight squats filmed from the front often raise the arms to shoulder height as a counterbalance:
    one squat row starts with the hands below the hips and ends its key pose with them at shoulder height."""
    swinging = []
    for m in MOTIONS["squat"]:
        rest, bottom = _nominal_points(m.base), _nominal_points(P(m.base, **m.keys[0][1]))
        hands_low = rest[L.LEFT_WRIST, 1] < rest[L.LEFT_HIP, 1] + 0.05
        hands_up = bottom[L.LEFT_WRIST, 1] > bottom[L.LEFT_SHOULDER, 1] - 0.1
        swinging.append(hands_low and hands_up)
    assert any(swinging) and not all(swinging)
