"""Y raise, hip thrust, rowing machine — data only (AI Hub exercises beyond the classifier's classes:
graded when the user names the exercise). The body's back side: the upper back and shoulders lifting the
arms, the glutes lifting the hips, legs and back driving a rower.
"""

from __future__ import annotations

from analysis.exercises.lower_body import FRONT_ONLY, HEAD_IN_LINE
from analysis.judge.measures import AbsBend, Angle, Gap, Height, Side, World
from analysis.judge.measures.combos import Largest, Uneven
from analysis.judge.reps import RepSpec
from analysis.judge.rules import (
    FRONT_VIEWS,
    SIDE_VIEWS,
    Agg,
    Check,
    MaxDeg,
    MaxTorso,
    MinDeg,
    Phase,
    Unjudgeable,
)
from analysis.judge.spec import ExerciseSpec
from analysis.vocab.types import View

UP = "up"  # toward_extreme: reaching the working extreme lifts the arms, the hips or the load
SIDE_ONLY = frozenset({View.SIDE})
ARMS_UNEVEN = Uneven(Angle(("HIP", "SHOULDER", "WRIST"), Side.NEAR))  # one arm raised lower than the other
HEAD_IN_LINE_3D = World(Angle(("EAR", "SHOULDER", "HIP"), Side.MEAN))  # reads ~15° below the 2D angle

Y_RAISE = ExerciseSpec(
    id="y_raise",
    # full range: the arms from hanging (≈ 10° from the torso) to the Y overhead (≈ 150°); an angle to the
    # torso, so that a hinge forward changes nothing
    reps=RepSpec(
        Angle(("HIP", "SHOULDER", "WRIST"), Side.MEAN),
        working_high=True,
        min_range=50.0,
        full_range=140.0,
        toward_extreme=UP,
    ),
    angle_joints=("HIP", "SHOULDER", "WRIST"),
    key=("arms_level",),  # both arms up in the Y, seen from the front (the neck: from the side, or 3D there)
    rules=(
        Check(
            "neck_neutral",
            HEAD_IN_LINE,
            Phase.REP,
            Agg.MIN,
            MinDeg(145),
            SIDE_ONLY,
            why="ear–shoulder–hip within 35° of straight: the head neutral or drawn back, not pushed "
            "forward or dropped as the arms rise (at an angle the ear's offset inside the shoulder bends "
            "the 2D angle: 3D there)",
            alt=Check(
                "neck_neutral",
                HEAD_IN_LINE_3D,
                Phase.REP,
                Agg.MIN,
                MinDeg(130),
                FRONT_VIEWS,
                why="the side view's 145° in 3D, where ear–shoulder–hip reads ~15° lower (side-view clips); "
                "from the front the head's tilt toward the camera is depth",
            ),
        ),
        Check(
            "arms_level",
            ARMS_UNEVEN,
            Phase.BOTTOM,
            Agg.MAX,
            MaxDeg(15),
            FRONT_ONLY,
            why="at the top the two arms' angles to the torso differ by ≤ 15° (≈ 10 cm at the hands): "
            "both at the same height, whatever the camera's tilt; the Y opens toward a front camera (from "
            "the side the far arm hides behind the head)",
        ),
        Unjudgeable("thumbs_up", "notjudged-thumb"),
    ),
)

HIP_THRUST = ExerciseSpec(
    id="hip_thrust",
    # full range: the hips from ≈ 0.1 torso above the ankles (sitting low by the bench) to knee height
    # (≈ 0.75 torso above them); a height, which a camera at the feet sees as well as one at the side
    reps=RepSpec(
        Height(("HIP", "ANKLE"), Side.MEAN),
        working_high=True,
        min_range=0.25,
        full_range=0.65,
        toward_extreme=UP,
    ),
    angle_joints=("SHOULDER", "HIP", "KNEE"),
    key=("straight_line_top",),  # the lockout is the exercise
    rules=(
        Check(
            "head_not_raised",
            HEAD_IN_LINE,
            Phase.REP,
            Agg.MIN,
            MinDeg(140),
            SIDE_VIEWS,
            why="ear–shoulder–hip within 40° of straight: the head rises and sinks with the torso, not "
            "lifted to look ahead or at the hips (at the top, level eyes are a 90° bend), nor thrown back",
            alt=Check(
                "head_not_raised",
                HEAD_IN_LINE_3D,
                Phase.REP,
                Agg.MIN,
                MinDeg(125),
                FRONT_VIEWS,
                why="the side view's 140° in 3D, where ear–shoulder–hip reads ~15° lower (side-view clips)",
            ),
        ),
        Check(
            "straight_line_top",
            AbsBend(("SHOULDER", "HIP", "KNEE"), Side.NEAR),
            Phase.BOTTOM,
            Agg.MEDIAN,
            MaxDeg(20),
            SIDE_VIEWS,
            why="at the top knees, hips and shoulders line up within 20°: the hips neither short of the line "
            "nor pushed past it into an arched back",
            alt=Check(
                "straight_line_top",
                World(AbsBend(("SHOULDER", "HIP", "KNEE"), Side.MEAN)),
                Phase.BOTTOM,
                Agg.MEDIAN,
                MaxDeg(20),
                FRONT_VIEWS,
                why="the same 20° in 3D: from the front or the feet the hips rise toward the camera",
            ),
        ),
        Unjudgeable("tension_lowering", "notjudged-tension"),
    ),
)

KNEE_ANGLE = Angle(("HIP", "KNEE", "ANKLE"), Side.MEAN)
ELBOW_ANGLE = Angle(("SHOULDER", "ELBOW", "WRIST"), Side.MEAN)
# the straighter of the knees and the elbows: a rower's legs and arms take turns, one of them straight
LEGS_OR_ARMS = Largest((KNEE_ANGLE, ELBOW_ANGLE))


def _one_at_a_time(condition: str, phase: Phase, why: str) -> Check:
    return Check(
        condition,
        LEGS_OR_ARMS,
        phase,
        Agg.MIN,
        MinDeg(150),
        SIDE_VIEWS,
        why=why,
        alt=Check(
            condition,
            World(LEGS_OR_ARMS),
            phase,
            Agg.MIN,
            MinDeg(150),
            FRONT_VIEWS,
            why="the same 150° in 3D: from the front the legs and arms bend toward the camera",
        ),
    )


# the hands' distance from the feet on the stretcher: shortest at the catch, longest at the finish (the legs,
# the swing back and the arms' pull all add to it); in 3D from any angle, in 2D from the side
HANDS_FROM_FEET = Gap(("WRIST", "ANKLE"), Side.MEAN)

ROWING_MACHINE = ExerciseSpec(
    id="rowing_machine",
    # a stroke: the catch → the finish (handle at the ribs) → the catch; full range: the hands from ≈ 0.7
    # torso from the feet to ≈ 2.3
    reps=RepSpec(
        World(HANDS_FROM_FEET),
        working_high=True,
        min_range=0.6,
        fallback=HANDS_FROM_FEET,
        full_range=1.6,
        toward_extreme=UP,
    ),
    angle_joints=("HIP", "KNEE", "ANKLE"),
    key=("legs_before_arms", "no_excessive_lean_back"),  # the drive's order and the finish's lean
    rules=(
        Check(
            "no_excessive_lean_back",
            Angle(("SHOULDER", "HIP", "ANKLE"), Side.MEAN),
            Phase.REP,
            Agg.MAX,
            MaxDeg(130),
            SIDE_VIEWS,
            why="at the finish (the stroke's widest shoulder–hip–ankle angle, the legs flat) ≤ 130°: the "
            "torso ≤ 40° behind vertical (the usual 'eleven o'clock' is ≈ 30°)",
            alt=Check(
                "no_excessive_lean_back",
                World(Angle(("SHOULDER", "HIP", "ANKLE"), Side.MEAN)),
                Phase.REP,
                Agg.MAX,
                MaxDeg(130),
                FRONT_VIEWS,
                why="the same 130° in 3D: from the front the lean back is depth",
            ),
        ),
        _one_at_a_time(
            "legs_before_arms",
            Phase.GOING,
            "on the drive the straighter of knees and elbows stays ≥ 150°: the legs push flat before the "
            "elbows bend (both bent at once = the arms pulling early)",
        ),
        Check(
            "no_shrug",
            Gap(("EAR", "SHOULDER"), Side.MEAN),
            Phase.REP,
            Agg.RANGE,
            MaxTorso(0.12),
            SIDE_VIEWS,
            why="ear–shoulder distance changes less than 0.12 torso (≈6 cm) in a stroke (as for curls); a "
            "distance, so the torso's swing does not change it (from the front the swing is depth)",
        ),
        _one_at_a_time(
            "arms_before_legs",
            Phase.RETURN,
            "on the recovery the straighter of knees and elbows stays ≥ 150°: the arms reach out before "
            "the knees bend (both bent at once = the knees rising under the handle)",
        ),
        Unjudgeable("chest_up", "notjudged-spine-curve"),
    ),
)

SPECS = (Y_RAISE, HIP_THRUST, ROWING_MACHINE)
