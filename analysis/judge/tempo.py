"""Depth and tempo of each rep, from the rep signal and the rep boundaries that reps.py found. Pure.

* depth (``rom_share``): how far the rep's measure travelled from rest to the working extreme, divided by
  the exercise's full range (``RepSpec.full_range``, from anatomy, in the measure's unit). Only when the
  signal is the spec's own measure (a fallback measure has another unit) and the full range is known.
* tempo: the signal's 0…1 level (1 = the working extreme) is split at the rep's own swing: the movement
  starts when the level leaves the band of REST_BAND of the swing nearest rest, arrives when it enters the
  band of EXTREME_BAND nearest the extreme, leaves the extreme when it drops out of that band and ends when
  it is back in the rest band. Crossings are interpolated between samples. "toward" (rest → extreme),
  "at the extreme" (the pause) and "back" become down / pause / up by ``RepSpec.toward_extreme``: for a
  squat, going toward the extreme is the lowering; for a curl it is the lifting.
* left/right difference: the working joint's angle (``ExerciseSpec.angle_joints``) on the left and on the
  right at the extreme (the mean over the bottom sample and its neighbours), in degrees; only when the
  camera faces the person (a front view shows both sides; side views hide one).
"""

from __future__ import annotations

import numpy as np

from analysis.judge import geometry as g
from analysis.judge.measures import Body
from analysis.judge.reps import RepSignal, RepSpec
from analysis.vocab.types import Rep, RepMetrics, View

REST_BAND = 0.10  # share of the rep's swing nearest rest that still counts as rest (pose jitter)
EXTREME_BAND = 0.05  # share of the swing nearest the extreme that counts as being at it (the pause)
BOTTOM_WINDOW = 1  # samples either side of the extreme averaged for the left/right angles
BOTH_SIDES = frozenset({View.FRONT})


def rep_metrics(
    spec: RepSpec,
    body: Body,
    signal: RepSignal,
    reps: tuple[Rep, ...],
    t_s: np.ndarray,
    view: View,
    angle_joints: tuple[str, str, str] | None,
) -> tuple[RepMetrics, ...]:
    """One RepMetrics per rep, in order (each rep on its own side's signal where the sides were counted
    apart, RepSpec.each_side)."""
    if signal.sides:
        per_rep: dict[Rep, RepMetrics] = {}
        for sig, side_reps in signal.sides:
            metrics = rep_metrics(spec, body, sig, side_reps, t_s, view, angle_joints)
            per_rep.update(zip(side_reps, metrics, strict=True))
        return tuple(per_rep[r] for r in reps)
    sides = _side_angles(body, angle_joints) if view in BOTH_SIDES else None
    out = []
    for rep in reps:
        toward, pause, back = _phases(signal.level, t_s, rep)
        down, up = (toward, back) if spec.toward_extreme == "down" else (back, toward)
        out.append(
            RepMetrics(
                rom_share=_depth(spec, signal, rep),
                down_s=_round(down, 2),
                pause_s=_round(pause, 2),
                up_s=_round(up, 2),
                lr_diff_deg=_lr_diff(sides, rep),
            )
        )
    return tuple(out)


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None or not np.isfinite(value) else round(float(value), digits)


def _depth(spec: RepSpec, signal: RepSignal, rep: Rep) -> float | None:
    if spec.full_range is None or not signal.primary:
        return None
    raw = signal.raw
    rest = (
        np.nanmean([raw[rep.start], raw[rep.end]]) if np.isfinite(raw[[rep.start, rep.end]]).any() else None
    )
    if rest is None or not np.isfinite(raw[rep.bottom]):
        return None
    return _round(abs(float(raw[rep.bottom]) - float(rest)) / spec.full_range, 3)


def _phases(level: np.ndarray, t_s: np.ndarray, rep: Rep) -> tuple[float | None, float | None, float | None]:
    """Seconds (toward the extreme, at it, back to rest) of one rep; None where the signal has gaps."""
    s, b, e = rep.start, rep.bottom, rep.end
    seg = level[s : e + 1]
    if not (s < b < e) or not np.isfinite(seg).all():
        return None, None, None
    peak, rest_in, rest_out = level[b], level[s], level[e]
    if peak - max(rest_in, rest_out) <= 0:
        return None, None, None
    leave = _last_cross(level, t_s, s, b, rest_in + REST_BAND * (peak - rest_in))
    arrive = _first_cross(level, t_s, s, b, peak - EXTREME_BAND * (peak - rest_in))
    depart = _last_cross(level, t_s, b, e, peak - EXTREME_BAND * (peak - rest_out), from_above=True)
    back = _first_cross(level, t_s, b, e, rest_out + REST_BAND * (peak - rest_out), from_above=True)
    return arrive - leave, depart - arrive, back - depart


def _interp(level: np.ndarray, t_s: np.ndarray, i: int, threshold: float) -> float:
    """The moment between samples i and i+1 where the level passes ``threshold``."""
    a, b = float(level[i]), float(level[i + 1])
    share = 0.0 if b == a else min(max((threshold - a) / (b - a), 0.0), 1.0)
    return float(t_s[i] + share * (t_s[i + 1] - t_s[i]))


def _last_cross(
    level: np.ndarray, t_s: np.ndarray, a: int, b: int, threshold: float, *, from_above: bool = False
) -> float:
    """The last moment in [a, b] where the level leaves the ``threshold`` band (rising past it, or falling
    below it when ``from_above``) for good."""
    inside = level[a : b + 1] >= threshold if from_above else level[a : b + 1] < threshold
    idx = np.flatnonzero(inside)
    if idx.size == 0:
        return float(t_s[a])
    i = a + int(idx[-1])
    return float(t_s[b]) if i >= b else _interp(level, t_s, i, threshold)


def _first_cross(
    level: np.ndarray, t_s: np.ndarray, a: int, b: int, threshold: float, *, from_above: bool = False
) -> float:
    """The first moment in [a, b] where the level reaches ``threshold`` (falls below it when
    ``from_above``)."""
    reached = level[a : b + 1] < threshold if from_above else level[a : b + 1] >= threshold
    idx = np.flatnonzero(reached)
    if idx.size == 0:
        return float(t_s[b])
    i = a + int(idx[0])
    return float(t_s[a]) if i <= a else _interp(level, t_s, i - 1, threshold)


def _side_angles(body: Body, joints: tuple[str, str, str] | None) -> tuple[np.ndarray, np.ndarray] | None:
    if joints is None:
        return None
    left, right = (g.angle_deg(*(body.p(name, side) for name in joints)) for side in ("LEFT", "RIGHT"))
    return left, right


def _lr_diff(sides: tuple[np.ndarray, np.ndarray] | None, rep: Rep) -> float | None:
    if sides is None:
        return None
    window = slice(max(rep.bottom - BOTTOM_WINDOW, 0), rep.bottom + BOTTOM_WINDOW + 1)
    left, right = sides[0][window], sides[1][window]
    both = np.isfinite(left) & np.isfinite(right)
    if not both.any():
        return None
    return _round(abs(float(np.mean(left[both] - right[both]))), 1)
