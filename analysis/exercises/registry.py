"""Every exercise the analysis can measure, by catalog id."""

from __future__ import annotations

from analysis.exercises import core, floor, holds, lower_body, lying, pulls, upper_body, weights
from analysis.judge.spec import ExerciseSpec

SPECS: dict[str, ExerciseSpec] = {
    s.id: s for m in (lower_body, upper_body, holds, weights, floor, pulls, lying, core) for s in m.SPECS
}


def spec_for(exercise_id: str) -> ExerciseSpec | None:
    return SPECS.get(exercise_id)
