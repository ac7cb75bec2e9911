"""Bicycle crunch, scissor cross, cable crunch, dumbbell pullover — data only (AI Hub exercises beyond the
classifier's classes: graded when the user names the exercise)."""

from __future__ import annotations

from analysis.exercises.lower_body import FRONT_ONLY
from analysis.judge.measures import Angle, Height, Side, Spread, Tilt, World
from analysis.judge.measures.combos import Off, Order, SegmentAngle, Uneven
from analysis.judge.reps import RepSpec
from analysis.judge.rules import (
    FRONT_VIEWS,
    SIDE_VIEWS,
    Agg,
    Check,
    MaxDeg,
    MaxRatio,
    MaxTorso,
    MinDeg,
    Phase,
    Unjudgeable,
)
from analysis.judge.spec import ExerciseSpec

UP = "up"  # toward_extreme: reaching the working extreme lifts the body, the legs or the load
ELBOW_ANGLE = Angle(("SHOULDER", "ELBOW", "WRIST"), Side.MIN)
# each thigh against the torso line (the near side's where the far shoulder hides behind the chest)
THIGH_TO_TORSO = SegmentAngle(("HIP", "SHOULDER"), ("HIP", "KNEE"), Side.NEAR)
HIP_FOLD = SegmentAngle(("HIP", "SHOULDER"), ("HIP", "KNEE"), Side.MIN)  # the more folded side

BICYCLE_CRUNCH = ExerciseSpec(
    id="bicycle_crunch",
    # each knee drive, left or right, is a rep: the thighs scissor apart, one drawn in, the other pushed
    # out (the angle between their angles to the torso), and back together between the drives
    reps=RepSpec(Uneven(THIGH_TO_TORSO), working_high=True, min_range=30.0, min_rep_s=0.3, toward_extreme=UP),
    angle_joints=("SHOULDER", "HIP", "KNEE"),
    key=("shoulder_blades_lift", "knee_past_hip"),  # the crunch held up, and the knee drive
    rules=(
        Check(
            "shoulder_blades_lift",
            Tilt(("SHOULDER", "HIP"), Side.MEAN),
            Phase.REP,
            Agg.MEDIAN,
            MaxDeg(75),
            SIDE_VIEWS,
            why="the shoulder–hip line stays ≥ 15° off the floor through the set: the shoulder blades never "
            "rest on it (a level camera seeing the floor level)",
        ),
        Check(
            "knee_past_hip",
            HIP_FOLD,
            Phase.BOTTOM,
            Agg.MIN,
            MaxDeg(80),
            SIDE_VIEWS,
            why="the driven knee comes past the hip toward the chest: shoulder–hip–knee ≤ 80° with the "
            "shoulders lifted (the thigh past vertical)",
        ),
        Unjudgeable("lower_back_down", "notjudged-spine-curve"),
    ),
)

# the legs' angle from vertical (hip to ankle): 90° lying on the floor, 55° hovering ≈ 35° up
LEG_TILT = Tilt(("ANKLE", "HIP"), Side.MEAN)
KNEE_ANGLE = Angle(("HIP", "KNEE", "ANKLE"), Side.MIN)
# the legs open and close side to side: seen along the hips' line (from the feet or the head), the ankles'
# left–right order against the hips' (1 = as wide as the hips, below 0 = crossed); in 3D from any angle
LEGS_ORDER = Order("ANKLE", "HIP")

SCISSOR_CROSS = ExerciseSpec(
    id="scissor_cross",
    # each crossing, left leg over or right leg over, is a rep: the legs open ≈ 5 hip widths at the ankles
    # and close crossed; in 2D only a camera at the feet or the head sees the legs open (from the side
    # they move in depth)
    reps=RepSpec(
        World(LEGS_ORDER),
        working_high=False,
        min_range=1.0,
        min_rep_s=0.3,
        fallback=LEGS_ORDER,
        toward_extreme=UP,
    ),
    angle_joints=("HIP", "KNEE", "ANKLE"),
    key=("legs_hover_height", "knees_cross"),  # the legs held up, and the crossing itself
    rules=(
        Check(
            "legs_hover_height",
            Off(LEG_TILT, 55.0),
            Phase.REP,
            Agg.MEDIAN,
            MaxDeg(20),
            SIDE_VIEWS,
            why="the legs hover 15–55° off the floor (55° ± 20° from vertical): not resting on the floor, "
            "not raised toward vertical where they no longer load the abs",
            alt=Check(
                "legs_hover_height",
                World(Off(LEG_TILT, 55.0)),
                Phase.REP,
                Agg.MEDIAN,
                MaxDeg(20),
                FRONT_VIEWS,
                why="the same band in 3D: from the feet or the head the legs' rise is depth",
            ),
        ),
        Check(
            "knees_not_overbent",
            KNEE_ANGLE,
            Phase.REP,
            Agg.MIN,
            MinDeg(140),
            SIDE_VIEWS,
            why="the knees stay within 40° of straight: long legs, not tucked (a tuck bends them to 90°)",
            alt=Check(
                "knees_not_overbent",
                World(KNEE_ANGLE),
                Phase.REP,
                Agg.MIN,
                MinDeg(140),
                FRONT_VIEWS,
                why="the same 140° in 3D: from the feet the knees bend toward the camera",
            ),
        ),
        Check(
            "knees_cross",
            Order("KNEE", "HIP"),
            Phase.BOTTOM,
            Agg.MIN,
            MaxRatio(0.0),
            FRONT_VIEWS,
            why="closed, the knees pass each other: their left–right order reverses against the hips' "
            "(≤ 0), not merely meeting in the middle",
            alt=Check(
                "knees_cross",
                World(Order("KNEE", "HIP")),
                Phase.BOTTOM,
                Agg.MIN,
                MaxRatio(0.0),
                SIDE_VIEWS,
                why="the same order in 3D: from the side the legs cross in depth",
            ),
        ),
        Unjudgeable("gaze_on_navel", "notjudged-gaze"),
        Unjudgeable("lower_back_down", "notjudged-spine-curve"),
    ),
)

CABLE_CRUNCH = ExerciseSpec(
    id="cable_crunch",
    # full range: the torso from ≈ 20° forward (kneeling, rope by the head) to ≈ 80° (crunched down)
    reps=RepSpec(Tilt(("SHOULDER", "HIP"), Side.MEAN), working_high=True, min_range=25.0, full_range=60.0),
    angle_joints=("SHOULDER", "HIP", "KNEE"),
    key=("elbow_torso_angle_fixed",),  # the abs pull the rope only while the arms stay fixed to the head
    rules=(
        Check(
            "elbow_angle_fixed",
            ELBOW_ANGLE,
            Phase.REP,
            Agg.RANGE,
            MaxDeg(25),
            SIDE_VIEWS,
            why="the elbow angle changes less than 25° in a rep: the arms hold the rope, they don't pull it",
        ),
        Unjudgeable("spine_flexes", "notjudged-spine-curve"),
        Check(
            "elbow_torso_angle_fixed",
            Angle(("ELBOW", "SHOULDER", "HIP"), Side.MEAN),
            Phase.REP,
            Agg.RANGE,
            MaxDeg(25),
            SIDE_VIEWS,
            why="the upper arms keep their angle to the torso within 25°: the torso curls down, the arms "
            "don't swing",
        ),
    ),
)

DUMBBELL_PULLOVER = ExerciseSpec(
    id="dumbbell_pullover",
    # full range: the wrists from an arm's length above the shoulders (arms up) to shoulder height (overhead)
    reps=RepSpec(Height(("WRIST", "SHOULDER"), Side.MAX), working_high=False, min_range=0.4, full_range=1.0),
    angle_joints=("HIP", "SHOULDER", "ELBOW"),
    key=("torso_on_bench", "elbow_angle_fixed"),  # both seen from the side, the pullover's best view
    rules=(
        Check(
            "torso_on_bench",
            Height(("HIP", "SHOULDER"), Side.MEAN),
            Phase.REP,
            Agg.RANGE,
            MaxTorso(0.15),
            SIDE_VIEWS,
            why="the hips rise or drop less than 0.15 torso (≈8 cm) against the shoulders: the torso stays "
            "on the bench while the arms travel",
        ),
        Unjudgeable("wrist_neutral", "notjudged-wrist"),
        Check(
            "elbows_in_top",
            Spread("ELBOW", "SHOULDER"),
            Phase.ENDS,
            Agg.MAX,
            MaxRatio(1.4),
            FRONT_ONLY,
            why="arms up, the elbows are within 1.4× shoulder width (seen from the head or feet): drawn in "
            "over the shoulders, not flared",
        ),
        Check(
            "elbow_angle_fixed",
            ELBOW_ANGLE,
            Phase.REP,
            Agg.RANGE,
            MaxDeg(25),
            SIDE_VIEWS,
            why="the elbow angle changes less than 25° in a rep: the arms sweep as one lever, not a "
            "triceps extension",
        ),
    ),
)

SPECS = (BICYCLE_CRUNCH, SCISSOR_CROSS, CABLE_CRUNCH, DUMBBELL_PULLOVER)
