"""Repetition segmentation with hysteresis, and hold timing for static exercises.

The rep signal (a Measure) is smoothed, then normalised to 0..1 between robust low/high percentiles so
that 1 is the working extreme (the bottom of a squat, the top of a curl). A rep starts when the signal
leaves rest (< exit_level) and rises past enter_level, and ends when it comes back below exit_level.
Movements smaller than the spec's absolute min_range (the person standing about, walking in, setting
up) never count, nor do swings much smaller than the clip's typical rep or implausibly short/long ones,
nor a movement at the clip's start or end that goes far past the reps' working extreme (getting onto the
bar, standing up from the floor: _drop_setup).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.judge.geometry import moving_average, nan_percentile
from analysis.judge.measures import Body, Measure
from analysis.vocab.normalize import fill_gaps
from analysis.vocab.types import Rep


@dataclass(frozen=True)
class RepSpec:
    measure: Measure
    working_high: bool  # True when the working extreme is the signal's high end (curl top …)
    min_range: float  # in the measure's unit: smaller swings are not reps
    enter_level: float = 0.6
    exit_level: float = 0.3
    min_rep_s: float = 0.4
    max_rep_s: float = 12.0
    smooth_s: float = 0.2  # moving-average window
    min_relative_amplitude: float = 0.45  # a rep's swing vs the median rep's swing
    # Used when the main measure is mostly unmeasurable (feet or hands out of frame): a joint's height in
    # the image, which a static camera shows whatever the framing.
    fallback: Measure | None = None
    min_measured_fraction: float = 0.5
    # Set: the fallback is also used when the main measure swings less than min_range while the fallback
    # swings at least this much (in its own unit): a movement the main measure cannot see from this side
    # (a torso's lean toward a camera in front). The fallback's working extreme must be its high/low end
    # as the main one's is (working_high applies to both).
    fallback_min_range: float | None = None
    # The exercise's full range of motion in the measure's unit (a rep reaching it has depth 1.0), from
    # anatomy, for the per-rep depth (analysis.judge.tempo); None: not known, depth not measured.
    full_range: float | None = None
    toward_extreme: str = "down"  # "down": reaching the working extreme lowers the body or load (squat,
    # push-up); "up": it lifts (curl, pull-up, press): which half of a rep is the lowering (eccentric)


@dataclass(frozen=True)
class HoldSpec:
    """A static exercise: in position while `measure` stays within [low, high]."""

    measure: Measure
    low: float
    high: float
    min_hold_s: float = 1.0


@dataclass(frozen=True, eq=False)
class RepSignal:
    raw: np.ndarray  # [T] measure values (gaps filled)
    level: np.ndarray  # [T] 0..1, 1 = working extreme
    amplitude: float  # high − low percentile, in the measure's unit
    primary: bool = True  # False: the spec's fallback measure (another unit) made the signal


def rep_signal(spec: RepSpec, body: Body, t_s: np.ndarray, use_fallback: bool = False) -> RepSignal:
    raw = spec.measure.values(body).astype(np.float64)
    primary = True
    if spec.fallback is not None and (use_fallback or np.isfinite(raw).mean() < spec.min_measured_fraction):
        raw, primary = spec.fallback.values(body).astype(np.float64), False
    n = raw.shape[0]
    if n == 0 or not np.isfinite(raw).any():
        return RepSignal(raw=raw, level=np.full(n, np.nan), amplitude=0.0, primary=primary)
    fps = _fps(t_s)
    max_gap = max(1, int(round(0.5 * fps)))
    filled = fill_gaps(raw, max_gap=max_gap).astype(np.float64)
    smooth = moving_average(filled, max(1, int(round(spec.smooth_s * fps)) | 1))
    lo, hi = nan_percentile(smooth, 5), nan_percentile(smooth, 95)
    amplitude = hi - lo
    with np.errstate(invalid="ignore", divide="ignore"):
        level = (smooth - lo) / amplitude if amplitude > 0 else np.zeros_like(smooth)
    if not spec.working_high:
        level = 1.0 - level
    return RepSignal(raw=smooth, level=level, amplitude=float(amplitude), primary=primary)


def count_reps(spec: RepSpec, body: Body, t_s: np.ndarray) -> tuple[tuple[Rep, ...], RepSignal]:
    sig = rep_signal(spec, body, t_s)
    min_range = spec.min_range
    if sig.primary and sig.amplitude < min_range and spec.fallback_min_range is not None:
        sig, min_range = rep_signal(spec, body, t_s, use_fallback=True), spec.fallback_min_range
    if sig.amplitude < min_range:
        return (), sig
    candidates = _hysteresis(sig.level, spec.enter_level, spec.exit_level)
    reps = [r for r in candidates if spec.min_rep_s <= t_s[r.end] - t_s[r.start] <= spec.max_rep_s]
    reps = _drop_small(reps, sig.raw, spec)
    reps = _drop_setup(reps, sig.level, spec.exit_level)
    return tuple(_to_rest(reps, sig.level, t_s)), sig


SETUP_OVERSHOOT = 0.6  # of the 0..1 level: an excursion cut by the clip's start or end reaching this far
# beyond the working extreme of the clip's complete reps is getting into or out of position, no rep. Chosen
# on generated motion (a full pull-up's set-up, standing arms down, reaches 0.73 beyond; real edge reps of
# generated crunch sets 0.41) and checked on the real labelled clips (a 45 s pull-up set: 1.35 and 1.47; no
# other edge rep after at least two complete ones goes beyond 0.43).


def _drop_setup(reps: list[Rep], level: np.ndarray, exit_: float) -> list[Rep]:
    """Drop an excursion cut by the clip's start or end (no rest seen on that side) whose extreme goes
    SETUP_OVERSHOOT beyond the median extreme of at least two complete reps: the person getting onto the
    bar or down from it, standing up from the floor — a movement past anything the reps reach."""
    last = len(level) - 1

    def cut(r: Rep) -> bool:
        return (r.start == 0 and bool(level[0] >= exit_)) or (r.end == last and bool(level[last] >= exit_))

    whole = [r for r in reps if not cut(r)]
    if len(whole) < 2 or len(whole) == len(reps):
        return reps
    typical = float(np.median([level[r.bottom] for r in whole]))
    return [r for r in reps if not cut(r) or level[r.bottom] - typical < SETUP_OVERSHOOT]


REST_SEARCH_S = 1.0  # how far before/after the exit-level crossings a rep's rest pose is looked for


def _to_rest(reps: list[Rep], level: np.ndarray, t_s: np.ndarray) -> list[Rep]:
    """Move each rep's start and end from the exit-level crossings to the nearby rest pose (the lowest
    level before/after, within REST_SEARCH_S and not past the neighbouring reps' extremes), so that
    checks at the rep's ends see the person at rest and ranges see the whole movement."""
    out: list[Rep] = []
    for i, r in enumerate(reps):
        lo = reps[i - 1].bottom if i else 0
        hi = reps[i + 1].bottom if i + 1 < len(reps) else len(level) - 1
        start = _lowest(level, t_s, max(lo, _index_at(t_s, t_s[r.start] - REST_SEARCH_S)), r.start)
        end = _lowest(level, t_s, r.end, min(hi, _index_at(t_s, t_s[r.end] + REST_SEARCH_S)))
        out.append(Rep(start=start, bottom=r.bottom, end=end))
    return out


def _index_at(t_s: np.ndarray, t: float) -> int:
    return int(np.clip(np.searchsorted(t_s, t), 0, len(t_s) - 1))


def _lowest(level: np.ndarray, t_s: np.ndarray, a: int, b: int) -> int:
    seg = level[a : b + 1]
    if b < a or not np.isfinite(seg).any():
        return a
    return a + int(np.nanargmin(seg))


def _hysteresis(level: np.ndarray, enter: float, exit_: float, edge_peak: float = 0.8) -> list[Rep]:
    """Excursions from rest (< exit_) past enter and back to rest. An excursion cut by the clip's start or
    end counts only when it shows the working extreme (≥ edge_peak) and the other side reaches rest (or, at
    the end, the rep has passed its extreme): the clip began or stopped mid-rep, but the rep was done."""
    reps: list[Rep] = []
    rest_idx: int | None = None  # last sample at rest before the current excursion
    peak: int | None = None
    at_start = True  # no rest seen yet: an excursion now began before the clip did
    for i, v in enumerate(level):
        if not np.isfinite(v):
            if rest_idx is not None or peak is not None:  # not before the person first appears
                rest_idx, peak, at_start = None, None, False  # an excursion across a gap does not count
            continue
        if peak is None:
            if v < exit_:
                rest_idx, at_start = i, False
            elif v >= enter and (rest_idx is not None or at_start):
                peak = i
        else:
            if v > level[peak]:
                peak = i
            if v < exit_:
                if rest_idx is not None or level[peak] >= edge_peak:
                    reps.append(Rep(start=rest_idx if rest_idx is not None else 0, bottom=peak, end=i))
                rest_idx, peak, at_start = i, None, False
    if peak is not None and rest_idx is not None and level[peak] >= edge_peak:
        last = len(level) - 1
        if (
            peak < last
            and np.isfinite(level[last])
            and level[peak] - level[last] >= 0.1
            or level[peak] >= 0.97
        ):
            reps.append(Rep(start=rest_idx, bottom=peak, end=last))
    return reps


def _drop_small(reps: list[Rep], raw: np.ndarray, spec: RepSpec) -> list[Rep]:
    if len(reps) < 2:
        return reps
    swings = np.array([_swing(raw, r) for r in reps])
    typical = float(np.median(swings))
    return [r for r, s in zip(reps, swings, strict=True) if s >= spec.min_relative_amplitude * typical]


def _swing(raw: np.ndarray, rep: Rep) -> float:
    seg = raw[rep.start : rep.end + 1]
    seg = seg[np.isfinite(seg)]
    return float(seg.max() - seg.min()) if seg.size else 0.0


def hold_duration(spec: HoldSpec, body: Body, t_s: np.ndarray) -> tuple[float, tuple[int, int] | None]:
    """Longest run in position: (seconds, (first, last) sample) — (0, None) when never in position."""
    vals = fill_gaps(spec.measure.values(body), max_gap=max(1, int(0.5 * _fps(t_s))))
    inside = np.isfinite(vals) & (vals >= spec.low) & (vals <= spec.high)
    best, best_span, start = 0.0, None, None
    for i, ok in enumerate(np.append(inside, False)):
        if ok and start is None:
            start = i
        elif not ok and start is not None:
            dur = float(t_s[i - 1] - t_s[start]) if i - 1 > start else 0.0
            if dur > best:
                best, best_span = dur, (start, i - 1)
            start = None
    if best < spec.min_hold_s:
        return 0.0, None
    return best, best_span


def _fps(t_s: np.ndarray) -> float:
    if t_s.size < 2:
        return 15.0
    dt = float(np.median(np.diff(t_s)))
    return 1.0 / dt if dt > 0 else 15.0
