"""A body-centred, scale-normalised view of a pose sequence, for rep signals and the classifier.

Centre: the Pelvis of each frame. Scale: the clip's median torso length (Neck–Pelvis distance), one
number per clip, so that relative motion (a squat's drop) is kept while camera distance is removed.
"""

from __future__ import annotations

import numpy as np

from analysis.vocab.landmarks import Landmark

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
    ok_all = np.isfinite(flat)  # [T, K]
    long_gaps: dict[bytes, np.ndarray] = {}  # most columns share a mask (a frame with no person)
    for c in np.flatnonzero(~ok_all.all(axis=0) & ok_all.any(axis=0)):
        ok = ok_all[:, c]
        filled = np.interp(t, t[ok], flat[ok, c])
        if max_gap is not None:
            key = ok.tobytes()
            if key not in long_gaps:
                long_gaps[key] = _long_gaps(ok, max_gap)
            filled[long_gaps[key]] = np.nan
        flat[:, c] = filled
    return out


def _long_gaps(ok: np.ndarray, max_gap: int) -> np.ndarray:
    """Mask of samples inside runs of missing values longer than max_gap."""
    edges = np.diff(np.concatenate([[0], (~ok).astype(np.int8), [0]]))  # +1 where a run starts, −1 after it
    mask = np.zeros(ok.shape, bool)
    for start, end in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True):
        if end - start > max_gap:
            mask[start:end] = True
    return mask
