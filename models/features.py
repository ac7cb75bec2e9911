"""Pose sequence → classifier input windows. numpy only, so the analysis side can import it cheaply.

Pipeline (``clip_windows``): body_frame (pelvis-centred, torso units) → fill short gaps → resample by
timestamps to a fixed rate (15 fps and 30 fps sources look the same) → cut fixed-length windows →
channels x, y, visibility, dx, dy (optionally bx, by: each joint's bone direction, see ``bone_channels``).

The PELVIS joint is always (0, 0) in body_frame, so its slot carries the *global* pelvis track instead:
the pelvis position relative to its median over the window, in torso units. That keeps what
pelvis-centring throws away (a jump, a step forward or back) at no extra cost.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.vocab.landmarks import MIRROR_INDEX, Landmark
from analysis.vocab.normalize import body_frame, fill_gaps, torso_length

L = Landmark

CHANNELS: tuple[str, ...] = ("x", "y", "visibility", "dx", "dy")
N_CHANNELS = len(CHANNELS)  # C = 5
X, Y, VIS, DX, DY = range(N_CHANNELS)
BONE_CHANNELS: tuple[str, ...] = ("bx", "by")  # appended when FeatureConfig.bones is on
BX, BY = N_CHANNELS, N_CHANNELS + 1
BONE_SOFT_TORSO = 0.1  # bones much shorter than this (foreshortened) shrink towards 0, not any direction


@dataclass(frozen=True)
class FeatureConfig:
    rate_hz: float = 10.0  # resampling rate; one window step = 1 / rate_hz seconds
    window: int = 32  # steps per window (3.2 s at 10 Hz)
    stride: int = 16  # steps between window starts (half a window)
    max_windows: int = 6  # cap; longer clips get this many evenly spaced windows
    max_gap_s: float = 1.0  # gaps (missing person) up to this long are interpolated; longer ones stay empty
    clip_value: float = 4.0  # coordinates are clipped to ±clip_value torso units (outliers, bad frames)
    # Joints the model sees; the rest are zeroed. The core 13 (+ derived) exist in every training source
    # (Penn Action has no face, hands or feet), so the model cannot key on which joints a source has.
    joints: tuple[int, ...] | None = None
    # A clip shorter than one window: True = edge-repeat its last step to a whole window; False = one
    # shorter window of its own length (the network pools over time, so any length works; a model trained
    # with variable-length windows, AugmentConfig.var_len_p, reads it without a frozen tail).
    pad_short: bool = True
    # Two more channels per joint: the direction of the bone from its parent joint (a soft unit vector).
    # Unlike positions, bone directions do not change with limb proportions or with where an annotator
    # (MediaPipe, Penn Action's markers) puts a joint along the limb (the "bone stream" of 2s-AGCN).
    bones: bool = False


DEFAULT = FeatureConfig()


def n_channels(cfg: FeatureConfig) -> int:
    """Channels per joint of the windows ``cfg`` makes (5, or 7 with bones)."""
    return N_CHANNELS + (len(BONE_CHANNELS) if cfg.bones else 0)


def _parents() -> np.ndarray:
    """[J] the joint each joint hangs off in the body tree (PELVIS, the root, is its own parent)."""
    parent = {L.NECK: L.SPINE, L.SPINE: L.PELVIS, L.PELVIS: L.PELVIS, L.NOSE: L.NECK}
    for face in range(L.LEFT_EYE_INNER, L.MOUTH_RIGHT + 1):
        parent[Landmark(face)] = L.NOSE
    for side in ("LEFT", "RIGHT"):
        chain = {
            "SHOULDER": "NECK", "ELBOW": "SHOULDER", "WRIST": "ELBOW", "PINKY": "WRIST", "INDEX": "WRIST",
            "THUMB": "WRIST", "HIP": "PELVIS", "KNEE": "HIP", "ANKLE": "KNEE", "HEEL": "ANKLE",
            "FOOT_INDEX": "ANKLE",
        }  # fmt: skip
        for child, up in chain.items():
            up_joint = L[up] if up in ("NECK", "PELVIS") else L[f"{side}_{up}"]
            parent[L[f"{side}_{child}"]] = up_joint
    return np.array([parent[j] for j in Landmark], np.int64)


PARENT = _parents()
CORE_JOINTS: tuple[int, ...] = tuple(
    int(j)
    for j in (
        Landmark.NOSE,
        Landmark.LEFT_SHOULDER,
        Landmark.RIGHT_SHOULDER,
        Landmark.LEFT_ELBOW,
        Landmark.RIGHT_ELBOW,
        Landmark.LEFT_WRIST,
        Landmark.RIGHT_WRIST,
        Landmark.LEFT_HIP,
        Landmark.RIGHT_HIP,
        Landmark.LEFT_KNEE,
        Landmark.RIGHT_KNEE,
        Landmark.LEFT_ANKLE,
        Landmark.RIGHT_ANKLE,
        Landmark.NECK,
        Landmark.PELVIS,
        Landmark.SPINE,
    )
)


def clip_windows(
    xy: np.ndarray, visibility: np.ndarray, t_s: np.ndarray, cfg: FeatureConfig = DEFAULT
) -> np.ndarray:
    """xy [T, J, 2] pixels (NaN = no person), visibility [T, J], t_s [T] → windows [N, C, window, J] float32
    (a short clip with ``pad_short`` off: one window [1, C, S, J] of its S steps).

    N is between 1 and cfg.max_windows; N = 0 only when no frame has a torso (nothing to classify).
    Steps without data (long gaps) are zeros with visibility 0.
    """
    seq = resample(xy, visibility, t_s, cfg)  # [S, J, 3] (x, y, vis) at cfg.rate_hz
    if seq.shape[0] == 0:
        return np.zeros((0, n_channels(cfg), cfg.window, xy.shape[1]), np.float32)
    starts = window_starts(seq.shape[0], cfg)
    length = cfg.window if cfg.pad_short else min(cfg.window, seq.shape[0])
    idx = np.asarray(starts)[:, None] + np.arange(length)[None, :]  # [N, W]
    idx = np.minimum(idx, seq.shape[0] - 1)  # short clips: edge repetition
    win = seq[idx]  # [N, W, J, 3]
    return window_channels(win, cfg)


def resample(
    xy: np.ndarray, visibility: np.ndarray, t_s: np.ndarray, cfg: FeatureConfig = DEFAULT
) -> np.ndarray:
    """[T, J, 2] pixels + [T, J] + [T] → [S, J, 3] (body-frame x, y, visibility) on a uniform time grid.

    The PELVIS slot holds the global pelvis position in torso units (not yet window-centred).
    NaN remains where there was no data for longer than cfg.max_gap_s. S = 0 when no frame has a torso.
    """
    xy = np.ascontiguousarray(xy, np.float32)
    vis = np.ascontiguousarray(visibility, np.float32)
    t = np.asarray(t_s, np.float64)
    scale = torso_length(xy) if xy.shape[0] else np.nan
    if not np.isfinite(scale) or scale <= 0:
        return np.zeros((0, xy.shape[1], 3), np.float32)
    local = body_frame(xy)  # [T, J, 2]
    local[:, Landmark.PELVIS] = xy[:, Landmark.PELVIS] / scale
    dt = float(np.median(np.diff(t))) if t.size > 1 else 1.0 / cfg.rate_hz
    max_gap = int(np.ceil(cfg.max_gap_s / max(dt, 1e-3)))
    vis = np.where(np.isfinite(xy[..., 0]), np.nan_to_num(vis), np.nan)  # missing frames → gap
    merged = np.ascontiguousarray(np.concatenate([local, vis[..., None]], axis=-1), dtype=np.float32)
    merged = fill_gaps(merged, max_gap=max_gap)  # [T, J, 3] (fill_gaps needs C order: it fills via reshape)
    grid = t[0] + np.arange(int(np.floor((t[-1] - t[0]) * cfg.rate_hz + 1e-6)) + 1) / cfg.rate_hz  # [S]
    return _interp_rows(merged, t, grid)


def window_starts(n_steps: int, cfg: FeatureConfig = DEFAULT) -> list[int]:
    """Start indices: every cfg.stride steps plus one flush with the end; evenly thinned to max_windows."""
    last = max(n_steps - cfg.window, 0)
    starts = list(range(0, last + 1, cfg.stride))
    if starts[-1] != last:
        starts.append(last)
    if len(starts) > cfg.max_windows:
        starts = sorted({int(round(s)) for s in np.linspace(0, last, cfg.max_windows)})
    return starts


def mirror(xy: np.ndarray) -> np.ndarray:
    """Left/right mirror of body-frame coordinates [..., J, 2]: swap paired joints, x → −x."""
    out = np.array(xy[..., MIRROR_INDEX, :], copy=True)
    out[..., 0] = -out[..., 0]
    return out


def with_mirrored(windows: np.ndarray) -> np.ndarray:
    """[N, C, T, J] → [2N, C, T, J]: the windows, then each mirrored. Averaging a model's softmax over both
    (test-time mirroring) makes its answer the same for a clip and its mirror image."""
    return np.concatenate([windows, mirror_windows(windows)])


def mirror_windows(windows: np.ndarray) -> np.ndarray:
    """Mirror model input [N, C, T, J] (augmentation): swap paired joints, negate x, dx (and bx)."""
    out = np.array(windows[..., MIRROR_INDEX], copy=True)
    out[:, X] = -out[:, X]
    out[:, DX] = -out[:, DX]
    if out.shape[1] > BX:
        out[:, BX] = -out[:, BX]
    return out


def _interp_rows(values: np.ndarray, t: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """Linear interpolation of [T, ...] sampled at t onto grid; NaN where a neighbour is NaN."""
    if values.shape[0] == 1:
        return np.repeat(values, grid.size, axis=0)
    pos = np.interp(grid, t, np.arange(t.size, dtype=np.float64))  # [S] fractional sample index
    i0 = np.clip(np.floor(pos).astype(np.int64), 0, t.size - 2)
    w = (pos - i0).reshape(-1, *([1] * (values.ndim - 1))).astype(np.float32)
    a, b = values[i0], values[i0 + 1]
    out = a * (1 - w) + b * w
    out = np.where(w < 1e-6, a, out)
    return np.where(w > 1 - 1e-6, b, out).astype(np.float32)


def window_channels(win: np.ndarray, cfg: FeatureConfig) -> np.ndarray:
    """[N, W, J, 3] (x, y, vis; NaN = no data) → [N, C, W, J] with velocities and a window-centred pelvis."""
    win = win.copy()
    for n in range(win.shape[0]):  # global pelvis track → relative to its window median
        pelvis = win[n, :, Landmark.PELVIS, :2]  # [W, 2]
        ok = np.isfinite(pelvis).all(axis=-1)
        if ok.any():
            win[n, :, Landmark.PELVIS, :2] = pelvis - np.median(pelvis[ok], axis=0)
    missing = ~np.isfinite(win).all(axis=-1)  # [N, W, J]
    win = np.nan_to_num(win, nan=0.0)
    win[missing] = 0.0
    pos = np.clip(win[..., :2], -cfg.clip_value, cfg.clip_value)  # [N, W, J, 2]
    vel = np.zeros_like(pos)
    vel[:, 1:] = pos[:, 1:] - pos[:, :-1]  # [N, W, J, 2] per step
    vel[:, 1:][missing[:, 1:] | missing[:, :-1]] = 0.0
    parts = [pos, win[..., 2:3], vel]
    if cfg.bones:
        parts.append(bone_channels(pos, missing))
    feats = np.concatenate(parts, axis=-1)  # [N, W, J, C]
    if cfg.joints is not None:
        keep = np.zeros(feats.shape[2], bool)
        keep[list(cfg.joints)] = True
        feats[:, :, ~keep] = 0.0
    return np.ascontiguousarray(feats.transpose(0, 3, 1, 2), dtype=np.float32)  # [N, C, W, J]


def bone_channels(pos: np.ndarray, missing: np.ndarray) -> np.ndarray:
    """Body-frame positions [..., J, 2] (PELVIS slot = the global track) + missing [..., J] → [..., J, 2]:
    each joint's bone from its parent, b / sqrt(|b|² + soft²); zero for the root and where either end is
    missing."""
    body = pos.copy()
    body[..., Landmark.PELVIS, :] = 0.0  # in the body frame the pelvis is the origin
    bone = body - body[..., PARENT, :]  # [..., J, 2]
    norm = np.sqrt((bone**2).sum(-1, keepdims=True) + BONE_SOFT_TORSO**2)
    out = bone / norm
    gone = missing | missing[..., PARENT]
    gone[..., Landmark.PELVIS] = True
    out[gone] = 0.0
    return out.astype(np.float32)
