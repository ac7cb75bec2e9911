"""Filming for the motion generator (``models.synth.generate``): a random camera around the subject
(``random_yaw``, ``film``) projects the world points to pixels, and ``corrupt`` adds MediaPipe-like
visibility, jitter, badly tracked joints and frames with no person found.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.vocab.landmarks import N_MEDIAPIPE
from models.synth.body import FACE_IDX, Body
from models.synth.poses import GROUP_INDEX

# ---------------------------------------------------------------------------------------------------------
# Camera, projection, MediaPipe-like noise

FRAME_SIZES: tuple[tuple[int, int], ...] = (
    (360, 640), (480, 640), (368, 640), (640, 360), (640, 480), (480, 480),
)  # fmt: skip  # (w, h) after the decoder's downscaling to a 640 px long side


def random_yaw(rng: np.random.Generator) -> float:
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
class Shot:
    uv: np.ndarray  # [T, 33, 2] pixels
    depth: np.ndarray  # [T, 33] metres from the camera
    size: tuple[int, int]
    px_per_m: float  # at the subject's distance


def film(
    pts: np.ndarray, rng: np.random.Generator, yaw: float, size: tuple[int, int], partial: bool, body: Body
) -> Shot:
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
    return Shot(uv=n * s + off, depth=depth, size=size, px_per_m=float(s / dist))


_NOISY = np.ones(N_MEDIAPIPE)
_NOISY[list(GROUP_INDEX["hands"]) + list(GROUP_INDEX["feet"])] = 1.6
_NOISY[FACE_IDX] = 0.6


def corrupt(shot: Shot, rng: np.random.Generator, noise: float, fps: float) -> tuple[np.ndarray, np.ndarray]:
    """→ xy [T, 33, 2] (NaN on missing frames), visibility [T, 33]."""
    uv = shot.uv.copy()
    t = uv.shape[0]
    w, h = shot.size
    # visibility: high, lower for joints behind the torso (self-occlusion) and outside the frame
    vis = rng.uniform(0.9, 0.995, N_MEDIAPIPE)[None] + rng.normal(0, 0.02, (t, N_MEDIAPIPE))
    torso_depth = shot.depth[:, list(GROUP_INDEX["back"])].mean(1, keepdims=True)  # [T, 1]
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
