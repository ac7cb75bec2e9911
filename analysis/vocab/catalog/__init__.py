"""The exercise catalog: every exercise FormCoach knows, as data.

``CATALOG`` holds the 41 exercises of the AI Hub fitness-posture dataset (in class-index order 0..40),
then the exercises users do that AI Hub lacks (``catalog_extra``). Each exercise carries its named
posture conditions; their display names live in ``locales/<locale>/catalog.ftl`` under
``exercise-<id>`` and ``condition-<exercise id>-<condition id>``.

Order of conditions: for every AI Hub exercise, the order of the public condition map (alphabetical by
the Korean string). The dataset's own order (the order of the truth vectors behind the type codes) is
known for a few exercises only; ``DATASET_CONDITION_ORDER`` lists it, by condition id.

The rows live in one module per category (catalog_bodyweight, catalog_barbell_dumbbell, catalog_machine,
catalog_extra); this module assembles them and holds the label aliases.
"""

from __future__ import annotations

import re

from analysis.vocab.catalog.barbell_dumbbell import BARBELL_DUMBBELL
from analysis.vocab.catalog.bodyweight import BODYWEIGHT
from analysis.vocab.catalog.extra import EXTRA
from analysis.vocab.catalog.machine import MACHINE
from analysis.vocab.catalog.types import ConditionInfo, ExerciseInfo

__all__ = [
    "AIHUB_BY_NAME",
    "AIHUB_EXERCISE_COUNT",
    "CATALOG",
    "CATEGORIES",
    "DATASET_CONDITION_ORDER",
    "KINDS",
    "LABEL_ALIASES",
    "ConditionInfo",
    "ExerciseInfo",
    "get",
    "resolve_label",
]

AIHUB_EXERCISE_COUNT = 41
CATEGORIES = ("bodyweight", "barbell_dumbbell", "machine")
KINDS = ("reps", "hold")

CATALOG: dict[str, ExerciseInfo] = {ex.id: ex for ex in (*BODYWEIGHT, *BARBELL_DUMBBELL, *MACHINE, *EXTRA)}

# Exact AI Hub exercise string (trailing spaces kept) → entry, for the dataset loader.
AIHUB_BY_NAME: dict[str, ExerciseInfo] = {ex.aihub_name: ex for ex in CATALOG.values() if ex.aihub_name}

# The dataset's condition order where it is verified (compiled reference; TREX truth tables for squat/curl).
DATASET_CONDITION_ORDER: dict[str, tuple[str, ...]] = {
    "side_crunch": (
        "neutral_spine",
        "gaze_forward",
        "knee_elbow_close",
        "knee_from_side",
        "hands_behind_head",
    ),
    "knee_up": ("gaze_forward", "neutral_spine", "knee_high", "leg_tension"),
    "overhead_press": ("neutral_spine", "forearms_vertical", "shoulder_girdle_stable", "no_knee_drive"),
    "barbell_curl": ("elbows_fixed", "wrist_neutral", "neutral_spine", "tension_at_bottom", "no_shrug"),
    "squat": ("neutral_spine", "head_forward", "knees_track_feet", "heels_down"),
}

# Label used by a data set (normalised: lower case, words joined by "_", CamelCase split) → catalog ids
# it may mean. A label that already is a catalog id needs no entry; () means "not an exercise".
LABEL_ALIASES: dict[str, tuple[str, ...]] = {
    # shared clips (labels.csv): direction of the lunge not labelled; "negative" = no exercise
    "lunge": ("lunge_forward", "lunge_backward", "barbell_lunge"),
    "lunges": ("lunge_forward", "lunge_backward", "barbell_lunge"),
    "negative": (),
    "no_exercise": (),
    # Penn Action / UCF101 / RepCount style labels
    "squats": ("squat",),
    "body_weight_squats": ("squat",),
    "bodyweight_squat": ("squat",),
    "air_squat": ("squat",),
    "pushup": ("push_up",),
    "pushups": ("push_up",),
    "push_ups": ("push_up",),
    "knee_pushup": ("knee_push_up",),
    "pullup": ("pull_up",),
    "pullups": ("pull_up",),
    "pull_ups": ("pull_up",),
    "jumping_jacks": ("jumping_jack",),
    "jump_jack": ("jumping_jack",),
    "bench_pressing": ("bench_press",),
    "situp": ("crunch",),  # sit-ups are not in the catalog; the crunch is the nearest movement
    "sit_up": ("crunch",),
    "situps": ("crunch",),
    # Kaggle workout-video style labels
    "tricep_dips": ("dips",),
    "triceps_dips": ("dips",),
    "curl": ("biceps_curl", "barbell_curl"),
    "bicep_curl": ("biceps_curl", "barbell_curl"),
    "biceps_curls": ("biceps_curl", "barbell_curl"),
    "hammer_curl": ("biceps_curl",),
    "barbell_biceps_curl": ("barbell_curl",),
    "shoulder_press": ("overhead_press",),
    "military_press": ("overhead_press",),
    "tricep_pushdown": ("triceps_pushdown",),
    "romanian_deadlift": ("stiff_leg_deadlift",),
    "t_bar_row": ("barbell_row",),
    "leg_raises": ("lying_leg_raise", "hanging_leg_raise"),
    "leg_raise": ("lying_leg_raise", "hanging_leg_raise"),
    "chest_fly_machine": ("chest_fly",),
    "shrug": ("shoulder_shrug",),
    "shrugs": ("shoulder_shrug",),
    "wall_squat": ("wall_sit",),
}


def get(exercise_id: str) -> ExerciseInfo:
    """The catalog entry for ``exercise_id``; KeyError that names the unknown id otherwise."""
    try:
        return CATALOG[exercise_id]
    except KeyError:
        raise KeyError(
            f"unknown exercise id {exercise_id!r}; catalog ids are snake_case, e.g. 'squat', 'push_up' "
            f"(see analysis/exercises/catalog.py)"
        ) from None


def normalise_label(label: str) -> str:
    """'BodyWeightSquats' → 'body_weight_squats', 'Push-Up' → 'push_up', ' lunge ' → 'lunge'."""
    split = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", label.strip())
    return re.sub(r"[^a-z0-9]+", "_", split.lower()).strip("_")


def resolve_label(label: str) -> tuple[str, ...]:
    """Catalog ids a data-set label may mean: a catalog id, an exact AI Hub name, or a LABEL_ALIASES key.

    Returns () for labels that mean "no exercise"; KeyError for labels nobody has mapped yet.
    """
    if label in AIHUB_BY_NAME:
        return (AIHUB_BY_NAME[label].id,)
    key = normalise_label(label)
    if key in CATALOG:
        return (key,)
    if key in LABEL_ALIASES:
        return LABEL_ALIASES[key]
    raise KeyError(f"label {label!r} (normalised {key!r}) is neither a catalog id nor in LABEL_ALIASES")
