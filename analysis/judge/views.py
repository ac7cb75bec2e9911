"""Camera view from the skeleton: how wide the shoulders and hips look next to the torso's length."""

from __future__ import annotations

import numpy as np

from analysis.vocab.landmarks import Landmark as L
from analysis.vocab.types import PoseSequence, View

# Shoulder width ≈ 0.75 torso lengths facing the camera and ≈ 0 side-on (hips ≈ 0.5 and ≈ 0).
SIDE_MAX_RATIO = 0.28
FRONT_MIN_RATIO = 0.5


def width_ratio(seq: PoseSequence) -> float:
    xy = seq.xy
    torso = np.linalg.norm(xy[:, L.NECK] - xy[:, L.PELVIS], axis=-1)
    shoulders = np.linalg.norm(xy[:, L.LEFT_SHOULDER] - xy[:, L.RIGHT_SHOULDER], axis=-1)
    hips = np.linalg.norm(xy[:, L.LEFT_HIP] - xy[:, L.RIGHT_HIP], axis=-1) * 1.5  # hips are narrower
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.maximum(shoulders, hips) / torso
    ratio = ratio[np.isfinite(ratio)]
    return float(np.median(ratio)) if ratio.size else float("nan")


def detect_view(seq: PoseSequence) -> View:
    r = width_ratio(seq)
    if not np.isfinite(r):
        return View.UNKNOWN
    if r <= SIDE_MAX_RATIO:
        return View.SIDE
    if r >= FRONT_MIN_RATIO:
        return View.FRONT
    return View.OBLIQUE
