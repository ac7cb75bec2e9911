"""Crunch, v-up, russian twist, bear crawl, renegade row, high knees, step-up — data only.

Alternating exercises count every side: the left and the right knee, arm or twist each make a rep. The
rep signal follows one side where the other hides (bear crawl, renegade row), turns unsigned where the sides
pass through a rest between them (the twist), or is counted on each side apart where they overlap in time
(high knees: RepSpec.each_side).
"""

from __future__ import annotations

from analysis.exercises.lower_body import FRONT_ONLY, TORSO_LEAN
from analysis.judge.measures import Angle, Gap, Height, LevelGap, Side, Tilt, World, XGap, YPos
from analysis.judge.measures.combos import Twist
from analysis.judge.reps import RepSpec
from analysis.judge.rules import (
    ANY_VIEW,
    SIDE_VIEWS,
    Agg,
    Check,
    MaxDeg,
    MaxTorso,
    MinDeg,
    MinTorso,
    Phase,
    Unjudgeable,
)
from analysis.judge.spec import ExerciseSpec

UP = "up"  # toward_extreme: reaching the working extreme lifts the body
BODY_LINE = Angle(("SHOULDER", "HIP", "ANKLE"), Side.NEAR)  # 180 = shoulders, hips, ankles in line

CRUNCH = ExerciseSpec(
    id="crunch",
    reps=RepSpec(
        Height(("SHOULDER", "HIP"), Side.MEAN), working_high=True, min_range=0.15, toward_extreme=UP
    ),
    angle_joints=("SHOULDER", "HIP", "KNEE"),
    key=("shoulder_blades_lift",),  # the one condition landmarks show: the crunch itself
    rules=(
        Check(
            "shoulder_blades_lift",
            Tilt(("SHOULDER", "HIP"), Side.MEAN),
            Phase.REP,
            Agg.RANGE,
            MinDeg(20),
            SIDE_VIEWS,
            why="the shoulder–hip line rises at least 20° off the floor: the shoulder blades clear it "
            "(a torso lifted ≈ ⅓ of its length at the shoulders)",
        ),
        Unjudgeable("no_shoulder_jerk", "notjudged-momentum"),
        Unjudgeable("tension_lowering", "notjudged-tension"),
        Unjudgeable("lower_back_down", "notjudged-spine-curve"),
    ),
)

V_UP = ExerciseSpec(
    id="v_up",
    # full range: the shoulder–hip–knee angle from ≈ 180° lying to ≈ 60° folded
    reps=RepSpec(
        Angle(("SHOULDER", "HIP", "KNEE"), Side.MEAN),
        working_high=False,
        min_range=40.0,
        full_range=120.0,
        toward_extreme=UP,
    ),
    angle_joints=("SHOULDER", "HIP", "KNEE"),
    key=("hands_reach_feet", "legs_straight"),  # the fold itself, and straight legs that make it a v-up
    rules=(
        Check(
            "hands_reach_feet",
            Gap(("WRIST", "ANKLE"), Side.MEAN),
            Phase.BOTTOM,
            Agg.MIN,
            MaxTorso(0.7),
            ANY_VIEW,
            why="at the top the hands come within 0.7 torso (≈35 cm) of the ankles: past the knees, at the "
            "shins",
        ),
        Check(
            "legs_straight",
            Angle(("HIP", "KNEE", "ANKLE"), Side.MIN),
            Phase.REP,
            Agg.MIN,
            MinDeg(150),
            SIDE_VIEWS,
            why="knees stay within 30° of straight (a tuck bends them to 90° or less)",
        ),
        Unjudgeable("tension_lowering", "notjudged-tension"),
    ),
)

HANDS_BESIDE_HIPS = XGap(("WRIST", "PELVIS"), Side.MEAN)

RUSSIAN_TWIST = ExerciseSpec(
    id="russian_twist",
    # each twist, to either side, is a rep: the shoulders turn against the hips and back, read in 3D from any
    # camera (from an oblique one a twist to the far side moves the hands half as far in the image as one to
    # the near side); without world landmarks, the hands travelling out to one side and back in the image.
    # 9°: the 2D measure's 0.12 torso (≈ 6 cm) of the hands' travel, held ≈ 40 cm in front of the spine
    reps=RepSpec(
        World(Twist(), hidden=True),
        working_high=True,
        min_range=9.0,
        min_rep_s=0.25,
        fallback=HANDS_BESIDE_HIPS,
        fallback_min_range=0.12,
    ),
    angle_joints=("SHOULDER", "HIP", "KNEE"),
    key=("shoulders_rotate",),  # the twist itself
    rules=(
        Check(
            "shoulders_rotate",
            HANDS_BESIDE_HIPS,
            Phase.REP,  # the hands' furthest reach in the twist: it may lead or trail the shoulders' turn
            Agg.MAX,
            MinTorso(0.4),
            FRONT_ONLY,
            why="at each side the hands reach ≥ 0.4 torso (≈20 cm) beside the hips: with the hands held "
            "≈ 40 cm in front of the spine, ≈ 30–35° of trunk rotation (the far shoulder hides at the turn)",
        ),
        Check(
            "torso_angle_kept",
            Tilt(("NECK", "PELVIS"), Side.CENTRE),
            Phase.REP,
            Agg.RANGE,
            MaxDeg(15),
            SIDE_VIEWS,
            why="the torso's lean back changes less than 15° during a twist (no rocking up and down)",
        ),
        Unjudgeable("neutral_spine", "notjudged-spine-curve"),
    ),
)

BEAR_CRAWL = ExerciseSpec(
    id="bear_crawl",
    # a rep is a stride, a step with each side: the near hand moves ahead of its knee, then the knee
    # catches up (the far side is hidden behind the body from the side)
    reps=RepSpec(Gap(("WRIST", "KNEE"), Side.NEAR), working_high=True, min_range=0.12, min_rep_s=0.4),
    angle_joints=("SHOULDER", "HIP", "KNEE"),
    key=("hips_level",),  # the table-top back is the exercise; piked hips make it a walk
    rules=(
        Check(
            "hips_level",
            Height(("HIP", "SHOULDER"), Side.MEAN),
            Phase.REP,
            Agg.MEDIAN,
            MaxTorso(0.35),
            SIDE_VIEWS,
            why="the hips stay within 0.35 torso of shoulder height (the back within ≈ 20° of level), "
            "not piked up",
        ),
        Check(
            "knees_low",
            Height(("KNEE", "ANKLE"), Side.NEAR),
            Phase.REP,
            Agg.MEDIAN,
            MaxTorso(0.5),
            SIDE_VIEWS,
            why="the knees hover within 0.5 torso (≈25 cm) above the ankles, which sit ≈ 8 cm off the floor",
        ),
        Unjudgeable("neutral_spine", "notjudged-spine-curve"),
    ),
)

RENEGADE_ROW = ExerciseSpec(
    id="renegade_row",
    # a rep is a row with each arm: the near hand rises from the floor toward the hip (the far arm's row
    # is hidden behind the body from the side)
    reps=RepSpec(
        Height(("WRIST", "SHOULDER"), Side.NEAR), working_high=True, min_range=0.3, toward_extreme=UP
    ),
    angle_joints=("SHOULDER", "ELBOW", "WRIST"),
    key=("no_hip_rotation", "hips_aligned"),  # the anti-rotation plank is what the row trains
    rules=(
        Check(
            "no_hip_rotation",
            LevelGap("HIP"),
            Phase.REP,
            Agg.RANGE,
            MaxTorso(0.12),
            SIDE_VIEWS,
            why="seen from the side the two hips tip apart by less than 0.12 torso (≈ 15° of pelvis "
            "rotation) while rowing",
        ),
        Unjudgeable("dumbbell_close", "notjudged-path-depth"),
        Check(
            "hips_aligned",
            BODY_LINE,
            Phase.REP,
            Agg.MIN,
            MinDeg(155),
            SIDE_VIEWS,
            why="shoulder–hip–ankle within 25° of straight: no sagging or piked hips (as for push-ups)",
        ),
    ),
)

KNEE_LIFT = Height(("KNEE", "HIP"), Side.NEAR)  # one knee's height over its hip, each leg in turn

HIGH_KNEES = ExerciseSpec(
    id="high_knees",
    # each knee is a rep, counted on each leg apart: at a running cadence one knee rises while the other
    # comes down, so the higher knee never comes back to rest between the lifts. In 3D (a far knee hidden, a
    # camera zooming or cutting closer), in the image without world landmarks. Full range: the knee from a
    # thigh's length (≈ 0.9 torso) below the hip to level
    reps=RepSpec(
        World(KNEE_LIFT, hidden=True),
        working_high=True,
        min_range=0.3,
        min_rep_s=0.2,
        fallback=KNEE_LIFT,
        full_range=0.9,
        toward_extreme=UP,
        each_side=True,
    ),
    angle_joints=("SHOULDER", "HIP", "KNEE"),
    key=("knees_hip_height",),  # the knee height is the exercise; visible from any side
    rules=(
        Check(
            "knees_hip_height",
            Height(("KNEE", "HIP"), Side.MAX),
            Phase.BOTTOM,
            Agg.MAX,
            MinTorso(-0.2),
            ANY_VIEW,
            why="the knee comes within 0.2 torso of hip height: the thigh ≥ ~75° up, about level",
        ),
        Check(
            "upright_torso",
            TORSO_LEAN,
            Phase.REP,
            Agg.MAX,
            MaxDeg(20),
            SIDE_VIEWS,
            why="the torso stays within 20° of vertical (no leaning back to lift the knees)",
        ),
        Unjudgeable("gaze_forward", "notjudged-gaze"),
    ),
)

STEP_UP = ExerciseSpec(
    id="step_up",
    # each step up, either leg, is a rep: the pelvis rises by the step's height (a still camera)
    reps=RepSpec(YPos("PELVIS"), working_high=True, min_range=0.2, toward_extreme=UP),
    angle_joints=("HIP", "KNEE", "ANKLE"),
    key=("torso_upright", "full_hip_extension"),  # both seen from the side, the step's best view
    rules=(
        Unjudgeable("knees_track_feet", "notjudged-foreshortened"),
        Check(
            "torso_upright",
            TORSO_LEAN,
            Phase.REP,
            Agg.MAX,
            MaxDeg(30),
            SIDE_VIEWS,
            why="torso more than 30° from vertical = pulling up with an excessive forward lean",
        ),
        Check(
            "full_hip_extension",
            Angle(("SHOULDER", "HIP", "KNEE"), Side.MAX),
            Phase.BOTTOM,
            Agg.MAX,
            MinDeg(165),
            SIDE_VIEWS,
            why="on top of the step the standing hip opens to within 15° of straight",
        ),
    ),
)

SPECS = (CRUNCH, V_UP, RUSSIAN_TWIST, BEAR_CRAWL, RENEGADE_ROW, HIGH_KNEES, STEP_UP)
