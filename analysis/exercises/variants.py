"""Variants judged by their own spec (analysis.judge.spec.Variant): data rows only.

An incline push-up (hands on a bench, a box or a wall) is a push-up: the catalog has no id of its own
for it, so it is judged under `push_up`, with the travel and the hand placement measured against the
body's line rather than the floor (analysis.judge.measures.Leveled). The body line, head and elbows are
angles between body segments and read the same at any incline.
"""

from __future__ import annotations

from analysis.exercises.upper_body import (
    PLANK_LINE,
    PLANK_LINE_3D,
    PUSH_UP,
    PUSH_UP_FULL_RANGE,
    SHOULDER_OVER_WRIST,
    SPINE_WHY,
    push_up_rules,
)
from analysis.judge.measures import Leveled, Side, Tilt, World
from analysis.judge.reps import RepSpec
from analysis.judge.rules import MaxDeg
from analysis.judge.spec import ExerciseSpec, Variant
from analysis.vocab.types import View

# the shoulder–ankle line's angle from vertical: 90 = level (a push-up on the floor), 0 = upright
BODY_TILT = Tilt(("SHOULDER", "ANKLE"), Side.NEAR)
BODY_TILT_3D = World(Tilt(("SHOULDER", "ANKLE"), Side.MEAN))

INCLINE_PUSH_UP = ExerciseSpec(
    id="push_up",
    # the shoulders travel toward the hands, square to the body line whatever its incline: in 3D from any
    # view, in 2D (side view) when the pose has no world landmarks
    reps=RepSpec(
        World(Leveled(SHOULDER_OVER_WRIST)),
        working_high=False,
        min_range=0.2,
        fallback=Leveled(SHOULDER_OVER_WRIST),
        full_range=PUSH_UP_FULL_RANGE,
    ),
    angle_joints=PUSH_UP.angle_joints,
    key=PUSH_UP.key,
    rules=push_up_rules(PLANK_LINE, PLANK_LINE_3D, SPINE_WHY, level=True),
)

VARIANTS: tuple[Variant, ...] = (
    Variant(
        of="push_up",
        name="incline",
        spec=INCLINE_PUSH_UP,
        measure=BODY_TILT,
        views=frozenset({View.SIDE}),  # an oblique camera steepens the 2D line (one floor clip read 25°)
        limit=MaxDeg(65),
        alt=BODY_TILT_3D,
        why="the body ≥ 25° above level over the clip (median): floor push-ups read 10–19° in 3D (101 "
        "labelled clips, median 14°); hands on a 45 cm bench lift the line to ≈ 20–42°, a wall to ≈ 70°",
    ),
)
