"""The two records of the exercise catalog (see catalog.py for how they are used)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ConditionInfo:
    """One named posture condition of an exercise (true/false per clip in AI Hub)."""

    id: str  # snake_case English, unique within the exercise, e.g. "neutral_spine", "knees_track_feet"
    aihub_ko: str  # the exact AI Hub string, typos and trailing spaces kept; our own wording for extras
    gloss_en: str  # English gloss (what the condition asks for)


@dataclass(frozen=True)
class ExerciseInfo:
    """One exercise: its AI Hub identity (if any) and its named conditions."""

    id: str  # snake_case; locale keys are exercise-<id> and condition-<id>-<condition id>
    aihub_name: str | None  # exact AI Hub exercise string (e.g. "바벨 컬 " with its trailing space)
    aihub_class_index: int | None  # 0..40, the class index of the public exercise mapping
    aihub_type_codes: str | None  # the block of AI Hub type codes, e.g. "313-328"
    category: str  # "bodyweight" | "barbell_dumbbell" | "machine"
    kind: str  # "reps" (counted repetitions) or "hold" (timed: plank, wall_sit)
    conditions: tuple[ConditionInfo, ...]

    def condition(self, condition_id: str) -> ConditionInfo:
        """The condition with this id; KeyError naming the exercise and its condition ids otherwise."""
        for cond in self.conditions:
            if cond.id == condition_id:
                return cond
        known = ", ".join(c.id for c in self.conditions)
        raise KeyError(f"exercise {self.id!r} has no condition {condition_id!r} (known: {known})")
