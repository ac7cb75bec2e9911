"""Every exercise the analysis can measure, by catalog id; and the fallback for a catalog exercise whose
posture checks are not written yet (none today: every catalog exercise has its spec): its reps are still
counted from a rep signal and every condition is reported as not judged, honestly."""

from __future__ import annotations

from analysis.exercises import (
    core,
    floor,
    holds,
    lower_body,
    lunges,
    lying,
    posterior,
    pulls,
    upper_body,
    weights,
)
from analysis.exercises.lower_body import PELVIS_HEIGHT
from analysis.judge.reps import RepSpec
from analysis.judge.rules import Unjudgeable
from analysis.judge.spec import ExerciseSpec
from analysis.vocab import catalog

_MODULES = (lower_body, lunges, upper_body, holds, weights, floor, pulls, lying, core, posterior)
SPECS: dict[str, ExerciseSpec] = {s.id: s for m in _MODULES for s in m.SPECS}

NOT_YET = "notjudged-not-yet"
DEFAULT_REPS = RepSpec(PELVIS_HEIGHT, working_high=False, min_range=0.2)


def spec_for(exercise_id: str) -> ExerciseSpec | None:
    return SPECS.get(exercise_id)


def spec_or_generic(exercise_id: str) -> ExerciseSpec:
    """The measured spec when there is one, else reps + "not judged yet" for every catalog condition."""
    if exercise_id in SPECS:
        return SPECS[exercise_id]
    info = catalog.get(exercise_id)
    rules = tuple(Unjudgeable(c.id, NOT_YET) for c in info.conditions)
    return ExerciseSpec(exercise_id, rules, reps=DEFAULT_REPS)
