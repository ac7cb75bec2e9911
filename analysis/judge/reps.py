"""Repetition segmentation with hysteresis, and hold timing for static exercises.

The rep signal (a Measure) is smoothed, then normalised to 0..1 between robust low/high percentiles so
that 1 is the working extreme (the bottom of a squat, the top of a curl). A rep starts when the signal
leaves rest (< exit_level) and rises past enter_level, and ends when it comes back below exit_level.
Movements smaller than the spec's absolute min_range (the person standing about, walking in, setting
up) never count, nor do swings much smaller than the clip's typical rep or implausibly short/long ones,
nor a movement at the clip's start or end that goes far past the reps' working extreme (getting onto the
bar, standing up from the floor: _drop_setup).

An alternating exercise whose sides' movements overlap (high knees: one knee rises while the other comes
down) is counted on each side apart (RepSpec.each_side): a signal merging both sides would never come back
to rest between the lifts. Each side's rep signal reads the spec's one-sided measure (Side.NEAR) on that
side, and the reps are both sides' together.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace

import numpy as np

from analysis.judge.geometry import moving_average, nan_percentile, sample_rate_hz
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
    # the image, which a static camera shows whatever the framing; or the 2D measure of a World(...) one,
    # for a pose without world landmarks.
    fallback: Measure | None = None
    min_measured_fraction: float = 0.5
    # The fallback's min_range in its own unit (None: min_range, the same unit). Set, the fallback is also
    # used when the main measure swings less than min_range while the fallback swings at least this much:
    # a movement the main measure cannot see from this side (a torso's lean toward a camera in front). The
    # fallback's working extreme must be its high/low end as the main one's is (working_high applies to both).
    fallback_min_range: float | None = None
    # The exercise's full range of motion in the measure's unit (a rep reaching it has depth 1.0), from
    # anatomy, for the per-rep depth (analysis.judge.tempo); None: not known, depth not measured.
    full_range: float | None = None
    toward_extreme: str = "down"  # "down": reaching the working extreme lowers the body or load (squat,
    # push-up); "up": it lifts (curl, pull-up, press): which half of a rep is the lowering (eccentric)
    # True: the measure (and fallback) is one-sided (Side.NEAR), read on the left and on the right apart,
    # and each side's reps count: an alternating exercise whose sides overlap in time (module docstring)
    each_side: bool = False


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
    min_range: float = 0.0  # the spec's min_range in this signal's unit (the fallback's own when it made it)
    # RepSpec.each_side: each side's signal with its reps, levelled together (the fields above are then the
    # sides' per-frame larger level and its raw value, for plots)
    sides: tuple[tuple[RepSignal, tuple[Rep, ...]], ...] = ()

    def parts(self) -> list[tuple[RepSignal, tuple[Rep, ...]]]:
        """Each side's signal and reps; the signal itself (its reps unknown here) when not counted apart."""
        return list(self.sides) or [(self, ())]


def rep_signal(spec: RepSpec, body: Body, t_s: np.ndarray, use_fallback: bool = False) -> RepSignal:
    """The rep signal; each_side: the left and the right one (a one-sided measure read on each side),
    levelled between the percentiles of both together, as both legs do the same movement."""
    bodies = list(body.each_side()) if spec.each_side else [body]
    raws = [spec.measure.values(b).astype(np.float64) for b in bodies]
    primary, min_range = True, spec.min_range
    measured = np.isfinite(np.concatenate(raws)).mean() if raws[0].size else 0.0
    if spec.fallback is not None and (use_fallback or measured < spec.min_measured_fraction):
        raws, primary = [spec.fallback.values(b).astype(np.float64) for b in bodies], False
        min_range = spec.fallback_min_range if spec.fallback_min_range is not None else spec.min_range
    smooth = [_smoothed(raw, t_s, spec.smooth_s) for raw in raws]
    lo, hi = _range(np.stack(smooth), spec.working_high)
    amplitude = float(hi - lo) if np.isfinite(hi - lo) else 0.0
    sigs = []
    for sm in smooth:
        with np.errstate(invalid="ignore", divide="ignore"):
            level = (sm - lo) / amplitude if amplitude > 0 else np.where(np.isfinite(sm), 0.0, np.nan)
        sigs.append(RepSignal(sm, level if spec.working_high else 1.0 - level, amplitude, primary, min_range))
    if not spec.each_side:
        return sigs[0]
    return _joined(sigs[0], [(s, ()) for s in sigs])


def _range(smooth: np.ndarray, working_high: bool) -> tuple[float, float]:
    """The 5th and 95th percentiles of [S, T] side signals: rest read on every side's values, the working
    extreme on the per-frame most worked side's (one leg or the other is always working: as often at its
    extreme as a single rep signal is)."""
    if not np.isfinite(smooth).any():
        return 0.0, 0.0
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # frames where no side is measured
        worked = np.nanmax(smooth, axis=0) if working_high else np.nanmin(smooth, axis=0)
    rest = smooth.ravel()
    if working_high:
        return nan_percentile(rest, 5), nan_percentile(worked, 95)
    return nan_percentile(worked, 5), nan_percentile(rest, 95)


def _smoothed(raw: np.ndarray, t_s: np.ndarray, smooth_s: float) -> np.ndarray:
    if raw.size == 0 or not np.isfinite(raw).any():
        return raw
    fps = sample_rate_hz(t_s)
    filled = fill_gaps(raw, max_gap=max(1, int(round(0.5 * fps)))).astype(np.float64)
    return moving_average(filled, max(1, int(round(smooth_s * fps)) | 1))


def _joined(like: RepSignal, parts: list[tuple[RepSignal, tuple[Rep, ...]]]) -> RepSignal:
    """The sides' signals as one: per frame the larger level and its raw value."""
    levels = np.stack([np.nan_to_num(s.level, nan=-np.inf) for s, _ in parts])
    pick, frame = np.argmax(levels, axis=0), np.arange(levels.shape[1])
    level = np.stack([s.level for s, _ in parts])[pick, frame]
    raw = np.stack([s.raw for s, _ in parts])[pick, frame]
    return replace(like, raw=raw, level=level, sides=tuple(parts))


Counted = tuple[tuple[Rep, ...], RepSignal]


def joined(sig: RepSignal, reps: list[tuple[Rep, ...]]) -> Counted:
    """The reps found on each of sig.parts() as the clip's reps (both sides' in time order) and signal."""
    if not sig.sides:
        return reps[0], sig
    both = tuple(sorted((r for rs in reps for r in rs), key=lambda r: (r.bottom, r.start)))
    return both, _joined(sig, [(s, rs) for (s, _), rs in zip(sig.sides, reps, strict=True)])


def count_reps(spec: RepSpec, body: Body, t_s: np.ndarray) -> Counted:
    sig = rep_signal(spec, body, t_s)
    if sig.primary and sig.amplitude < sig.min_range and spec.fallback_min_range is not None:
        sig = rep_signal(spec, body, t_s, use_fallback=True)
    if sig.amplitude < sig.min_range:
        return joined(sig, [() for _ in sig.parts()])
    return joined(sig, [_segmented(spec, s, t_s) for s, _ in sig.parts()])


def _segmented(spec: RepSpec, sig: RepSignal, t_s: np.ndarray) -> tuple[Rep, ...]:
    candidates = _hysteresis(sig.level, spec.enter_level, spec.exit_level)
    reps = [r for r in candidates if spec.min_rep_s <= t_s[r.end] - t_s[r.start] <= spec.max_rep_s]
    reps = _drop_small(reps, sig.raw, spec)
    reps = _drop_setup(reps, sig.level, spec.exit_level)
    return tuple(_to_rest(reps, sig.level, t_s))


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
    vals = fill_gaps(spec.measure.values(body), max_gap=max(1, int(0.5 * sample_rate_hz(t_s))))
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
