"""Static holds (plank, wall sit) — timed, not counted. Data only.

From the front (and at an angle, when the pose has world landmarks) the body line and the shoulders'
height over the elbows are judged in 3D: a front camera looks along the body and flattens both.
"""

from __future__ import annotations

from dataclasses import replace

from analysis.exercises.lower_body import FRONT_ONLY
from analysis.judge.measures import AbsBend, Angle, Height, Side, Spread, Tilt, World
from analysis.judge.reps import HoldSpec
from analysis.judge.rules import (
    FRONT_VIEWS,
    SIDE_VIEWS,
    Agg,
    Check,
    MaxDeg,
    MinRatio,
    MinTorso,
    Phase,
)
from analysis.judge.spec import ExerciseSpec

# The shoulder–hip–ankle line may bend more toward a pike than toward a sag (a sagging plank loads the
# lower back; raised hips only shorten the lever):
# - sag: correct kaggle push-ups (the same body line, another source) stay within 3° of straight, their
#   sagging ones bend 9–17°;
# - pike: the push-up's 25° body-line tolerance; correct forearm planks of the kaiakol clips (another
#   source) read 4–19° piked in MediaPipe's landmarks, generated ones with raised hips (35°) fail.
SAG_MAX_DEG, PIKE_MAX_DEG = 10.0, 25.0
PLANK_TOLERANCE_DEG = (SAG_MAX_DEG + PIKE_MAX_DEG) / 2  # either way from the centre below
PLANK_LINE = AbsBend(("SHOULDER", "HIP", "ANKLE"), Side.NEAR, centre=(SAG_MAX_DEG - PIKE_MAX_DEG) / 2)

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
            PLANK_LINE,
            Phase.REP,
            Agg.MEDIAN,
            MaxDeg(PLANK_TOLERANCE_DEG),
            SIDE_VIEWS,
            why="hips sagging past 10° or piked past 25° off the shoulder–ankle line (see SAG_MAX_DEG)",
            alt=Check(
                "hips_aligned",
                World(replace(PLANK_LINE, side=Side.MEAN)),
                Phase.REP,
                Agg.MEDIAN,
                MaxDeg(PLANK_TOLERANCE_DEG),
                FRONT_VIEWS,
                why="the side view's limits in 3D: from the front a sagging or piked hip moves in depth",
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
