"""Static holds (plank, wall sit) — timed, not counted. Data only.

From the front (and at an angle, when the pose has world landmarks) the body line and the shoulders'
height over the elbows are judged in 3D: a front camera looks along the body and flattens both.
"""

from __future__ import annotations

from analysis.exercises.lower_body import FRONT_ONLY
from analysis.judge.measures import Angle, Height, Side, Spread, Tilt, World
from analysis.judge.reps import HoldSpec
from analysis.judge.rules import (
    FRONT_VIEWS,
    SIDE_VIEWS,
    Agg,
    Check,
    MaxDeg,
    MinDeg,
    MinRatio,
    MinTorso,
    Phase,
)
from analysis.judge.spec import ExerciseSpec

PLANK = ExerciseSpec(
    id="plank",
    # In position while the shoulder→ankle line is within 35° of horizontal.
    hold=HoldSpec(Tilt(("SHOULDER", "ANKLE"), Side.MEAN), low=55.0, high=125.0),
    angle_joints=("SHOULDER", "HIP", "ANKLE"),
    # key: a straight shoulder–hip–ankle line is the plank; sagging or piked hips show only from the side
    key=("hips_aligned",),
    rules=(
        Check(
            "hips_aligned",
            Angle(("SHOULDER", "HIP", "ANKLE"), Side.NEAR),
            Phase.REP,
            Agg.MEDIAN,
            MinDeg(160),
            SIDE_VIEWS,
            why="shoulder–hip–ankle within 20° of straight (no sag, no pike)",
            alt=Check(
                "hips_aligned",
                World(Angle(("SHOULDER", "HIP", "ANKLE"), Side.MEAN)),
                Phase.REP,
                Agg.MEDIAN,
                MinDeg(160),
                FRONT_VIEWS,
                why="the side view's 20° tolerance in 3D: from the front a sagging hip moves in depth",
            ),
        ),
        Check(
            "chest_off_floor",
            Height(("SHOULDER", "ELBOW"), Side.NEAR),
            Phase.REP,
            Agg.MEDIAN,
            MinTorso(0.3),
            SIDE_VIEWS,
            why="shoulders stay well above the elbows (upper arms near vertical)",
            alt=Check(
                "chest_off_floor",
                World(Height(("SHOULDER", "ELBOW"), Side.MEAN)),
                Phase.REP,
                Agg.MEDIAN,
                MinTorso(0.3),
                FRONT_VIEWS,
                why="0.3 torso, in 3D: a front camera foreshortens the torso the 2D height is scaled by",
            ),
        ),
        Check(
            "elbows_not_inside",
            Spread("ELBOW", "SHOULDER"),
            Phase.REP,
            Agg.MEDIAN,
            MinRatio(0.75),
            FRONT_ONLY,
            why="elbows at least 0.75× shoulder width apart (seen from the front)",
        ),
    ),
)


# Pelvis above the ankles, in torso lengths: standing ≈ 2.0, thighs level against the wall ≈ 1.0.
WALL_SIT = ExerciseSpec(
    id="wall_sit",
    # In position while the hips are down to at most 1.5 torso above the ankles (knees bent past ≈ 120°).
    hold=HoldSpec(Height(("HIP", "ANKLE"), Side.MEAN), low=0.4, high=1.5),
    angle_joints=("HIP", "KNEE", "ANKLE"),
    key=("knees_90", "back_on_wall"),  # the sit's depth and the back on the wall; both from the side
    rules=(
        Check(
            "knees_90",
            Angle(("HIP", "KNEE", "ANKLE"), Side.MEAN),
            Phase.REP,
            Agg.MEDIAN,
            MaxDeg(110),
            SIDE_VIEWS,
            why="AI Hub asks 90°; up to 110° (thighs ≈ 20° above level) is accepted",
        ),
        Check(
            "back_on_wall",
            Tilt(("SHOULDER", "HIP"), Side.MEAN),
            Phase.REP,
            Agg.MEDIAN,
            MaxDeg(15),
            SIDE_VIEWS,
            why="a back flat on a wall stands within 15° of vertical",
        ),
        Check(
            "knees_track_feet",
            Spread("KNEE", "ANKLE"),
            Phase.REP,
            Agg.MEDIAN,
            MinRatio(0.8),
            FRONT_ONLY,
            why="knees narrower than 0.8× the ankle width = knees caving in (as for squats)",
        ),
    ),
)

SPECS = (PLANK, WALL_SIT)
