"""Squat, knee-up, standing side crunch, jumping jack, burpee — data only (the lunges: exercises.lunges)."""

from __future__ import annotations

from analysis.judge.measures import Angle, Gap, Height, Side, Spread, Tilt, World, XGap, YPos
from analysis.judge.reps import RepSpec
from analysis.judge.rules import (
    ANY_VIEW,
    FRONT_VIEWS,
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
from analysis.vocab.types import View

FRONT_ONLY = frozenset({View.FRONT})
HEAD_IN_LINE = Angle(("EAR", "SHOULDER", "HIP"), Side.NEAR)  # 180 = head in line with the torso
TORSO_LEAN = Tilt(("SHOULDER", "HIP"), Side.MEAN)  # 0 = upright
# Pelvis height above the ankles, in torso lengths: standing ≈ 2, a deep squat ≈ 0.8.
PELVIS_HEIGHT = Height(("HIP", "ANKLE"), Side.MEAN)

SQUAT = ExerciseSpec(
    id="squat",
    # full range: the pelvis from ≈ 2.0 torso lengths above the ankles standing to ≈ 0.8 at parallel
    reps=RepSpec(PELVIS_HEIGHT, working_high=False, min_range=0.25, fallback=YPos("PELVIS"), full_range=1.2),
    angle_joints=("HIP", "KNEE", "ANKLE"),
    # key: forward lean and lifted heels are the squat faults that matter; neither is seen from the front
    key=("neutral_spine", "heels_down"),
    rules=(
        Check(
            "head_forward",
            HEAD_IN_LINE,
            Phase.BOTTOM,
            Agg.MIN,
            MinDeg(125),
            SIDE_VIEWS,
            why="ear–shoulder–hip under ~125° means the head hangs down toward the floor",
            alt=Check(
                "head_forward",
                World(Angle(("EAR", "SHOULDER", "HIP"), Side.MEAN)),
                Phase.BOTTOM,
                Agg.MIN,
                MinDeg(110),
                FRONT_VIEWS,
                why="the side view's 125° in 3D, where ear–shoulder–hip reads ~15° lower (side-view clips)",
            ),
        ),
        Check(
            "knees_track_feet",
            Spread("KNEE", "ANKLE"),
            Phase.BOTTOM,
            Agg.MIN,
            MinRatio(0.8),
            FRONT_ONLY,
            why="knees narrower than 0.8× the ankle width at the bottom = knees caving in (valgus)",
            alt=Check(
                "knees_track_feet",
                World(Spread("KNEE", "ANKLE")),
                Phase.BOTTOM,
                Agg.MIN,
                MinRatio(0.8),
                frozenset({View.OBLIQUE}),
                why="the front view's 0.8 ratio, on 3D floor-plane widths an angled camera does not shrink",
            ),
        ),
        Check(
            "heels_down",
            Height(("HEEL", "FOOT_INDEX"), Side.NEAR),
            Phase.REP,
            Agg.RANGE,
            MaxTorso(0.12),
            SIDE_VIEWS,
            why="the heel rises ~6 cm (0.12 torso) against the toes during the rep = lifted; a change, "
            "since camera pitch alone shifts heel and toe heights",
            # no 3D alt: MediaPipe's world heel and toe jitter by 0.03–0.2 torso on correct front/oblique
            # squats (kaiakol), as much as the lift itself
        ),
        Check(
            "neutral_spine",
            TORSO_LEAN,
            Phase.BOTTOM,
            Agg.MAX,
            MaxDeg(55),
            SIDE_VIEWS,
            why="2D landmarks show no spinal curve; a torso leaning past 55° is where backs round",
            alt=Check(
                "neutral_spine",
                World(TORSO_LEAN),
                Phase.BOTTOM,
                Agg.MAX,
                MaxDeg(55),
                FRONT_VIEWS,
                why="the side view's 55° lean in 3D: from the front or an angle a forward lean is depth",
            ),
        ),
    ),
)

KNEE_UP = ExerciseSpec(
    id="knee_up",
    # full range: the knee from a thigh's length (≈ 0.9 torso) below the hip to hip height
    reps=RepSpec(
        Height(("KNEE", "HIP"), Side.MAX),
        working_high=True,
        min_range=0.35,
        full_range=0.9,
        toward_extreme="up",
    ),
    angle_joints=("SHOULDER", "HIP", "KNEE"),
    # key: how high the knee comes is the exercise; an upright torso is its only measurable form point
    key=("knee_high", "neutral_spine"),
    rules=(
        Check(
            "knee_high",
            Height(("KNEE", "HIP"), Side.MAX),
            Phase.BOTTOM,
            Agg.MAX,
            MinTorso(-0.1),
            ANY_VIEW,
            why="the knee reaches (almost) hip height: thigh about horizontal",
        ),
        Unjudgeable("gaze_forward", "notjudged-gaze"),
        Unjudgeable("leg_tension", "notjudged-tension"),
        Check(
            "neutral_spine",
            TORSO_LEAN,
            Phase.REP,
            Agg.MAX,
            MaxDeg(20),
            ANY_VIEW,
            why="the torso stays within 20° of vertical while the knee rises",
        ),
    ),
)

SIDE_CRUNCH = ExerciseSpec(
    id="side_crunch",
    # full range: knee and elbow ≈ 1.3 torso lengths apart standing, ≈ 0.1 when they touch
    reps=RepSpec(
        Gap(("KNEE", "ELBOW"), Side.MIN),
        working_high=False,
        min_range=0.35,
        full_range=1.2,
        toward_extreme="up",
    ),
    angle_joints=("SHOULDER", "HIP", "KNEE"),
    # key: knee and elbow meeting is the crunch itself; without it nothing says the side actually bent
    key=("knee_elbow_close",),
    rules=(
        Check(
            "knee_from_side",
            XGap(("KNEE", "HIP"), Side.MAX),
            Phase.BOTTOM,
            Agg.MAX,
            MinTorso(0.25),
            FRONT_VIEWS,
            why="seen from the front, the raised knee travels out to the side of the hip",
        ),
        Check(
            "knee_elbow_close",
            Gap(("KNEE", "ELBOW"), Side.MIN),
            Phase.BOTTOM,
            Agg.MIN,
            MaxTorso(0.5),
            ANY_VIEW,
            why="knee and elbow within half a torso length at the crunch",
        ),
        Unjudgeable("gaze_forward", "notjudged-gaze"),
        Check(
            "hands_behind_head",
            Gap(("WRIST", "EAR"), Side.MAX),
            Phase.REP,
            Agg.MEDIAN,
            MaxTorso(0.45),
            ANY_VIEW,
            why="both wrists stay near the ears",
        ),
        Unjudgeable("neutral_spine", "notjudged-spine-curve"),
    ),
)

JUMPING_JACK = ExerciseSpec(
    id="jumping_jack",
    # full range: wrists an arm's length (≈ 1.15 torso) below the shoulders to as far above them
    reps=RepSpec(
        Height(("WRIST", "SHOULDER"), Side.MEAN),
        working_high=True,
        min_range=0.6,
        full_range=2.3,
        toward_extreme="up",
    ),
    angle_joints=("HIP", "SHOULDER", "WRIST"),
    # key: arms overhead and feet apart are the jack; the feet's spread shows only from the front
    key=("arms_overhead", "feet_apart"),
    rules=(
        Check(
            "arms_overhead",
            Height(("WRIST", "NOSE"), Side.MIN),
            Phase.BOTTOM,
            Agg.MAX,
            MinTorso(0.0),
            ANY_VIEW,
            why="both wrists reach head height at the top",
        ),
        Check(
            "feet_apart",
            Spread("ANKLE", "SHOULDER"),
            Phase.BOTTOM,
            Agg.MAX,
            MinRatio(1.2),
            FRONT_VIEWS,
            why="feet land wider than 1.2× shoulder width",
        ),
        Check(
            "full_return",
            Height(("WRIST", "SHOULDER"), Side.MAX),
            Phase.ENDS,
            Agg.MIN,
            MaxTorso(-0.3),
            ANY_VIEW,
            why="arms come back down to the sides between reps",
        ),
    ),
)

BURPEE = ExerciseSpec(
    id="burpee",
    # full range: the nose from ≈ 3.0 torso lengths above the ankles standing to ≈ 0.4 lying prone
    reps=RepSpec(
        Height(("NOSE", "ANKLE"), Side.MEAN), working_high=False, min_range=1.0, max_rep_s=15, full_range=2.6
    ),
    angle_joints=("SHOULDER", "ELBOW", "WRIST"),
    # key: the push-up's depth and a straight (unsagging) body; both need a side view in 2D
    key=("chest_travel", "no_sag"),
    rules=(
        Check(
            "chest_travel",
            Height(("SHOULDER", "WRIST"), Side.NEAR),
            Phase.BOTTOM,
            Agg.MIN,
            MaxTorso(0.6),
            SIDE_VIEWS,
            why="shoulders come down to within 0.6 torso of the hands",
        ),
        Check(
            "head_neutral",
            HEAD_IN_LINE,
            Phase.BOTTOM,
            Agg.MIN,
            MinDeg(140),
            SIDE_VIEWS,
            why="ear–shoulder–hip stays within 40° of straight",
        ),
        Check(
            "hands_under_chest",
            XGap(("WRIST", "SHOULDER"), Side.NEAR),
            Phase.BOTTOM,
            Agg.MEDIAN,
            MaxTorso(0.4),
            SIDE_VIEWS,
            why="hands under the shoulders/chest, not far ahead",
        ),
        Check(
            "elbow_90",
            Angle(("SHOULDER", "ELBOW", "WRIST"), Side.NEAR),
            Phase.BOTTOM,
            Agg.MIN,
            MaxDeg(110),
            SIDE_VIEWS,
            why="AI Hub asks ~90° at the bottom of the push-up; 20° allowed",
        ),
        Check(
            "no_sag",
            Angle(("SHOULDER", "HIP", "ANKLE"), Side.NEAR),
            Phase.BOTTOM,
            Agg.MEDIAN,
            MinDeg(150),
            SIDE_VIEWS,
            why="body straight within 30° in the prone position",
        ),
    ),
)

SPECS = (SQUAT, KNEE_UP, SIDE_CRUNCH, JUMPING_JACK, BURPEE)
