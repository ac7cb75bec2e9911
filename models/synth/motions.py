"""The declarative tables of the motion generator (``models.synth.generate``), data rows only: one or more
``Motion`` rows per exercise (``MOTIONS``), per kind of background motion (``BACKGROUND_MOTIONS``), and the
named form faults per exercise (``FAULTS``). The row types and named poses come from ``synth_poses``.
"""

from __future__ import annotations

from models.synth.poses import (
    ARM_STYLES,
    ARMS_CROSSED,
    ARMS_DOWN,
    ARMS_FORWARD,
    BACK_KNEE,
    BAR_BACK,
    CROUCH,
    HANDS_CHEST,
    HANDS_HEAD,
    HANDS_HIPS,
    PLANK_HANDS,
    PRONE_SOLVE,
    SQUAT_BOTTOM,
    SQUAT_STANCE,
    STAND,
    WIDE_LEG,
    Fault,
    Motion,
    P,
    Solve,
)
from models.synth.rated import RATED_FAULTS, RATED_MOTIONS

_M = Motion
MOTIONS: dict[str, tuple[Motion, ...]] = {
    "squat": (
        _M("standing", SQUAT_STANCE, ((0.5, SQUAT_BOTTOM),), tempo=(1.6, 3.6),
           styles=(ARMS_FORWARD, HANDS_CHEST, BAR_BACK, HANDS_HIPS)),
        # bodyweight squat, the arms swinging forward to shoulder height on the way down (counterbalance;
        # shoulder flexion is relative to the torso, which leans 35° forward at the bottom)
        _M("standing", P(SQUAT_STANCE, ARMS_DOWN), ((0.5, P(SQUAT_BOTTOM, sh_flex=115, elbow=5)),),
           tempo=(1.6, 3.6)),
    ),
    "push_up": (
        _M("prone", PLANK_HANDS, ((0.5, P(sh_flex=30, sh_abd=40, elbow=110)),), tempo=(1.2, 3.0),
           floor="all", fixed="hands", solve=PRONE_SOLVE),
    ),
    "knee_push_up": (
        _M("prone", P(PLANK_HANDS, knee=100, hip_flex=10, ankle=40),
           ((0.5, P(sh_flex=30, sh_abd=40, elbow=110)),), tempo=(1.2, 3.0), floor="all", fixed="hands",
           solve=Solve(("pitch",), "hands", "knees", 10.0, 115.0)),
    ),
    "lunge_forward": (
        _M("standing", STAND, ((0.5, P(hip_flex_l=85, knee_l=95, hip_flex_r=-20, knee_r=70, ankle_r=45,
                                       spine_flex=5)),),
           tempo=(1.8, 3.6), fixed="foot_r", alternate=True, solve=BACK_KNEE,
           styles=(HANDS_HIPS, ARMS_DOWN, HANDS_CHEST)),
    ),
    "lunge_backward": (
        _M("standing", STAND, ((0.5, P(hip_flex_l=85, knee_l=95, hip_flex_r=-20, knee_r=70, ankle_r=45,
                                       spine_flex=5)),),
           tempo=(1.8, 3.6), fixed="foot_l", alternate=True, solve=BACK_KNEE,
           styles=(HANDS_HIPS, ARMS_DOWN, HANDS_CHEST)),
    ),
    "side_lunge": (
        _M("standing", P(STAND, hip_abd=22, hip_rot=15, solve_w=1),
           ((0.5, P(hip_flex_l=75, hip_abd_l=30, knee_l=100, spine_flex=35, knee_r=0, hip_flex_r=5)),),
           tempo=(1.8, 3.6), fixed="feet", alternate=True,
           solve=WIDE_LEG, styles=(HANDS_CHEST, ARMS_FORWARD, HANDS_HIPS)),
    ),
    "plank": (
        _M("prone", P(pitch=80, sh_flex=85, sh_abd=10, elbow=90, hip_abd=4, solve_w=1), hold=True,
           floor="all", fixed="elbows", solve=Solve(("pitch",), "elbows", "feet", 10, 115)),
        _M("prone", PLANK_HANDS, hold=True, floor="all", fixed="hands", solve=PRONE_SOLVE),
    ),
    "jumping_jack": (
        _M("standing", STAND,
           ((0.25, P(sh_abd=95, hip_abd=14, lift=0.10)), (0.5, P(sh_abd=170, hip_abd=24, elbow=15)),
            (0.75, P(sh_abd=95, hip_abd=14, lift=0.10))), tempo=(0.8, 1.5), reps=(6, 25), fixed=None,
           rest_prob=0.05),
    ),
    "biceps_curl": (
        _M("standing", P(STAND, sh_rot=25, elbow=8), ((0.5, P(elbow=140, sh_flex=12)),)),
        _M("standing", P(STAND, sh_rot=25, elbow=8), ((0.5, P(elbow_l=140, sh_flex_l=12)),), alternate=True),
    ),
    "overhead_press": (
        _M("standing", P(STAND, sh_flex=10, sh_abd=80, sh_rot=90, elbow=105),
           ((0.5, P(sh_abd=168, elbow=8)),)),
    ),
    "pull_up": (
        _M("hanging", P(sh_flex=10, sh_abd=165, sh_rot=90, elbow=5, hip_flex=15, knee=35),
           ((0.5, P(sh_abd=55, elbow=135, hip_flex=25)),), tempo=(1.8, 3.5), reps=(2, 10),
           floor="wrists", height=2.25, fixed="wrists"),
    ),
    "burpee": (
        _M("standing", STAND,
           ((0.15, CROUCH),
            (0.35, P(PLANK_HANDS)),
            (0.5, P(PLANK_HANDS, pitch=80, sh_flex=35, sh_abd=35, elbow=100)),
            (0.62, P(PLANK_HANDS)),
            (0.75, CROUCH),
            (0.88, P(lift=0.25, sh_flex=170, sh_abd=10, elbow=5, knee=5))),
           tempo=(2.5, 5.0), reps=(2, 8), floor="all", fixed=None, solve=PRONE_SOLVE),
    ),
    "knee_up": (
        _M("standing", STAND, ((0.5, P(hip_flex_l=95, knee_l=100)),), tempo=(0.9, 2.0), fixed="foot_r",
           alternate=True, styles=(HANDS_HIPS, ARMS_DOWN, HANDS_HEAD, ARMS_FORWARD)),
    ),
    "side_crunch": (
        _M("standing", P(STAND, HANDS_HEAD, hip_abd=8),
           ((0.5, P(hip_flex_l=45, hip_abd_l=50, hip_rot_l=35, knee_l=95, spine_lat=25, sh_abd_l=85)),),
           tempo=(1.0, 2.2), fixed="foot_r", alternate=True),
    ),
    "dips": (
        _M("hanging", P(sh_flex=-5, sh_abd=12, elbow=3, hip_flex=15, knee=75),
           ((0.5, P(sh_flex=-75, elbow=100, spine_flex=15)),), tempo=(1.5, 3.0), floor="wrists", height=1.15,
           fixed="wrists"),
    ),
    "crunch": (
        _M("supine", P(pitch=-90, hip_flex=45, knee=95, solve_w=1),
           ((0.5, P(spine_flex=35, neck_flex=15)),), tempo=(1.2, 2.6), floor="all", fixed="hips",
           solve=Solve(("hip_flex_l", "hip_flex_r"), "feet", "hips", 5, 110, gap=-0.1),
           styles=(HANDS_HEAD, ARMS_CROSSED, P(sh_flex=20, elbow=5))),
    ),
    "deadlift": (
        _M("standing", P(STAND, sh_abd=6, elbow=0, hip_abd=6),
           ((0.5, P(spine_flex=55, hip_flex=45, knee=50, sh_flex=45)),), tempo=(2.0, 4.0)),
    ),
    "front_raise": (
        _M("standing", P(STAND, sh_abd=5, elbow=5), ((0.5, P(sh_flex=100)),)),
        _M("standing", P(STAND, sh_abd=5, elbow=5), ((0.5, P(sh_flex_l=100)),), alternate=True),
    ),
    "lateral_raise": (
        _M("standing", P(STAND, sh_abd=10, elbow=15), ((0.5, P(sh_abd=88)),)),
    ),
    "russian_twist": (
        _M("seated", P(pitch=-40, spine_flex=10, hip_flex=100, knee=95, sh_flex=55, sh_abd=-15, elbow=70),
           ((0.5, P(spine_twist=45)),), tempo=(0.7, 1.5), reps=(8, 24), floor="all", fixed="hips",
           alternate=True, rest_prob=0.05),
    ),
    "high_knees": (
        _M("standing", P(STAND, sh_flex=10, elbow=85),
           ((0.5, P(hip_flex_l=100, knee_l=100, sh_flex_r=45, sh_flex_l=-25, lift=0.04)),), tempo=(0.4, 0.7),
           reps=(10, 40), fixed="foot_r", alternate=True, rest_prob=0.02),
    ),
    "good_morning": (
        _M("standing", P(STAND, BAR_BACK, hip_abd=8), ((0.5, P(spine_flex=75, hip_flex=8, knee=15)),),
           tempo=(2.0, 4.0)),
    ),
    "bench_press": (
        _M("supine", P(pitch=-90, sh_flex=90, sh_abd=10, elbow=0, hip_flex=-25, hip_abd=15, knee=85),
           ((0.5, P(sh_flex=-15, sh_abd=65, elbow=95)),), floor="back", height=0.45, fixed="back"),
    ),
    "wall_sit": (
        _M("standing", P(STAND, hip_flex=90, knee=90, hip_abd=8), hold=True,
           styles=(ARMS_DOWN, ARMS_CROSSED, P(sh_flex=70, elbow=10), P(sh_flex=20, elbow=80))),
    ),
    "step_up": (
        _M("standing", STAND,
           ((0.25, P(hip_flex_l=70, knee_l=90)), (0.5, P(hip_flex_r=20, knee_r=45, lift=0.3)),
            (0.75, P(hip_flex_l=70, knee_l=90))), tempo=(1.8, 3.6), fixed="foot_l", alternate=True,
           styles=(ARMS_DOWN, HANDS_HIPS)),
    ),
    "v_up": (
        _M("supine", P(pitch=-90, sh_flex=170, elbow=5, ankle=30),
           ((0.5, P(spine_flex=65, hip_flex=80, sh_flex=75, neck_flex=10)),), tempo=(1.5, 3.0), floor="all",
           fixed="hips"),
    ),
    "shoulder_shrug": (
        _M("standing", P(STAND, elbow=3, sh_abd=6), ((0.5, P(shrug=0.06, neck_flex=-5)),), tempo=(1.0, 2.2)),
    ),
    "bear_crawl": (
        _M("prone", P(pitch=80, sh_flex=85, sh_abd=8, hip_flex=95, knee=95, solve_w=1),
           ((0.5, P(sh_flex_l=105, hip_flex_r=112, knee_r=105)),), tempo=(0.5, 1.0), reps=(6, 20),
           floor="all", fixed=None, alternate=True, travel=0.25, solve=PRONE_SOLVE, rest_prob=0.05),
    ),
    "renegade_row": (
        _M("prone", P(PLANK_HANDS, hip_abd=12),
           ((0.5, P(sh_flex_l=10, sh_abd_l=10, elbow_l=110, spine_twist=12)),), tempo=(1.6, 3.0),
           floor="all", fixed="hand_r", alternate=True, solve=PRONE_SOLVE),
    ),
    "triceps_pushdown": (
        _M("standing", P(STAND, spine_flex=15, sh_flex=15, sh_abd=5, elbow=100), ((0.5, P(elbow=5)),),
           tempo=(1.3, 2.8)),
    ),
    **RATED_MOTIONS,
}  # fmt: skip

BACKGROUND_MOTIONS: dict[str, tuple[Motion, ...]] = {
    "walk": (
        _M("standing", STAND,
           ((0.25, P(hip_flex_l=18, knee_l=45, hip_flex_r=-8, knee_r=8, sh_flex_l=-15, sh_flex_r=18)),
            (0.5, P(hip_flex_l=25, knee_l=5, hip_flex_r=-15, knee_r=10, sh_flex_l=-20, sh_flex_r=22)),
            (0.75, P(hip_flex_l=10, knee_l=8, hip_flex_r=-10, knee_r=35, sh_flex_l=-10, sh_flex_r=12))),
           tempo=(0.5, 0.75), reps=(6, 30), fixed=None, alternate=True, counted=False, travel=0.7,
           rest_prob=0.05),
    ),
    "stand": (_M("standing", STAND, hold=True, counted=False, styles=ARM_STYLES),),
    "idle": (
        _M("standing", STAND, ((0.5, P(sh_flex_r=40, elbow_r=130, neck_flex=25)),), tempo=(2.0, 5.0),
           reps=(1, 4), counted=False, rest_prob=0.7),
        _M("standing", STAND, ((0.5, P(sh_abd_r=130, sh_rot_r=60, elbow_r=140, neck_flex=10)),),
           tempo=(1.5, 4.0), reps=(1, 4), counted=False, rest_prob=0.7),
        _M("standing", STAND, ((0.5, P(sh_flex=170, elbow=10, spine_flex=-10)),), tempo=(2.0, 5.0),
           reps=(1, 3), counted=False, rest_prob=0.7),
    ),
    "wave": (
        _M("standing", P(STAND, sh_abd_r=140, sh_rot_r=90, elbow_r=25), ((0.5, P(sh_abd_r=120, elbow_r=65)),),
           tempo=(0.4, 0.8), reps=(3, 14), counted=False, rest_prob=0.1),
    ),
    "yoga_tree": (
        _M("standing", P(STAND, hip_flex_l=35, hip_abd_l=45, hip_rot_l=70, knee_l=140, sh_abd=175, elbow=10),
           hold=True, counted=False, fixed="foot_r"),
    ),
    "yoga_warrior": (
        _M("standing", P(STAND, hip_flex_l=60, hip_abd_l=25, hip_rot_l=40, knee_l=80, hip_abd_r=30,
                         hip_flex_r=-15, knee_r=0, sh_abd=90, elbow=0, solve_w=1),
           hold=True, counted=False, solve=WIDE_LEG),
    ),
    "stretch": (
        _M("standing", P(STAND, hip_abd=10, spine_lat=25, sh_abd_r=170, elbow_r=20), hold=True,
           counted=False),
    ),
    "lie": (
        _M("supine", P(pitch=-90, sh_abd=15, knee=10), hold=True, counted=False, floor="all", fixed="hips"),
    ),
    "dance": (),  # made up per clip (see synth_animate.dance)
}  # fmt: skip

FAULTS: dict[str, dict[str, Fault]] = {
    "squat": {
        "shallow": Fault(scale=P(hip_flex=0.45, knee=0.45, spine_flex=0.6)),
        "knees_in": Fault(add_keys=P(hip_abd=-14, hip_rot=-18)),
        "forward_lean": Fault(add_keys=P(spine_flex=25)),
    },
    "push_up": {
        "hips_sag": Fault(add_all=P(hip_flex=-20)),
        "hips_piked": Fault(add_all=P(hip_flex=35)),
        "shallow": Fault(scale=P(sh_flex=0.4, sh_abd=0.4, elbow=0.4)),
    },
    "knee_push_up": {
        "hips_sag": Fault(add_all=P(hip_flex=-20)),
        "hips_piked": Fault(add_all=P(hip_flex=30)),
        "shallow": Fault(scale=P(sh_flex=0.4, sh_abd=0.4, elbow=0.4)),
    },
    "plank": {"hips_sag": Fault(add_all=P(hip_flex=-20)), "hips_piked": Fault(add_all=P(hip_flex=35))},
    "lunge_forward": {
        "shallow": Fault(scale=P(hip_flex=0.5, knee=0.5)),
        "torso_lean": Fault(add_keys=P(spine_flex=25)),
    },
    "lunge_backward": {
        "shallow": Fault(scale=P(hip_flex=0.5, knee=0.5)),
        "torso_lean": Fault(add_keys=P(spine_flex=25)),
    },
    "side_lunge": {
        "shallow": Fault(scale=P(hip_flex=0.65, knee=0.65)),
        "knee_in": Fault(add_keys=P(hip_rot_l=-45)),
        "torso_lean": Fault(add_keys=P(spine_flex=30)),
        "head_down": Fault(add_all=P(neck_flex=55)),
    },
    "biceps_curl": {
        "partial": Fault(scale=P(elbow=0.5)),
        "elbow_drift": Fault(add_keys=P(sh_flex=35)),
        "swing": Fault(add_keys=P(spine_flex=-15)),
    },
    "overhead_press": {"partial": Fault(scale=P(sh_abd=0.5, elbow=0.5))},
    "pull_up": {
        "half_rep": Fault(scale=P(sh_abd=0.5, elbow=0.5)),
        "kipping": Fault(add_keys=P(hip_flex=40, knee=40)),
    },
    "wall_sit": {
        "too_high": Fault(add_all=P(hip_flex=-30, knee=-30)),
        "lean_forward": Fault(add_all=P(spine_flex=30)),
        "knees_in": Fault(add_all=P(hip_abd=-16, hip_rot=-15)),
    },
    # The rated exercises below: one fault per condition a check measures (tests/analysis/test_checks_synth)
    "crunch": {"shallow": Fault(scale=P(spine_flex=0.3, neck_flex=0.3))},
    "bench_press": {
        "half_rep": Fault(scale=P(sh_flex=0.6, sh_abd=0.6, elbow=0.6)),
        "forearms_tilted": Fault(add_keys=P(sh_flex=-50)),
    },
    "deadlift": {
        "stiff_legs": Fault(add_keys=P(knee=-40)),
        "bar_away": Fault(add_keys=P(sh_flex=35)),
        "knees_in": Fault(add_keys=P(hip_abd=-16, hip_rot=-20)),
    },
    "good_morning": {"squatting": Fault(add_keys=P(knee=50, hip_flex=25))},
    "front_raise": {
        "lean_back": Fault(add_keys=P(spine_flex=-20)),
        "low": Fault(scale=P(sh_flex=0.6)),
        "elbow_bend": Fault(add_keys=P(elbow=50)),
    },
    "lateral_raise": {
        "knee_drive": Fault(add_keys=P(knee=45, hip_flex=25)),
        "elbow_bend": Fault(add_keys=P(elbow=50)),
        "swing": Fault(add_keys=P(spine_flex=-20)),
        "shrug": Fault(add_keys=P(shrug=0.1)),
    },
    "shoulder_shrug": {
        "roll": Fault(add_keys=P(spine_flex=12)),
        "bent_arms": Fault(add_all=P(elbow=50)),
        "head_down": Fault(add_all=P(neck_flex=40)),
    },
    "triceps_pushdown": {
        "lean": Fault(add_all=P(spine_flex=30)),
        "full_release": Fault(add_all=P(elbow=45)),
        "elbow_drift": Fault(add_keys=P(sh_flex=40)),
    },
    "high_knees": {
        "low_knees": Fault(scale=P(hip_flex=0.6, knee=0.6)),
        "lean_back": Fault(add_all=P(spine_flex=-25)),
    },
    "step_up": {
        "lean": Fault(add_keys=P(spine_flex=40)),
        "hips_bent": Fault(add_keys=P(hip_flex=25)),
    },
    "v_up": {
        "short_reach": Fault(scale=P(spine_flex=0.5, hip_flex=0.5)),
        "bent_knees": Fault(add_keys=P(knee=45)),
    },
    "russian_twist": {
        # under-rotated: 40 % of the turn (≈ 18°); a fifth of it (≈ 9°) moved the hands less than half
        # their spacing, which no rep signal tells from sitting still
        "small_twist": Fault(scale=P(spine_twist=0.4)),
        "rocking": Fault(add_keys=P(spine_flex=25)),
    },
    "bear_crawl": {
        # hips piked up: straighter knees and the thighs nearer the chest tip the torso down toward the
        # hands (the arms reaching further overhead), the knees rising with the hips
        "piked": Fault(add_all=P(hip_flex=20, knee=-60, sh_flex=30)),
        # knees off the floor with the hips level: the thighs drawn up under the chest
        "knees_high": Fault(add_all=P(hip_flex=60, knee=10)),
    },
    "renegade_row": {
        "hip_rotation": Fault(add_keys=P(roll=40)),
        "hips_sag": Fault(add_all=P(hip_flex=-35)),
    },
    **RATED_FAULTS,
}  # fmt: skip

EXERCISES: tuple[str, ...] = tuple(MOTIONS)
BACKGROUND: tuple[str, ...] = tuple(BACKGROUND_MOTIONS)
HOLDS: frozenset[str] = frozenset(ex for ex, ms in MOTIONS.items() if all(m.hold for m in ms))
