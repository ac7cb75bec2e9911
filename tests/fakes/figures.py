"""Exercise figures for the rule tests: one builder per movement, animated by a 0..1 level.

Each builder takes `lv` (0 = rest, 1 = the working extreme: the bottom of a squat, the top of a curl) and
keyword arguments in the units the checks measure (degrees, torso lengths, ratios) and returns [33, 2]
landmarks; `animate` turns a builder into a PoseSequence of a few reps (`tests.fakes.skeleton.cycle`), `hold`
repeats a still figure. Side views face +x (see tests/skeleton.py); lengths are in pixels, torso = 100.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pytest

from analysis.exercises.registry import SPECS
from analysis.judge.assess import Graded, assess
from analysis.judge.rules import Check
from analysis.judge.views import detect_view
from analysis.vocab.landmarks import N_MEDIAPIPE, Landmark
from analysis.vocab.types import Finding, PoseSequence, Status, View
from tests.fakes.skeleton import (
    FOOT,
    FOREARM,
    NECK_TO_EAR,
    SHIN,
    THIGH,
    TORSO,
    UPPER_ARM,
    cycle,
    front_frame,
    sequence,
    side_frame,
)

L = Landmark
ARM = UPPER_ARM + FOREARM
LEG = THIGH + SHIN
Frame = np.ndarray


# --- geometry -------------------------------------------------------------------------------------------


def ray(p: object, length: float, deg: float) -> np.ndarray:
    """p + length along a screen direction given in degrees from straight down (+ = toward +x, 180 = up)."""
    r = np.radians(deg)
    return np.asarray(p, float) + length * np.array([np.sin(r), np.cos(r)])


def turn(v: np.ndarray, deg: float) -> np.ndarray:
    """Rotate a vector clockwise on screen (image y points down)."""
    r = np.radians(deg)
    return np.array([[np.cos(r), -np.sin(r)], [np.sin(r), np.cos(r)]]) @ v


def unit(v: object) -> np.ndarray:
    v = np.asarray(v, float)
    return v / np.linalg.norm(v)


def lerp(a: object, b: object, t: float) -> np.ndarray:
    return np.asarray(a, float) + (np.asarray(b, float) - np.asarray(a, float)) * t


def acos_deg(c: float) -> float:
    return float(np.degrees(np.arccos(np.clip(c, -1.0, 1.0))))


def reach(middle_deg: float, l1: float = UPPER_ARM, l2: float = FOREARM) -> float:
    """Distance between the ends of a two-segment chain bent to middle_deg at its middle joint."""
    return float(np.sqrt(max(l1**2 + l2**2 - 2 * l1 * l2 * np.cos(np.radians(middle_deg)), 0.0)))


def middle_for_reach(d: float, l1: float = UPPER_ARM, l2: float = FOREARM) -> float:
    """The middle-joint angle that puts the chain's ends d apart (inverse of `reach`)."""
    return acos_deg((l1**2 + l2**2 - d**2) / (2 * l1 * l2))


def middle_joint(a: np.ndarray, c: np.ndarray, l1: float, l2: float, bend: float = 1.0) -> np.ndarray:
    """Two-link IK: the middle joint of a–b–c with |ab| = l1, |bc| = l2; bend = ±1 picks the side."""
    v = c - a
    d = min(float(np.linalg.norm(v)), l1 + l2)
    along = (l1**2 - l2**2 + d**2) / (2 * d)
    across = np.sqrt(max(l1**2 - along**2, 0.0))
    u = v / np.linalg.norm(v)
    return a + along * u + bend * across * np.array([-u[1], u[0]])


def late(lv: float, start: float = 0.35, full: float = 0.9) -> float:
    """0 until lv = start, rising to 1 at lv = full (a fault that creeps in near the rep's extreme)."""
    return float(np.clip((lv - start) / (full - start), 0.0, 1.0))


# --- frames ----------------------------------------------------------------------------------------------


def side_pose(near: dict[str, object], far: dict[str, object] | None = None, depth_px: float = 6.0) -> Frame:
    """[33, 2] side-view landmarks from explicit joints (SHOULDER, ELBOW, WRIST, HIP, KNEE, ANKLE, EAR and
    optionally HEEL, FOOT_INDEX); `far` overrides joints of the far (right) side, offset by depth_px."""
    p = np.zeros((N_MEDIAPIPE, 2))
    for side, joints, dx in (("LEFT", near, 0.0), ("RIGHT", {**near, **(far or {})}, depth_px)):
        j = {k: np.asarray(v, float) + [dx, 0.0] for k, v in joints.items()}
        heel = j.get("HEEL", j["ANKLE"] + [-8.0, 10.0])
        nose = j["EAR"] + [12.0, 4.0]
        extra = {
            "HEEL": heel,
            "FOOT_INDEX": j.get("FOOT_INDEX", heel + [FOOT, 0.0]),
            "EYE": nose + [-3, -6],
            "EYE_INNER": nose + [-2, -6],
            "EYE_OUTER": nose + [-5, -6],
            "PINKY": j["WRIST"] + [2, 6],
            "INDEX": j["WRIST"] + [4, 6],
            "THUMB": j["WRIST"] + [3, 3],
        }
        for name, pt in {**j, **extra}.items():
            p[L[f"{side}_{name}"]] = pt
    p[L.NOSE] = np.asarray(near["EAR"], float) + [12.0, 4.0]
    p[L.MOUTH_LEFT] = p[L.MOUTH_RIGHT] = p[L.NOSE] + [0, 6]
    return p


def copy_joints(dst: Frame, src: Frame, side: str, names: tuple[str, ...]) -> Frame:
    out = dst.copy()
    for n in names:
        out[L[f"{side}_{n}"]] = src[L[f"{side}_{n}"]]
    return out


def set_hand(f: Frame, side: str, elbow: object, wrist: object) -> None:
    w = np.asarray(wrist, float)
    f[L[f"{side}_ELBOW"]] = elbow
    f[L[f"{side}_WRIST"]] = w
    f[L[f"{side}_PINKY"]], f[L[f"{side}_INDEX"]], f[L[f"{side}_THUMB"]] = w + [0, 6], w + [0, 7], w + [0, 5]


LOWER_LEG = ("KNEE", "ANKLE", "HEEL", "FOOT_INDEX")


# --- sequences -------------------------------------------------------------------------------------------


def animate(
    build: Callable[..., Frame], n_reps: int = 2, rep_s: float = 2.0, fps: float = 15.0, **kw: float
) -> PoseSequence:
    return sequence([build(float(lv), **kw) for lv in cycle(n_reps, fps=fps, rep_s=rep_s)], fps=fps)


def hold(frame: Frame, seconds: float = 3.0, fps: float = 15.0) -> PoseSequence:
    return sequence([frame.copy() for _ in range(int(seconds * fps))], fps=fps)


# --- lower body ------------------------------------------------------------------------------------------


def squat_side(lv: float, lean: float = 35.0, head: float = 180.0, heel_lift: float = 0.0) -> Frame:
    """lean: torso from vertical at the bottom; head: ear–shoulder–hip angle at the bottom; heel_lift: heel
    above the toes at the bottom (torso lengths; the heel comes up in the deepest part of the squat)."""
    thigh, shin, torso = 80 * lv, -60 * lv, lean * lv
    drop = THIGH * (1 - np.cos(np.radians(thigh))) + SHIN * (1 - np.cos(np.radians(shin)))
    return side_frame(
        pelvis=(300.0, 220.0 + drop),
        torso=torso,
        head=torso + (180 - head) * lv,
        thigh=thigh,
        shin=shin,
        upper_arm=80 * lv,
        forearm=80 * lv,
        heel_lift_px=heel_lift * TORSO * late(lv, start=0.6),
    )


def squat_front(lv: float, knees: float = 1.0) -> Frame:
    """knees: knee width / ankle width at the bottom (< 1 = caving in)."""
    drop, ankle = 110 * lv, 30.0
    return front_frame(
        pelvis=(320.0, 220.0 + drop),
        leg_drop_px=175 - drop,
        hip_half_px=20.0,
        ankle_half_px=ankle,
        knee_half_px=ankle * (1 + (knees - 1) * lv),
        arm_angle=10 + 70 * lv,
    )


def lunge_side(
    lv: float, front_knee: float = 90.0, rear_knee: float = 95.0, lean: float = 0.0, head: float = 180.0
) -> Frame:
    """Knee angles, torso lean and ear–shoulder–hip angle at the bottom; the near (left) leg is in front."""
    kf, kr = 180 - (180 - front_knee) * lv, 180 - (180 - rear_knee) * lv
    tf, tr = 80 * lv, -10 * lv
    torso = lean * lv
    pelvis = (300.0, 220.0 + 60 * lv)
    kw = {"pelvis": pelvis, "torso": torso, "head": torso + (180 - head) * lv}
    front = side_frame(thigh=tf, shin=tf - (180 - kf), upper_arm=10, forearm=10, **kw)
    rear = side_frame(thigh=tr, shin=tr - (180 - kr), **kw)
    return copy_joints(front, rear, "RIGHT", LOWER_LEG)


def lunge_front(lv: float, bend: float = 0.0) -> Frame:
    """bend: how far (degrees) both knees cave in off the hip–ankle line at the bottom."""
    drop = 80 * lv
    legs = 175 - drop
    inward = legs / 2 * np.tan(np.radians(bend * lv / 2))
    return front_frame(
        pelvis=(320.0, 220.0 + drop),
        leg_drop_px=legs,
        hip_half_px=18.0,
        ankle_half_px=20.0,
        knee_half_px=19.0 - inward,
    )


def knee_up(lv: float, height: float = 0.15, lean: float = 0.0) -> Frame:
    """height: raised knee above the hip at the top (torso lengths); lean: torso from vertical at the top."""
    thigh = acos_deg(-height * TORSO / THIGH) * lv
    kw = {"pelvis": (320.0, 240.0), "torso": lean * lv}
    raised = side_frame(thigh=thigh, shin=0.0, upper_arm=-20 * lv, forearm=60 * lv, **kw)
    return copy_joints(raised, side_frame(**kw), "RIGHT", LOWER_LEG)


def side_crunch(
    lv: float, knee_elbow: float = 0.15, knee_out: float | None = None, wrist_ear: float = 0.08
) -> Frame:
    """Front view, hands behind the head, the left knee rising to the left elbow. knee_elbow: knee below the
    elbow at the crunch (torso lengths); knee_out: knee's sideways distance from the hip at the crunch
    (default: under the elbow); wrist_ear: wrist–ear distance throughout."""
    cx, cy = 320.0, 240.0
    f = front_frame(pelvis=(cx, cy))
    elbow_top = np.array([cx + 72, cy - 100])
    for sign, side in ((1, "LEFT"), (-1, "RIGHT")):
        rest = np.array([cx + sign * 75, cy - 130])
        elbow = lerp(rest, elbow_top, lv) if side == "LEFT" else rest
        wrist = f[L[f"{side}_EAR"]] + wrist_ear * TORSO * unit((sign * 0.6, 0.8))
        set_hand(f, side, elbow, wrist)
    knee0 = f[L.LEFT_KNEE].copy()
    x = elbow_top[0] if knee_out is None else f[L.LEFT_HIP][0] + knee_out * TORSO
    knee = lerp(knee0, (x, elbow_top[1] + knee_elbow * TORSO), lv)
    for n in LOWER_LEG:
        f[L[f"LEFT_{n}"]] += knee - knee0
    return f


def jumping_jack(lv: float, top: float = 0.8, rest: float = -1.1, feet: float = 1.6) -> Frame:
    """top: wrists above the nose at the top; rest: wrists above the shoulders at rest (torso lengths, so
    negative = below); feet: ankle width / shoulder width at the top."""
    shoulder_half, nose_above_shoulder = 38.0, 28.0
    a_rest = acos_deg(-rest * TORSO / ARM)
    a_top = acos_deg(-(top * TORSO + nose_above_shoulder) / ARM)
    ankle = float(lerp(20.0, shoulder_half * feet, lv))
    return front_frame(
        pelvis=(320.0, 240.0),
        shoulder_half_px=shoulder_half,
        arm_angle=float(lerp(a_rest, a_top, lv)),
        ankle_half_px=ankle,
        knee_half_px=(ankle + 18.0) / 2,
    )


def _prone_body(shoulder: np.ndarray, feet: np.ndarray, body: float, head: float) -> dict[str, np.ndarray]:
    """Hip, knee, ankle, ear of a body lying from the shoulder toward the feet; body: shoulder–hip–ankle
    angle (hips sagging below the line when < 180); head: ear–shoulder–hip angle (head dropping)."""
    u = unit(feet - shoulder)
    hip = shoulder + TORSO * u
    legs = turn(u, 180 - body)  # legs rising from the hip: the hip sags
    return {
        "HIP": hip,
        "KNEE": hip + THIGH * legs,
        "ANKLE": hip + LEG * legs,
        "EAR": shoulder + NECK_TO_EAR * turn(-u, 180 - head),
    }


def prone(
    lv: float,
    elbow: float = 45.0,
    ahead: float = 0.0,
    ahead_bottom: float | None = None,
    body: float = 180.0,
    head: float = 180.0,
) -> Frame:
    """A push-up seen from the side (head toward +x): straight arms at lv 0, `elbow` degrees at lv 1.
    ahead: wrists ahead of the shoulders (torso lengths) at the top, ahead_bottom at the bottom."""
    wrist, feet = np.array([440.0, 400.0]), np.array([170.0, 395.0])
    bend = 180 - (180 - elbow) * lv
    dx = TORSO * float(lerp(ahead, ahead if ahead_bottom is None else ahead_bottom, lv))
    d = reach(bend)
    shoulder = wrist + [-dx, -np.sqrt(max(d**2 - dx**2, 0.0))]
    joints = {
        "SHOULDER": shoulder,
        "ELBOW": middle_joint(shoulder, wrist, UPPER_ARM, FOREARM, bend=1.0),
        "WRIST": wrist,
        **_prone_body(shoulder, feet, body, head),
    }
    return side_pose(joints)


def prone_on_knees(lv: float, **prone_kw: float) -> Frame:
    """A knee push-up from the side: `prone` (body = shoulder–hip–knee angle) with the shins folded up
    behind the knees (knee angle ≈ 100°), as when the knees rest on the floor."""
    f = prone(lv, **prone_kw)
    for side in ("LEFT", "RIGHT"):
        knee, hip = f[L[f"{side}_KNEE"]], f[L[f"{side}_HIP"]]
        shin = turn(unit(knee - hip), 80.0)  # the shin rises 80° off the thigh's line, away from the floor
        ankle = knee + SHIN * shin
        f[L[f"{side}_ANKLE"]], f[L[f"{side}_HEEL"]] = ankle, ankle + 0.1 * SHIN * shin
        f[L[f"{side}_FOOT_INDEX"]] = ankle + [-FOOT, 0.0]
    return f


def burpee(lv: float, **prone_kw: float) -> Frame:
    """Standing (lv 0) → hands down, feet back (lv 0.5: the top of a push-up) → push-up bottom (lv 1)."""
    stand = side_frame(pelvis=(250.0, 215.0))
    if lv <= 0.5:
        return lerp(stand, prone(0.0, **prone_kw), lv / 0.5)
    return prone((lv - 0.5) / 0.5, **prone_kw)


# --- upper body ------------------------------------------------------------------------------------------


def pull_up(lv: float, top: float = 45.0, ear_gap: float = 0.28, swing: float = 0.0) -> Frame:
    """Side view. top: elbow–shoulder–hip angle at the top (arms straight up, 180, in the hang); ear_gap:
    ear–shoulder distance (torso lengths); swing: hips swinging ± this many torso lengths during a rep."""
    arm = 180 - (180 - top) * lv
    elbow_off = ray((0.0, 0.0), UPPER_ARM, arm)
    wrist_off = elbow_off + [0.0, -FOREARM]  # forearms straight up to the bar
    s = np.array([320.0 + swing * TORSO * np.sin(2 * np.pi * lv), 60.0 - wrist_off[1]])  # the bar: y = 60
    elbow, wrist = s + elbow_off, s + wrist_off
    hip = s + [0.0, TORSO]
    return side_pose(
        {
            "SHOULDER": s,
            "ELBOW": elbow,
            "WRIST": wrist,
            "HIP": hip,
            "KNEE": ray(hip, THIGH, 10),
            "ANKLE": ray(ray(hip, THIGH, 10), SHIN, -20),
            "EAR": s + [0.0, -ear_gap * TORSO],
        }
    )


def pull_up_front(lv: float, shrug: float = 0.0) -> Frame:
    """Front view, hands on the bar wider than the shoulders; shrug: 0 = ears a neck's length above the
    shoulders … 1 = ears level with the shoulders (a full shrug) throughout."""
    cx = 320.0
    shoulder_y = 60.0 + ARM - TORSO * lv  # the bar at y = 60: the neck rises a torso length
    f = front_frame(pelvis=(cx, shoulder_y + TORSO))
    for sign, side in ((1, "LEFT"), (-1, "RIGHT")):
        s, w = f[L[f"{side}_SHOULDER"]], np.array([cx + sign * 60, 60.0])
        set_hand(f, side, middle_joint(s, w, UPPER_ARM, FOREARM, bend=sign), w)
        f[L[f"{side}_EAR"]] = (cx + sign * 14, s[1] - 30 * (1 - shrug))
    return f


def dips_side(lv: float, elbow: float = 85.0, lean: float = 25.0, head: float = 180.0) -> Frame:
    """Hands on the bars, forearms vertical. elbow: elbow angle at the bottom; lean: torso forward lean at
    the bottom; head: ear–shoulder–hip angle throughout (head thrown back when < 180)."""
    wrist = np.array([320.0, 260.0])
    e = wrist + [0.0, -FOREARM]
    s = ray(e, UPPER_ARM, 180 - (180 - elbow) * lv)  # the shoulder ahead of the elbow: elbows point back
    torso = lean * lv
    hip = ray(s, TORSO, -torso)
    knee = ray(hip, THIGH, 10)
    return side_pose(
        {
            "SHOULDER": s,
            "ELBOW": e,
            "WRIST": wrist,
            "HIP": hip,
            "KNEE": knee,
            "ANKLE": ray(knee, SHIN, -50),
            "EAR": ray(s, NECK_TO_EAR, 180 - torso + (180 - head)),
        }
    )


def dips_front(lv: float, flare: float = 1.0) -> Frame:
    """Front view. flare: elbow width / shoulder width at the bottom."""
    cx, wrist_y, shoulder_half = 320.0, 300.0, 38.0
    shoulder_y = wrist_y - (ARM - 60 * lv)
    f = front_frame(pelvis=(cx, shoulder_y + TORSO), shoulder_half_px=shoulder_half, leg_drop_px=150.0)
    for sign, side in ((1, "LEFT"), (-1, "RIGHT")):
        elbow_half = shoulder_half * float(lerp(1.0, flare, lv))
        set_hand(f, side, (cx + sign * elbow_half, (shoulder_y + wrist_y) / 2), (cx + sign * 45, wrist_y))
    return f


def curl(
    lv: float,
    top: float = 150.0,
    rest_elbow: float = 160.0,
    shrug: float = 0.0,
    lean_back: float = 0.0,
    swing: float = 0.0,
) -> Frame:
    """Side view. top: forearm from straight down at the top; rest_elbow: elbow angle at rest; shrug: how
    much the ear–shoulder distance shrinks near the top; lean_back: torso leaning back near the top;
    swing: upper arm swinging forward near the top (degrees)."""
    u = swing * late(lv)
    fore = u + (180 - rest_elbow) + (top - (180 - rest_elbow)) * lv
    torso = -lean_back * late(lv)
    f = side_frame(pelvis=(320.0, 240.0), torso=torso, upper_arm=u, forearm=fore)
    gap = NECK_TO_EAR - shrug * TORSO * late(lv)
    for side in ("LEFT", "RIGHT"):
        f[L[f"{side}_EAR"]] = ray(f[L[f"{side}_SHOULDER"]], gap, 180 - torso)
    return f


def press(lv: float, tilt: float = 0.0, knee: float = 180.0, lean_back: float = 0.0) -> Frame:
    """Side view, bar from the shoulders to overhead. tilt: forearms from vertical throughout; knee: knee
    angle at the dip mid-press (push press when < 180); lean_back: torso leaning back at lockout."""
    bend = (180 - knee) * np.sin(np.pi * lv)
    return side_frame(
        pelvis=(320.0, 240.0),
        torso=-lean_back * lv,
        upper_arm=30 + 150 * lv,
        forearm=180 - tilt,
        thigh=bend / 2,
        shin=-bend / 2,
    )


def plank_side(body: float = 180.0, chest: float = 0.6, head: float = 180.0) -> Frame:
    """Forearm plank from the side. body: shoulder–hip–ankle angle; chest: shoulders above the elbows."""
    elbow = np.array([420.0, 390.0])
    h = chest * TORSO
    shoulder = elbow + [-np.sqrt(max(UPPER_ARM**2 - h**2, 0.0)), -h]
    joints = {"SHOULDER": shoulder, "ELBOW": elbow, "WRIST": elbow + [FOREARM, 0.0]}
    return side_pose({**joints, **_prone_body(shoulder, np.array([160.0, 392.0]), body, head)})


def plank_front(elbows: float = 1.0) -> Frame:
    """Forearm plank filmed head-on from shoulder height: the body recedes toward the horizon, so the
    ankles show just above and inside the shoulders. elbows: elbow width / shoulder width."""
    cx, sy, shoulder_half = 320.0, 300.0, 38.0
    p = np.zeros((N_MEDIAPIPE, 2))
    for sign, side in ((1, "LEFT"), (-1, "RIGHT")):
        pts = {
            "SHOULDER": (cx + sign * shoulder_half, sy),
            "HIP": (cx + sign * 18, sy - 6),
            "KNEE": (cx + sign * 14, sy - 8),
            "ANKLE": (cx + sign * 10, sy - 10),
            "HEEL": (cx + sign * 10, sy - 12),
            "FOOT_INDEX": (cx + sign * 10, sy - 6),
            "EAR": (cx + sign * 14, sy - 30),
            "EYE": (cx + sign * 8, sy - 36),
            "EYE_INNER": (cx + sign * 5, sy - 36),
            "EYE_OUTER": (cx + sign * 11, sy - 36),
        }
        for name, pt in pts.items():
            p[L[f"{side}_{name}"]] = pt
        elbow_x = cx + sign * shoulder_half * elbows
        set_hand(p, side, (elbow_x, sy + 55), (elbow_x - sign * 8, sy + 70))
        p[L[f"MOUTH_{side}"]] = (cx + sign * 5, sy - 22)
    p[L.NOSE] = (cx, sy - 28)
    return p


# --- test cases ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One Check of one exercise with a clearly good and a clearly bad clip, each built from the limit."""

    exercise: str
    condition: str
    view: View  # a view the check allows (and the figures are drawn in)
    good: Callable[[float], PoseSequence]  # the check's limit value → a clip that must PASS
    bad: Callable[[float], PoseSequence]  # … → a clip that must FAIL
    bad_known_bug: str = ""  # why the bad clip is not caught yet (the test is an expected failure)

    @property
    def id(self) -> str:
        return f"{self.exercise}-{self.condition}"

    @property
    def rule(self) -> Check:
        return check_of(self.exercise, self.condition)

    def seq(self, form: str) -> PoseSequence:
        build = self.good if form == "good" else self.bad
        return build(self.rule.limit.value)


def check_of(exercise: str, condition: str) -> Check:
    rule = next(r for r in SPECS[exercise].rules if r.condition_id == condition)
    assert isinstance(rule, Check), f"{exercise}.{condition} is not a Check"
    return rule


def judge(exercise: str, seq: PoseSequence, view: View, condition: str) -> tuple[Graded, list[Finding]]:
    graded = assess(SPECS[exercise], seq, view)
    return graded, [f for f in graded.findings if f.condition_id == condition]


def verdict_params(cases: tuple[Case, ...]) -> list[object]:
    """pytest params (case, "good" | "bad") for a table of cases; known bugs become strict xfails."""
    out = []
    for c in cases:
        for form in ("good", "bad"):
            bug = c.bad_known_bug if form == "bad" else ""
            marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
            out.append(pytest.param(c, form, id=f"{c.id}-{form}", marks=marks))
    return out


def assert_verdict(case: Case, form: str) -> None:
    """The clip is drawn in the case's view, counts 2 reps (or holds ≥ 2 s) and the check passes (good) or
    fails (bad) on every rep."""
    seq = case.seq(form)
    assert detect_view(seq) is case.view, "the figure is not drawn in the view the case claims"
    graded, found = judge(case.exercise, seq, case.view, case.condition)
    if SPECS[case.exercise].hold is not None:
        assert graded.hold_s is not None and graded.hold_s >= 2.0
    else:
        assert len(graded.reps) == 2
    want = Status.PASS if form == "good" else Status.FAIL
    got = [(f.status.value, f.value) for f in found]
    assert found and all(f.status is want for f in found), f"want {want.value}, got {got}"
    assert all(f.message_key == f"cue-{case.exercise}-{case.condition}" for f in found)
