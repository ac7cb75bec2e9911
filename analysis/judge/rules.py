"""Rule kinds: small frozen classes that turn a measure over a rep (or hold) into a Finding.

An exercise lists one rule per catalog condition (see analysis/exercises/). Thresholds are typed by
unit (`MinDeg(150)`, `MaxTorso(0.3)` …) so a row reads as what it checks.

A Check reads one representation (`space`: 2D image pixels, or 3D world landmarks for a `World(...)`
measure) from the views it lists. Where 2D is only reliable from the side, `alt` names a 3D check of the
same condition judged from its own views (front, oblique): where those views flatten the 2D measure, the
3D check takes over whenever the pose has world landmarks; without them a clip is judged exactly as
before.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from analysis.judge.measures import Body, Measure, _quiet, space_of
from analysis.vocab.types import Finding, Rep, Status, View

SIDE_VIEWS = frozenset({View.SIDE, View.OBLIQUE})
FRONT_VIEWS = frozenset({View.FRONT, View.OBLIQUE})
ANY_VIEW = frozenset({View.FRONT, View.SIDE, View.OBLIQUE, View.UNKNOWN})
BOTTOM_WINDOW_S = 0.2  # the bottom phase spans this much either side of the rep's extreme
MIN_VALID_FRACTION = 0.3  # fewer measurable frames than this → not judged


class Phase(StrEnum):
    BOTTOM = "bottom"  # around the working extreme of the rep
    REP = "rep"  # every frame of the rep (or of the hold)
    ENDS = "ends"  # the rest positions at the rep's start and end
    GOING = "going"  # from the rep's start to its working extreme (a rower's drive)
    RETURN = "return"  # from the working extreme back to the rep's end (a rower's recovery)


class Agg(StrEnum):
    MIN = "min"
    MAX = "max"
    MEDIAN = "median"
    RANGE = "range"  # max − min: how much something moved


@dataclass(frozen=True)
class Limit:
    value: float
    unit: str
    is_min: bool

    def ok(self, measured: float) -> bool:
        return measured >= self.value if self.is_min else measured <= self.value


def MinDeg(v: float) -> Limit:  # noqa: N802 — reads as a unit-typed threshold in the data tables
    return Limit(v, "deg", True)


def MaxDeg(v: float) -> Limit:  # noqa: N802
    return Limit(v, "deg", False)


def MinTorso(v: float) -> Limit:  # noqa: N802 — lengths in torso lengths (Neck–Pelvis)
    return Limit(v, "torso", True)


def MaxTorso(v: float) -> Limit:  # noqa: N802
    return Limit(v, "torso", False)


def MinShare(v: float) -> Limit:  # noqa: N802 — a share of the exercise's full range (Share measures)
    return Limit(v, "share", True)


def MinRatio(v: float) -> Limit:  # noqa: N802
    return Limit(v, "ratio", True)


def MaxRatio(v: float) -> Limit:  # noqa: N802
    return Limit(v, "ratio", False)


@dataclass(frozen=True)
class Span:
    """The samples a rule looks at: one rep, or the hold."""

    rep: int | None
    start: int
    bottom: int
    end: int

    @staticmethod
    def of_rep(i: int, r: Rep) -> Span:
        return Span(i, r.start, r.bottom, r.end)


@dataclass(frozen=True)
class Check:
    """A measurable condition: aggregate `measure` over `phase` and compare with `limit`."""

    condition_id: str
    measure: Measure
    phase: Phase
    agg: Agg
    limit: Limit
    views: frozenset[View] = ANY_VIEW
    why: str = ""  # one line: the source or reason for the threshold
    alt: Check | None = None  # the same condition in 3D, for views this check cannot judge

    def __post_init__(self) -> None:
        if self.alt is not None and self.alt.condition_id != self.condition_id:
            raise ValueError(f"{self.condition_id}: alt judges {self.alt.condition_id}")

    @property
    def space(self) -> str:
        """ "image" (2D pixels) or "world" (3D world landmarks)."""
        return space_of(self.measure)

    def for_view(self, view: View, body: Body) -> Check:
        """The check that judges this view: the 3D alt for its views when the pose has 3D, else self."""
        alt = self.alt
        if alt is None or view not in alt.views or body.world is None:
            return self
        return alt.for_view(view, body)

    def evaluate(self, exercise: str, body: Body, view: View, span: Span, t_s: np.ndarray) -> Finding:
        chosen = self.for_view(view, body)
        if chosen is not self:
            return chosen.evaluate(exercise, body, view, span, t_s)
        joints = self.measure.joints(body)
        if view not in self.views:
            hint = "hint-film-side" if self.views <= SIDE_VIEWS else "hint-film-front"
            return self._finding(exercise, span, Status.NOT_JUDGED, None, hint, joints)
        idx = _phase_indices(self.phase, span, t_s)
        vals = self.measure.values(body)[idx]
        finite = vals[np.isfinite(vals)]
        if finite.size == 0 or finite.size < MIN_VALID_FRACTION * len(idx):
            return self._finding(exercise, span, Status.NOT_JUDGED, None, "notjudged-hidden", joints)
        value = _aggregate(finite, self.agg)
        status = Status.PASS if self.limit.ok(value) else Status.FAIL
        at = int(idx[int(np.nanargmin(np.abs(vals - value)))]) if self.agg is not Agg.RANGE else span.bottom
        key = f"cue-{exercise}-{self.condition_id}"
        return self._finding(exercise, span, status, value, key, joints, at)

    def _finding(
        self,
        exercise: str,
        span: Span,
        status: Status,
        value: float | None,
        key: str,
        joints: tuple[int, ...],
        frame: int | None = None,
    ) -> Finding:
        return Finding(
            condition_id=self.condition_id,
            rep=span.rep,
            status=status,
            value=None if value is None else round(float(value), 3),
            threshold=self.limit.value,
            unit=self.limit.unit,
            message_key=key,
            joints=joints,
            frame=span.bottom if frame is None else frame,
        )


@dataclass(frozen=True)
class Unjudgeable:
    """A condition 2D video cannot show (wrist neutrality, gaze, scapular depression …)."""

    condition_id: str
    reason_key: str  # locale key explaining why

    def evaluate(self, exercise: str, body: Body, view: View, span: Span, t_s: np.ndarray) -> Finding:
        return Finding(
            condition_id=self.condition_id,
            rep=span.rep,
            status=Status.NOT_JUDGED,
            value=None,
            threshold=None,
            unit="",
            message_key=self.reason_key,
            frame=span.bottom,
        )


Rule = Check | Unjudgeable


def _phase_indices(phase: Phase, span: Span, t_s: np.ndarray) -> np.ndarray:
    if phase is Phase.REP:
        return np.arange(span.start, span.end + 1)
    if phase is Phase.ENDS:
        return np.array(sorted({span.start, span.end}))
    if phase is Phase.GOING:
        return np.arange(span.start, span.bottom + 1)
    if phase is Phase.RETURN:
        return np.arange(span.bottom, span.end + 1)
    t0 = t_s[span.bottom]
    idx = np.arange(span.start, span.end + 1)
    near = idx[np.abs(t_s[idx] - t0) <= BOTTOM_WINDOW_S]
    return near if near.size else np.array([span.bottom])


def _aggregate(vals: np.ndarray, agg: Agg) -> float:
    with _quiet():
        # Robust extremes: a single jittery landmark frame must not fail a rep.
        lo, hi = np.percentile(vals, [10, 90]) if vals.size >= 5 else (np.min(vals), np.max(vals))
        if agg is Agg.MIN:
            return float(lo)
        if agg is Agg.MAX:
            return float(hi)
        if agg is Agg.MEDIAN:
            return float(np.median(vals))
        return float(hi - lo)
