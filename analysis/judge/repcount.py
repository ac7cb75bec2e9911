"""Two opinions on the rep count, reconciled: the hysteresis counter and a period-based count.

The period count (as RepNet/PoseRAC-style counters do) uses the whole clip's repetition period
(analysis.judge.periodicity): it counts the working-extreme peaks of the rep signal that stand out by at
least PEAK_PROMINENCE of its range and lie at least MIN_SPACING periods apart. The rep signal is the
exercise's own measure, or — when that measure barely moves (a push-up filmed from the front, where the
shoulders hardly drop over the wrists in the image but the body's size and the 3D landmarks change) —
the principal component of the whole-body motion. An alternating exercise (lunges, one leg then the other)
repeats its whole-body motion every two reps, but its rep signal every rep: the period is halved when the
rep signal repeats at half the period. A peak the hysteresis counter saw whole from rest to rest and left
out for its height (`partial`: a small lift after the set) is no rep the period count may add.

`reconcile` is the rule between the two (tested in tests/analysis/test_repcount.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.judge import periodicity as per
from analysis.judge.measures import Body
from analysis.judge.reps import RepSignal, RepSpec, count_reps, joined
from analysis.vocab.types import Classification, PoseSequence, Rep

PEAK_PROMINENCE = 0.35  # of the 0..1 rep level
MIN_SPACING = 0.6  # of the (fastest stretch's) period
HALF_PERIOD_STRENGTH = 0.5  # the rep signal's autocorrelation at half the body's period: alternating reps
MISSED = 1  # the period count wins when it finds at least this many more reps than the hysteresis counter
# (1 and 2 were compared on generated sets, models.synth: 1 counted more of them exactly)
PARTIAL_SHARE = 0.5  # a period peak under half the typical peak's height, seen from rest to rest, is partial
# torso lengths: a whole body moving less than this (twice periodicity.MIN_MOTION, the line below which it
# stands still) is swaying about a small exercise — a shrug — and its irregular verdict does not veto the
# reps its own measure counts with a steady beat (own_beat); someone jumping about moves 0.85–1.4
SWAY_MOTION = 2 * per.MIN_MOTION


@dataclass(frozen=True)
class RepOpinions:
    hysteresis: int
    period: int | None  # None: no period (the clip is not periodic)
    chosen: str  # "hysteresis", "period" or "none" (irregular motion: nothing repeats)
    periodicity: per.Periodicity


def reconcile(
    hysteresis: int, period: int | None, p: per.Periodicity, own_beat: bool = False
) -> tuple[int, str]:
    """The rule: no reps on a clip of someone moving about at random (irregular) — unless the whole
    body barely moves (under SWAY_MOTION) and the exercise's own measure keeps a steady beat (own_beat: a
    small movement such as a shrug, whose whole-body motion is mostly sway); the period count when the
    clip is periodic and it finds at least MISSED more reps than the hysteresis counter (reps that never
    went back to rest on a fast set, or a rep signal too small to cross the levels); else the hysteresis
    count (it also sees one or two reps, which show no period; on a static clip its min_range keeps
    standing still from counting)."""
    if p.verdict is per.Verdict.IRREGULAR and not (own_beat and p.motion < SWAY_MOTION):
        return 0, "none"
    if p.is_periodic and period is not None and period >= hysteresis + MISSED:
        return period, "period"
    return hysteresis, "hysteresis"


def gate_answer(c: Classification, p: per.Periodicity, is_hold: bool, reps: int) -> Classification:
    """The classifier's answer, consulted with the periodicity: a rep exercise the model named on a clip
    where nothing repeats becomes unknown (the bot asks) — a clip of someone moving about at random, or a
    static one — when the exercise's own rep signal counted nothing either (a small periodic movement such
    as a shrug may be below the whole-body measure's noise, but not below its own measure's min_range; on an
    irregular clip reps are only counted where that measure keeps a steady beat, `own_beat`).
    A hold may be static; a caption (source "hint") is the user's word and stands."""
    if c.exercise is None or c.source == "hint" or is_hold:
        return c
    if p.verdict in (per.Verdict.IRREGULAR, per.Verdict.STATIC) and reps == 0:
        return Classification(exercise=None, confidence=c.confidence, probs=c.probs, source=c.source)
    return c


def counted(
    spec: RepSpec,
    body: Body,
    seq: PoseSequence,
    use_period: bool = True,
    p: per.Periodicity | None = None,
) -> tuple[tuple[Rep, ...], RepSignal, RepOpinions]:
    """The reps, the rep signal and both opinions. use_period=False: the hysteresis counter alone.
    p: the clip's periodicity when already estimated (from the same seq). Each side apart when the spec
    says so (RepSpec.each_side): each side reconciled on its own, both opinions the sides' sums."""
    reps, sig = count_reps(spec, body, seq.t_s)
    p = p or per.estimate(seq)
    parts = list(sig.sides) or [(sig, reps)]  # each side with its reps, or the one signal with the reps
    found = [_reconciled(spec, s, r, seq, use_period, p) for s, r in parts]
    reps, sig = joined(sig, [r for r, _ in found])
    ops = [o for _, o in found]
    periods = [o.period for o in ops]
    n_period = None if None in periods else sum(o.period or 0 for o in ops)
    chosen = "/".join(dict.fromkeys(o.chosen for o in ops))  # one word when the sides agree
    return reps, sig, RepOpinions(sum(o.hysteresis for o in ops), n_period, chosen, p)


def _reconciled(
    spec: RepSpec,
    sig: RepSignal,
    reps: tuple[Rep, ...],
    seq: PoseSequence,
    use_period: bool,
    p: per.Periodicity,
) -> tuple[tuple[Rep, ...], RepOpinions]:
    level, own = _count_signal(sig, seq) if p.is_periodic else (None, False)
    found = None
    if p.is_periodic and level is not None:
        found = period_reps(level, seq.t_s, p, spec.min_relative_amplitude)
        if own and found:
            typical = float(np.median([level[r.bottom] for r in found]))
            found = [r for r in found if not partial(level, r, typical, spec.enter_level, spec.exit_level)]
    n_period = len(found) if found is not None else None
    if not use_period:
        return reps, RepOpinions(len(reps), n_period, "hysteresis", p)
    n_hysteresis = len(reps)
    beat = p.verdict is per.Verdict.IRREGULAR and own_beat(sig, seq)  # only an irregular verdict asks
    _, chosen = reconcile(n_hysteresis, n_period, p, beat)
    if chosen == "none":
        reps = ()
    elif chosen == "period" and found is not None:
        reps = tuple(found)
    return reps, RepOpinions(n_hysteresis, n_period, chosen, p)


def own_beat(sig: RepSignal, seq: PoseSequence) -> bool:
    """The exercise's own measure moves (`_own_level`) and repeats steadily by itself
    (periodicity.from_signals on that one signal: PERIODIC)."""
    level = _own_level(sig, seq)
    return level is not None and per.from_signals(level[None, :], seq.t_s).is_periodic


def _own_level(sig: RepSignal, seq: PoseSequence) -> np.ndarray | None:
    """The exercise's own 0..1 level when it moves enough (≥ its min_range) and is measured on most frames
    the person is in (a title card or an empty frame has no whole-body motion either), else None."""
    seen = np.isfinite(seq.xy[..., 0]).any(axis=1)
    if sig.amplitude >= sig.min_range and seen.any() and np.isfinite(sig.level[seen]).mean() > 0.8:
        return np.nan_to_num(sig.level, nan=float(np.nanmedian(sig.level)))
    return None


def _count_signal(sig: RepSignal, seq: PoseSequence) -> tuple[np.ndarray | None, bool]:
    """(level, own): the exercise's own level (`_own_level`, own=True), else the whole body's main
    motion."""
    level = _own_level(sig, seq)
    if level is not None:
        return level, True
    x = per.body_signals(seq)
    if x.shape[0] == 0:
        return None, False
    return per.principal(x), False


def partial(level: np.ndarray, rep: Rep, typical: float, enter: float, exit_: float) -> bool:
    """A partial movement, not a missed rep: a period peak on the exercise's own level that the hysteresis
    counter saw whole — from rest (< exit_) and back to rest on both sides — and that reached neither the
    enter level nor PARTIAL_SHARE of the typical (median) peak: a small lift at the end of a set. The
    hysteresis counter rejects such a movement by the same enter level; the share of the typical peak keeps
    a shallower rep of a set (the depth varies from rep to rep), and a set whose every rep stays below the
    enter level (the 0..1 range stretched by a larger movement, getting into position). The reps the
    period count exists to find differ too: on a fast set they never go back to rest between peaks (the
    hysteresis counter merges them), and on a barely moving own measure the count reads the whole body's
    motion instead (not own: never partial)."""
    low = level[rep.bottom] < min(enter, PARTIAL_SHARE * typical)
    return bool(low and level[rep.start] < exit_ and level[rep.end] < exit_)


def period_reps(level: np.ndarray, t_s: np.ndarray, p: per.Periodicity, min_share: float = 0.45) -> list[Rep]:
    """Reps from the peaks of a 0..1 level (1 = working extreme), spaced by the clip's period; a peak
    standing out less than min_share of the median peak does not count (the spec's
    min_relative_amplitude)."""
    assert p.period_s is not None
    dt = float(np.median(np.diff(t_s))) if len(t_s) > 1 else 1 / 15
    period = min(p.period_s, p.min_period_s or p.period_s)
    half = per.autocorrelation(level - level.mean())
    lag = int(round(period / 2 / dt))
    if 0 < lag < len(half) and half[lag] >= HALF_PERIOD_STRENGTH:
        period /= 2  # alternating sides: the rep signal repeats twice per whole-body cycle
    spacing = max(1, int(MIN_SPACING * period / dt))
    tops = per.peaks(level, spacing, PEAK_PROMINENCE)
    if len(tops) >= 2:  # as the hysteresis counter: swings much smaller than the typical rep are no reps
        prom = [per.prominence(level, b) for b in tops]
        tops = [b for b, q in zip(tops, prom, strict=True) if q >= min_share * float(np.median(prom))]
    reach = max(1, int(round(period / dt)))
    out: list[Rep] = []
    for i, b in enumerate(tops):
        lo = tops[i - 1] if i else max(0, b - reach)
        hi = tops[i + 1] if i + 1 < len(tops) else min(len(level) - 1, b + reach)
        start = lo + int(np.argmin(level[lo : b + 1]))
        end = b + int(np.argmin(level[b : hi + 1]))
        if start < b < end:
            out.append(Rep(start=start, bottom=b, end=end))
    return out
