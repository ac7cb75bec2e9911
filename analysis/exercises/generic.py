"""Exercises the catalog knows but whose posture checks are not written yet: reps are still counted
(from a per-exercise rep signal) and every condition is reported as not judged, honestly. A fallback only:
once an exercise has its spec (analysis/exercises/*), its rep signal lives there."""

from __future__ import annotations

from analysis.exercises.lower_body import PELVIS_HEIGHT, TORSO_LEAN
from analysis.exercises.registry import SPECS
from analysis.judge.measures import Height, Side
from analysis.judge.reps import RepSpec
from analysis.judge.rules import Unjudgeable
from analysis.judge.spec import ExerciseSpec
from analysis.vocab import catalog

NOT_YET = "notjudged-not-yet"
_WRIST_OVER_SHOULDER = Height(("WRIST", "SHOULDER"), Side.MAX)
# full_range (the depth of a rep, analysis.judge.tempo) from anatomy where the movement has a natural end:
# arms from hanging (≈ 1.15 torso below the shoulders) to shoulder height; the elbow from 90° to straight;
# the hips from straight to a tight fold; the thigh (≈ 0.9 torso) to level; the torso to its usual lean.
# None where the end depends on the set-up (bench, step height, a crunch seen from anywhere).
UP = "up"  # toward_extreme: reaching the working extreme lifts the body or the load
REP_SIGNALS: dict[str, RepSpec] = {
    "upright_row": RepSpec(
        _WRIST_OVER_SHOULDER, working_high=True, min_range=0.3, full_range=0.95, toward_extreme=UP
    ),
    "stiff_leg_deadlift": RepSpec(TORSO_LEAN, working_high=True, min_range=25.0, full_range=80.0),
}
DEFAULT_REPS = RepSpec(PELVIS_HEIGHT, working_high=False, min_range=0.2)


def spec_or_generic(exercise_id: str) -> ExerciseSpec:
    """The measured spec when there is one, else reps + "not judged yet" for every catalog condition."""
    if exercise_id in SPECS:
        return SPECS[exercise_id]
    info = catalog.get(exercise_id)
    rules = tuple(Unjudgeable(c.id, NOT_YET) for c in info.conditions)
    return ExerciseSpec(exercise_id, rules, reps=REP_SIGNALS.get(exercise_id, DEFAULT_REPS))
