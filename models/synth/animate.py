"""Animation for the motion generator (``models.synth.generate``): a ``Motion`` row, its faults and the clip's
random draws become a timeline of segments (stand, enter, base, rep, exit) and DOF values per frame,
with per-rep range and tempo jitter, a slow sway of every DOF, and ground-truth reps and phases
(``animate``). ``dance`` makes up the background "dance" row per clip.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from models.synth.poses import (
    DOF,
    DOFS,
    MIRROR_DOF,
    MIRROR_SIGN,
    STAND,
    UNSCALED,
    Fault,
    Motion,
    P,
    pose_vector,
)

# ---------------------------------------------------------------------------------------------------------
# Animation: a timeline of segments → DOFs per frame


@dataclass(frozen=True, eq=False)
class Timeline:
    q: np.ndarray  # [T, D]
    mirrored: np.ndarray  # [T] bool
    rep_index: np.ndarray  # [T] int, −1 outside counted reps
    phase: np.ndarray  # [T] float, NaN outside counted reps
    rep_frames: tuple[tuple[int, int, int], ...]
    hold_s: float | None
    moving: np.ndarray  # [T] travel speed (m/s) along the heading


def _with_faults(motion: Motion, faults: Iterable[Fault]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """→ base [D], key phases [K+2], key poses [K+2, D] (the base at phases 0 and 1), faults applied."""
    base = pose_vector(motion.base)
    keys = np.array([pose_vector(k, base) for _, k in motion.keys]).reshape(-1, len(DOFS))
    key_phases = np.array([p for p, _ in motion.keys])
    for f in faults:
        for n, s in f.scale.items():
            keys[:, DOF[n]] = base[DOF[n]] + s * (keys[:, DOF[n]] - base[DOF[n]])
        rows = np.isclose(key_phases[:, None], np.array(f.at)[None]).any(1) if f.at else slice(None)
        for n, v in f.add_keys.items():
            keys[rows, DOF[n]] += v
        for n, v in f.add_all.items():
            keys[:, DOF[n]] += v
            base[DOF[n]] += v
    phases = np.array([0.0, *(p for p, _ in motion.keys), 1.0])
    return base, phases, np.vstack([base, keys, base])


def _keyframes(phase: np.ndarray, phases: np.ndarray, poses: np.ndarray) -> np.ndarray:
    """Cosine-eased interpolation between key poses: phase [N] in [0, 1] → [N, D]."""
    k = np.clip(np.searchsorted(phases, phase, side="right") - 1, 0, len(phases) - 2)
    u = (phase - phases[k]) / (phases[k + 1] - phases[k])
    e = ((1 - np.cos(np.pi * np.clip(u, 0, 1))) / 2)[:, None]
    return poses[k] * (1 - e) + poses[k + 1] * e


def _warp(p: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Time fraction → key phase, piecewise linear with time a ↦ phase 0.5 (uneven up/down speed)."""
    return np.where(p < a, 0.5 * p / a, 0.5 + 0.5 * (p - a) / (1 - a))


def _unwarp(k: float, a: float) -> float:
    return k * 2 * a if k < 0.5 else a + (k - 0.5) * 2 * (1 - a)


def _segments(
    motion: Motion, rng: np.random.Generator, n_reps: int | None, max_s: float, setup: bool | None
) -> list[tuple]:
    """[(kind, seconds, rep number)] with kind in stand | enter | base | rep | exit."""
    segs: list[tuple] = []
    can_enter = (motion.height == 0.0 and motion.posture != "standing") or motion.hold
    entering = can_enter and (rng.random() < 0.35 if setup is None else setup)
    if entering:
        segs += [("stand", rng.uniform(0.3, 1.2), -1), ("enter", rng.uniform(1.2, 2.5), -1)]
    segs.append(("base", rng.uniform(0.3, 2.5), -1))
    if motion.hold:
        segs.append(("base", rng.uniform(4.0, min(20.0, max(4.5, max_s - 6.0))), -1))
    else:
        want = int(rng.integers(motion.reps[0], motion.reps[1] + 1)) if n_reps is None else n_reps
        period = rng.uniform(*motion.tempo)
        used = sum(s[1] for s in segs) + 1.0
        for k in range(want):
            dur = period * rng.uniform(0.88, 1.12)
            if n_reps is None and k > 0 and used + dur > max_s:
                break
            if k > 0 and rng.random() < motion.rest_prob:
                rest = rng.uniform(0.3, 2.0)
                segs.append(("base", rest, -1))
                used += rest
            segs.append(("rep", dur, k))
            used += dur
    segs.append(("base", rng.uniform(0.2, 2.0), -1))
    if entering and rng.random() < 0.5:
        segs += [("exit", rng.uniform(1.2, 2.5), -1), ("stand", rng.uniform(0.3, 1.0), -1)]
    return segs


def animate(
    motion: Motion,
    faults: tuple[Fault, ...],
    rng: np.random.Generator,
    fps: float,
    n_reps: int | None,
    max_s: float,
    setup: bool | None,
) -> Timeline:
    base, phases, poses = _with_faults(motion, faults)
    if motion.styles:
        overlay = motion.styles[int(rng.integers(len(motion.styles)))]
        for n, v in overlay.items():
            base[DOF[n]] = v
            poses[:, DOF[n]] = v
    stand = pose_vector(STAND)
    segs = _segments(motion, rng, n_reps, max_s, setup)
    bounds = np.cumsum([0.0] + [s[1] for s in segs])
    n = max(int(np.floor(bounds[-1] * fps)), 2)
    t = np.arange(n) / fps
    si = np.clip(np.searchsorted(bounds, t, side="right") - 1, 0, len(segs) - 1)
    kinds = np.array([s[0] for s in segs])[si]
    u = (t - bounds[si]) / np.array([s[1] for s in segs])[si]  # [T] fraction through the segment
    rep_of_seg = np.array([s[2] for s in segs])
    n_done = int(rep_of_seg.max()) + 1 if (rep_of_seg >= 0).any() else 0
    rom = rng.uniform(0.8, 1.08) * rng.uniform(0.94, 1.04, size=max(n_done, 1))  # per rep
    asym = rng.uniform(0.38, 0.62, size=max(n_done, 1))  # time fraction of the rep's peak

    q = np.repeat(base[None], n, axis=0)
    q[kinds == "stand"] = stand
    ease = (1 - np.cos(np.pi * u)) / 2
    for kind, w in (("enter", ease), ("exit", 1 - ease)):
        sel = kinds == kind
        q[sel] = stand + (base - stand) * w[sel, None]
    rep = np.where(kinds == "rep", rep_of_seg[si], -1)
    mirrored = (rep >= 0) & motion.alternate & (rep % 2 == 1)
    sel = rep >= 0
    if sel.any():
        dev = _keyframes(_warp(u[sel], asym[rep[sel]]), phases, poses) - base  # [R, D]
        dev = np.where(mirrored[sel, None], dev[:, MIRROR_DOF] * MIRROR_SIGN, dev)
        scale = np.where(np.isin(np.array(DOFS), UNSCALED), 1.0, rom[rep[sel], None])
        q[sel] = base + dev * scale
    q += _sway(rng, t)
    speed = np.zeros(n)
    if motion.travel and sel.any():
        durs = np.array([s[1] for s in segs])[si]
        speed[sel] = motion.travel / durs[sel]

    counted = motion.counted and not motion.hold
    rep_frames = []
    if counted:
        for k in range(n_done):
            j = int(np.flatnonzero(rep_of_seg == k)[0])
            t0, t1 = bounds[j], bounds[j + 1]
            tp = t0 + _unwarp(motion.peak, float(asym[k])) * (t1 - t0)
            rep_frames.append(tuple(min(int(round(x * fps)), n - 1) for x in (t0, tp, t1)))
    hold_s = float(sum(s[1] for s in segs if s[0] == "base")) if motion.hold else None
    return Timeline(
        q=q,
        mirrored=mirrored,
        rep_index=rep if counted else np.full(n, -1),
        phase=np.where(rep >= 0, u, np.nan).astype(np.float32) if counted else np.full(n, np.nan, np.float32),
        rep_frames=tuple(rep_frames),  # type: ignore[arg-type]
        hold_s=hold_s,
        moving=speed,
    )


_SWAY = pose_vector(P(pitch=1.0, roll=1.0, tx=0.01, tz=0.01, spine_flex=2, spine_lat=1.5, spine_twist=2,
                  neck_flex=4, shrug=0.004, sh_flex=3, sh_abd=3, sh_rot=4, elbow=3, hip_flex=1.5, hip_abd=1.0,
                  hip_rot=2, knee=1.5, ankle=2))  # fmt: skip


def _sway(rng: np.random.Generator, t: np.ndarray) -> np.ndarray:
    """Small smooth random drift of every DOF: [T, D] (sum of three slow sinusoids each)."""
    d = len(DOFS)
    f = rng.uniform(0.05, 0.7, size=(3, d))
    ph = rng.uniform(0, 2 * np.pi, size=(3, d))
    a = rng.normal(0, 1, size=(3, d)) / np.sqrt(3)
    waves = np.sin(2 * np.pi * t[:, None, None] * f + ph)  # [T, 3, D]
    return (waves * a).sum(1) * _SWAY * rng.uniform(0.5, 1.5)


def dance(rng: np.random.Generator) -> Motion:
    """Random dance-like cycle: 2–4 random full-body keyframes."""
    keys = []
    n = int(rng.integers(2, 5))
    for i in range(n):
        side = {}
        for s in "lr":
            side |= {f"sh_flex_{s}": rng.uniform(-20, 160), f"sh_abd_{s}": rng.uniform(0, 160),
                     f"elbow_{s}": rng.uniform(0, 130), f"hip_flex_{s}": rng.uniform(0, 50),
                     f"knee_{s}": rng.uniform(0, 60), f"hip_abd_{s}": rng.uniform(0, 25)}  # fmt: skip
        body = dict(spine_twist=rng.uniform(-30, 30), spine_lat=rng.uniform(-15, 15),
                    spine_flex=rng.uniform(-10, 25), lift=rng.uniform(0, 0.08))  # fmt: skip
        keys.append(((i + 1) / (n + 1), P(STAND, side, body)))
    return Motion("standing", STAND, tuple(keys), tempo=(0.8, 2.0), reps=(4, 14), fixed=None, counted=False,
                  rest_prob=0.1)  # fmt: skip
