"""What an exercise is to the analysis: a rep signal (or a hold), and one rule per catalog condition."""

from __future__ import annotations

from dataclasses import dataclass

from analysis.judge.reps import HoldSpec, RepSpec
from analysis.judge.rules import Rule


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
