"""The body of the motion generator (``models.synth.generate``): segment lengths (``Body``, ``random_body``),
forward kinematics from DOFs to the 33 BlazePose points, the per-frame contact solve, placement on the
support (``place``) and the body's heading and travel in the world (``to_world``). The DOF vocabulary and
contact groups come from ``synth.poses``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.vocab.landmarks import N_MEDIAPIPE
from analysis.vocab.landmarks import Landmark as L
from models.synth.poses import DOF, MIRROR33, MIRROR_DOF, SIDED, Motion, Solve, group_mask, pose_vector

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
FACE_IDX = np.array(list(_FACE), np.int64)
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
XFLIP = np.array([-1.0, 1.0, 1.0])


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
    # the roll turns the tipped body about the axis it faced along: lying, about its own length
    r_root = _rot(2, c[DOF["roll"]]) @ _rot(0, c[DOF["pitch"]])
    r_spine = _rot(0, c[DOF["spine_flex"]]) @ _rot(2, -c[DOF["spine_lat"]]) @ _rot(1, c[DOF["spine_twist"]])
    r_torso = r_root @ r_spine
    r_head = r_torso @ _rot(0, c[DOF["neck_flex"]])
    neck = origin + r_torso @ np.array([0.0, body.torso, 0.0])  # [T, 3]
    face = np.broadcast_to(_FACE_OFF * body.head, (t, *_FACE_OFF.shape))  # [T, 11, 3]
    out[:, FACE_IDX] = neck[:, None] + _apply(r_head, face)
    for side, sign in (("l", 1.0), ("r", -1.0)):
        g = {n: c[DOF[f"{n}_{side}"]] for n in SIDED}
        # arm, in the torso frame, computed as a left arm and mirrored for the right
        shoulder = np.zeros((t, 3))
        shoulder[:, 0] = body.shoulder_w / 2
        shoulder[:, 1] = body.torso + c[DOF["shrug"]]
        r_ua = _rot(0, -g["sh_flex"]) @ _rot(2, g["sh_abd"]) @ _rot(1, g["sh_rot"])
        elbow, wrist, r_fa = _limb(shoulder, r_ua, _rot(0, -g["elbow"]), body.upper_arm, body.forearm)
        hand = wrist[:, None] + _apply(r_fa, np.broadcast_to(_HAND_OFF * body.hand, (t, 3, 3)))  # [T, 3, 3]
        arm = np.concatenate([shoulder[:, None], elbow[:, None], wrist[:, None], hand], axis=1) * (
            XFLIP if sign < 0 else 1.0
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
            XFLIP if sign < 0 else 1.0
        )  # [T, 5, 3]
        out[:, _LEG_IDX[side]] = origin[:, None] + _apply(r_root, leg)
    return out


def _lowest(y: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """y [T, 33], mask [T, 33] → [T] lowest y within the mask."""
    return np.where(mask, y, np.inf).min(axis=1)


def _masks(group: str, mirrored: np.ndarray) -> np.ndarray:
    """[T, 33] group mask per frame, mirrored (left ↔ right) where mirrored is set."""
    m = group_mask(group)
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
    q0 = pose_vector(motion.base)[None]
    no = np.zeros(1, bool)
    if motion.solve is not None:
        q0 = _solve(q0, body, motion.solve, no)
    p = forward_kinematics(q0, body)[0]
    return p[group_mask(motion.fixed or "all")][:, [0, 2]].mean(0)


# ---------------------------------------------------------------------------------------------------------
# World: heading and travel


def to_world(pts: np.ndarray, speed: np.ndarray, rng: np.random.Generator, fps: float) -> np.ndarray:
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
