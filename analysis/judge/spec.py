"""What an exercise is to the analysis: a rep signal (or a hold), and one rule per catalog condition.

Variants: an exercise done another way that is no fault (a push-up with the hands on a bench or a wall),
told apart by a clip-wide measure and judged by its own spec rather than failed as a bad rep. A Variant
row names the exercise it varies, the spec that judges it, and the test: the median of a measure over the
clip's measurable frames within a limit, read in 2D from `views` or, when the pose has world landmarks,
in 3D (`alt`) from any view.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from analysis.judge.measures import Body, Measure
from analysis.judge.reps import HoldSpec, RepSpec
from analysis.judge.rules import MIN_VALID_FRACTION, Limit, Rule
from analysis.vocab.types import PoseSequence, View


@dataclass(frozen=True)
class ExerciseSpec:
    id: str  # catalog id
    rules: tuple[Rule, ...]  # one per catalog condition, in catalog order
    reps: RepSpec | None = None
    hold: HoldSpec | None = None
    angle_joints: tuple[str, str, str] | None = None  # the angle drawn on key frames (near side)
    # key conditions: without a verdict on every one of them the clip gets no grade ("not rated")
    key: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if (self.reps is None) == (self.hold is None):
            raise ValueError(f"{self.id}: exactly one of reps / hold")
        ids = [r.condition_id for r in self.rules]
        if len(ids) != len(set(ids)):
            raise ValueError(f"{self.id}: duplicate condition ids {ids}")
        if unknown := set(self.key) - set(ids):
            raise ValueError(f"{self.id}: key conditions {sorted(unknown)} are not among its rules")


@dataclass(frozen=True)
class Variant:
    of: str  # the exercise id as classified (or hinted)
    name: str  # what the variant is called in evidence and tests, e.g. "incline"
    spec: ExerciseSpec  # judges the clip instead of `of`'s spec
    measure: Measure  # 2D, read from `views`
    views: frozenset[View]
    limit: Limit  # the clip's median of the measure within this limit → the variant
    why: str
    alt: Measure | None = None  # the same in 3D (World(...)), from any view, when the pose has world

    def matches(self, body: Body, view: View) -> bool:
        for measure in (self.alt, self.measure if view in self.views else None):
            if measure is None:
                continue
            vals = measure.values(body)
            finite = vals[np.isfinite(vals)]
            if finite.size and finite.size >= MIN_VALID_FRACTION * len(vals):
                return self.limit.ok(float(np.median(finite)))
        return False


def variant_of(
    spec: ExerciseSpec, seq: PoseSequence, view: View, variants: Iterable[Variant]
) -> tuple[ExerciseSpec, str | None]:
    """The spec that judges this clip (the first matching variant's, else `spec`) and the variant's name."""
    rows = [v for v in variants if v.of == spec.id]
    if not rows:
        return spec, None
    body = Body.of(seq)
    for v in rows:
        if v.matches(body, view):
            return v.spec, v.name
    return spec, None
