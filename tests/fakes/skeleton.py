"""Hand-built 2D stick figures with exactly known angles, for unit tests of measures, rules and reps.

Segment directions are in degrees: limbs from straight down (positive = toward the figure's front, +x),
torso and head from straight up (positive = leaning forward). Lengths are in pixels (torso = 100).
`side_frame` draws a figure seen from its left side (both sides almost coincide);
`front_frame` one facing the camera. `sequence` stacks frames into a PoseSequence.
"""

from __future__ import annotations

import numpy as np

from analysis.vocab.landmarks import N_JOINTS, N_MEDIAPIPE, Landmark, add_derived
from analysis.vocab.types import PoseSequence

L = Landmark
TORSO, THIGH, SHIN, UPPER_ARM, FOREARM, NECK_TO_EAR, FOOT = 100.0, 90.0, 85.0, 60.0, 55.0, 28.0, 25.0


def _down(deg: float) -> np.ndarray:
    r = np.radians(deg)
    return np.array([np.sin(r), np.cos(r)])  # image y points down


def _up(deg: float) -> np.ndarray:
    r = np.radians(deg)
    return np.array([np.sin(r), -np.cos(r)])


def side_frame(
    pelvis: tuple[float, float] = (320.0, 300.0),
    torso: float = 0.0,
    head: float | None = None,
    thigh: float = 0.0,
    shin: float = 0.0,
    upper_arm: float = 0.0,
    forearm: float = 0.0,
    heel_lift_px: float = 0.0,
    depth_px: float = 6.0,
) -> np.ndarray:
    """[33, 2] landmarks of a figure seen from its left side; the right side is offset by depth_px."""
    p = np.zeros((N_MEDIAPIPE, 2))
    hip = np.array(pelvis, dtype=float)
    shoulder = hip + TORSO * _up(torso)
    ear = shoulder + NECK_TO_EAR * _up(torso if head is None else head)
    knee = hip + THIGH * _down(thigh)
    ankle = knee + SHIN * _down(shin)
    heel = ankle + np.array([-8.0, 10.0 - heel_lift_px])
    toe = heel + np.array([FOOT, heel_lift_px])
    elbow = shoulder + UPPER_ARM * _down(upper_arm)
    wrist = elbow + FOREARM * _down(forearm)
    nose = ear + np.array([12.0, 4.0])
    for side, dx in (("LEFT", 0.0), ("RIGHT", depth_px)):
        off = np.array([dx, 0.0])
        for name, pt in (
            ("SHOULDER", shoulder),
            ("ELBOW", elbow),
            ("WRIST", wrist),
            ("HIP", hip),
            ("KNEE", knee),
            ("ANKLE", ankle),
            ("HEEL", heel),
            ("FOOT_INDEX", toe),
            ("EAR", ear),
            ("EYE", nose + [-3, -6]),
            ("EYE_INNER", nose + [-2, -6]),
            ("EYE_OUTER", nose + [-5, -6]),
            ("PINKY", wrist + [2, 6]),
            ("INDEX", wrist + [4, 6]),
            ("THUMB", wrist + [3, 3]),
        ):
            p[L[f"{side}_{name}"]] = pt + off
    p[L.NOSE] = nose
    p[L.MOUTH_LEFT] = p[L.MOUTH_RIGHT] = nose + [0, 6]
    return p


def front_frame(
    pelvis: tuple[float, float] = (320.0, 300.0),
    shoulder_half_px: float = 38.0,
    hip_half_px: float = 18.0,
    knee_half_px: float = 20.0,
    ankle_half_px: float = 20.0,
    leg_drop_px: float = 175.0,
    arm_angle: float = 10.0,
    elbow_bend: float = 0.0,
) -> np.ndarray:
    """[33, 2] landmarks of a figure facing the camera. arm_angle: arms out from the sides (0 = down,
    180 = straight up); leg_drop_px: ankle height below the hips (a squat shortens it)."""
    p = np.zeros((N_MEDIAPIPE, 2))
    cx, cy = pelvis
    for sign, side in ((1, "LEFT"), (-1, "RIGHT")):  # the person's left is on image right
        shoulder = np.array([cx + sign * shoulder_half_px, cy - TORSO])
        hip = np.array([cx + sign * hip_half_px, cy])
        knee = np.array([cx + sign * knee_half_px, cy + leg_drop_px / 2])
        ankle = np.array([cx + sign * ankle_half_px, cy + leg_drop_px])
        r = np.radians(arm_angle)
        elbow = shoulder + UPPER_ARM * np.array([sign * np.sin(r), np.cos(r)])
        r2 = np.radians(arm_angle + elbow_bend)
        wrist = elbow + FOREARM * np.array([sign * np.sin(r2), np.cos(r2)])
        for name, pt in (
            ("SHOULDER", shoulder),
            ("ELBOW", elbow),
            ("WRIST", wrist),
            ("HIP", hip),
            ("KNEE", knee),
            ("ANKLE", ankle),
            ("HEEL", ankle + [0, 8]),
            ("FOOT_INDEX", ankle + [sign * 6, 14]),
            ("EAR", np.array([cx + sign * 14, cy - TORSO - 30])),
            ("EYE", np.array([cx + sign * 8, cy - TORSO - 34])),
            ("EYE_INNER", np.array([cx + sign * 5, cy - TORSO - 34])),
            ("EYE_OUTER", np.array([cx + sign * 11, cy - TORSO - 34])),
            ("PINKY", wrist + [0, 6]),
            ("INDEX", wrist + [0, 7]),
            ("THUMB", wrist + [0, 5]),
        ):
            p[L[f"{side}_{name}"]] = pt
        p[L[f"MOUTH_{side}"]] = [cx + sign * 5, cy - TORSO - 22]
    p[L.NOSE] = [cx, cy - TORSO - 28]
    return p


def rotate(frame: np.ndarray, deg: float, centre: tuple[float, float] = (320.0, 300.0)) -> np.ndarray:
    """Rotate a figure about centre (positive = clockwise on screen), e.g. 90 to lay a side figure prone."""
    r = np.radians(deg)
    rot = np.array([[np.cos(r), -np.sin(r)], [np.sin(r), np.cos(r)]])
    c = np.array(centre)
    return (frame - c) @ rot.T + c


def sequence(frames: list[np.ndarray], fps: float = 15.0, size: tuple[int, int] = (640, 480)) -> PoseSequence:
    """Stack [33, 2] frames (or None for 'no person') into a PoseSequence with full visibility."""
    n = len(frames)
    xy = np.full((n, N_JOINTS, 2), np.nan, np.float32)
    vis = np.zeros((n, N_JOINTS), np.float32)
    for i, f in enumerate(frames):
        if f is not None:
            xy[i] = add_derived(f[None])[0]
            vis[i] = 0.99
    return PoseSequence(
        xy=xy,
        z=np.zeros((n, N_JOINTS), np.float32),
        visibility=vis,
        t_s=np.arange(n, dtype=np.float32) / fps,
        frame_index=np.arange(n),
        fps=fps,
        size=size,
    )


def cycle(n_reps: int, fps: float = 15.0, rep_s: float = 2.0, rest_s: float = 1.0) -> np.ndarray:
    """0 at rest … 1 at the working extreme, n_reps smooth cycles with rests before, between and after."""
    rest = np.zeros(int(rest_s * fps))
    one = (1 - np.cos(np.linspace(0, 2 * np.pi, int(rep_s * fps)))) / 2
    parts = [rest]
    for _ in range(n_reps):
        parts += [one, rest]
    return np.concatenate(parts)
