"""Exercises the catalog knows but whose posture checks are not written yet: reps are still counted
(from a per-exercise rep signal) and every condition is reported as not judged, honestly."""

from __future__ import annotations

from analysis.exercises.lower_body import PELVIS_HEIGHT, TORSO_LEAN
from analysis.exercises.registry import SPECS
from analysis.exercises.upper_body import PUSH_UP
from analysis.judge.measures import Angle, Gap, Height, Side, XPos
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
    "front_raise": RepSpec(
        _WRIST_OVER_SHOULDER, working_high=True, min_range=0.4, full_range=1.15, toward_extreme=UP
    ),
    "lateral_raise": RepSpec(
        _WRIST_OVER_SHOULDER, working_high=True, min_range=0.4, full_range=1.15, toward_extreme=UP
    ),
    "upright_row": RepSpec(
        _WRIST_OVER_SHOULDER, working_high=True, min_range=0.3, full_range=0.95, toward_extreme=UP
    ),
    "shoulder_shrug": RepSpec(
        Gap(("EAR", "SHOULDER"), Side.MEAN), working_high=False, min_range=0.06, toward_extreme=UP
    ),
    "bench_press": RepSpec(
        Height(("WRIST", "SHOULDER"), Side.MAX), working_high=True, min_range=0.3, toward_extreme=UP
    ),
    "triceps_pushdown": RepSpec(
        Angle(("SHOULDER", "ELBOW", "WRIST"), Side.MAX), working_high=True, min_range=40.0, full_range=90.0
    ),
    "crunch": RepSpec(
        Height(("SHOULDER", "HIP"), Side.MEAN), working_high=True, min_range=0.15, toward_extreme=UP
    ),
    "v_up": RepSpec(
        Angle(("SHOULDER", "HIP", "KNEE"), Side.MEAN),
        working_high=False,
        min_range=40.0,
        full_range=120.0,
        toward_extreme=UP,
    ),
    "russian_twist": RepSpec(XPos("WRIST"), working_high=True, min_range=0.3),
    "high_knees": RepSpec(
        Height(("KNEE", "HIP"), Side.MAX),
        working_high=True,
        min_range=0.3,
        min_rep_s=0.2,
        full_range=0.9,
        toward_extreme=UP,
    ),
    "step_up": RepSpec(PELVIS_HEIGHT, working_high=True, min_range=0.2, toward_extreme=UP),
    # the push-up's signal: shoulders over the wrists (the knees only move the pivot)
    "knee_push_up": PUSH_UP.reps,
    "deadlift": RepSpec(TORSO_LEAN, working_high=True, min_range=25.0, full_range=60.0),
    "stiff_leg_deadlift": RepSpec(TORSO_LEAN, working_high=True, min_range=25.0, full_range=80.0),
    "good_morning": RepSpec(TORSO_LEAN, working_high=True, min_range=25.0, full_range=80.0),
}
DEFAULT_REPS = RepSpec(PELVIS_HEIGHT, working_high=False, min_range=0.2)


def spec_or_generic(exercise_id: str) -> ExerciseSpec:
    """The measured spec when there is one, else reps + "not judged yet" for every catalog condition."""
    if exercise_id in SPECS:
        return SPECS[exercise_id]
    info = catalog.get(exercise_id)
    rules = tuple(Unjudgeable(c.id, NOT_YET) for c in info.conditions)
    return ExerciseSpec(exercise_id, rules, reps=REP_SIGNALS.get(exercise_id, DEFAULT_REPS))
