"""Procedural workout clips: a 3D kinematic skeleton animated from small per-exercise tables, filmed by a
random camera and corrupted like MediaPipe output. For training the classifier and testing rep counting
and form checks without video.

Every exercise is one or more ``Motion`` rows — a rest pose, keyframes over one rep cycle, tempo,
where the body touches the ground — and one generic animator plays them. The output has exactly the
shape of our pipeline's pose sequences: xy [T, 36, 2] pixels (NaN on frames without a person),
visibility [T, 36], t_s [T], plus ground truth (rep count, per-frame phase, rep boundaries, 3D points).

This module holds the public entry point (``generate`` → ``SynthClip``) and re-exports the rest:
  poses          DOFs and their conventions, ``P()``, contact groups, Solve / Motion / Fault, named poses
  motions        the tables: MOTIONS, BACKGROUND_MOTIONS, FAULTS (+ EXERCISES, BACKGROUND, HOLDS)
  body           Body, random_body, forward kinematics, contact solve, ``place``, heading and travel
  animate        segments and keyframes → DOFs per frame, sway, ground-truth reps and phases
  camera         camera placement and projection, MediaPipe-like visibility and noise
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from analysis.vocab.landmarks import Landmark as L
from analysis.vocab.landmarks import add_derived, add_derived_visibility
from analysis.vocab.types import PoseSequence
from models.synth.animate import animate, dance
from models.synth.body import XFLIP, Body, forward_kinematics, place, random_body, to_world
from models.synth.camera import FRAME_SIZES, corrupt, film, random_yaw
from models.synth.motions import BACKGROUND, BACKGROUND_MOTIONS, EXERCISES, FAULTS, HOLDS, MOTIONS
from models.synth.poses import (
    ARM_STYLES,
    ARMS_CROSSED,
    ARMS_DOWN,
    ARMS_FORWARD,
    BACK_KNEE,
    BAR_BACK,
    DOF,
    DOFS,
    HANDS_CHEST,
    HANDS_HEAD,
    HANDS_HIPS,
    MIRROR33,
    MIRROR_DOF,
    MIRROR_SIGN,
    PLANK_HANDS,
    PRONE_SOLVE,
    STAND,
    WIDE_LEG,
    Fault,
    Motion,
    P,
    Solve,
)

__all__ = [
    "ARM_STYLES",
    "ARMS_CROSSED",
    "ARMS_DOWN",
    "ARMS_FORWARD",
    "BACK_KNEE",
    "BACKGROUND",
    "BACKGROUND_MOTIONS",
    "BAR_BACK",
    "DOF",
    "DOFS",
    "EXERCISES",
    "FAULTS",
    "FRAME_SIZES",
    "HANDS_CHEST",
    "HANDS_HEAD",
    "HANDS_HIPS",
    "HOLDS",
    "MIRROR33",
    "MIRROR_DOF",
    "MIRROR_SIGN",
    "MOTIONS",
    "PLANK_HANDS",
    "PRONE_SOLVE",
    "STAND",
    "UNKNOWN",
    "WIDE_LEG",
    "Body",
    "Fault",
    "Motion",
    "P",
    "Solve",
    "SynthClip",
    "forward_kinematics",
    "generate",
    "place",
    "random_body",
]

UNKNOWN = "unknown"

# ---------------------------------------------------------------------------------------------------------
# The public entry point


@dataclass(frozen=True, eq=False)
class SynthClip:
    exercise: str  # catalog id, or "unknown" for background motion
    motion: str  # the exercise id, or the background kind (walk, dance …)
    xy: np.ndarray  # [T, 36, 2] float32 pixels, NaN on frames without a person
    visibility: np.ndarray  # [T, 36] float32
    z: np.ndarray  # [T, 36] float32, MediaPipe-like depth relative to the hips (negative = nearer)
    t_s: np.ndarray  # [T] float64 seconds
    fps: float
    size: tuple[int, int]  # (w, h)
    reps: int  # ground-truth rep count (0 for holds and background)
    phase: np.ndarray  # [T] float32 fraction through the current rep, NaN outside reps
    rep_index: np.ndarray  # [T] int, −1 outside reps
    rep_frames: tuple[tuple[int, int, int], ...]  # (start, peak, end) frame index per rep
    hold_s: float | None  # seconds held in position (static holds), else None
    faults: tuple[str, ...]
    xyz: np.ndarray  # [T, 36, 3] world metres, y up (labels as in xy: mirrored clips are mirrored here too)
    body: Body
    yaw_deg: float  # camera azimuth relative to where the subject faced at the start (0 front, 90 side)
    mirrored: bool

    def __len__(self) -> int:
        return int(self.xy.shape[0])

    def pose_sequence(self, world: bool = False) -> PoseSequence:
        """The clip as the pipeline's pose; ``world``: with MediaPipe-like world landmarks as well."""
        return PoseSequence(
            xy=self.xy, z=self.z, visibility=self.visibility, t_s=self.t_s,
            frame_index=np.arange(len(self), dtype=np.int64), fps=self.fps, size=self.size,
            world=self.world_landmarks() if world else None,
        )  # fmt: skip

    def world_landmarks(self) -> np.ndarray:
        """[T, 36, 3] metres as MediaPipe's world landmarks: origin between the hips, y down (the camera's
        turn about the vertical, which MediaPipe's axes follow, changes no angle, tilt or height)."""
        world = self.xyz * np.array([1.0, -1.0, 1.0], np.float32)
        hips = world[:, [L.LEFT_HIP, L.RIGHT_HIP]].mean(1, keepdims=True)
        return np.ascontiguousarray(world - hips, np.float32)


def _pick_motion(exercise: str, background: str | None, rng: np.random.Generator) -> tuple[str, Motion]:
    """→ (motion name, one of its rows)."""
    if exercise == UNKNOWN:
        kind = background or str(rng.choice(BACKGROUND))
        if kind not in BACKGROUND_MOTIONS:
            raise KeyError(f"unknown background {kind!r}; expected one of {BACKGROUND}")
        options = BACKGROUND_MOTIONS[kind] or (dance(rng),)
    elif exercise in MOTIONS:
        kind, options = exercise, MOTIONS[exercise]
    else:
        raise KeyError(f"unknown exercise {exercise!r}; expected one of {EXERCISES + (UNKNOWN,)}")
    return kind, options[int(rng.integers(len(options)))]


def generate(
    exercise: str,
    rng: np.random.Generator,
    *,
    fps: float = 15.0,
    faults: Iterable[str] = (),
    n_reps: int | None = None,
    background: str | None = None,
    yaw_deg: float | None = None,
    mirror: bool | None = None,
    partial: bool | None = None,
    frame_size: tuple[int, int] | None = None,
    noise: float = 1.0,
    max_seconds: float = 30.0,
    setup: bool | None = None,
    body: Body | None = None,
) -> SynthClip:
    """One synthetic clip of ``exercise`` (an id in EXERCISES, or "unknown" for background motion).

    faults: names from FAULTS[exercise]. n_reps: exact rep count (default random, trimmed to max_seconds).
    background: for "unknown", one of BACKGROUND (default random). yaw_deg: camera azimuth (0 front,
    90 the subject's left side, ±180 back; default random). mirror: flip the image horizontally (default
    50 %). partial: cut the legs off at the bottom of the frame (default 10 % of standing clips). noise: 0 for
    clean landmarks (no jitter, dropouts or missing frames), 1 typical. setup: show the person getting
    into position from standing (floor exercises and holds only; default 35 %). body: segment lengths
    (default random_body).
    """
    kind, motion = _pick_motion(exercise, background, rng)
    faults = tuple(faults)
    table = FAULTS.get(exercise, {})
    bad = [f for f in faults if f not in table]
    if bad:
        raise KeyError(f"{exercise!r} has no faults {bad}; known: {tuple(table)}")
    body = body or random_body(rng)
    tl = animate(motion, tuple(table[f] for f in faults), rng, fps, n_reps, max_seconds, setup)
    world = to_world(place(tl.q, body, motion, tl.mirrored), tl.moving, rng, fps)  # [T, 33, 3]
    yaw = random_yaw(rng) if yaw_deg is None else float(yaw_deg)
    size = frame_size or FRAME_SIZES[int(rng.integers(len(FRAME_SIZES)))]
    if partial is None:
        partial = motion.posture in ("standing", "hanging") and rng.random() < 0.1
    shot = film(world, rng, yaw, size, partial, body)
    xy, vis = corrupt(shot, rng, noise, fps)
    hips_depth = shot.depth[:, [L.LEFT_HIP, L.RIGHT_HIP]].mean(1, keepdims=True)  # [T, 1]
    z = (shot.depth - hips_depth) * shot.px_per_m / size[0]
    mirror = bool(rng.random() < 0.5) if mirror is None else mirror
    if mirror:
        xy = xy[:, MIRROR33]
        xy[..., 0] = size[0] - xy[..., 0]
        vis, z, world = vis[:, MIRROR33], z[:, MIRROR33], world[:, MIRROR33] * XFLIP
        yaw = -yaw
    return SynthClip(
        exercise=exercise, motion=kind,
        xy=np.ascontiguousarray(add_derived(xy), np.float32),
        visibility=np.ascontiguousarray(add_derived_visibility(vis), np.float32),
        z=np.ascontiguousarray(add_derived(z[..., None])[..., 0], np.float32),
        t_s=np.arange(xy.shape[0], dtype=np.float64) / fps, fps=float(fps), size=size,
        reps=len(tl.rep_frames), phase=tl.phase, rep_index=tl.rep_index, rep_frames=tl.rep_frames,
        hold_s=tl.hold_s, faults=faults, xyz=np.ascontiguousarray(add_derived(world), np.float32), body=body,
        yaw_deg=float((yaw + 180) % 360 - 180), mirrored=mirror,
    )  # fmt: skip
