"""Static holds (plank) — timed, not counted. Data only.

From the front (and at an angle, when the pose has world landmarks) the body line and the shoulders'
height over the elbows are judged in 3D: a front camera looks along the body and flattens both.
"""

from __future__ import annotations

from analysis.exercises.lower_body import FRONT_ONLY
from analysis.judge.measures import Angle, Height, Side, Spread, Tilt, World
from analysis.judge.reps import HoldSpec
from analysis.judge.rules import FRONT_VIEWS, SIDE_VIEWS, Agg, Check, MinDeg, MinRatio, MinTorso, Phase
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

SPECS = (PLANK,)
