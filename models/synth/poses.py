"""The vocabulary of the motion generator (``models.synth.generate``): degrees of freedom, the ``P()`` pose
helper,
contact groups, the ``Solve`` / ``Motion`` / ``Fault`` row types and the named poses the tables are
written with. The tables themselves live in ``synth.motions``; kinematics in ``synth.body``.

Conventions of the canonical body frame (metres): x = the subject's left, y = up, z = where the subject
faces; the floor is y = 0. Joint angles are in degrees:

    pitch        whole body tipped forward (+90 prone, −90 supine); roll: turned about the horizontal
                 axis the body faced along before the tip (standing: tilted to the left; lying: rolled
                 about the long axis, a hip lifting off the floor)
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

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from analysis.vocab.landmarks import MIRROR_INDEX, N_MEDIAPIPE
from analysis.vocab.landmarks import Landmark as L

# ---------------------------------------------------------------------------------------------------------
# Degrees of freedom

SIDED = ("sh_flex", "sh_abd", "sh_rot", "elbow", "hip_flex", "hip_abd", "hip_rot", "knee", "ankle")
DOFS: tuple[str, ...] = (
    "pitch", "roll", "tx", "tz", "lift",
    "spine_flex", "spine_lat", "spine_twist", "neck_flex", "shrug",
    *(f"{n}_{s}" for s in "lr" for n in SIDED),
    "solve_w",
)  # fmt: skip
DOF = {name: i for i, name in enumerate(DOFS)}
_LATERAL = ("roll", "tx", "spine_lat", "spine_twist")  # change sign when the body is mirrored
UNSCALED = ("solve_w",)  # not scaled by range of motion


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
            names = [f"{name}_l", f"{name}_r"] if name in SIDED else [name]
            for n in names:
                if n not in DOF:
                    raise KeyError(f"unknown degree of freedom {n!r}")
                out[n] = float(v)
    return out


def pose_vector(pose: Mapping[str, float], base: np.ndarray | None = None) -> np.ndarray:
    v = np.zeros(len(DOFS)) if base is None else base.copy()
    for n, x in pose.items():
        v[DOF[n]] = x
    return v


# ---------------------------------------------------------------------------------------------------------
# Contact groups (indices into the 33 BlazePose landmarks)

GROUP_INDEX: dict[str, tuple[int, ...]] = {
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
    "shoulders": (L.LEFT_SHOULDER, L.RIGHT_SHOULDER),
    "back": (L.LEFT_SHOULDER, L.RIGHT_SHOULDER, L.LEFT_HIP, L.RIGHT_HIP),
}


def group_mask(group: str) -> np.ndarray:
    m = np.zeros(N_MEDIAPIPE, bool)
    m[list(GROUP_INDEX[group])] = True
    return m


# ---------------------------------------------------------------------------------------------------------
# Row types (one or more Motion rows per exercise, in synth.motions) and the named poses


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
        base = pose_vector(self.base)
        dev = [np.abs(pose_vector(k, base) - base)[:-1].sum() for _, k in self.keys]
        return float(self.keys[int(np.argmax(dev))][0])


@dataclass(frozen=True)
class Fault:
    """Faulty form as data: scale the keyframe deviation of some DOFs, add to the keyframes, or add to
    everything (the rest pose too). ``at``: the key phases ``add_keys`` applies to (all when empty), for a
    fault in one part of the cycle (a rower's arms pulling while the legs still drive)."""

    scale: Mapping[str, float] = field(default_factory=dict)
    add_keys: Mapping[str, float] = field(default_factory=dict)
    add_all: Mapping[str, float] = field(default_factory=dict)
    at: tuple[float, ...] = ()


STAND = P(sh_abd=8, elbow=12, hip_abd=4, hip_rot=8, knee=3)
ARMS_DOWN = P(sh_flex=0, sh_abd=8, sh_rot=0, elbow=12)
HANDS_HIPS = P(sh_flex=-10, sh_abd=40, sh_rot=-20, elbow=100)
HANDS_CHEST = P(sh_flex=25, sh_abd=20, sh_rot=0, elbow=140)
HANDS_HEAD = P(sh_flex=-5, sh_abd=100, sh_rot=90, elbow=150)
ARMS_FORWARD = P(sh_flex=85, sh_abd=5, sh_rot=0, elbow=5)
ARMS_CROSSED = P(sh_flex=35, sh_abd=-12, sh_rot=0, elbow=115)
BAR_BACK = P(sh_flex=-10, sh_abd=80, sh_rot=90, elbow=115)
PLANK_HANDS = P(pitch=70, sh_flex=75, sh_abd=8, sh_rot=0, elbow=0, hip_abd=4, knee=0, ankle=0, solve_w=1)
# Squat stance (feet turned out) and bottom: the knees move out a little (abduction) and the planted feet
# keep their stance width. A burpee's crouch, likewise with the feet where they stood.
SQUAT_STANCE = P(STAND, hip_abd=12, hip_rot=18)
SQUAT_BOTTOM = P(hip_flex=95, knee=115, spine_flex=35, hip_abd=22, hip_rot=-10)
CROUCH = P(hip_flex=115, knee=130, spine_flex=65, hip_abd=16, hip_rot=-4, sh_flex=65, elbow=0)
PRONE_SOLVE = Solve(("pitch",), "hands", "feet", 10.0, 115.0)  # hands and feet on the floor
BACK_KNEE = Solve(("knee_r",), "foot_r", "foot_l", 0.0, 150.0)  # lunges: both feet on the floor
WIDE_LEG = Solve(("hip_abd_r",), "foot_r", "foot_l", -10.0, 85.0)  # side lunge: the straight leg slides out
ARM_STYLES = (ARMS_DOWN, HANDS_HIPS, HANDS_CHEST, ARMS_CROSSED)
