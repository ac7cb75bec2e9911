"""Stiff-leg deadlift, lat pulldown, upright row, bent-over rows, hanging leg raise — data only (AI Hub
exercises beyond the classifier's classes: graded when the user names the exercise)."""

from __future__ import annotations

from analysis.exercises.lower_body import FRONT_ONLY, TORSO_LEAN
from analysis.exercises.weights import HINGE_FROM_FRONT, KNEE_ANGLE, WRIST_OVER_SHOULDER
from analysis.judge.measures import Angle, Gap, Height, LineGap, Side, Spread, XGap
from analysis.judge.reps import RepSpec
from analysis.judge.rules import (
    ANY_VIEW,
    SIDE_VIEWS,
    Agg,
    Check,
    MaxDeg,
    MaxRatio,
    MaxTorso,
    MinTorso,
    Phase,
    Unjudgeable,
)
from analysis.judge.spec import ExerciseSpec

UP = "up"  # toward_extreme: reaching the working extreme lifts the load

STIFF_LEG_DEADLIFT = ExerciseSpec(
    id="stiff_leg_deadlift",
    # full range: the torso from upright to ≈ 80° forward (the bar near the feet, knees barely bent)
    reps=RepSpec(
        TORSO_LEAN,
        working_high=True,
        min_range=25.0,
        full_range=80.0,
        fallback=HINGE_FROM_FRONT,
        fallback_min_range=0.2,
    ),
    angle_joints=("SHOULDER", "HIP", "KNEE"),
    key=("knees_soft_fixed", "bar_close"),  # the hinge on fixed knees, and the bar along the legs
    rules=(
        Check(
            "knees_soft_fixed",
            KNEE_ANGLE,
            Phase.REP,
            Agg.RANGE,
            MaxDeg(25),
            SIDE_VIEWS,
            why="the knee angle changes less than 25° in a rep: the soft bend is held (as for good mornings)",
        ),
        Check(
            "bar_close",
            XGap(("WRIST", "ANKLE"), Side.NEAR),
            Phase.REP,
            Agg.MAX,
            MaxTorso(0.4),
            SIDE_VIEWS,
            why="the hands (bar) stay within 0.4 torso (≈20 cm) of the ankle, over the mid-foot (as for the "
            "deadlift)",
        ),
        Unjudgeable("neutral_spine", "notjudged-spine-curve"),
    ),
)

LAT_PULLDOWN = ExerciseSpec(
    id="lat_pulldown",
    # full range: the neck from ≈ 1.2 torso below the hands (arms overhead) to their height (bar at the chest)
    reps=RepSpec(
        Height(("NECK", "WRIST"), Side.MEAN),
        working_high=True,
        min_range=0.3,
        full_range=1.2,
        toward_extreme=UP,
    ),
    angle_joints=("SHOULDER", "ELBOW", "WRIST"),
    key=("elbows_to_torso",),  # the pull's depth, seen from any side
    rules=(
        Unjudgeable("wrist_neutral", "notjudged-wrist"),
        Check(
            "elbows_to_torso",
            Angle(("ELBOW", "SHOULDER", "HIP"), Side.MEAN),
            Phase.BOTTOM,
            Agg.MIN,
            MaxDeg(70),
            ANY_VIEW,
            why="at the bottom the upper arms come down to within 70° of the torso (as for pull-ups)",
        ),
        Check(
            "moderate_lean_back",
            TORSO_LEAN,
            Phase.BOTTOM,
            Agg.MAX,
            MaxDeg(30),
            SIDE_VIEWS,
            why="a lean back of ≈ 10–20° opens the pull; past 30° the body's swing moves the weight",
        ),
        Check(
            "shoulder_packing",
            Gap(("EAR", "SHOULDER"), Side.MEAN),
            Phase.ENDS,
            Agg.MIN,
            MinTorso(0.15),
            SIDE_VIEWS,
            why="with the arms up the shoulders stay pulled away from the ears (as for pull-ups; from the "
            "front the ears sit inside the shoulders)",
        ),
    ),
)

UPRIGHT_ROW = ExerciseSpec(
    id="upright_row",
    # full range: the wrists from hanging (≈ 1.15 torso below the shoulders) to the chest (≈ 0.2 below)
    reps=RepSpec(WRIST_OVER_SHOULDER, working_high=True, min_range=0.3, full_range=0.95, toward_extreme=UP),
    angle_joints=("HIP", "SHOULDER", "ELBOW"),
    key=("elbows_lead",),  # what makes the lift an upright row; seen from any side
    rules=(
        Check(
            "shoulder_blades_down",
            Height(("EAR", "SHOULDER"), Side.MEAN),
            Phase.REP,
            Agg.RANGE,
            MaxTorso(0.12),
            ANY_VIEW,
            why="the ears' height above the shoulders changes less than 0.12 torso (≈6 cm): the shoulders "
            "stay down, no shrug (as for the lateral raise)",
        ),
        Check(
            "bar_close",
            XGap(("WRIST", "SHOULDER"), Side.NEAR),
            Phase.REP,
            Agg.MAX,
            MaxTorso(0.35),
            SIDE_VIEWS,
            why="the hands stay within 0.35 torso (≈17 cm) of the shoulder line: the bar rides up the body, "
            "not out in front",
        ),
        Check(
            "elbows_lead",
            Height(("ELBOW", "WRIST"), Side.MEAN),
            Phase.BOTTOM,
            Agg.MEDIAN,
            MinTorso(0.0),
            ANY_VIEW,
            why="at the top the elbows are at or above the wrists: the elbows lead the pull",
        ),
    ),
)


# Bent-over rows (barbell and dumbbells): the same four visible AI Hub conditions in a different order
_ROW_KNEES = Check(
    "no_knee_drive",
    KNEE_ANGLE,
    Phase.REP,
    Agg.RANGE,
    MaxDeg(20),
    SIDE_VIEWS,
    why="the knees keep their bend within 20° during the row: no dip-and-drive with the legs",
)
_ROW_TORSO = Check(
    "no_torso_swing",
    TORSO_LEAN,
    Phase.REP,
    Agg.RANGE,
    MaxDeg(15),
    SIDE_VIEWS,
    why="the torso's lean changes less than 15° in a rep: the back holds still, the arms pull",
)


def _row_close(condition_id: str) -> Check:
    return Check(
        condition_id,
        LineGap(("WRIST", "SHOULDER", "HIP"), Side.NEAR),
        Phase.BOTTOM,
        Agg.MEDIAN,
        MaxTorso(0.4),
        SIDE_VIEWS,
        why="at the top of the row the hands are within 0.4 torso (≈20 cm) of the shoulder–hip line: at "
        "the belly, pulled along the body (half a torso's depth plus the grip), not out in front",
    )


# full range: the hands from hanging (≈ 1.0 torso below the shoulders of a torso bent ≈ 45°) to the belly
_ROW_REPS = RepSpec(
    Height(("WRIST", "SHOULDER"), Side.MAX),
    working_high=True,
    min_range=0.25,
    full_range=0.6,
    toward_extreme=UP,
)
BARBELL_ROW = ExerciseSpec(
    id="barbell_row",
    reps=_ROW_REPS,
    angle_joints=("SHOULDER", "ELBOW", "WRIST"),
    key=("bar_close", "no_torso_swing"),  # the pull's path, and a still back (no momentum)
    rules=(
        _ROW_KNEES,
        _row_close("bar_close"),
        _ROW_TORSO,
        Unjudgeable("wrist_neutral", "notjudged-wrist"),
        Unjudgeable("neutral_spine", "notjudged-spine-curve"),
    ),
)
DUMBBELL_ROW = ExerciseSpec(
    id="dumbbell_row",
    reps=_ROW_REPS,
    angle_joints=("SHOULDER", "ELBOW", "WRIST"),
    key=("dumbbell_close", "no_torso_swing"),  # the pull's path, and a still back (no momentum)
    rules=(
        _row_close("dumbbell_close"),
        _ROW_KNEES,
        _ROW_TORSO,
        Unjudgeable("wrist_neutral", "notjudged-wrist"),
        Unjudgeable("neutral_spine", "notjudged-spine-curve"),
    ),
)

HANGING_LEG_RAISE = ExerciseSpec(
    id="hanging_leg_raise",
    # full range: the shoulder–hip–knee angle from ≈ 180° hanging to ≈ 90° (thighs level)
    reps=RepSpec(
        Angle(("SHOULDER", "HIP", "KNEE"), Side.MEAN),
        working_high=False,
        min_range=40.0,
        full_range=90.0,
        toward_extreme=UP,
    ),
    angle_joints=("SHOULDER", "HIP", "KNEE"),
    key=("shoulders_from_ears",),  # the hang itself; the legs' spread needs the front view
    rules=(
        Check(
            "legs_together",
            Spread("ANKLE", "SHOULDER"),
            Phase.BOTTOM,
            Agg.MAX,
            MaxRatio(0.8),
            FRONT_ONLY,
            why="from the front the feet stay within 0.8× the shoulders' width (hip joints sit ≈ 0.6 of it "
            "apart): legs together, not split to make the raise easier; the shoulders, wider than the "
            "hips, are the steadier yardstick",
        ),
        Check(
            "shoulders_from_ears",
            Gap(("EAR", "SHOULDER"), Side.MEAN),
            Phase.REP,
            Agg.MIN,
            MinTorso(0.15),
            SIDE_VIEWS,
            why="the shoulders stay pulled away from the ears all rep (as for the pull-up's hang)",
        ),
        Unjudgeable("leg_tension", "notjudged-tension"),
    ),
)

SPECS = (STIFF_LEG_DEADLIFT, LAT_PULLDOWN, UPRIGHT_ROW, BARBELL_ROW, DUMBBELL_ROW, HANGING_LEG_RAISE)
