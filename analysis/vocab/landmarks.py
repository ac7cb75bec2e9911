"""Joint ids: the 33 BlazePose landmarks plus the derived Neck, Pelvis and Spine of the original work."""

from __future__ import annotations

from enum import IntEnum

import numpy as np


class Landmark(IntEnum):
    NOSE = 0
    LEFT_EYE_INNER = 1
    LEFT_EYE = 2
    LEFT_EYE_OUTER = 3
    RIGHT_EYE_INNER = 4
    RIGHT_EYE = 5
    RIGHT_EYE_OUTER = 6
    LEFT_EAR = 7
    RIGHT_EAR = 8
    MOUTH_LEFT = 9
    MOUTH_RIGHT = 10
    LEFT_SHOULDER = 11
    RIGHT_SHOULDER = 12
    LEFT_ELBOW = 13
    RIGHT_ELBOW = 14
    LEFT_WRIST = 15
    RIGHT_WRIST = 16
    LEFT_PINKY = 17
    RIGHT_PINKY = 18
    LEFT_INDEX = 19
    RIGHT_INDEX = 20
    LEFT_THUMB = 21
    RIGHT_THUMB = 22
    LEFT_HIP = 23
    RIGHT_HIP = 24
    LEFT_KNEE = 25
    RIGHT_KNEE = 26
    LEFT_ANKLE = 27
    RIGHT_ANKLE = 28
    LEFT_HEEL = 29
    RIGHT_HEEL = 30
    LEFT_FOOT_INDEX = 31
    RIGHT_FOOT_INDEX = 32
    NECK = 33  # shoulder midpoint
    PELVIS = 34  # hip midpoint
    SPINE = 35  # midpoint of Neck and Pelvis


N_MEDIAPIPE = 33
N_JOINTS = len(Landmark)

L = Landmark
# Bones drawn on annotated frames (BlazePose body connections without the face mesh, plus the spine).
CONNECTIONS: tuple[tuple[Landmark, Landmark], ...] = (
    (L.LEFT_SHOULDER, L.RIGHT_SHOULDER),
    (L.LEFT_SHOULDER, L.LEFT_ELBOW),
    (L.LEFT_ELBOW, L.LEFT_WRIST),
    (L.RIGHT_SHOULDER, L.RIGHT_ELBOW),
    (L.RIGHT_ELBOW, L.RIGHT_WRIST),
    (L.LEFT_SHOULDER, L.LEFT_HIP),
    (L.RIGHT_SHOULDER, L.RIGHT_HIP),
    (L.LEFT_HIP, L.RIGHT_HIP),
    (L.LEFT_HIP, L.LEFT_KNEE),
    (L.LEFT_KNEE, L.LEFT_ANKLE),
    (L.RIGHT_HIP, L.RIGHT_KNEE),
    (L.RIGHT_KNEE, L.RIGHT_ANKLE),
    (L.LEFT_ANKLE, L.LEFT_HEEL),
    (L.LEFT_HEEL, L.LEFT_FOOT_INDEX),
    (L.LEFT_ANKLE, L.LEFT_FOOT_INDEX),
    (L.RIGHT_ANKLE, L.RIGHT_HEEL),
    (L.RIGHT_HEEL, L.RIGHT_FOOT_INDEX),
    (L.RIGHT_ANKLE, L.RIGHT_FOOT_INDEX),
    (L.NECK, L.SPINE),
    (L.SPINE, L.PELVIS),
    (L.NECK, L.NOSE),
)

# Left/right pairs, for mirroring (data augmentation) and side selection.
MIRROR: dict[Landmark, Landmark] = {}
for _m in Landmark:
    if _m.name.startswith("LEFT_"):
        _r = Landmark[_m.name.replace("LEFT_", "RIGHT_", 1)]
        MIRROR[_m], MIRROR[_r] = _r, _m
MIRROR_INDEX = np.array([MIRROR.get(m, m) for m in Landmark], dtype=np.int64)


def add_derived(points: np.ndarray) -> np.ndarray:
    """[..., 33, C] → [..., 36, C]: append Neck, Pelvis and Spine (NaN propagates)."""
    neck = (points[..., L.LEFT_SHOULDER, :] + points[..., L.RIGHT_SHOULDER, :]) / 2
    pelvis = (points[..., L.LEFT_HIP, :] + points[..., L.RIGHT_HIP, :]) / 2
    spine = (neck + pelvis) / 2
    return np.concatenate([points, neck[..., None, :], pelvis[..., None, :], spine[..., None, :]], axis=-2)


def add_derived_visibility(vis: np.ndarray) -> np.ndarray:
    """[..., 33] → [..., 36]: a derived joint is as visible as the weaker of its two parents."""
    neck = np.minimum(vis[..., L.LEFT_SHOULDER], vis[..., L.RIGHT_SHOULDER])
    pelvis = np.minimum(vis[..., L.LEFT_HIP], vis[..., L.RIGHT_HIP])
    spine = np.minimum(neck, pelvis)
    return np.concatenate([vis, neck[..., None], pelvis[..., None], spine[..., None]], axis=-1)
