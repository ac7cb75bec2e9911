"""Lying triceps extension, lying leg raise, chest flys, face pull — data only (AI Hub exercises beyond the
classifier's classes: graded when the user names the exercise)."""

from __future__ import annotations

from analysis.exercises.lower_body import FRONT_ONLY, HEAD_IN_LINE
from analysis.judge.measures import Angle, Height, Side, Spread, Tilt, XGap
from analysis.judge.reps import RepSpec
from analysis.judge.rules import (
    ANY_VIEW,
    FRONT_VIEWS,
    SIDE_VIEWS,
    Agg,
    Check,
    MaxDeg,
    MaxRatio,
    MaxTorso,
    MinDeg,
    MinTorso,
    Phase,
    Unjudgeable,
)
from analysis.judge.spec import ExerciseSpec

UP = "up"  # toward_extreme: reaching the working extreme lifts the load or the legs
ELBOW_ANGLE = Angle(("SHOULDER", "ELBOW", "WRIST"), Side.MIN)

LYING_TRICEPS_EXTENSION = ExerciseSpec(
    id="lying_triceps_extension",
    # full range: the wrists from an arm's length (≈ 1.15 torso) above the shoulders to ≈ 0.35 (the bar by
    # the forehead); a height, so that a camera at the head or feet sees it as well as one at the side
    reps=RepSpec(Height(("WRIST", "SHOULDER"), Side.MAX), working_high=False, min_range=0.3, full_range=0.8),
    angle_joints=("SHOULDER", "ELBOW", "WRIST"),
    key=("elbows_fixed",),  # the extension isolates the triceps only while the upper arms stay put
    rules=(
        Unjudgeable("wrist_neutral", "notjudged-wrist"),
        Check(
            "elbows_together",
            Spread("ELBOW", "SHOULDER"),
            Phase.BOTTOM,
            Agg.MAX,
            MaxRatio(1.3),
            FRONT_ONLY,
            why="seen from the head or feet the elbows stay within 1.3× shoulder width: not flared out",
        ),
        Check(
            "tension_at_bottom",
            ELBOW_ANGLE,
            Phase.ENDS,
            Agg.MAX,
            MaxDeg(172),
            SIDE_VIEWS,
            why="the arms do not lock out completely between reps (as for curls)",
        ),
        Unjudgeable("neutral_spine", "notjudged-spine-curve"),
        Check(
            "elbows_fixed",
            Tilt(("SHOULDER", "ELBOW"), Side.NEAR),
            Phase.REP,
            Agg.RANGE,
            MaxDeg(30),
            SIDE_VIEWS,
            why="the upper arm swings less than 30° toward the head or the hips (as for curls)",
        ),
    ),
)

LYING_LEG_RAISE = ExerciseSpec(
    id="lying_leg_raise",
    # full range: the shoulder–hip–knee angle from ≈ 180° lying to ≈ 90° (legs vertical)
    reps=RepSpec(
        Angle(("SHOULDER", "HIP", "KNEE"), Side.MEAN),
        working_high=False,
        min_range=40.0,
        full_range=90.0,
        toward_extreme=UP,
    ),
    angle_joints=("SHOULDER", "HIP", "KNEE"),
    key=("knee_angle_fixed",),  # the legs' lever is the exercise; seen from the side
    rules=(
        Check(
            "head_not_tucked",
            HEAD_IN_LINE,
            Phase.REP,
            Agg.MIN,
            MinDeg(145),
            SIDE_VIEWS,
            why="ear–shoulder–hip within 35° of straight: the head rests on the floor, chin not tucked",
        ),
        Unjudgeable("leg_tension", "notjudged-tension"),
        Unjudgeable("lower_back_down", "notjudged-spine-curve"),
        Check(
            "knee_angle_fixed",
            Angle(("HIP", "KNEE", "ANKLE"), Side.MIN),
            Phase.REP,
            Agg.RANGE,
            MaxDeg(25),
            SIDE_VIEWS,
            why="the knee angle changes less than 25° in a rep: the legs rise as one lever, not tucked in",
        ),
    ),
)

FACE_PULL = ExerciseSpec(
    id="face_pull",
    # full range: the elbow from straight (arms toward the cable) to ≈ 90° at the face
    reps=RepSpec(ELBOW_ANGLE, working_high=False, min_range=30.0, full_range=90.0, toward_extreme=UP),
    angle_joints=("SHOULDER", "ELBOW", "WRIST"),
    key=("external_rotation", "hands_at_forehead"),  # the rotation and the hands' height make it a face pull
    rules=(
        Check(
            "external_rotation",
            Height(("WRIST", "ELBOW"), Side.MEAN),
            Phase.BOTTOM,
            Agg.MEDIAN,
            MinTorso(0.15),
            ANY_VIEW,
            why="pulled in, the hands are ≥ 0.15 torso (≈8 cm) above the elbows: the upper arms rotated "
            "outward, forearms up",
        ),
        Check(
            "elbow_90",
            ELBOW_ANGLE,
            Phase.BOTTOM,
            Agg.MIN,
            MaxDeg(115),
            FRONT_VIEWS,
            why="pulled in, the elbows bend to ≈ 90° (up to 115° accepted); the arms work out to the sides, "
            "so the front shows the angle unforeshortened",
        ),
        Check(
            "hands_at_forehead",
            Height(("WRIST", "EAR"), Side.MEAN),
            Phase.BOTTOM,
            Agg.MEDIAN,
            MinTorso(-0.15),
            ANY_VIEW,
            why="pulled in, the hands are no lower than 0.15 torso (≈8 cm) below the ears: level with the "
            "forehead, not the chest",
        ),
    ),
)

_FLY_ELBOWS = Check(
    "elbows_soft_fixed",
    ELBOW_ANGLE,
    Phase.REP,
    Agg.RANGE,
    MaxDeg(25),
    FRONT_VIEWS,
    why="the elbow angle changes less than 25° in a rep: the slight bend is held, not pressed (the arms "
    "open in the frontal plane, so a camera at the head or feet sees the angle unforeshortened)",
)
# full range: the wrists from an arm's length (≈ 1.1 torso) above the shoulders to chest height (≈ 0.3)
_FLY_REPS = RepSpec(
    Height(("WRIST", "SHOULDER"), Side.MAX), working_high=False, min_range=0.3, full_range=0.8
)
CHEST_FLY = ExerciseSpec(
    id="chest_fly",
    reps=_FLY_REPS,
    angle_joints=("SHOULDER", "ELBOW", "WRIST"),
    key=("dumbbells_chest_height",),  # the fly's depth; the side view shows it
    rules=(
        Unjudgeable("back_arch", "notjudged-spine-curve"),
        Check(
            "dumbbells_chest_height",
            Height(("WRIST", "SHOULDER"), Side.MEAN),
            Phase.BOTTOM,
            Agg.MIN,
            MaxTorso(0.35),
            SIDE_VIEWS,
            why="opened, the wrists come down to within 0.35 torso (≈17 cm) above the shoulder joints: chest "
            "height, the chest rising ≈ 12 cm above them (a height: seen from the side)",
        ),
        _FLY_ELBOWS,
    ),
)
INCLINE_CHEST_FLY = ExerciseSpec(
    id="incline_chest_fly",
    reps=_FLY_REPS,
    angle_joints=("SHOULDER", "ELBOW", "WRIST"),
    key=("dumbbells_shoulder_height",),  # where the dumbbells meet; the side view shows it
    rules=(
        Unjudgeable("back_arch", "notjudged-spine-curve"),
        Check(
            "dumbbells_shoulder_height",
            XGap(("WRIST", "SHOULDER"), Side.NEAR),
            Phase.ENDS,
            Agg.MAX,
            MaxTorso(0.3),
            SIDE_VIEWS,
            why="closed at the top, the dumbbells are within 0.3 torso (≈15 cm) of the shoulders, "
            "horizontally: over the shoulders, not over the face or the belly",
        ),
        _FLY_ELBOWS,
    ),
)

SPECS = (LYING_TRICEPS_EXTENSION, LYING_LEG_RAISE, CHEST_FLY, INCLINE_CHEST_FLY, FACE_PULL)
