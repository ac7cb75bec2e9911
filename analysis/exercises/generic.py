"""Exercises the catalog knows but whose posture checks are not written yet: reps are still counted
(from a per-exercise rep signal) and every condition is reported as not judged, honestly. A fallback only:
once an exercise has its spec (analysis/exercises/*), its rep signal lives there."""

from __future__ import annotations

from analysis.exercises.lower_body import PELVIS_HEIGHT
from analysis.exercises.registry import SPECS
from analysis.judge.reps import RepSpec
from analysis.judge.rules import Unjudgeable
from analysis.judge.spec import ExerciseSpec
from analysis.vocab import catalog

NOT_YET = "notjudged-not-yet"
REP_SIGNALS: dict[str, RepSpec] = {}  # exercise id → its rep signal, until the exercise has a spec
DEFAULT_REPS = RepSpec(PELVIS_HEIGHT, working_high=False, min_range=0.2)


def spec_or_generic(exercise_id: str) -> ExerciseSpec:
    """The measured spec when there is one, else reps + "not judged yet" for every catalog condition."""
    if exercise_id in SPECS:
        return SPECS[exercise_id]
    info = catalog.get(exercise_id)
    rules = tuple(Unjudgeable(c.id, NOT_YET) for c in info.conditions)
    return ExerciseSpec(exercise_id, rules, reps=REP_SIGNALS.get(exercise_id, DEFAULT_REPS))
