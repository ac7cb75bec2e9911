"""The lunges: forward and backward dynamic lunges, barbell lunge, side lunge, cross (curtsy) lunge — data
only.

The lunges alternate legs; their rep signal, the pelvis's height over the ankles, drops the same with
either leg, so each leg's lunge is a rep.
"""

from __future__ import annotations

from analysis.exercises.lower_body import FRONT_ONLY, HEAD_IN_LINE, PELVIS_HEIGHT, TORSO_LEAN
from analysis.judge.measures import AbsBend, Angle, Height, Side, Tilt, World, YPos
from analysis.judge.measures.combos import Lesser, Outward, Picked
from analysis.judge.reps import RepSpec
from analysis.judge.rules import (
    SIDE_VIEWS,
    Agg,
    Check,
    MaxDeg,
    MinDeg,
    MinTorso,
    Phase,
    Unjudgeable,
)
from analysis.judge.spec import ExerciseSpec

KNEE = ("HIP", "KNEE", "ANKLE")

REAR_KNEE_90 = Check(
    "rear_knee_90",
    Angle(KNEE, Side.MAX),
    Phase.BOTTOM,
    Agg.MIN,
    MaxDeg(120),
    SIDE_VIEWS,
    why="the straighter knee at the bottom is the rear one; AI Hub asks ~90°, ±30° allowed",
    alt=Check(
        "rear_knee_90",
        World(Angle(KNEE, Side.MAX)),
        Phase.BOTTOM,
        Agg.MIN,
        MaxDeg(120),
        FRONT_ONLY,
        why="the same 120° in 3D: from the front both knees bend toward the camera, hidden in 2D",
    ),
)
KNEES_TRACK_FEET = Check(
    "knees_track_feet",
    AbsBend(KNEE, Side.MAX),
    Phase.BOTTOM,
    Agg.MAX,
    MaxDeg(20),
    FRONT_ONLY,
    why="from the front, a knee bent >20° off the hip–ankle line has caved in",
)
TORSO_UPRIGHT = Check(
    "torso_upright",
    TORSO_LEAN,
    Phase.REP,
    Agg.MAX,
    MaxDeg(30),
    SIDE_VIEWS,
    why="torso more than 30° from vertical = excessive forward or backward lean",
    alt=Check(
        "torso_upright",
        World(TORSO_LEAN),
        Phase.REP,
        Agg.MAX,
        MaxDeg(30),
        FRONT_ONLY,
        why="the same 30° in 3D: from the front a forward or backward lean is depth",
    ),
)
FRONT_KNEE_90 = Check(
    "front_knee_90",
    Angle(KNEE, Side.MIN),
    Phase.BOTTOM,
    Agg.MIN,
    MaxDeg(115),
    SIDE_VIEWS,
    why="the more bent knee is the front one; AI Hub asks ~90°, ±25° allowed",
    alt=Check(
        "front_knee_90",
        World(Angle(KNEE, Side.MIN)),
        Phase.BOTTOM,
        Agg.MIN,
        MaxDeg(115),
        FRONT_ONLY,
        why="the same 115° in 3D: from the front the knee's bend points at the camera",
    ),
)
NEUTRAL_SPINE = Check(
    "neutral_spine",
    HEAD_IN_LINE,
    Phase.REP,
    Agg.MIN,
    MinDeg(135),
    SIDE_VIEWS,
    why="2D proxy: head and neck in line with the torso (a dropped head rounds the upper back)",
    alt=Check(
        "neutral_spine",
        World(Angle(("EAR", "SHOULDER", "HIP"), Side.MEAN)),
        Phase.REP,
        Agg.MIN,
        MinDeg(120),
        FRONT_ONLY,
        why="the side view's 135° in 3D, where ear–shoulder–hip reads ~15° lower (side-view clips)",
    ),
)
_LUNGE_RULES = (REAR_KNEE_90, KNEES_TRACK_FEET, TORSO_UPRIGHT, FRONT_KNEE_90, NEUTRAL_SPINE)
# full range: the pelvis from ≈ 2.0 torso lengths standing to ≈ 1.0 (front shin vertical, rear knee low)
_LUNGE_REPS = RepSpec(
    PELVIS_HEIGHT, working_high=False, min_range=0.2, fallback=YPos("PELVIS"), full_range=1.0
)
# key: the front knee's bend is the lunge's depth, and an upright torso its form; both need a side view
_LUNGE_KEY = ("front_knee_90", "torso_upright")
LUNGE_FORWARD = ExerciseSpec(
    "lunge_forward", _LUNGE_RULES, reps=_LUNGE_REPS, angle_joints=KNEE, key=_LUNGE_KEY
)
LUNGE_BACKWARD = ExerciseSpec(
    "lunge_backward", _LUNGE_RULES, reps=_LUNGE_REPS, angle_joints=KNEE, key=_LUNGE_KEY
)
# the same five AI Hub conditions with a bar on the back (the bar changes none of the landmarks checked)
BARBELL_LUNGE = ExerciseSpec(
    "barbell_lunge", _LUNGE_RULES, reps=_LUNGE_REPS, angle_joints=KNEE, key=_LUNGE_KEY
)

# The side lunge: one leg steps out sideways and bends (AI Hub's "front" leg), the other stays straight;
# the bent leg is the one whose knee comes up nearest its hip's height (its thigh near level).
BENT_LEG = Height(("KNEE", "HIP"), Side.NEAR)
SIDE_LUNGE = ExerciseSpec(
    "side_lunge",
    (
        # the lunge's five AI Hub conditions: a side lunge has no rear leg bent to 90° (the trailing leg
        # stays straight), so that one is explained, not failed
        Unjudgeable("rear_knee_90", "notjudged-no-rear-leg"),
        Check(
            "knees_track_feet",
            Picked(Outward("KNEE", "ANKLE"), BENT_LEG),
            Phase.BOTTOM,
            Agg.MIN,
            MinTorso(-0.1),
            FRONT_ONLY,
            why="from the front the bent knee stays over or outside its ankle, at most 0.1 torso (≈5 cm) "
            "inside it: over the foot, not caving in toward the straight leg (its thigh reaches out, so "
            "the knee sits off the hip–ankle line by design)",
        ),
        Check(
            "torso_upright",
            TORSO_LEAN,
            Phase.REP,
            Agg.MAX,
            MaxDeg(45),
            SIDE_VIEWS,
            why="a side lunge sits the hips back as a one-legged squat does: the torso leans up to ≈ 45° "
            "(a squat's 55° is where backs round); past it the chest folds over the knee",
            alt=Check(
                "torso_upright",
                World(TORSO_LEAN),
                Phase.REP,
                Agg.MAX,
                MaxDeg(45),
                FRONT_ONLY,
                why="the same 45° in 3D: from the front a forward lean is depth",
            ),
        ),
        Check(
            "front_knee_90",
            Lesser(Angle(KNEE, Side.NEAR)),
            Phase.BOTTOM,
            Agg.MIN,
            MaxDeg(115),
            SIDE_VIEWS,
            why="the bent knee reaches ≈ 90°, ±25° allowed (as for lunges); read where both legs show: the "
            "leg stepping away from a side camera hides behind the straight one",
            alt=Check(
                "front_knee_90",
                World(Lesser(Angle(KNEE, Side.NEAR))),
                Phase.BOTTOM,
                Agg.MIN,
                MaxDeg(115),
                FRONT_ONLY,
                why="the same 115° in 3D: from the front the knee's bend points at the camera",
            ),
        ),
        NEUTRAL_SPINE,
    ),
    # full range: the pelvis from ≈ 2.0 torso lengths standing to ≈ 1.2 (the bent thigh near level)
    reps=RepSpec(PELVIS_HEIGHT, working_high=False, min_range=0.2, fallback=YPos("PELVIS"), full_range=0.8),
    angle_joints=KNEE,
    key=_LUNGE_KEY,  # as for the other lunges: the bent knee's depth and the torso's lean
)

# The cross (curtsy) lunge: the rear leg crosses behind the front one, both knees bend. The front leg is
# told apart frame by frame: its shin stands upright, so its knee is the one highest above its ankle (the
# rear knee sinks toward the floor).
FRONT_LEG = Height(("KNEE", "ANKLE"), Side.NEAR)
CROSS_LUNGE = ExerciseSpec(
    "cross_lunge",
    (
        Check(
            "knees_track_feet",
            Picked(Outward("KNEE", "ANKLE"), FRONT_LEG),
            Phase.BOTTOM,
            Agg.MIN,
            MinTorso(-0.1),
            FRONT_ONLY,
            why="from the front the front knee stays over or outside its ankle, at most 0.1 torso (≈5 cm) "
            "inside it: the knee follows the foot, not turned in after the crossing leg (a sideways gap, "
            "which the knee's bend toward the camera does not distort)",
        ),
        Check(
            "upper_body_balanced",
            Tilt(("NECK", "PELVIS"), Side.CENTRE),
            Phase.REP,
            Agg.MAX,
            MaxDeg(15),
            FRONT_ONLY,
            why="seen from the front the torso stays within 15° of upright: square and balanced over the "
            "hips, not tipping toward the crossing leg (a forward lean is depth from the front)",
        ),
        Check(
            "front_knee_90",
            Picked(Angle(KNEE, Side.NEAR), FRONT_LEG),
            Phase.BOTTOM,
            Agg.MIN,
            MaxDeg(115),
            SIDE_VIEWS,
            why="the front knee bends to ≈ 90° at the bottom, ±25° allowed (as for lunges)",
            alt=Check(
                "front_knee_90",
                World(Picked(Angle(KNEE, Side.NEAR), FRONT_LEG)),
                Phase.BOTTOM,
                Agg.MIN,
                MaxDeg(115),
                FRONT_ONLY,
                why="the same 115° in 3D: from the front the knee's bend points at the camera",
            ),
        ),
    ),
    reps=_LUNGE_REPS,
    angle_joints=KNEE,
    # key: what the crossing step puts at risk, the front knee over its foot and a square, balanced torso;
    # both show from the front, the curtsy's view (its depth too, in 3D there)
    key=("knees_track_feet", "upper_body_balanced"),
)

SPECS = (LUNGE_FORWARD, LUNGE_BACKWARD, BARBELL_LUNGE, SIDE_LUNGE, CROSS_LUNGE)
