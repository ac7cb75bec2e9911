"""A body-centred, scale-normalised view of a pose sequence, for rep signals and the classifier.

Centre: the Pelvis of each frame. Scale: the clip's median torso length (Neck–Pelvis distance), one
number per clip, so that relative motion (a squat's drop) is kept while camera distance is removed.
"""

from __future__ import annotations

import numpy as np

from analysis.landmarks import Landmark

MIN_TORSO_PX = 1e-3


def torso_length(xy: np.ndarray) -> float:
    """Median Neck–Pelvis distance over the frames where both exist; NaN if none."""
    d = np.linalg.norm(xy[:, Landmark.NECK] - xy[:, Landmark.PELVIS], axis=-1)
    d = d[np.isfinite(d)]
    return float(np.median(d)) if d.size else float("nan")


def body_frame(xy: np.ndarray) -> np.ndarray:
    """[T, J, 2] pixels → [T, J, 2] in torso units centred on each frame's pelvis (y down, as images).

    Frames with no person stay NaN. A clip with no valid torso returns all NaN.
    """
    scale = torso_length(xy)
    if not np.isfinite(scale) or scale < MIN_TORSO_PX:
        return np.full_like(xy, np.nan, dtype=np.float32)
    centred = xy - xy[:, Landmark.PELVIS : Landmark.PELVIS + 1]
    return (centred / scale).astype(np.float32)


def fill_gaps(values: np.ndarray, max_gap: int | None = None) -> np.ndarray:
    """Linear interpolation over NaNs along axis 0 (any trailing shape); edges take the nearest value.

    Gaps longer than max_gap samples stay NaN. An all-NaN column stays NaN.
    """
    out = np.array(values, dtype=np.float32, copy=True, order="C")  # reshape below must be a view
    flat = out.reshape(out.shape[0], -1)
    t = np.arange(flat.shape[0])
    for c in range(flat.shape[1]):
        col = flat[:, c]
        ok = np.isfinite(col)
        if ok.all() or not ok.any():
            continue
        filled = np.interp(t, t[ok], col[ok])
        if max_gap is not None:
            filled[_long_gaps(ok, max_gap)] = np.nan
        flat[:, c] = filled
    return out


def _long_gaps(ok: np.ndarray, max_gap: int) -> np.ndarray:
    """Mask of samples inside runs of missing values longer than max_gap."""
    mask = np.zeros_like(ok)
    run_start = None
    for i, good in enumerate(np.append(ok, True)):
        if not good and run_start is None:
            run_start = i
        elif good and run_start is not None:
            if i - run_start > max_gap:
                mask[run_start:i] = True
            run_start = None
    return mask
