"""Push-up, knee push-up, pull-up, dips, biceps curl, overhead press — data only.

Push-ups are judged in 2D from the side and, where the pose carries MediaPipe's world landmarks, in 3D
from the front and at an angle (each Check's `alt`): a front camera flattens the body line in 2D.
"""

from __future__ import annotations

from collections.abc import Callable

from analysis.exercises.lower_body import FRONT_ONLY, HEAD_IN_LINE, TORSO_LEAN
from analysis.judge.measures import (
    Angle,
    Gap,
    Height,
    Leveled,
    Measure,
    Share,
    Side,
    Spread,
    Tilt,
    World,
    Worst,
    XGap,
    XPos,
    YPos,
)
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
    MinShare,
    MinTorso,
    Phase,
    Unjudgeable,
)
from analysis.judge.spec import ExerciseSpec
from analysis.vocab.types import View

ELBOW = Angle(("SHOULDER", "ELBOW", "WRIST"), Side.NEAR)
BODY_LINE = Angle(("SHOULDER", "HIP", "ANKLE"), Side.NEAR)  # 180 = shoulders, hips, ankles in line
ELBOW_90 = Check(  # push-up and dips: the same AI Hub condition, 이완시 팔꿈치 90도
    "elbow_90",
    ELBOW,
    Phase.BOTTOM,
    Agg.MIN,
    MaxDeg(110),
    SIDE_VIEWS,
    why="AI Hub asks ~90° at the bottom; up to 110° is accepted",
)
SHOULDER_OVER_WRIST = Height(("SHOULDER", "WRIST"), Side.MEAN)
# full range: shoulders an arm's length (≈ 1.15 torso) above the wrists to ≈ 0.35 with the chest low
PUSH_UP_FULL_RANGE = 0.8
PUSH_UP_REPS = RepSpec(
    SHOULDER_OVER_WRIST,
    working_high=False,
    min_range=0.2,
    fallback=YPos("NECK"),
    full_range=PUSH_UP_FULL_RANGE,
)
# 180 = shoulders, hips, knees and ankles in one line: the worse of the hip and the knee angle, so a push-up
# done on the knees (knee ≈ 90–120°) or with bent knees breaks the line as a sagging hip does
PLANK_LINE = Worst((BODY_LINE, Angle(("HIP", "KNEE", "ANKLE"), Side.NEAR)))
PLANK_LINE_3D = World(
    Worst((Angle(("SHOULDER", "HIP", "ANKLE"), Side.MEAN), Angle(("HIP", "KNEE", "ANKLE"), Side.MEAN)))
)
SPINE_WHY = "hips and knees within 25° of straight (one line shoulder–ankle): no sag, pike or knees down"


def push_up_rules(
    line: Angle | Worst, line_3d: World, spine_why: str, level: bool = False
) -> tuple[Check, ...]:
    """The five AI Hub push-up conditions (push-up and knee push-up differ in the body line). level: the
    travel and the hands measured against the body's line, not the floor (hands on a bench or a wall)."""
    lv: Callable[[Measure], Measure] = Leveled if level else (lambda m: m)
    # leveled, an oblique camera's 2D is no rotation of the body's plane: 3D judges it there too
    front_3d = FRONT_VIEWS if level else frozenset({View.FRONT})
    return (
        Check(
            "chest_travel",
            Share(lv(SHOULDER_OVER_WRIST), PUSH_UP_FULL_RANGE),
            Phase.REP,
            Agg.RANGE,
            MinShare(0.6),
            ANY_VIEW,
            why="each rep covers ≥ 60% of a full rep's shoulder travel (≈ 0.48 torso): a half rep fails",
            alt=Check(
                "chest_travel",
                World(Share(lv(SHOULDER_OVER_WRIST), PUSH_UP_FULL_RANGE)),
                Phase.REP,
                Agg.RANGE,
                MinShare(0.6),
                front_3d,
                why="the same 60% in 3D: a front camera foreshortens the torso the 2D share is scaled by",
            ),
        ),
        Check(
            "head_neutral",
            HEAD_IN_LINE,
            Phase.REP,
            Agg.MIN,
            MinDeg(140),
            SIDE_VIEWS,
            why="ear–shoulder–hip within 40° of straight: head neither dropped nor thrown back",
            alt=Check(
                "head_neutral",
                World(Angle(("EAR", "SHOULDER", "HIP"), Side.MEAN)),
                Phase.REP,
                Agg.MIN,
                MinDeg(125),
                FRONT_VIEWS,
                why="the side view's 140° in 3D, which reads a median 16° lower on side-view clips",
            ),
        ),
        Check(
            "hands_under_chest",
            lv(XGap(("WRIST", "SHOULDER"), Side.NEAR)),
            Phase.ENDS,
            Agg.MEDIAN,
            MaxTorso(0.45),
            SIDE_VIEWS,
            why="at the top, wrists roughly under the shoulders/chest",
            alt=Check(
                "hands_under_chest",
                World(lv(XGap(("WRIST", "SHOULDER"), Side.MEAN))),
                Phase.ENDS,
                Agg.MEDIAN,
                MaxTorso(0.45),
                front_3d,
                why="the side view's limit on the wrist–shoulder floor distance, in 3D (x–z plane)",
            ),
        ),
        Check(
            "elbow_90",
            ELBOW,
            Phase.BOTTOM,
            Agg.MIN,
            MaxDeg(110),
            SIDE_VIEWS,
            why="AI Hub asks ~90° at the bottom; up to 110° is accepted",
            alt=Check(
                "elbow_90",
                World(Angle(("SHOULDER", "ELBOW", "WRIST"), Side.MEAN)),
                Phase.BOTTOM,
                Agg.MIN,
                MaxDeg(110),
                frozenset({View.FRONT}),
                why="the same 110° limit; a 3D elbow angle is not foreshortened from the front",
            ),
        ),
        Check(
            "neutral_spine",
            line,
            Phase.REP,
            Agg.MIN,
            MinDeg(155),
            SIDE_VIEWS,
            why=spine_why,
            alt=Check(
                "neutral_spine",
                line_3d,
                Phase.REP,
                Agg.MIN,
                MinDeg(155),
                FRONT_VIEWS,
                why="the side view's 25° tolerance in 3D: from the front a sagging hip moves in depth",
            ),
        ),
    )


PUSH_UP = ExerciseSpec(
    id="push_up",
    reps=PUSH_UP_REPS,
    angle_joints=("SHOULDER", "ELBOW", "WRIST"),
    # key: the body line (sagging or piked hips, knees down) and the depth; judged from the side, or from
    # the front/oblique in 3D when the pose has world landmarks
    key=("neutral_spine", "chest_travel"),
    rules=push_up_rules(PLANK_LINE, PLANK_LINE_3D, SPINE_WHY),
)

# On the knees the line runs shoulder–hip–knee; the push itself (travel, elbows, hands, head) is the same.
KNEE_PUSH_UP = ExerciseSpec(
    id="knee_push_up",
    reps=PUSH_UP_REPS,
    angle_joints=("SHOULDER", "ELBOW", "WRIST"),
    key=("neutral_spine", "chest_travel"),  # as the push-up: the shoulder–hip–knee line and the depth
    rules=push_up_rules(
        Angle(("SHOULDER", "HIP", "KNEE"), Side.NEAR),
        World(Angle(("SHOULDER", "HIP", "KNEE"), Side.MEAN)),
        "shoulder–hip–knee within 25° of straight: the hips neither sag nor pike above the knees",
    ),
)

PULL_UP = ExerciseSpec(
    id="pull_up",
    reps=RepSpec(
        Height(("NECK", "WRIST"), Side.MEAN),
        working_high=True,
        min_range=0.3,
        fallback=YPos("NECK"),
        full_range=1.2,  # hanging: the neck ≈ 1.2 torso lengths below the hands; chin over the bar: level
        toward_extreme="up",
    ),
    angle_joints=("SHOULDER", "ELBOW", "WRIST"),
    # key: pulling to the top (upper arms to the torso) without kipping is what makes it a pull-up
    key=("elbows_to_torso", "no_swing"),
    rules=(
        Check(
            "no_swing",
            XPos("PELVIS"),
            Phase.REP,
            Agg.RANGE,
            MaxTorso(0.4),
            ANY_VIEW,
            why="hips swing less than 0.4 torso lengths sideways/forward during a rep",
        ),
        Check(
            "elbows_to_torso",
            Angle(("ELBOW", "SHOULDER", "HIP"), Side.MEAN),
            Phase.BOTTOM,
            Agg.MIN,
            MaxDeg(70),
            ANY_VIEW,
            why="at the top the upper arms come down to within 70° of the torso",
        ),
        Unjudgeable("gaze_up", "notjudged-gaze"),
        Check(
            "shoulder_packing",
            Gap(("EAR", "SHOULDER"), Side.MEAN),
            Phase.ENDS,
            Agg.MIN,
            MinTorso(0.15),
            SIDE_VIEWS,
            why="in the hang the shoulders stay pulled away from the ears (no passive shrug); from the front "
            "the ears sit inside the shoulders, so the gap cannot shrink below the limit there",
        ),
    ),
)

DIPS = ExerciseSpec(
    id="dips",
    # full range: arms straight (shoulders ≈ 1.15 torso above the hands) to upper arms level (≈ 0.55)
    reps=RepSpec(
        SHOULDER_OVER_WRIST, working_high=False, min_range=0.2, fallback=YPos("NECK"), full_range=0.6
    ),
    angle_joints=("SHOULDER", "ELBOW", "WRIST"),
    # key: the depth (elbows to ~90°) is the dip; from the front only the elbows' flare shows
    key=("elbow_90",),
    rules=(
        Check(
            "slight_lean",
            TORSO_LEAN,
            Phase.BOTTOM,
            Agg.MEDIAN,
            MaxDeg(45),
            SIDE_VIEWS,
            why="a slight forward lean is fine; past 45° the chest dives",
        ),
        Check(
            "head_not_back",
            HEAD_IN_LINE,
            Phase.ENDS,
            Agg.MIN,
            MinDeg(140),
            SIDE_VIEWS,
            why="ear–shoulder–hip within 40° of straight at the top",
        ),
        ELBOW_90,
        Check(
            "elbow_torso_distance",
            Spread("ELBOW", "SHOULDER"),
            Phase.BOTTOM,
            Agg.MAX,
            MaxRatio(1.6),
            FRONT_ONLY,
            why="elbows no wider than 1.6× shoulder width (flared)",
        ),
    ),
)

BICEPS_CURL = ExerciseSpec(
    id="biceps_curl",
    # full range: the wrist a forearm (≈ 0.55 torso) below the elbow to ≈ 0.45 above it, fully curled
    reps=RepSpec(
        Height(("WRIST", "ELBOW"), Side.MAX),
        working_high=True,
        min_range=0.35,
        full_range=1.0,
        toward_extreme="up",
    ),
    angle_joints=("SHOULDER", "ELBOW", "WRIST"),
    # key: swinging the torso and the elbows are the curl's cheats; both show only from the side
    key=("neutral_spine", "elbows_fixed"),
    rules=(
        Unjudgeable("wrist_neutral", "notjudged-wrist"),
        Check(
            "no_shrug",
            Gap(("EAR", "SHOULDER"), Side.MEAN),
            Phase.REP,
            Agg.RANGE,
            MaxTorso(0.12),
            ANY_VIEW,
            why="ear–shoulder distance changes less than 0.12 torso (≈6 cm) during the rep",
        ),
        Check(
            "tension_at_bottom",
            Angle(("SHOULDER", "ELBOW", "WRIST"), Side.MIN),
            Phase.ENDS,
            Agg.MAX,
            MaxDeg(172),
            SIDE_VIEWS,
            why="the arm does not lock out completely between reps",
        ),
        Check(
            "neutral_spine",
            TORSO_LEAN,
            Phase.REP,
            Agg.MAX,
            MaxDeg(15),
            SIDE_VIEWS,
            why="the torso stays within 15° of vertical (the press's lean-back limit): no swinging the "
            "weight up and no curling from a held lean-back, which a rocking range cannot see",
        ),
        Check(
            "elbows_fixed",
            Tilt(("SHOULDER", "ELBOW"), Side.NEAR),
            Phase.REP,
            Agg.RANGE,
            MaxDeg(30),
            SIDE_VIEWS,
            why="the upper arm swings less than 30° forward/back",
        ),
    ),
)
BARBELL_CURL = ExerciseSpec(
    "barbell_curl",
    BICEPS_CURL.rules,
    reps=BICEPS_CURL.reps,
    angle_joints=BICEPS_CURL.angle_joints,
    key=BICEPS_CURL.key,  # the same conditions as the dumbbell curl, for the same reasons
)

OVERHEAD_PRESS = ExerciseSpec(
    id="overhead_press",
    # full range: wrists at the shoulders (the rack) to an arm's length (≈ 1.0 torso above) at lockout
    reps=RepSpec(
        Height(("WRIST", "SHOULDER"), Side.MAX),
        working_high=True,
        min_range=0.45,
        full_range=1.0,
        toward_extreme="up",
    ),
    angle_joints=("SHOULDER", "ELBOW", "WRIST"),
    # key: leaning back to press is the fault that hurts; it shows only from the side
    key=("neutral_spine",),
    rules=(
        Unjudgeable("shoulder_girdle_stable", "notjudged-scapula"),
        Check(
            "no_knee_drive",
            Angle(("HIP", "KNEE", "ANKLE"), Side.MIN),
            Phase.REP,
            Agg.MIN,
            MinDeg(155),
            SIDE_VIEWS,
            why="knees stay nearly straight (no push press)",
        ),
        Check(
            "forearms_vertical",
            Tilt(("WRIST", "ELBOW"), Side.MAX),
            Phase.REP,
            Agg.MEDIAN,
            MaxDeg(25),
            ANY_VIEW,
            why="forearms within 25° of vertical while pressing",
        ),
        Check(
            "neutral_spine",
            TORSO_LEAN,
            Phase.BOTTOM,
            Agg.MAX,
            MaxDeg(15),
            SIDE_VIEWS,
            why="no leaning back more than 15° at lockout",
        ),
    ),
)

SPECS = (PUSH_UP, KNEE_PUSH_UP, PULL_UP, DIPS, BICEPS_CURL, BARBELL_CURL, OVERHEAD_PRESS)
