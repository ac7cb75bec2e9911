"""Motion tables of the rated exercises the classifier does not learn (their form tests only: the trainer's
class list names what it learns), with their named faults; ``synth.motions`` merges them into MOTIONS and
FAULTS. Data rows only, in the vocabulary of ``synth.poses``."""

from __future__ import annotations

from models.synth.poses import BACK_KNEE, HANDS_HEAD, HANDS_HIPS, STAND, Fault, Motion, P, Solve

_M = Motion
RATED_MOTIONS: dict[str, tuple[Motion, ...]] = {
    "y_raise": (
        # the arms rise in a Y, ≈ 30° in front of the body's plane, thumbs up (external rotation)
        _M("standing", P(STAND, sh_abd=10, elbow=10),
           ((0.5, P(sh_abd=145, sh_flex=-25, sh_rot=60, elbow=5)),), tempo=(1.5, 3.0)),
    ),
    "scissor_cross": (
        # lying with the head and shoulders curled up (eyes on the navel), the legs hovering ≈ 35° off the
        # floor open wide, then cross at the knees, one over the other (the other on top the next time)
        _M("supine", P(pitch=-90, spine_flex=20, neck_flex=30, sh_abd=15, elbow=5, hip_flex=35, hip_abd=25,
                       knee=8),
           ((0.5, P(hip_abd=-28, hip_flex_l=42, hip_flex_r=28)),), tempo=(1.0, 2.0), floor="all",
           fixed="hips", alternate=True, rest_prob=0.05),
    ),
    "cross_lunge": (
        # the right leg steps back behind the left one and across (a curtsy), both knees bend
        _M("standing", STAND, ((0.5, P(hip_flex_l=80, knee_l=95, hip_flex_r=-15, hip_abd_r=-22, hip_rot_r=-10,
                                       knee_r=80, ankle_r=40, spine_flex=10)),),
           tempo=(1.8, 3.6), fixed="foot_l", alternate=True, solve=BACK_KNEE, styles=(HANDS_HIPS,)),
    ),
    "hip_thrust": (
        # shoulders on a bench (≈ 0.4 m), feet on the floor: the hips rise until knees, hips and shoulders
        # line up, the shins vertical (the body's tilt solved so the shoulders stay on the bench)
        _M("supine", P(pitch=-60, hip_flex=85, knee=75, sh_abd=70, elbow=80, solve_w=1),
           ((0.5, P(hip_flex=-5, knee=90)),), tempo=(1.5, 3.0), floor="feet", fixed="feet",
           solve=Solve(("pitch",), "shoulders", "feet", -110.0, -10.0, gap=0.4)),
    ),
    "rowing_machine": (
        # the catch (shins vertical, torso forward) → legs drive → the body swings back → arms pull to the
        # ribs (the finish) → arms out → body over → knees bend; the hips slide on a 0.35 m seat, the feet
        # on the stretcher (the thighs solved so the heels stay 5 cm below the seat)
        _M("seated", P(knee=120, spine_flex=25, sh_flex=75, sh_abd=8, elbow=5, solve_w=1),
           ((0.22, P(knee=5, spine_flex=20)), (0.36, P(knee=5, spine_flex=-20)),
            (0.5, P(knee=5, spine_flex=-25, sh_flex=-25, sh_abd=25, elbow=110)),
            (0.64, P(knee=5, spine_flex=-25)), (0.78, P(knee=5, spine_flex=20))),
           tempo=(2.0, 3.5), floor="hips", height=0.35, fixed="feet", rest_prob=0.05,
           solve=Solve(("hip_flex_l", "hip_flex_r"), "feet", "hips", 40.0, 175.0, gap=-0.05)),
    ),
    "bicycle_crunch": (
        _M("supine", P(HANDS_HEAD, pitch=-90, spine_flex=25, neck_flex=15, hip_flex=50, knee=70),
           ((0.5, P(hip_flex_l=110, knee_l=110, hip_flex_r=15, knee_r=15, spine_twist=30)),),
           tempo=(0.9, 1.8), floor="all", fixed="hips", alternate=True, rest_prob=0.05),
    ),
    "dumbbell_pullover": (
        _M("supine", P(pitch=-90, sh_flex=90, sh_abd=8, elbow=20, hip_flex=-25, hip_abd=15, knee=85),
           ((0.5, P(sh_flex=170)),), floor="back", height=0.45, fixed="back"),
    ),
    "cable_crunch": (
        _M("standing", P(sh_flex=150, sh_abd=25, elbow=130, hip_flex=-5, knee=95, ankle=40, spine_flex=20),
           ((0.5, P(spine_flex=70, hip_flex=20)),), tempo=(1.5, 3.0), floor="knees", fixed="knees"),
    ),
    "chest_fly": (
        _M("supine", P(pitch=-90, sh_flex=90, sh_abd=0, elbow=20, hip_flex=-25, hip_abd=15, knee=85),
           ((0.5, P(sh_flex=5, sh_abd=85)),), floor="back", height=0.45, fixed="back"),
    ),
    "incline_chest_fly": (
        # the bench reclined 35° from level: arms vertical (over the shoulders) are 125° from the torso
        _M("supine", P(pitch=-55, sh_flex=125, sh_abd=0, elbow=20, hip_flex=20, hip_abd=15, knee=85),
           ((0.5, P(sh_flex=40, sh_abd=85)),), floor="back", height=0.45, fixed="back"),
    ),
    "stiff_leg_deadlift": (
        _M("standing", P(STAND, sh_abd=6, elbow=0, hip_abd=6, knee=8),
           ((0.5, P(spine_flex=55, hip_flex=30, knee=15, sh_flex=50, tz=-0.2)),), tempo=(2.0, 4.0)),
    ),
    "lat_pulldown": (
        _M("seated", P(hip_flex=90, knee=90, sh_flex=10, sh_abd=165, sh_rot=90, elbow=5),
           ((0.5, P(sh_abd=30, elbow=125, spine_flex=-15)),), tempo=(1.8, 3.5), floor="hips", height=0.45,
           fixed="hips"),
    ),
    "barbell_row": (
        _M("standing", P(STAND, sh_abd=6, elbow=5, hip_abd=6, spine_flex=40, hip_flex=20, knee=25,
                           sh_flex=60),
           ((0.5, P(sh_flex=-25, elbow=110)),), tempo=(1.5, 3.0)),
    ),
    "dumbbell_row": (
        _M("standing", P(STAND, sh_abd=6, elbow=5, hip_abd=6, spine_flex=40, hip_flex=20, knee=25,
                           sh_flex=60),
           ((0.5, P(sh_flex=-25, elbow=110)),), tempo=(1.5, 3.0)),
    ),
    "hanging_leg_raise": (
        _M("hanging", P(sh_flex=10, sh_abd=165, sh_rot=90, elbow=5, hip_flex=5, knee=5),
           ((0.5, P(hip_flex=95, knee=10)),), tempo=(1.8, 3.5), reps=(2, 10), floor="wrists", height=2.25,
           fixed="wrists"),
    ),
    "lying_triceps_extension": (
        _M("supine", P(pitch=-90, sh_flex=90, sh_abd=4, elbow=18, hip_flex=-25, hip_abd=15, knee=85),
           ((0.5, P(elbow=115, sh_flex=100)),), floor="back", height=0.45, fixed="back"),
    ),
    "lying_leg_raise": (
        _M("supine", P(pitch=-90, sh_abd=20, elbow=5, knee=5), ((0.5, P(hip_flex=85)),), tempo=(1.8, 3.5),
           floor="all", fixed="hips"),
    ),
    "face_pull": (
        _M("standing", P(STAND, sh_flex=80, sh_abd=10, elbow=5, knee=8),
           ((0.5, P(sh_flex=10, sh_abd=85, sh_rot=80, elbow=95)),), tempo=(1.5, 3.0)),
    ),
    "upright_row": (
        _M("standing", P(STAND, sh_flex=10, sh_abd=8, sh_rot=-30, elbow=10),
           ((0.5, P(sh_abd=85, sh_flex=-10, sh_rot=-85, elbow=110)),), tempo=(1.5, 3.0)),
    ),
}  # fmt: skip

RATED_FAULTS: dict[str, dict[str, Fault]] = {
    "y_raise": {
        "arm_low": Fault(add_keys=P(sh_abd_l=-30)),
        "head_forward": Fault(add_all=P(neck_flex=50)),
    },
    "scissor_cross": {
        "legs_high": Fault(add_all=P(hip_flex=45)),
        "knees_bent": Fault(add_all=P(knee=70)),
        "no_cross": Fault(add_keys=P(hip_abd=30)),
    },
    "cross_lunge": {
        "shallow": Fault(scale=P(hip_flex=0.65, knee=0.65)),
        "knee_in": Fault(add_keys=P(hip_abd_l=-15, hip_rot_l=-25)),
        "lean_side": Fault(add_keys=P(spine_lat=25)),
    },
    "hip_thrust": {
        "hips_low": Fault(scale=P(hip_flex=0.55)),
        "head_lift": Fault(add_all=P(neck_flex=50)),
    },
    "rowing_machine": {
        "lean_far_back": Fault(add_keys=P(spine_flex=-45), at=(0.36, 0.5, 0.64)),
        "arms_early": Fault(add_keys=P(elbow=105, sh_flex=-60), at=(0.22,)),
        "legs_early": Fault(add_keys=P(knee=105, elbow=60), at=(0.64, 0.78)),
        "shrug": Fault(add_keys=P(shrug=0.12), at=(0.5,)),
    },
    "bicycle_crunch": {
        "shoulders_down": Fault(add_all=P(spine_flex=-25, neck_flex=-15)),
        "short_knee": Fault(add_keys=P(hip_flex_l=-40, knee_l=-30)),
    },
    "dumbbell_pullover": {
        "hips_lift": Fault(add_keys=P(pitch=15)),
        "elbows_bend": Fault(add_keys=P(elbow=60)),
        "elbows_flare": Fault(add_all=P(sh_abd=45)),
    },
    "cable_crunch": {
        "arms_pull": Fault(add_keys=P(elbow=-70)),
        "elbows_swing": Fault(add_keys=P(sh_flex=-60)),
    },
    "chest_fly": {
        "shallow": Fault(scale=P(sh_flex=0.45, sh_abd=0.45)),
        "elbows_bend": Fault(add_keys=P(elbow=55)),
    },
    "incline_chest_fly": {
        "over_the_face": Fault(add_all=P(sh_flex=35)),
        "elbows_bend": Fault(add_keys=P(elbow=55)),
    },
    "stiff_leg_deadlift": {
        "squatting": Fault(add_keys=P(knee=50, hip_flex=25)),
        "bar_away": Fault(add_keys=P(sh_flex=35)),
    },
    "lat_pulldown": {
        "half_pull": Fault(scale=P(sh_abd=0.45, elbow=0.45)),
        "lean_far_back": Fault(add_keys=P(spine_flex=-30)),
        "shrugged_hang": Fault(add_all=P(shrug=0.09)),
    },
    "barbell_row": {
        "knee_drive": Fault(add_keys=P(knee=35, hip_flex=15)),
        "bar_away": Fault(add_keys=P(sh_flex=55)),
        "swing": Fault(add_keys=P(spine_flex=-25)),
    },
    "dumbbell_row": {
        "knee_drive": Fault(add_keys=P(knee=35, hip_flex=15)),
        "bar_away": Fault(add_keys=P(sh_flex=55)),
        "swing": Fault(add_keys=P(spine_flex=-25)),
    },
    "hanging_leg_raise": {
        "legs_apart": Fault(add_keys=P(hip_abd=30)),
        "shrugged_hang": Fault(add_all=P(shrug=0.09)),
    },
    "lying_triceps_extension": {
        "elbows_flare": Fault(add_keys=P(sh_abd=40)),
        "lockout": Fault(add_all=P(elbow=-18)),
        "elbow_drift": Fault(add_keys=P(sh_flex=45)),
    },
    "lying_leg_raise": {
        "head_tucked": Fault(add_all=P(neck_flex=45)),
        "knees_bend": Fault(add_keys=P(knee=60)),
    },
    "face_pull": {
        "no_rotation": Fault(add_keys=P(sh_rot=-120)),
        "short_pull": Fault(scale=P(elbow=0.5, sh_flex=0.5, sh_abd=0.5, sh_rot=0.5)),
        "hands_low": Fault(add_keys=P(sh_abd=-40)),
    },
    "upright_row": {
        "shrug": Fault(add_keys=P(shrug=0.1)),
        "bar_away": Fault(add_keys=P(sh_flex=40)),
        "wrists_lead": Fault(add_keys=P(sh_rot=110, sh_abd=-25)),
    },
}  # fmt: skip
