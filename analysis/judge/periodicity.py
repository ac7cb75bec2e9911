"""Is anything repeating? The repetition period of a clip's whole-body motion, by autocorrelation.

Many normalised joint signals at once (limb joints relative to the pelvis, the pelvis itself, the body's
apparent size, and MediaPipe's metric world landmarks when present) make one multichannel signal; its
normalised autocorrelation at lag τ says how alike the motion is to itself τ seconds later. Its first
strong peak in [MIN_PERIOD_S, MAX_LAG_SHARE of the clip] is the period, the peak's height the strength. Each
channel weighs by its own variance, so joints that barely move (noise) hardly count.

Long clips are judged in windows of WINDOW_S (the tempo drifts over a long set, and a compilation
changes shots): the clip is periodic when at least PERIODIC_SHARE of its windows are.

Verdicts: STATIC (nothing repeats and nothing moves more than MIN_MOTION torso lengths), PERIODIC (strength ≥
MIN_STRENGTH), IRREGULAR (moving, with several large swings, and clearly nothing repeats — strength
below MAX_IRREGULAR_STRENGTH, and swings of varying timing and size: someone jumping about, dancing freely),
UNCLEAR (a movement or two, too few to show a period, as in a clip of a single rep; or a weak
repetition). Irregular clips get no rep exercise and no reps, unless the body barely moves and the
exercise's own rep measure keeps a steady beat by itself (a shrug amid sway); static ones none unless the
exercise's own rep measure counted some (analysis.judge.repcount).

The thresholds were chosen on generated clips (models.synth) and checked on the real labelled clips.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from analysis.judge.geometry import sample_rate_hz
from analysis.pose.estimator import MIN_VISIBILITY
from analysis.vocab.landmarks import Landmark as L
from analysis.vocab.normalize import fill_gaps, torso_length
from analysis.vocab.types import PoseSequence

MIN_PERIOD_S = 0.5  # faster than two repetitions a second is no exercise tempo
MAX_PERIOD_S = 10.0
MAX_LAG_SHARE = 0.6  # the longest period looked for: this share of the window (1.7 cycles seen)
MIN_MOTION = 0.2  # torso lengths: joint swings below this, repeating nothing, are standing still (sway)
NOISE_MOTION = 0.03  # … below this nothing moves at all (not even a small periodic shrug)
MOTION_PERCENTILE = 90  # the motion of a clip: this percentile of its channels' swings (not the noisiest)
MIN_STRENGTH = 0.5  # autocorrelation at the period
MAX_IRREGULAR_STRENGTH = 0.3
WINDOW_S = 16.0
HOP_S = 4.0
PERIODIC_SHARE = 1 / 3
FUNDAMENTAL_SHARE = 0.85  # the first peak within this share of the best one is the period (not a multiple)
SMOOTH_S = 0.2
DETREND_S = 6.0  # slower drifts (walking in, the camera settling) are removed before comparing
IRREGULAR_SWINGS = 4  # at least this many large swings (2·N−1 extremes) without a period: moving about at
# random. Evidence over several cycles: with 3 (5 extremes), a few real but uneven reps (a slow one, a
# shallow one) or a compilation of single-rep shots was called irregular and its reps zeroed. Generated
# random jumping (tests) shows ≥ 9 extremes in 20 s; no generated background changes verdict.
IRREGULAR_UNSTEADY = 0.25  # … and the swings' intervals and sizes vary (no steady beat; _unsteadiness)
SWING_PROMINENCE = 0.4  # a large swing: this share of the principal signal's range
_JOINTS = (
    L.NOSE, L.LEFT_SHOULDER, L.RIGHT_SHOULDER, L.LEFT_ELBOW, L.RIGHT_ELBOW, L.LEFT_WRIST, L.RIGHT_WRIST,
    L.LEFT_HIP, L.RIGHT_HIP, L.LEFT_KNEE, L.RIGHT_KNEE, L.LEFT_ANKLE, L.RIGHT_ANKLE,
)  # fmt: skip


class Verdict(StrEnum):
    STATIC = "static"
    PERIODIC = "periodic"
    IRREGULAR = "irregular"
    UNCLEAR = "unclear"


@dataclass(frozen=True)
class Periodicity:
    verdict: Verdict
    period_s: float | None  # None unless PERIODIC (the median over periodic windows)
    strength: float  # autocorrelation at the period (the best peak when not periodic), −1..1
    motion: float  # the joints' swing (5–95 % range, MOTION_PERCENTILE of the channels), torso lengths
    min_period_s: float | None = None  # the shortest periodic window's period (the fastest stretch)

    @property
    def is_periodic(self) -> bool:
        return self.verdict is Verdict.PERIODIC


def body_signals(seq: PoseSequence) -> np.ndarray:
    """[K, T] normalised motion channels (torso lengths or ratios), zero-mean, slow drift removed."""
    n = len(seq)
    scale = torso_length(seq.xy)
    if n == 0 or not np.isfinite(scale) or scale <= 0:
        return np.zeros((0, n))
    raw = seq.xy.astype(np.float64)
    pelvis = raw[:, L.PELVIS]  # the reference, also where a hip is poorly visible (the far side)
    xy = raw.copy()
    xy[seq.visibility < MIN_VISIBILITY] = np.nan
    rel = (xy[:, list(_JOINTS)] - pelvis[:, None]) / scale  # [T, 13, 2]
    width = np.linalg.norm(raw[:, L.LEFT_SHOULDER] - raw[:, L.RIGHT_SHOULDER], axis=-1) / scale
    chans = [rel.reshape(n, -1), (pelvis - np.nanmedian(pelvis, axis=0)) / scale, width[:, None]]
    if seq.world is not None and seq.world.shape[0] == n:
        w = seq.world[:, list(_JOINTS)].astype(np.float64)
        w_torso = np.nanmedian(np.linalg.norm(seq.world[:, L.NECK] - seq.world[:, L.PELVIS], axis=-1))
        if np.isfinite(w_torso) and w_torso > 0:
            w[seq.visibility[:, list(_JOINTS)] < MIN_VISIBILITY] = np.nan
            chans.append(w.reshape(n, -1) / w_torso)
    x = np.concatenate(chans, axis=1)  # [T, K]
    fps = sample_rate_hz(seq.t_s)
    x = fill_gaps(x, max_gap=max(1, int(round(fps)))).astype(np.float64)
    x = x[:, np.isfinite(x).mean(axis=0) >= 0.5]
    with np.errstate(all="ignore"):
        x = np.where(np.isfinite(x), x, np.nanmean(x, axis=0))  # what long gaps left: the channel's mean
    x = _smooth(x, max(1, int(round(SMOOTH_S * fps)) | 1))
    if seq.t_s[-1] - seq.t_s[0] > 2 * DETREND_S:
        x = x - _smooth(x, int(round(DETREND_S * fps)) | 1)
    return (x - x.mean(axis=0)).T


def _smooth(x: np.ndarray, window: int) -> np.ndarray:
    """Centred moving average of every column of [T, K] (shorter windows at the ends)."""
    if window <= 1 or x.shape[0] == 0:
        return x
    half = window // 2
    c = np.vstack([np.zeros((1, x.shape[1])), np.cumsum(x, axis=0)])
    idx = np.arange(x.shape[0])
    lo, hi = np.maximum(idx - half, 0), np.minimum(idx + half + 1, x.shape[0])
    return (c[hi] - c[lo]) / (hi - lo)[:, None]


def autocorrelation(x: np.ndarray) -> np.ndarray:
    """[K, T] (or [T]) → [T] normalised autocorrelation of the multichannel signal at lags 0 … T−1:
    Σ x(t)·x(t+τ) over the overlap, divided by the root of both overlapping parts' energies."""
    x = np.atleast_2d(np.asarray(x, dtype=np.float64))
    n = x.shape[1]
    if n < 2:
        return np.ones(n)
    size = 1 << int(np.ceil(np.log2(2 * n)))
    f = np.fft.rfft(x, size, axis=1)
    cov = np.fft.irfft(f * np.conj(f), size, axis=1)[:, :n].sum(axis=0)  # [n]
    e = np.cumsum((x**2).sum(axis=0))  # energy of the first i+1 samples
    total = e[-1]
    lags = np.arange(n)
    head = e[n - 1 - lags]  # samples 0 … n−1−τ
    tail = total - np.concatenate([[0.0], e[:-1]])[lags]  # samples τ … n−1
    with np.errstate(invalid="ignore", divide="ignore"):
        r = cov / np.sqrt(head * tail)
    return np.nan_to_num(r, nan=0.0)


def estimate(seq: PoseSequence) -> Periodicity:
    """The clip's periodicity from its whole-body motion."""
    return from_signals(body_signals(seq), seq.t_s)


def from_signals(x: np.ndarray, t_s: np.ndarray) -> Periodicity:
    x = np.atleast_2d(x)
    if x.size == 0 or x.shape[1] < 4:
        return Periodicity(Verdict.STATIC, None, 0.0, 0.0)
    swing = np.percentile(x, 95, axis=1) - np.percentile(x, 5, axis=1)
    motion = round(float(np.percentile(swing, MOTION_PERCENTILE)), 3)
    if motion < NOISE_MOTION:
        return Periodicity(Verdict.STATIC, None, 0.0, motion)
    dt = 1.0 / sample_rate_hz(t_s)
    found = [_window(x[:, a : a + w], dt) for a, w in _windows(x.shape[1], dt)]
    periods = sorted(p for p, s in found if p is not None and s >= MIN_STRENGTH)
    strengths = sorted((s for _, s in found), reverse=True)
    strength = round(float(np.median(strengths[: max(1, int(np.ceil(len(found) * PERIODIC_SHARE)))])), 3)
    if periods and len(periods) >= PERIODIC_SHARE * len(found):
        return Periodicity(
            Verdict.PERIODIC, round(float(np.median(periods)), 3), strength, motion, round(periods[0], 3)
        )
    if motion < MIN_MOTION:
        return Periodicity(Verdict.STATIC, None, strength, motion)
    p = principal(x)
    tops, bottoms = peaks(p, 0, SWING_PROMINENCE), peaks(-p, 0, SWING_PROMINENCE)
    irregular = (
        len(tops) + len(bottoms) >= 2 * IRREGULAR_SWINGS - 1
        and strength < MAX_IRREGULAR_STRENGTH
        and _unsteadiness(p, tops, bottoms) >= IRREGULAR_UNSTEADY
    )
    return Periodicity(Verdict.IRREGULAR if irregular else Verdict.UNCLEAR, None, strength, motion)


def _unsteadiness(p: np.ndarray, tops: list[int], bottoms: list[int]) -> float:
    """How unlike a steady beat the main motion's swings are: the coefficient of variation of the intervals
    between successive tops (or bottoms, the steadier of the two) plus that of the swings' sizes."""

    def cv(v: list[float]) -> float:
        return float(np.std(v) / np.mean(v)) if len(v) >= 2 and np.mean(v) > 0 else 0.0

    timing = [cv(list(np.diff(s).astype(float))) for s in (tops, bottoms) if len(s) >= 3]
    size = [cv([prominence(q, i) for i in s]) for q, s in ((p, tops), (-p, bottoms)) if len(s) >= 2]
    return (min(timing) if timing else 0.0) + (min(size) if size else 0.0)


def _windows(n: int, dt: float) -> list[tuple[int, int]]:
    """(start, length) of the analysis windows: the whole clip, or WINDOW_S windows every HOP_S."""
    w, hop = int(round(WINDOW_S / dt)), max(1, int(round(HOP_S / dt)))
    if n <= w + hop:
        return [(0, n)]
    starts = list(range(0, n - w + 1, hop))
    if starts[-1] + w < n:
        starts.append(n - w)
    return [(a, w) for a in starts]


def _window(x: np.ndarray, dt: float) -> tuple[float | None, float]:
    """(period s or None, strength) of one window."""
    lag, strength = best_lag(autocorrelation(x - x.mean(axis=1, keepdims=True)), dt)
    return (lag * dt if lag is not None else None), strength


def best_lag(
    r: np.ndarray, dt: float, lo_s: float = MIN_PERIOD_S, hi_s: float = MAX_PERIOD_S
) -> tuple[int | None, float]:
    """The period's lag (samples) and its autocorrelation: the first local maximum within
    FUNDAMENTAL_SHARE of the highest one, in [lo_s, min(hi_s, half the clip)]."""
    lo = max(1, int(np.ceil(lo_s / dt)))
    hi = min(int(hi_s / dt), int(MAX_LAG_SHARE * len(r)))
    if hi <= lo:
        return None, 0.0
    cand = [i for i in range(lo, hi + 1) if r[i] >= r[i - 1] and (i + 1 >= len(r) or r[i] >= r[i + 1])]
    if not cand:
        return None, float(r[lo : hi + 1].max())
    best = max(r[i] for i in cand)
    for i in cand:
        if r[i] >= FUNDAMENTAL_SHARE * best:
            return i, float(r[i])
    return None, float(best)  # unreachable: the best candidate qualifies


def principal(x: np.ndarray) -> np.ndarray:
    """[K, T] → [T]: the projection on the first principal direction (the main motion), scaled to 0..1."""
    x = np.atleast_2d(x)
    if x.shape[0] == 1:
        p = x[0]
    else:
        c = x - x.mean(axis=1, keepdims=True)
        _, vecs = np.linalg.eigh(c @ c.T)  # [K, K]: cheaper than the SVD of [T, K]
        p = vecs[:, -1] @ c
    lo, hi = np.percentile(p, 5), np.percentile(p, 95)
    return (p - lo) / (hi - lo) if hi > lo else np.zeros_like(p)


def peaks(s: np.ndarray, min_distance: int, min_prominence: float) -> list[int]:
    """Local maxima of s with at least `min_prominence`, at least `min_distance` samples apart (the
    higher one kept)."""
    n = len(s)
    kept = [
        i
        for i in range(1, n - 1)
        if s[i] > s[i - 1] and s[i] >= s[i + 1] and prominence(s, i) >= min_prominence
    ]
    for i in sorted(kept, key=lambda k: -s[k]):
        if i in kept:
            kept = [k for k in kept if k == i or abs(k - i) >= min_distance]
    return sorted(kept)


def prominence(s: np.ndarray, i: int) -> float:
    """How far s[i] stands above the higher of the lowest points on either side (each side searched until
    a higher sample or the end)."""
    left = right = s[i]
    j = i - 1
    while j >= 0 and s[j] <= s[i]:
        left = min(left, s[j])
        j -= 1
    j = i + 1
    while j < len(s) and s[j] <= s[i]:
        right = min(right, s[j])
        j += 1
    return float(s[i] - max(left, right))
