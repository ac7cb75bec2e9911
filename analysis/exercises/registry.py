"""Every exercise the analysis can measure, by catalog id."""

from __future__ import annotations

from analysis.exercises import holds, lower_body, upper_body
from analysis.judge.spec import ExerciseSpec

SPECS: dict[str, ExerciseSpec] = {s.id: s for m in (lower_body, upper_body, holds) for s in m.SPECS}


def spec_for(exercise_id: str) -> ExerciseSpec | None:
    return SPECS.get(exercise_id)
