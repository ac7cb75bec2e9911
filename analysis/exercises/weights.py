"""Bench press, deadlift, good morning, front and lateral raise, shoulder shrug, triceps pushdown — data only.

Thresholds come from what the AI Hub condition asks and from body proportions (a torso length, neck to
pelvis, is ≈ 50 cm; an arm ≈ 1.15 torso), never from single clips.
"""

from __future__ import annotations

from analysis.exercises.lower_body import FRONT_ONLY, HEAD_IN_LINE, TORSO_LEAN
from analysis.judge.measures import Angle, Diff, Gap, Height, Side, Spread, Tilt, World, XGap
from analysis.judge.reps import RepSpec
from analysis.judge.rules import (
    ANY_VIEW,
    SIDE_VIEWS,
    Agg,
    Check,
    MaxDeg,
    MaxTorso,
    MinDeg,
    MinRatio,
    MinTorso,
    Phase,
    Unjudgeable,
)
from analysis.judge.spec import ExerciseSpec

UP = "up"  # toward_extreme: reaching the working extreme lifts the load
WRIST_OVER_SHOULDER = Height(("WRIST", "SHOULDER"), Side.MAX)
# Hips above the shoulders, in torso lengths: ≈ −1.0 upright, rising to 0 as the torso hinges to level. The
# hinge seen from the front, where the lean itself is foreshortened (the rep signal's fallback).
HINGE_FROM_FRONT = Height(("HIP", "SHOULDER"), Side.MEAN)
KNEE_ANGLE = Angle(("HIP", "KNEE", "ANKLE"), Side.MIN)  # the more bent knee
HIP_ANGLE = Angle(("SHOULDER", "HIP", "KNEE"), Side.MEAN)  # 180 = standing straight, small = folded
NO_SHRUG = Check(
    "no_shrug",
    Height(("EAR", "SHOULDER"), Side.MEAN),
    Phase.REP,
    Agg.RANGE,
    MaxTorso(0.12),
    ANY_VIEW,
    why="the ears' height above the shoulders changes less than 0.12 torso (≈6 cm) during the rep; "
    "vertical, so that the front view shows it too",
)
KNEES_OVER_FEET = Check(
    "knees_track_feet",
    Spread("KNEE", "ANKLE"),
    Phase.BOTTOM,
    Agg.MIN,
    MinRatio(0.8),
    FRONT_ONLY,
    why="knees narrower than 0.8× the ankle width at the bottom = knees caving in (as for squats)",
)

BENCH_PRESS = ExerciseSpec(
    id="bench_press",
    # full range: wrists an arm's length (≈ 1.0 torso) above the shoulder joints at lockout to ≈ 0.3 at the
    # chest (the chest rises ≈ 12 cm above the shoulder joints of a lifter lying on a bench)
    reps=RepSpec(WRIST_OVER_SHOULDER, working_high=False, min_range=0.3, full_range=0.7),
    angle_joints=("SHOULDER", "ELBOW", "WRIST"),
    # the bar's depth is the press; forearms under the bar is the other visible half of the set-up
    key=("bar_to_chest", "forearms_vertical"),
    rules=(
        Check(
            "bar_to_chest",
            Height(("WRIST", "SHOULDER"), Side.MEAN),
            Phase.BOTTOM,
            Agg.MIN,
            MaxTorso(0.6),
            SIDE_VIEWS,
            why="at the bottom the wrists come within 0.6 torso (a forearm's length) of the shoulder joints: "
            "elbows at or below shoulder level with the bar on the chest; half reps stop ≥ 0.8 above (a "
            "height above the floor: seen from the side)",
        ),
        Check(
            "forearms_vertical",
            Tilt(("WRIST", "ELBOW"), Side.MAX),
            Phase.BOTTOM,
            Agg.MEDIAN,
            MaxDeg(25),
            SIDE_VIEWS,
            why="at the bottom the forearms stand within 25° of vertical, under the bar; image vertical is "
            "the floor's vertical only from the side (a camera at the head or feet looks along the bench)",
        ),
        Unjudgeable("wrist_neutral", "notjudged-wrist"),
    ),
)

DEADLIFT = ExerciseSpec(
    id="deadlift",
    # full range: the torso from upright to ≈ 60° forward at the floor (conventional pull); an angle, so a
    # lifter walking toward the camera does not change it
    reps=RepSpec(
        TORSO_LEAN,
        working_high=True,
        min_range=25.0,
        full_range=60.0,
        fallback=HINGE_FROM_FRONT,
        fallback_min_range=0.2,
    ),
    angle_joints=("SHOULDER", "HIP", "KNEE"),
    # hips and knees together and the bar close are the pull itself; the rest is set-up
    key=("knees_hips_together", "bar_close"),
    rules=(
        Check(
            "knees_hips_together",
            Diff(KNEE_ANGLE, HIP_ANGLE),
            Phase.REP,
            Agg.MAX,
            MaxDeg(70),
            SIDE_VIEWS,
            why="knees and hips open together: a knee angle more than 70° ahead of the hip angle means the "
            "knees locked while the hips are still folded (hips shoot up first, the back does the pull)",
        ),
        Check(
            "bar_close",
            XGap(("WRIST", "ANKLE"), Side.NEAR),
            Phase.REP,
            Agg.MAX,
            MaxTorso(0.4),
            SIDE_VIEWS,
            why="the hands (bar) stay within 0.4 torso (≈20 cm) of the ankle, over the mid-foot, all the way",
        ),
        KNEES_OVER_FEET,
        Unjudgeable("heels_down", "notjudged-feet-behind-plates"),
        Unjudgeable("neutral_spine", "notjudged-spine-curve"),
    ),
)

GOOD_MORNING = ExerciseSpec(
    id="good_morning",
    # full range: the torso from upright to ≈ 80° forward (near level)
    reps=RepSpec(
        TORSO_LEAN,
        working_high=True,
        min_range=25.0,
        full_range=80.0,
        fallback=HINGE_FROM_FRONT,
        fallback_min_range=0.2,
    ),
    angle_joints=("SHOULDER", "HIP", "KNEE"),
    key=("knees_soft_fixed",),  # the only condition landmarks show; it tells a hinge from a squat
    rules=(
        Check(
            "knees_soft_fixed",
            KNEE_ANGLE,
            Phase.REP,
            Agg.RANGE,
            MaxDeg(25),
            SIDE_VIEWS,
            why="the knee angle changes less than 25° in a rep: the soft bend is set and held, not a squat",
        ),
        Unjudgeable("gaze_steady", "notjudged-gaze"),
        Unjudgeable("neutral_spine", "notjudged-spine-curve"),
    ),
)

FRONT_RAISE = ExerciseSpec(
    id="front_raise",
    # full range: arms from hanging (wrists ≈ 1.15 torso below the shoulders) to shoulder height
    reps=RepSpec(WRIST_OVER_SHOULDER, working_high=True, min_range=0.4, full_range=1.15, toward_extreme=UP),
    angle_joints=("HIP", "SHOULDER", "WRIST"),
    key=("raise_to_shoulder",),  # the raise itself; visible from any side
    rules=(
        Check(
            "no_lean_back",
            TORSO_LEAN,
            Phase.REP,
            Agg.RANGE,
            MaxDeg(12),
            SIDE_VIEWS,
            why="the torso rocks less than 12° (no leaning back to swing the weight up; as for curls)",
        ),
        Check(
            "raise_to_shoulder",
            WRIST_OVER_SHOULDER,
            Phase.BOTTOM,
            Agg.MAX,
            MinTorso(-0.2),
            ANY_VIEW,
            why="the wrist comes within 0.2 torso (≈10 cm) of shoulder height: the arm ≥ ~80° up",
        ),
        Check(
            "elbows_soft_fixed",
            Angle(("SHOULDER", "ELBOW", "WRIST"), Side.MIN),
            Phase.REP,
            Agg.RANGE,
            MaxDeg(25),
            SIDE_VIEWS,
            why="the elbow angle changes less than 25° in a rep: the slight bend is held, not curled",
        ),
    ),
)

LATERAL_RAISE = ExerciseSpec(
    id="lateral_raise",
    reps=RepSpec(WRIST_OVER_SHOULDER, working_high=True, min_range=0.4, full_range=1.15, toward_extreme=UP),
    angle_joints=("HIP", "SHOULDER", "WRIST"),
    key=("no_shrug",),  # the one seen from the front too, the raise's usual view
    rules=(
        Check(
            "no_knee_drive",
            KNEE_ANGLE,
            Phase.REP,
            Agg.MIN,
            MinDeg(155),
            SIDE_VIEWS,
            why="knees stay nearly straight (no dip-and-drive; as for the overhead press)",
        ),
        Unjudgeable("elbow_angle_fixed", "notjudged-foreshortened"),
        Check(
            "no_torso_swing",
            TORSO_LEAN,
            Phase.REP,
            Agg.RANGE,
            MaxDeg(12),
            SIDE_VIEWS,
            why="the torso rocks less than 12° (no swinging the weight up)",
        ),
        Unjudgeable("wrist_angle_fixed", "notjudged-wrist"),
        NO_SHRUG,
    ),
)

SHOULDER_SHRUG = ExerciseSpec(
    id="shoulder_shrug",
    # the ears' height over the shoulders in 3D: metric, so a camera zooming in during the set (the image's
    # ear–shoulder gap growing with it) changes nothing; without world landmarks the gap in the image
    reps=RepSpec(
        World(Height(("EAR", "SHOULDER"), Side.MEAN), hidden=True),
        working_high=False,
        min_range=0.06,
        fallback=Gap(("EAR", "SHOULDER"), Side.MEAN),
        toward_extreme=UP,
    ),
    angle_joints=("SHOULDER", "ELBOW", "WRIST"),
    key=("straight_up", "arms_straight"),  # the shrug's path and the arms that carry the load
    rules=(
        Check(
            "straight_up",
            XGap(("SHOULDER", "HIP"), Side.NEAR),
            Phase.REP,
            Agg.RANGE,
            MaxTorso(0.1),
            SIDE_VIEWS,
            why="the shoulders move less than 0.1 torso (≈5 cm) forward or back: up and down, not rolled",
        ),
        Check(
            "arms_straight",
            Angle(("SHOULDER", "ELBOW", "WRIST"), Side.MIN),
            Phase.REP,
            Agg.MIN,
            MinDeg(150),
            SIDE_VIEWS,
            why="elbows stay within 30° of straight: the traps lift the weight, not the arms",
        ),
        Check(
            "head_forward",
            HEAD_IN_LINE,
            Phase.REP,
            Agg.MIN,
            MinDeg(140),
            SIDE_VIEWS,
            why="ear–shoulder–hip within 40° of straight: the head neither drops nor juts forward",
        ),
    ),
)

TRICEPS_PUSHDOWN = ExerciseSpec(
    id="triceps_pushdown",
    # full range: the elbow from ≈ 90° at the top to straight
    reps=RepSpec(
        Angle(("SHOULDER", "ELBOW", "WRIST"), Side.MAX), working_high=True, min_range=40.0, full_range=90.0
    ),
    angle_joints=("SHOULDER", "ELBOW", "WRIST"),
    key=("elbows_fixed",),  # the pushdown isolates the triceps only while the upper arms stay put
    rules=(
        Check(
            "no_excessive_lean",
            TORSO_LEAN,
            Phase.REP,
            Agg.MAX,
            MaxDeg(35),
            SIDE_VIEWS,
            why="a slight forward lean at the cable is normal; past 35° the body weight pushes the bar",
        ),
        Unjudgeable("wrist_neutral", "notjudged-wrist"),
        Check(
            "tension_at_top",
            Angle(("SHOULDER", "ELBOW", "WRIST"), Side.MIN),
            Phase.ENDS,
            Agg.MIN,
            MinDeg(55),
            SIDE_VIEWS,
            why="on the way back up the elbow stays open ≥ 55° (forearms about level): the bar does not "
            "ride up to the chest and rest",
        ),
        Check(
            "elbows_fixed",
            Tilt(("SHOULDER", "ELBOW"), Side.NEAR),
            Phase.REP,
            Agg.RANGE,
            MaxDeg(30),
            SIDE_VIEWS,
            why="the upper arm swings less than 30° forward/back (as for curls)",
        ),
    ),
)

SPECS = (BENCH_PRESS, DEADLIFT, GOOD_MORNING, FRONT_RAISE, LATERAL_RAISE, SHOULDER_SHRUG, TRICEPS_PUSHDOWN)
