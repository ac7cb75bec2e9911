"""Vectorised geometry over pose arrays (numpy only). Angles in degrees; y points down.

Points are [..., 2] image pixels or [..., 3] metric world landmarks (x right, y down, z away from the
camera); where a function needs "horizontal" it is x in 2D and the x–z plane in 3D.
"""

from __future__ import annotations

import numpy as np


def angle_deg(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Angle ABC at vertex b, in [0, 180]. Inputs [..., 2]; NaN in → NaN out."""
    v1 = a - b
    v2 = c - b
    dot = np.sum(v1 * v2, axis=-1)
    norm = np.linalg.norm(v1, axis=-1) * np.linalg.norm(v2, axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        cos = np.clip(dot / norm, -1.0, 1.0)
    return np.degrees(np.arccos(cos))


def tilt_from_vertical_deg(top: np.ndarray, bottom: np.ndarray) -> np.ndarray:
    """Angle of the segment bottom→top away from straight up, in [0, 180] (0 = upright)."""
    v = top - bottom
    with np.errstate(invalid="ignore"):
        return np.degrees(np.arctan2(horizontal(v), -v[..., 1]))


def tilt_from_horizontal_deg(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Angle of segment a–b away from horizontal, in [0, 90]."""
    v = b - a
    with np.errstate(invalid="ignore"):
        return np.degrees(np.arctan2(np.abs(v[..., 1]), np.abs(v[..., 0])))


def line_deviation_deg(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Signed bend at b of the chain a–b–c: 0 = straight; >0 when b lies below the line a–c (image y down)
    — a sagging hip in a push-up — and <0 when above (a piked hip)."""
    straight = 180.0 - angle_deg(a, b, c)
    if a.shape[-1] == 3:
        return straight * _below_sign_3d(a, b, c)
    ac = c - a
    ab = b - a
    cross = ac[..., 0] * ab[..., 1] - ac[..., 1] * ab[..., 0]
    # Orientation-independent: "below" means further from the image top than the a–c line.
    sign = np.sign(cross) * np.sign(ac[..., 0] + 1e-9)
    return straight * sign


def _below_sign_3d(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    """+1 where b lies lower (larger y) than the point of the line a–c nearest to it, −1 above."""
    ac = c - a
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.sum((b - a) * ac, axis=-1) / np.sum(ac * ac, axis=-1)
    on_line_y = a[..., 1] + t * ac[..., 1]
    return np.sign(b[..., 1] - on_line_y)


def horizontal(v: np.ndarray) -> np.ndarray:
    """Length of a vector's horizontal part: |x| for image points, the x–z length for world points."""
    return np.abs(v[..., 0]) if v.shape[-1] == 2 else np.hypot(v[..., 0], v[..., 2])


def distance(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.linalg.norm(a - b, axis=-1)


def sample_rate_hz(t_s: np.ndarray) -> float:
    """Samples per second of a [T] time axis (median step); 15 when it has no usable step."""
    if t_s.size < 2:
        return 15.0
    dt = float(np.median(np.diff(t_s)))
    return 1.0 / dt if dt > 0 else 15.0


def moving_average(x: np.ndarray, window: int) -> np.ndarray:
    """NaN-aware centred moving average along axis 0 of a 1-D signal; window in samples (odd is best)."""
    if window <= 1 or x.size == 0:
        return x.astype(np.float64)
    ok = np.isfinite(x)
    vals = np.where(ok, x, 0.0)
    kernel = np.ones(window)
    num = np.convolve(vals, kernel, mode="same")
    den = np.convolve(ok.astype(np.float64), kernel, mode="same")
    with np.errstate(invalid="ignore", divide="ignore"):
        out = num / den
    out[den == 0] = np.nan
    return out


def nan_percentile(x: np.ndarray, q: float) -> float:
    x = x[np.isfinite(x)]
    return float(np.percentile(x, q)) if x.size else float("nan")
