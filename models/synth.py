"""Procedural workout clips: a 3D kinematic skeleton animated from small per-exercise tables, filmed by a
random camera and corrupted like MediaPipe output. For training the classifier and testing rep counting
and form checks without video.

Every exercise is one or more ``Motion`` rows — a rest pose, keyframes over one rep cycle, tempo,
where the body touches the ground — and one generic animator plays them. The output has exactly the
shape of our pipeline's pose sequences: xy [T, 36, 2] pixels (NaN on frames without a person),
visibility [T, 36], t_s [T], plus ground truth (rep count, per-frame phase, rep boundaries, 3D points).

Conventions of the canonical body frame (metres): x = the subject's left, y = up, z = where the subject
faces; the floor is y = 0. Joint angles are in degrees:

    pitch        whole body tipped forward (+90 prone, −90 supine); roll: tilt to the left
    spine_flex   trunk bent forward at the pelvis; spine_lat: bent to the left; spine_twist: chest to the left
    neck_flex    chin down; shrug: shoulders raised (metres)
    sh_flex      arm raised forward; sh_abd: arm raised sideways; sh_rot: external rotation
                 (with the arm out sideways and the elbow bent 90°, the forearm points up)
    elbow, knee  flexion; ankle: plantar flexion (toes pointed down)
    hip_flex     thigh raised forward; hip_abd: leg out sideways; hip_rot: external rotation (toes out)
    tx, tz       pelvis shift (m); lift: the whole body raised off its support (jumps, stepping up)
    solve_w      0..1: how much the Solve rule of the row (ground contact) overrides the keyframes

Names without a side (``knee``) mean both sides (``knee_l`` and ``knee_r``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from analysis.landmarks import (
    MIRROR_INDEX,
    N_MEDIAPIPE,
    add_derived,
    add_derived_visibility,
)
from analysis.landmarks import Landmark as L
from analysis.types import PoseSequence

UNKNOWN = "unknown"

# ---------------------------------------------------------------------------------------------------------
# Degrees of freedom

_SIDED = ("sh_flex", "sh_abd", "sh_rot", "elbow", "hip_flex", "hip_abd", "hip_rot", "knee", "ankle")
DOFS: tuple[str, ...] = (
    "pitch", "roll", "tx", "tz", "lift",
    "spine_flex", "spine_lat", "spine_twist", "neck_flex", "shrug",
    *(f"{n}_{s}" for s in "lr" for n in _SIDED),
    "solve_w",
)  # fmt: skip
DOF = {name: i for i, name in enumerate(DOFS)}
_LATERAL = ("roll", "tx", "spine_lat", "spine_twist")  # change sign when the body is mirrored
_UNSCALED = ("solve_w",)  # not scaled by range of motion


def _mirror_dofs() -> tuple[np.ndarray, np.ndarray]:
    perm = np.arange(len(DOFS))
    for name, i in DOF.items():
        if name.endswith(("_l", "_r")):
            perm[i] = DOF[name[:-1] + ("r" if name.endswith("_l") else "l")]
    sign = np.array([-1.0 if n in _LATERAL else 1.0 for n in DOFS])
    return perm, sign


MIRROR_DOF, MIRROR_SIGN = _mirror_dofs()
MIRROR33 = MIRROR_INDEX[:N_MEDIAPIPE]


def P(*parents: Mapping[str, float], **angles: float) -> dict[str, float]:
    """A pose (DOF overrides): parents merged in order, then ``angles``; side-less names mean both sides."""
    out: dict[str, float] = {}
    for d in (*parents, angles):
        for name, v in d.items():
            names = [f"{name}_l", f"{name}_r"] if name in _SIDED else [name]
            for n in names:
                if n not in DOF:
                    raise KeyError(f"unknown degree of freedom {n!r}")
                out[n] = float(v)
    return out


def _vector(pose: Mapping[str, float], base: np.ndarray | None = None) -> np.ndarray:
    v = np.zeros(len(DOFS)) if base is None else base.copy()
    for n, x in pose.items():
        v[DOF[n]] = x
    return v


# ---------------------------------------------------------------------------------------------------------
# Contact groups (indices into the 33 BlazePose landmarks)

_GROUP_INDEX: dict[str, tuple[int, ...]] = {
    "all": tuple(range(N_MEDIAPIPE)),
    "feet": (L.LEFT_ANKLE, L.RIGHT_ANKLE, L.LEFT_HEEL, L.RIGHT_HEEL, L.LEFT_FOOT_INDEX, L.RIGHT_FOOT_INDEX),
    "foot_l": (L.LEFT_ANKLE, L.LEFT_HEEL, L.LEFT_FOOT_INDEX),
    "foot_r": (L.RIGHT_ANKLE, L.RIGHT_HEEL, L.RIGHT_FOOT_INDEX),
    "hands": tuple(range(L.LEFT_WRIST, L.RIGHT_THUMB + 1)),
    "hand_l": (L.LEFT_WRIST, L.LEFT_PINKY, L.LEFT_INDEX, L.LEFT_THUMB),
    "hand_r": (L.RIGHT_WRIST, L.RIGHT_PINKY, L.RIGHT_INDEX, L.RIGHT_THUMB),
    "wrists": (L.LEFT_WRIST, L.RIGHT_WRIST),
    "elbows": (L.LEFT_ELBOW, L.RIGHT_ELBOW),
    "knees": (L.LEFT_KNEE, L.RIGHT_KNEE),
    "hips": (L.LEFT_HIP, L.RIGHT_HIP),
    "back": (L.LEFT_SHOULDER, L.RIGHT_SHOULDER, L.LEFT_HIP, L.RIGHT_HIP),
}


def _mask(group: str) -> np.ndarray:
    m = np.zeros(N_MEDIAPIPE, bool)
    m[list(_GROUP_INDEX[group])] = True
    return m


# ---------------------------------------------------------------------------------------------------------
# The data: one or more Motion rows per exercise


@dataclass(frozen=True)
class Solve:
    """Per frame, set ``dofs`` (one value) so that the lowest point of ``low`` is ``gap`` m above the
    lowest point of ``high`` (both hands and feet on the floor in a push-up, say). Bisection in [lo, hi]."""

    dofs: tuple[str, ...]
    low: str
    high: str
    lo: float
    hi: float
    gap: float = 0.0


@dataclass(frozen=True)
class Motion:
    posture: str  # standing | prone | supine | hanging | seated (documentation, camera framing)
    base: Mapping[str, float]  # rest pose: start/end of each rep, idle, the hold of static exercises
    keys: tuple[tuple[float, Mapping[str, float]], ...] = ()  # (phase in (0, 1), overrides of base)
    tempo: tuple[float, float] = (1.5, 3.0)  # seconds per rep
    reps: tuple[int, int] = (3, 12)
    floor: str = "feet"  # group whose lowest point rests at `height` (m)
    height: float = 0.0
    fixed: str | None = "feet"  # group whose horizontal position stays put (None: the pelvis does)
    solve: Solve | None = None
    alternate: bool = False  # every other rep is mirrored (left leg, right leg …)
    counted: bool = True  # cycles are reps (False: background motion)
    hold: bool = False  # static: hold the base pose
    travel: float = 0.0  # metres moved along the heading per cycle
    styles: tuple[Mapping[str, float], ...] = ()  # alternative overlays (arm positions …), one picked
    rest_prob: float = 0.25  # chance of a pause between reps

    @property
    def peak(self) -> float:
        """Key phase of the largest deviation from the base pose (the 'bottom' of a rep)."""
        if not self.keys:
            return 0.5
        base = _vector(self.base)
        dev = [np.abs(_vector(k, base) - base)[:-1].sum() for _, k in self.keys]
        return float(self.keys[int(np.argmax(dev))][0])


@dataclass(frozen=True)
class Fault:
    """Faulty form as data: scale the keyframe deviation of some DOFs, add to the keyframes, or add to
    everything (the rest pose too)."""

    scale: Mapping[str, float] = field(default_factory=dict)
    add_keys: Mapping[str, float] = field(default_factory=dict)
    add_all: Mapping[str, float] = field(default_factory=dict)


STAND = P(sh_abd=8, elbow=12, hip_abd=4, hip_rot=8, knee=3)
ARMS_DOWN = P(sh_flex=0, sh_abd=8, sh_rot=0, elbow=12)
HANDS_HIPS = P(sh_flex=-10, sh_abd=40, sh_rot=-20, elbow=100)
HANDS_CHEST = P(sh_flex=25, sh_abd=20, sh_rot=0, elbow=140)
HANDS_HEAD = P(sh_flex=-5, sh_abd=100, sh_rot=90, elbow=150)
ARMS_FORWARD = P(sh_flex=85, sh_abd=5, sh_rot=0, elbow=5)
ARMS_CROSSED = P(sh_flex=35, sh_abd=-12, sh_rot=0, elbow=115)
BAR_BACK = P(sh_flex=-10, sh_abd=80, sh_rot=90, elbow=115)
PLANK_HANDS = P(pitch=70, sh_flex=75, sh_abd=8, sh_rot=0, elbow=0, hip_abd=4, knee=0, ankle=0, solve_w=1)
PRONE_SOLVE = Solve(("pitch",), "hands", "feet", 10.0, 115.0)  # hands and feet on the floor
BACK_KNEE = Solve(("knee_r",), "foot_r", "foot_l", 0.0, 150.0)  # lunges: both feet on the floor
WIDE_LEG = Solve(("hip_abd_r",), "foot_r", "foot_l", -10.0, 85.0)  # side lunge: the straight leg slides out
ARM_STYLES = (ARMS_DOWN, HANDS_HIPS, HANDS_CHEST, ARMS_CROSSED)

_M = Motion
MOTIONS: dict[str, tuple[Motion, ...]] = {
    "squat": (
        _M("standing", P(STAND, hip_abd=12, hip_rot=18),
           ((0.5, P(hip_flex=95, knee=115, spine_flex=35)),), tempo=(1.6, 3.6),
           styles=(ARMS_FORWARD, HANDS_CHEST, BAR_BACK, HANDS_HIPS)),
    ),
    "push_up": (
        _M("prone", PLANK_HANDS, ((0.5, P(sh_flex=30, sh_abd=40, elbow=110)),), tempo=(1.2, 3.0),
           floor="all", fixed="hands", solve=PRONE_SOLVE),
    ),
    "knee_push_up": (
        _M("prone", P(PLANK_HANDS, knee=100, hip_flex=10, ankle=40),
           ((0.5, P(sh_flex=30, sh_abd=40, elbow=110)),), tempo=(1.2, 3.0), floor="all", fixed="hands",
           solve=Solve(("pitch",), "hands", "knees", 10.0, 115.0)),
    ),
    "lunge_forward": (
        _M("standing", STAND, ((0.5, P(hip_flex_l=85, knee_l=95, hip_flex_r=-20, knee_r=70, ankle_r=45,
                                       spine_flex=5)),),
           tempo=(1.8, 3.6), fixed="foot_r", alternate=True, solve=BACK_KNEE,
           styles=(HANDS_HIPS, ARMS_DOWN, HANDS_CHEST)),
    ),
    "lunge_backward": (
        _M("standing", STAND, ((0.5, P(hip_flex_l=85, knee_l=95, hip_flex_r=-20, knee_r=70, ankle_r=45,
                                       spine_flex=5)),),
           tempo=(1.8, 3.6), fixed="foot_l", alternate=True, solve=BACK_KNEE,
           styles=(HANDS_HIPS, ARMS_DOWN, HANDS_CHEST)),
    ),
    "side_lunge": (
        _M("standing", P(STAND, hip_abd=22, hip_rot=15, solve_w=1),
           ((0.5, P(hip_flex_l=75, hip_abd_l=30, knee_l=100, spine_flex=35, knee_r=0, hip_flex_r=5)),),
           tempo=(1.8, 3.6), fixed="feet", alternate=True,
           solve=WIDE_LEG, styles=(HANDS_CHEST, ARMS_FORWARD, HANDS_HIPS)),
    ),
    "plank": (
        _M("prone", P(pitch=80, sh_flex=85, sh_abd=10, elbow=90, hip_abd=4, solve_w=1), hold=True,
           floor="all", fixed="elbows", solve=Solve(("pitch",), "elbows", "feet", 10, 115)),
        _M("prone", PLANK_HANDS, hold=True, floor="all", fixed="hands", solve=PRONE_SOLVE),
    ),
    "jumping_jack": (
        _M("standing", STAND,
           ((0.25, P(sh_abd=95, hip_abd=14, lift=0.10)), (0.5, P(sh_abd=170, hip_abd=24, elbow=15)),
            (0.75, P(sh_abd=95, hip_abd=14, lift=0.10))), tempo=(0.8, 1.5), reps=(6, 25), fixed=None,
           rest_prob=0.05),
    ),
    "biceps_curl": (
        _M("standing", P(STAND, sh_rot=25, elbow=8), ((0.5, P(elbow=140, sh_flex=12)),)),
        _M("standing", P(STAND, sh_rot=25, elbow=8), ((0.5, P(elbow_l=140, sh_flex_l=12)),), alternate=True),
    ),
    "overhead_press": (
        _M("standing", P(STAND, sh_flex=10, sh_abd=80, sh_rot=90, elbow=105),
           ((0.5, P(sh_abd=168, elbow=8)),)),
    ),
    "pull_up": (
        _M("hanging", P(sh_flex=10, sh_abd=165, sh_rot=90, elbow=5, hip_flex=15, knee=35),
           ((0.5, P(sh_abd=55, elbow=135, hip_flex=25)),), tempo=(1.8, 3.5), reps=(2, 10),
           floor="wrists", height=2.25, fixed="wrists"),
    ),
    "burpee": (
        _M("standing", STAND,
           ((0.15, P(hip_flex=115, knee=130, spine_flex=65, sh_flex=65, elbow=0)),
            (0.35, P(PLANK_HANDS)),
            (0.5, P(PLANK_HANDS, pitch=80, sh_flex=35, sh_abd=35, elbow=100)),
            (0.62, P(PLANK_HANDS)),
            (0.75, P(hip_flex=115, knee=130, spine_flex=65, sh_flex=65, elbow=0)),
            (0.88, P(lift=0.25, sh_flex=170, sh_abd=10, elbow=5, knee=5))),
           tempo=(2.5, 5.0), reps=(2, 8), floor="all", fixed=None, solve=PRONE_SOLVE),
    ),
    "knee_up": (
        _M("standing", STAND, ((0.5, P(hip_flex_l=95, knee_l=100)),), tempo=(0.9, 2.0), fixed="foot_r",
           alternate=True, styles=(HANDS_HIPS, ARMS_DOWN, HANDS_HEAD, ARMS_FORWARD)),
    ),
    "side_crunch": (
        _M("standing", P(STAND, HANDS_HEAD, hip_abd=8),
           ((0.5, P(hip_flex_l=45, hip_abd_l=50, hip_rot_l=35, knee_l=95, spine_lat=25, sh_abd_l=85)),),
           tempo=(1.0, 2.2), fixed="foot_r", alternate=True),
    ),
    "dips": (
        _M("hanging", P(sh_flex=-5, sh_abd=12, elbow=3, hip_flex=15, knee=75),
           ((0.5, P(sh_flex=-50, elbow=95, spine_flex=15)),), tempo=(1.5, 3.0), floor="wrists", height=1.15,
           fixed="wrists"),
    ),
    "crunch": (
        _M("supine", P(pitch=-90, hip_flex=45, knee=95, solve_w=1),
           ((0.5, P(spine_flex=35, neck_flex=15)),), tempo=(1.2, 2.6), floor="all", fixed="hips",
           solve=Solve(("hip_flex_l", "hip_flex_r"), "feet", "hips", 5, 110, gap=-0.1),
           styles=(HANDS_HEAD, ARMS_CROSSED, P(sh_flex=20, elbow=5))),
    ),
    "deadlift": (
        _M("standing", P(STAND, sh_abd=6, elbow=0, hip_abd=6),
           ((0.5, P(spine_flex=55, hip_flex=45, knee=50, sh_flex=55)),), tempo=(2.0, 4.0)),
    ),
    "front_raise": (
        _M("standing", P(STAND, sh_abd=5, elbow=5), ((0.5, P(sh_flex=90)),)),
        _M("standing", P(STAND, sh_abd=5, elbow=5), ((0.5, P(sh_flex_l=90)),), alternate=True),
    ),
    "lateral_raise": (
        _M("standing", P(STAND, sh_abd=10, elbow=15), ((0.5, P(sh_abd=88)),)),
    ),
    "russian_twist": (
        _M("seated", P(pitch=-40, spine_flex=10, hip_flex=100, knee=95, sh_flex=55, sh_abd=-15, elbow=70),
           ((0.5, P(spine_twist=45)),), tempo=(0.7, 1.5), reps=(8, 24), floor="all", fixed="hips",
           alternate=True, rest_prob=0.05),
    ),
    "high_knees": (
        _M("standing", P(STAND, sh_flex=10, elbow=85),
           ((0.5, P(hip_flex_l=85, knee_l=95, sh_flex_r=45, sh_flex_l=-25, lift=0.04)),), tempo=(0.4, 0.7),
           reps=(10, 40), fixed="foot_r", alternate=True, rest_prob=0.02),
    ),
    "good_morning": (
        _M("standing", P(STAND, BAR_BACK, hip_abd=8), ((0.5, P(spine_flex=75, hip_flex=8, knee=15)),),
           tempo=(2.0, 4.0)),
    ),
    "bench_press": (
        _M("supine", P(pitch=-90, sh_flex=90, sh_abd=10, elbow=0, hip_flex=-25, hip_abd=15, knee=85),
           ((0.5, P(sh_flex=-5, sh_abd=65, elbow=95)),), floor="back", height=0.45, fixed="back"),
    ),
    "wall_sit": (
        _M("standing", P(STAND, hip_flex=90, knee=90, hip_abd=8), hold=True,
           styles=(ARMS_DOWN, ARMS_CROSSED, P(sh_flex=70, elbow=10), P(sh_flex=20, elbow=80))),
    ),
    "step_up": (
        _M("standing", STAND,
           ((0.25, P(hip_flex_l=70, knee_l=90)), (0.5, P(hip_flex_r=20, knee_r=45, lift=0.3)),
            (0.75, P(hip_flex_l=70, knee_l=90))), tempo=(1.8, 3.6), fixed="foot_l", alternate=True,
           styles=(ARMS_DOWN, HANDS_HIPS)),
    ),
    "v_up": (
        _M("supine", P(pitch=-90, sh_flex=170, elbow=5, ankle=30),
           ((0.5, P(spine_flex=55, hip_flex=65, sh_flex=95, neck_flex=10)),), tempo=(1.5, 3.0), floor="all",
           fixed="hips"),
    ),
    "shoulder_shrug": (
        _M("standing", P(STAND, elbow=3, sh_abd=6), ((0.5, P(shrug=0.06, neck_flex=-5)),), tempo=(1.0, 2.2)),
    ),
    "bear_crawl": (
        _M("prone", P(pitch=80, sh_flex=85, sh_abd=8, hip_flex=95, knee=95, solve_w=1),
           ((0.5, P(sh_flex_l=105, hip_flex_r=112, knee_r=105)),), tempo=(0.5, 1.0), reps=(6, 20),
           floor="all", fixed=None, alternate=True, travel=0.25, solve=PRONE_SOLVE, rest_prob=0.05),
    ),
    "renegade_row": (
        _M("prone", P(PLANK_HANDS, hip_abd=12),
           ((0.5, P(sh_flex_l=10, sh_abd_l=10, elbow_l=110, spine_twist=12)),), tempo=(1.6, 3.0),
           floor="all", fixed="hand_r", alternate=True, solve=PRONE_SOLVE),
    ),
    "triceps_pushdown": (
        _M("standing", P(STAND, spine_flex=15, sh_flex=15, sh_abd=5, elbow=100), ((0.5, P(elbow=5)),),
           tempo=(1.3, 2.8)),
    ),
}  # fmt: skip

BACKGROUND_MOTIONS: dict[str, tuple[Motion, ...]] = {
    "walk": (
        _M("standing", STAND,
           ((0.25, P(hip_flex_l=18, knee_l=45, hip_flex_r=-8, knee_r=8, sh_flex_l=-15, sh_flex_r=18)),
            (0.5, P(hip_flex_l=25, knee_l=5, hip_flex_r=-15, knee_r=10, sh_flex_l=-20, sh_flex_r=22)),
            (0.75, P(hip_flex_l=10, knee_l=8, hip_flex_r=-10, knee_r=35, sh_flex_l=-10, sh_flex_r=12))),
           tempo=(0.5, 0.75), reps=(6, 30), fixed=None, alternate=True, counted=False, travel=0.7,
           rest_prob=0.05),
    ),
    "stand": (_M("standing", STAND, hold=True, counted=False, styles=ARM_STYLES),),
    "idle": (
        _M("standing", STAND, ((0.5, P(sh_flex_r=40, elbow_r=130, neck_flex=25)),), tempo=(2.0, 5.0),
           reps=(1, 4), counted=False, rest_prob=0.7),
        _M("standing", STAND, ((0.5, P(sh_abd_r=130, sh_rot_r=60, elbow_r=140, neck_flex=10)),),
           tempo=(1.5, 4.0), reps=(1, 4), counted=False, rest_prob=0.7),
        _M("standing", STAND, ((0.5, P(sh_flex=170, elbow=10, spine_flex=-10)),), tempo=(2.0, 5.0),
           reps=(1, 3), counted=False, rest_prob=0.7),
    ),
    "wave": (
        _M("standing", P(STAND, sh_abd_r=140, sh_rot_r=90, elbow_r=25), ((0.5, P(sh_abd_r=120, elbow_r=65)),),
           tempo=(0.4, 0.8), reps=(3, 14), counted=False, rest_prob=0.1),
    ),
    "yoga_tree": (
        _M("standing", P(STAND, hip_flex_l=35, hip_abd_l=45, hip_rot_l=70, knee_l=140, sh_abd=175, elbow=10),
           hold=True, counted=False, fixed="foot_r"),
    ),
    "yoga_warrior": (
        _M("standing", P(STAND, hip_flex_l=60, hip_abd_l=25, hip_rot_l=40, knee_l=80, hip_abd_r=30,
                         hip_flex_r=-15, knee_r=0, sh_abd=90, elbow=0, solve_w=1),
           hold=True, counted=False, solve=WIDE_LEG),
    ),
    "stretch": (
        _M("standing", P(STAND, hip_abd=10, spine_lat=25, sh_abd_r=170, elbow_r=20), hold=True,
           counted=False),
    ),
    "lie": (
        _M("supine", P(pitch=-90, sh_abd=15, knee=10), hold=True, counted=False, floor="all", fixed="hips"),
    ),
    "dance": (),  # made up per clip (see _dance)
}  # fmt: skip

FAULTS: dict[str, dict[str, Fault]] = {
    "squat": {
        "shallow": Fault(scale=P(hip_flex=0.45, knee=0.45, spine_flex=0.6)),
        "knees_in": Fault(add_keys=P(hip_abd=-14, hip_rot=-18)),
        "forward_lean": Fault(add_keys=P(spine_flex=25)),
    },
    "push_up": {
        "hips_sag": Fault(add_all=P(hip_flex=-20)),
        "hips_piked": Fault(add_all=P(hip_flex=35)),
        "shallow": Fault(scale=P(sh_flex=0.4, sh_abd=0.4, elbow=0.4)),
    },
    "knee_push_up": {
        "hips_sag": Fault(add_all=P(hip_flex=-20)),
        "hips_piked": Fault(add_all=P(hip_flex=30)),
        "shallow": Fault(scale=P(sh_flex=0.4, sh_abd=0.4, elbow=0.4)),
    },
    "plank": {"hips_sag": Fault(add_all=P(hip_flex=-20)), "hips_piked": Fault(add_all=P(hip_flex=35))},
    "lunge_forward": {
        "shallow": Fault(scale=P(hip_flex=0.5, knee=0.5)),
        "torso_lean": Fault(add_keys=P(spine_flex=25)),
    },
    "lunge_backward": {
        "shallow": Fault(scale=P(hip_flex=0.5, knee=0.5)),
        "torso_lean": Fault(add_keys=P(spine_flex=25)),
    },
    "biceps_curl": {
        "partial": Fault(scale=P(elbow=0.5)),
        "elbow_drift": Fault(add_keys=P(sh_flex=35)),
        "swing": Fault(add_keys=P(spine_flex=-15)),
    },
    "overhead_press": {"partial": Fault(scale=P(sh_abd=0.5, elbow=0.5))},
    "pull_up": {
        "half_rep": Fault(scale=P(sh_abd=0.5, elbow=0.5)),
        "kipping": Fault(add_keys=P(hip_flex=40, knee=40)),
    },
    "wall_sit": {"too_high": Fault(add_all=P(hip_flex=-30, knee=-30))},
}  # fmt: skip

EXERCISES: tuple[str, ...] = tuple(MOTIONS)
BACKGROUND: tuple[str, ...] = tuple(BACKGROUND_MOTIONS)
HOLDS: frozenset[str] = frozenset(ex for ex, ms in MOTIONS.items() if all(m.hold for m in ms))


# ---------------------------------------------------------------------------------------------------------
# Body and forward kinematics


@dataclass(frozen=True)
class Body:
    """Segment lengths in metres (between MediaPipe landmark positions)."""

    height: float
    torso: float  # pelvis (hip midpoint) → neck (shoulder midpoint)
    shoulder_w: float
    hip_w: float
    upper_arm: float
    forearm: float
    hand: float
    thigh: float
    shank: float
    ankle_h: float
    foot: float
    head: float  # scale of the face points


_NOMINAL = dict(
    torso=0.50, shoulder_w=0.36, hip_w=0.18, upper_arm=0.30, forearm=0.25, hand=1.0,
    thigh=0.43, shank=0.42, ankle_h=0.07, foot=0.22, head=1.0,
)  # fmt: skip  # for a 1.75 m adult


def random_body(rng: np.random.Generator) -> Body:
    h = float(rng.uniform(1.5, 1.95))
    f = {k: v * h / 1.75 * float(np.clip(rng.normal(1.0, 0.05), 0.88, 1.12)) for k, v in _NOMINAL.items()}
    return Body(height=h, **f)


def _rot(axis: int, deg: np.ndarray) -> np.ndarray:
    """[T] degrees → [T, 3, 3] right-handed rotation about x (0), y (1) or z (2)."""
    a = np.deg2rad(np.asarray(deg, np.float64))
    c, s = np.cos(a), np.sin(a)
    r = np.zeros((a.size, 3, 3))
    i, j = ((1, 2), (2, 0), (0, 1))[axis]
    r[:, axis, axis] = 1.0
    r[:, i, i] = c
    r[:, j, j] = c
    r[:, i, j] = -s
    r[:, j, i] = s
    return r


def _apply(r: np.ndarray, pts: np.ndarray) -> np.ndarray:
    """[T, 3, 3] × [T, K, 3] → [T, K, 3]."""
    return pts @ r.transpose(0, 2, 1)


_FACE = {  # head-frame offsets (x left, y up, z forward) from the neck point, metres for a 1.75 m adult
    L.NOSE: (0.0, 0.17, 0.10),
    L.LEFT_EYE_INNER: (0.015, 0.195, 0.09), L.LEFT_EYE: (0.032, 0.197, 0.085),
    L.LEFT_EYE_OUTER: (0.047, 0.195, 0.075),
    L.RIGHT_EYE_INNER: (-0.015, 0.195, 0.09), L.RIGHT_EYE: (-0.032, 0.197, 0.085),
    L.RIGHT_EYE_OUTER: (-0.047, 0.195, 0.075),
    L.LEFT_EAR: (0.075, 0.175, 0.0), L.RIGHT_EAR: (-0.075, 0.175, 0.0),
    L.MOUTH_LEFT: (0.025, 0.135, 0.09), L.MOUTH_RIGHT: (-0.025, 0.135, 0.09),
}  # fmt: skip
_FACE_IDX = np.array(list(_FACE), np.int64)
_FACE_OFF = np.array(list(_FACE.values()))
# pinky, index, thumb in the forearm frame of a left hand (palm facing the thigh, thumb forward)
_HAND_OFF = np.array([(-0.005, -0.08, -0.03), (-0.005, -0.09, 0.02), (-0.01, -0.06, 0.045)])
_ARM_IDX = {
    "l": [L.LEFT_SHOULDER, L.LEFT_ELBOW, L.LEFT_WRIST, L.LEFT_PINKY, L.LEFT_INDEX, L.LEFT_THUMB],
    "r": [L.RIGHT_SHOULDER, L.RIGHT_ELBOW, L.RIGHT_WRIST, L.RIGHT_PINKY, L.RIGHT_INDEX, L.RIGHT_THUMB],
}
_LEG_IDX = {
    "l": [L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE, L.LEFT_HEEL, L.LEFT_FOOT_INDEX],
    "r": [L.RIGHT_HIP, L.RIGHT_KNEE, L.RIGHT_ANKLE, L.RIGHT_HEEL, L.RIGHT_FOOT_INDEX],
}
_XFLIP = np.array([-1.0, 1.0, 1.0])


def _limb(root: np.ndarray, r1: np.ndarray, bend: np.ndarray, l1: float, l2: float) -> tuple[np.ndarray, ...]:
    """Two-segment chain hanging along −y: root [3] in the parent frame, r1 [T,3,3] its rotation, bend [T,3,3]
    the middle joint → (middle [T,3], end [T,3], end frame [T,3,3])."""
    mid = root + r1 @ np.array([0.0, -l1, 0.0])  # [T, 3]
    r2 = r1 @ bend  # [T, 3, 3]
    end = mid + r2 @ np.array([0.0, -l2, 0.0])  # [T, 3]
    return mid, end, r2


def forward_kinematics(q: np.ndarray, body: Body) -> np.ndarray:
    """DOF values [T, D] → the 33 BlazePose points [T, 33, 3], canonical frame, pelvis at (tx, 0, tz)."""
    t = q.shape[0]
    c = q.T  # [D, T]
    out = np.zeros((t, N_MEDIAPIPE, 3))
    origin = np.stack([c[DOF["tx"]], np.zeros(t), c[DOF["tz"]]], axis=-1)  # [T, 3]
    r_root = _rot(0, c[DOF["pitch"]]) @ _rot(2, c[DOF["roll"]])
    r_spine = _rot(0, c[DOF["spine_flex"]]) @ _rot(2, -c[DOF["spine_lat"]]) @ _rot(1, c[DOF["spine_twist"]])
    r_torso = r_root @ r_spine
    r_head = r_torso @ _rot(0, c[DOF["neck_flex"]])
    neck = origin + r_torso @ np.array([0.0, body.torso, 0.0])  # [T, 3]
    face = np.broadcast_to(_FACE_OFF * body.head, (t, *_FACE_OFF.shape))  # [T, 11, 3]
    out[:, _FACE_IDX] = neck[:, None] + _apply(r_head, face)
    for side, sign in (("l", 1.0), ("r", -1.0)):
        g = {n: c[DOF[f"{n}_{side}"]] for n in _SIDED}
        # arm, in the torso frame, computed as a left arm and mirrored for the right
        shoulder = np.zeros((t, 3))
        shoulder[:, 0] = body.shoulder_w / 2
        shoulder[:, 1] = body.torso + c[DOF["shrug"]]
        r_ua = _rot(0, -g["sh_flex"]) @ _rot(2, g["sh_abd"]) @ _rot(1, g["sh_rot"])
        elbow, wrist, r_fa = _limb(shoulder, r_ua, _rot(0, -g["elbow"]), body.upper_arm, body.forearm)
        hand = wrist[:, None] + _apply(r_fa, np.broadcast_to(_HAND_OFF * body.hand, (t, 3, 3)))  # [T, 3, 3]
        arm = np.concatenate([shoulder[:, None], elbow[:, None], wrist[:, None], hand], axis=1) * (
            _XFLIP if sign < 0 else 1.0
        )  # [T, 6, 3]
        out[:, _ARM_IDX[side]] = origin[:, None] + _apply(r_torso, arm)
        # leg, in the pelvis (root) frame; the foot keeps the root's orientation (flat when standing)
        hip = np.array([body.hip_w / 2, 0.0, 0.0])
        r_th = _rot(0, -g["hip_flex"]) @ _rot(2, g["hip_abd"]) @ _rot(1, g["hip_rot"])
        knee, ankle, _ = _limb(hip, r_th, _rot(0, g["knee"]), body.thigh, body.shank)
        r_foot = _rot(1, g["hip_rot"]) @ _rot(0, g["ankle"])
        heel = ankle + r_foot @ np.array([0.0, -body.ankle_h, -0.05 * body.foot / 0.22])
        toe = ankle + r_foot @ np.array([0.0, -body.ankle_h * 0.8, body.foot * 0.8])
        leg = np.stack([np.broadcast_to(hip, (t, 3)), knee, ankle, heel, toe], axis=1) * (
            _XFLIP if sign < 0 else 1.0
        )  # [T, 5, 3]
        out[:, _LEG_IDX[side]] = origin[:, None] + _apply(r_root, leg)
    return out


def _lowest(y: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """y [T, 33], mask [T, 33] → [T] lowest y within the mask."""
    return np.where(mask, y, np.inf).min(axis=1)


def _masks(group: str, mirrored: np.ndarray) -> np.ndarray:
    """[T, 33] group mask per frame, mirrored (left ↔ right) where mirrored is set."""
    m = _mask(group)
    return np.where(mirrored[:, None], m[MIRROR33][None], m[None])


def _solve(q: np.ndarray, body: Body, solve: Solve, mirrored: np.ndarray) -> np.ndarray:
    """Bisection per frame on the Solve's DOFs, blended into q by solve_w."""
    w = q[:, DOF["solve_w"]]
    rows = np.flatnonzero(w > 1e-3)
    if rows.size == 0:
        return q
    sub = q[rows].copy()
    m = mirrored[rows]
    idx = np.array([DOF[d] for d in solve.dofs])
    cols = np.where(m[:, None], MIRROR_DOF[idx][None], idx[None])  # [R, k]
    ma, mb = _masks(solve.low, m), _masks(solve.high, m)
    r = np.arange(rows.size)[:, None]

    def f(x: np.ndarray) -> np.ndarray:
        sub[r, cols] = x[:, None]
        y = forward_kinematics(sub, body)[..., 1]
        return _lowest(y, ma) - _lowest(y, mb) - solve.gap

    lo, hi = np.full(rows.size, solve.lo), np.full(rows.size, solve.hi)
    f_lo, f_hi = f(lo), f(hi)
    no_root = np.sign(f_lo) == np.sign(f_hi)
    a, fa, b = lo.copy(), f_lo.copy(), hi.copy()
    for _ in range(12):
        mid = (a + b) / 2
        fm = f(mid)
        same = np.sign(fm) == np.sign(fa)
        a, fa, b = np.where(same, mid, a), np.where(same, fm, fa), np.where(same, b, mid)
    x = np.where(no_root, np.where(np.abs(f_lo) < np.abs(f_hi), lo, hi), (a + b) / 2)
    out = q.copy()
    keyed = q[rows[:, None], cols]  # [R, k]
    out[rows[:, None], cols] = keyed + w[rows, None] * (x[:, None] - keyed)
    return out


def place(q: np.ndarray, body: Body, motion: Motion, mirrored: np.ndarray) -> np.ndarray:
    """DOFs [T, D] → 33 points [T, 33, 3] on their support: contact solve, floor, fixed group, lift."""
    if motion.solve is not None:
        q = _solve(q, body, motion.solve, mirrored)
    pts = forward_kinematics(q, body)
    pts[..., 1] += motion.height - _lowest(pts[..., 1], _masks(motion.floor, mirrored))[:, None]
    if motion.fixed is not None:
        ref = _fixed_reference(motion, body)  # [2] x, z of the group in the rest pose
        m = _masks(motion.fixed, mirrored)  # [T, 33]
        centre = (pts[..., [0, 2]] * m[..., None]).sum(1) / m.sum(1, keepdims=True)  # [T, 2]
        target = np.where(mirrored[:, None], ref * np.array([-1.0, 1.0]), ref)  # [T, 2]
        pts[..., [0, 2]] += (target - centre)[:, None]
    pts[..., 1] += q[:, DOF["lift"], None]
    return pts


def _fixed_reference(motion: Motion, body: Body) -> np.ndarray:
    q0 = _vector(motion.base)[None]
    no = np.zeros(1, bool)
    if motion.solve is not None:
        q0 = _solve(q0, body, motion.solve, no)
    p = forward_kinematics(q0, body)[0]
    return p[_mask(motion.fixed or "all")][:, [0, 2]].mean(0)


# ---------------------------------------------------------------------------------------------------------
# Animation: a timeline of segments → DOFs per frame


@dataclass(frozen=True, eq=False)
class _Timeline:
    q: np.ndarray  # [T, D]
    mirrored: np.ndarray  # [T] bool
    rep_index: np.ndarray  # [T] int, −1 outside counted reps
    phase: np.ndarray  # [T] float, NaN outside counted reps
    rep_frames: tuple[tuple[int, int, int], ...]
    hold_s: float | None
    moving: np.ndarray  # [T] travel speed (m/s) along the heading


def _with_faults(motion: Motion, faults: Iterable[Fault]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """→ base [D], key phases [K+2], key poses [K+2, D] (the base at phases 0 and 1), faults applied."""
    base = _vector(motion.base)
    keys = np.array([_vector(k, base) for _, k in motion.keys]).reshape(-1, len(DOFS))
    for f in faults:
        for n, s in f.scale.items():
            keys[:, DOF[n]] = base[DOF[n]] + s * (keys[:, DOF[n]] - base[DOF[n]])
        for n, v in f.add_keys.items():
            keys[:, DOF[n]] += v
        for n, v in f.add_all.items():
            keys[:, DOF[n]] += v
            base[DOF[n]] += v
    phases = np.array([0.0, *(p for p, _ in motion.keys), 1.0])
    return base, phases, np.vstack([base, keys, base])


def _keyframes(phase: np.ndarray, phases: np.ndarray, poses: np.ndarray) -> np.ndarray:
    """Cosine-eased interpolation between key poses: phase [N] in [0, 1] → [N, D]."""
    k = np.clip(np.searchsorted(phases, phase, side="right") - 1, 0, len(phases) - 2)
    u = (phase - phases[k]) / (phases[k + 1] - phases[k])
    e = ((1 - np.cos(np.pi * np.clip(u, 0, 1))) / 2)[:, None]
    return poses[k] * (1 - e) + poses[k + 1] * e


def _warp(p: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Time fraction → key phase, piecewise linear with time a ↦ phase 0.5 (uneven up/down speed)."""
    return np.where(p < a, 0.5 * p / a, 0.5 + 0.5 * (p - a) / (1 - a))


def _unwarp(k: float, a: float) -> float:
    return k * 2 * a if k < 0.5 else a + (k - 0.5) * 2 * (1 - a)


def _segments(
    motion: Motion, rng: np.random.Generator, n_reps: int | None, max_s: float, setup: bool | None
) -> list[tuple]:
    """[(kind, seconds, rep number)] with kind in stand | enter | base | rep | exit."""
    segs: list[tuple] = []
    can_enter = (motion.height == 0.0 and motion.posture != "standing") or motion.hold
    entering = can_enter and (rng.random() < 0.35 if setup is None else setup)
    if entering:
        segs += [("stand", rng.uniform(0.3, 1.2), -1), ("enter", rng.uniform(1.2, 2.5), -1)]
    segs.append(("base", rng.uniform(0.3, 2.5), -1))
    if motion.hold:
        segs.append(("base", rng.uniform(4.0, min(20.0, max(4.5, max_s - 6.0))), -1))
    else:
        want = int(rng.integers(motion.reps[0], motion.reps[1] + 1)) if n_reps is None else n_reps
        period = rng.uniform(*motion.tempo)
        used = sum(s[1] for s in segs) + 1.0
        for k in range(want):
            dur = period * rng.uniform(0.88, 1.12)
            if n_reps is None and k > 0 and used + dur > max_s:
                break
            if k > 0 and rng.random() < motion.rest_prob:
                rest = rng.uniform(0.3, 2.0)
                segs.append(("base", rest, -1))
                used += rest
            segs.append(("rep", dur, k))
            used += dur
    segs.append(("base", rng.uniform(0.2, 2.0), -1))
    if entering and rng.random() < 0.5:
        segs += [("exit", rng.uniform(1.2, 2.5), -1), ("stand", rng.uniform(0.3, 1.0), -1)]
    return segs


def _animate(
    motion: Motion,
    faults: tuple[Fault, ...],
    rng: np.random.Generator,
    fps: float,
    n_reps: int | None,
    max_s: float,
    setup: bool | None,
) -> _Timeline:
    base, phases, poses = _with_faults(motion, faults)
    if motion.styles:
        overlay = motion.styles[int(rng.integers(len(motion.styles)))]
        for n, v in overlay.items():
            base[DOF[n]] = v
            poses[:, DOF[n]] = v
    stand = _vector(STAND)
    segs = _segments(motion, rng, n_reps, max_s, setup)
    bounds = np.cumsum([0.0] + [s[1] for s in segs])
    n = max(int(np.floor(bounds[-1] * fps)), 2)
    t = np.arange(n) / fps
    si = np.clip(np.searchsorted(bounds, t, side="right") - 1, 0, len(segs) - 1)
    kinds = np.array([s[0] for s in segs])[si]
    u = (t - bounds[si]) / np.array([s[1] for s in segs])[si]  # [T] fraction through the segment
    rep_of_seg = np.array([s[2] for s in segs])
    n_done = int(rep_of_seg.max()) + 1 if (rep_of_seg >= 0).any() else 0
    rom = rng.uniform(0.8, 1.08) * rng.uniform(0.94, 1.04, size=max(n_done, 1))  # per rep
    asym = rng.uniform(0.38, 0.62, size=max(n_done, 1))  # time fraction of the rep's peak

    q = np.repeat(base[None], n, axis=0)
    q[kinds == "stand"] = stand
    ease = (1 - np.cos(np.pi * u)) / 2
    for kind, w in (("enter", ease), ("exit", 1 - ease)):
        sel = kinds == kind
        q[sel] = stand + (base - stand) * w[sel, None]
    rep = np.where(kinds == "rep", rep_of_seg[si], -1)
    mirrored = (rep >= 0) & motion.alternate & (rep % 2 == 1)
    sel = rep >= 0
    if sel.any():
        dev = _keyframes(_warp(u[sel], asym[rep[sel]]), phases, poses) - base  # [R, D]
        dev = np.where(mirrored[sel, None], dev[:, MIRROR_DOF] * MIRROR_SIGN, dev)
        scale = np.where(np.isin(np.array(DOFS), _UNSCALED), 1.0, rom[rep[sel], None])
        q[sel] = base + dev * scale
    q += _sway(rng, t)
    speed = np.zeros(n)
    if motion.travel and sel.any():
        durs = np.array([s[1] for s in segs])[si]
        speed[sel] = motion.travel / durs[sel]

    counted = motion.counted and not motion.hold
    rep_frames = []
    if counted:
        for k in range(n_done):
            j = int(np.flatnonzero(rep_of_seg == k)[0])
            t0, t1 = bounds[j], bounds[j + 1]
            tp = t0 + _unwarp(motion.peak, float(asym[k])) * (t1 - t0)
            rep_frames.append(tuple(min(int(round(x * fps)), n - 1) for x in (t0, tp, t1)))
    hold_s = float(sum(s[1] for s in segs if s[0] == "base")) if motion.hold else None
    return _Timeline(
        q=q,
        mirrored=mirrored,
        rep_index=rep if counted else np.full(n, -1),
        phase=np.where(rep >= 0, u, np.nan).astype(np.float32) if counted else np.full(n, np.nan, np.float32),
        rep_frames=tuple(rep_frames),  # type: ignore[arg-type]
        hold_s=hold_s,
        moving=speed,
    )


_SWAY = _vector(P(pitch=1.0, roll=1.0, tx=0.01, tz=0.01, spine_flex=2, spine_lat=1.5, spine_twist=2,
                  neck_flex=4, shrug=0.004, sh_flex=3, sh_abd=3, sh_rot=4, elbow=3, hip_flex=1.5, hip_abd=1.0,
                  hip_rot=2, knee=1.5, ankle=2))  # fmt: skip


def _sway(rng: np.random.Generator, t: np.ndarray) -> np.ndarray:
    """Small smooth random drift of every DOF: [T, D] (sum of three slow sinusoids each)."""
    d = len(DOFS)
    f = rng.uniform(0.05, 0.7, size=(3, d))
    ph = rng.uniform(0, 2 * np.pi, size=(3, d))
    a = rng.normal(0, 1, size=(3, d)) / np.sqrt(3)
    waves = np.sin(2 * np.pi * t[:, None, None] * f + ph)  # [T, 3, D]
    return (waves * a).sum(1) * _SWAY * rng.uniform(0.5, 1.5)


def _dance(rng: np.random.Generator) -> Motion:
    """Random dance-like cycle: 2–4 random full-body keyframes."""
    keys = []
    n = int(rng.integers(2, 5))
    for i in range(n):
        side = {}
        for s in "lr":
            side |= {f"sh_flex_{s}": rng.uniform(-20, 160), f"sh_abd_{s}": rng.uniform(0, 160),
                     f"elbow_{s}": rng.uniform(0, 130), f"hip_flex_{s}": rng.uniform(0, 50),
                     f"knee_{s}": rng.uniform(0, 60), f"hip_abd_{s}": rng.uniform(0, 25)}  # fmt: skip
        body = dict(spine_twist=rng.uniform(-30, 30), spine_lat=rng.uniform(-15, 15),
                    spine_flex=rng.uniform(-10, 25), lift=rng.uniform(0, 0.08))  # fmt: skip
        keys.append(((i + 1) / (n + 1), P(STAND, side, body)))
    return Motion("standing", STAND, tuple(keys), tempo=(0.8, 2.0), reps=(4, 14), fixed=None, counted=False,
                  rest_prob=0.1)  # fmt: skip


# ---------------------------------------------------------------------------------------------------------
# Camera, projection, MediaPipe-like noise

FRAME_SIZES: tuple[tuple[int, int], ...] = (
    (360, 640), (480, 640), (368, 640), (640, 360), (640, 480), (480, 480),
)  # fmt: skip  # (w, h) after the decoder's downscaling to a 640 px long side


def _random_yaw(rng: np.random.Generator) -> float:
    """Camera azimuth around the subject, degrees: 0 front, ±90 side, 180 back (front and side weighted)."""
    centre = rng.choice([0.0, 90.0, -90.0, 45.0, -45.0, 180.0], p=[0.3, 0.22, 0.22, 0.1, 0.1, 0.06])
    return float((centre + rng.normal(0, 15) + 180) % 360 - 180)


def _camera_basis(yaw: float, pitch: float, roll: float) -> np.ndarray:
    """Rows: image right, image down, viewing direction (world vectors), for a camera at azimuth yaw."""
    y, p, r = np.deg2rad([yaw, pitch, roll])
    fwd = np.array([-np.sin(y) * np.cos(p), -np.sin(p), -np.cos(y) * np.cos(p)])  # towards the subject
    right = np.cross(fwd, [0.0, 1.0, 0.0])
    right /= np.linalg.norm(right)
    down = np.cross(fwd, right)
    c, s = np.cos(r), np.sin(r)
    return np.stack([c * right + s * down, -s * right + c * down, fwd])


@dataclass(frozen=True)
class _Shot:
    uv: np.ndarray  # [T, 33, 2] pixels
    depth: np.ndarray  # [T, 33] metres from the camera
    size: tuple[int, int]
    px_per_m: float  # at the subject's distance


def _film(
    pts: np.ndarray, rng: np.random.Generator, yaw: float, size: tuple[int, int], partial: bool, body: Body
) -> _Shot:
    w, h = size
    lo, hi = np.percentile(pts.reshape(-1, 3), [2, 98], axis=0)
    centre = (lo + hi) / 2
    extent = np.ptp(pts[..., [0, 2]].reshape(-1, 2), axis=0).max()  # horizontal spread over the clip
    dist = rng.uniform(2.4, 6.5) * body.height / 1.75 + 0.5 * extent
    cam_h = rng.uniform(0.2, 1.8)
    pitch = float(np.rad2deg(np.arctan2(cam_h - centre[1], dist))) + rng.normal(0, 4)
    basis = _camera_basis(yaw, pitch, float(np.clip(rng.normal(0, 2.5), -7, 7)))
    cam = centre - basis[2] * dist
    cam[1] = cam_h
    rel = (pts - cam) @ basis.T  # [T, 33, 3] (right, down, depth)
    depth = np.maximum(rel[..., 2], 0.3)
    n = rel[..., :2] / depth[..., None]  # normalised image coordinates
    lo2, hi2 = np.percentile(n.reshape(-1, 2), [1, 99], axis=0)
    span = np.maximum(hi2 - lo2, 1e-3)
    fill = rng.uniform(0.55, 0.92)
    if partial:  # only the top `shown` of the body's extent fits: the legs leave the bottom of the frame
        shown, top = rng.uniform(0.55, 0.8), rng.uniform(0.02, 0.08)
        s = (1 - top) * h / (shown * span[1])
        off = np.array([w / 2 - s * (lo2[0] + hi2[0]) / 2, top * h - s * lo2[1]])
    else:
        s = fill * min(w / span[0], h / span[1])
        free = np.array([w, h]) - s * span
        off = np.array([w, h]) / 2 - s * (lo2 + hi2) / 2 + rng.uniform(-0.4, 0.4, 2) * free
    return _Shot(uv=n * s + off, depth=depth, size=size, px_per_m=float(s / dist))


_NOISY = np.ones(N_MEDIAPIPE)
_NOISY[list(_GROUP_INDEX["hands"]) + list(_GROUP_INDEX["feet"])] = 1.6
_NOISY[_FACE_IDX] = 0.6


def _corrupt(
    shot: _Shot, rng: np.random.Generator, noise: float, fps: float
) -> tuple[np.ndarray, np.ndarray]:
    """→ xy [T, 33, 2] (NaN on missing frames), visibility [T, 33]."""
    uv = shot.uv.copy()
    t = uv.shape[0]
    w, h = shot.size
    # visibility: high, lower for joints behind the torso (self-occlusion) and outside the frame
    vis = rng.uniform(0.9, 0.995, N_MEDIAPIPE)[None] + rng.normal(0, 0.02, (t, N_MEDIAPIPE))
    torso_depth = shot.depth[:, list(_GROUP_INDEX["back"])].mean(1, keepdims=True)  # [T, 1]
    vis -= 0.5 * np.clip((shot.depth - torso_depth - 0.04) / 0.15, 0, 1)
    outside = (uv[..., 0] < 0) | (uv[..., 0] > w) | (uv[..., 1] < 0) | (uv[..., 1] > h)
    vis = np.where(outside, rng.uniform(0.0, 0.3, vis.shape), vis)
    if noise > 0:
        body_px = shot.px_per_m * 1.7
        sigma = rng.uniform(0.002, 0.008) * body_px * noise * _NOISY * (1.5 - np.clip(vis, 0, 1))  # [T, 33]
        uv += rng.normal(0, 1, uv.shape) * sigma[..., None]
        for _ in range(rng.poisson(0.3 * noise * t / fps)):  # a joint tracked badly for a few frames
            j = int(rng.integers(11, N_MEDIAPIPE))
            a = int(rng.integers(0, t))
            b = min(t, a + int(rng.integers(2, 11)))
            uv[a:b, j] += rng.normal(0, 0.05 * body_px, 2)
            vis[a:b, j] *= 0.3
        for _ in range(rng.poisson(0.01 * noise * t)):  # frames with no person found
            a = int(rng.integers(0, t))
            uv[a : a + int(rng.integers(1, 2 + round(5 * min(noise, 1.0))))] = np.nan  # 1–6 frames at noise 1
    vis = np.clip(vis, 0, 1)
    vis[np.isnan(uv[..., 0])] = 0.0
    return uv.astype(np.float32), vis.astype(np.float32)


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

    def pose_sequence(self) -> PoseSequence:
        return PoseSequence(
            xy=self.xy, z=self.z, visibility=self.visibility, t_s=self.t_s,
            frame_index=np.arange(len(self), dtype=np.int64), fps=self.fps, size=self.size,
        )  # fmt: skip


def _pick_motion(exercise: str, background: str | None, rng: np.random.Generator) -> tuple[str, Motion]:
    """→ (motion name, one of its rows)."""
    if exercise == UNKNOWN:
        kind = background or str(rng.choice(BACKGROUND))
        if kind not in BACKGROUND_MOTIONS:
            raise KeyError(f"unknown background {kind!r}; expected one of {BACKGROUND}")
        options = BACKGROUND_MOTIONS[kind] or (_dance(rng),)
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
    tl = _animate(motion, tuple(table[f] for f in faults), rng, fps, n_reps, max_seconds, setup)
    world = _to_world(place(tl.q, body, motion, tl.mirrored), tl.moving, rng, fps)  # [T, 33, 3]
    yaw = _random_yaw(rng) if yaw_deg is None else float(yaw_deg)
    size = frame_size or FRAME_SIZES[int(rng.integers(len(FRAME_SIZES)))]
    if partial is None:
        partial = motion.posture in ("standing", "hanging") and rng.random() < 0.1
    shot = _film(world, rng, yaw, size, partial, body)
    xy, vis = _corrupt(shot, rng, noise, fps)
    hips_depth = shot.depth[:, [L.LEFT_HIP, L.RIGHT_HIP]].mean(1, keepdims=True)  # [T, 1]
    z = (shot.depth - hips_depth) * shot.px_per_m / size[0]
    mirror = bool(rng.random() < 0.5) if mirror is None else mirror
    if mirror:
        xy = xy[:, MIRROR33]
        xy[..., 0] = size[0] - xy[..., 0]
        vis, z, world = vis[:, MIRROR33], z[:, MIRROR33], world[:, MIRROR33] * _XFLIP
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


def _to_world(pts: np.ndarray, speed: np.ndarray, rng: np.random.Generator, fps: float) -> np.ndarray:
    """Body heading and travel: a small heading sway in place; travelling motions go round a circle of
    random radius (pacing about), so the person stays near the camera."""
    t = pts.shape[0]
    travelled = np.cumsum(speed / fps)  # [T] metres
    radius = rng.uniform(0.6, 1.8) * rng.choice([-1.0, 1.0])
    sway = 3.0 * np.sin(2 * np.pi * rng.uniform(0.02, 0.08) * np.arange(t) / fps + rng.uniform(0, 2 * np.pi))
    heading = np.rad2deg(travelled / radius) + sway - sway[0]  # [T] degrees
    pelvis = pts[:, [L.LEFT_HIP, L.RIGHT_HIP]].mean(1, keepdims=True)  # [T, 1, 3]
    out = pelvis + _apply(_rot(1, heading), pts - pelvis)
    h = np.deg2rad(heading)
    step = speed / fps
    path = np.cumsum(np.stack([step * np.sin(h), np.zeros(t), step * np.cos(h)], axis=-1), axis=0)  # [T, 3]
    return out + path[:, None]
