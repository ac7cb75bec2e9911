"""No grade without the key conditions (ExerciseSpec.key): every measured exercise names them, a clip that
leaves one unjudged (the wrong view, hidden joints) is "not rated" with the conditions that were judged
still reported, and clean form filmed from a view that shows them is still Perfect."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from analysis.exercises.registry import NOT_YET, SPECS
from analysis.judge.assess import assess
from analysis.judge.grading import NOT_ENOUGH_JUDGED, NOTHING_JUDGED
from analysis.judge.measures import Body
from analysis.judge.rules import Check, Unjudgeable
from analysis.judge.spec import ExerciseSpec
from analysis.judge.views import detect_view
from analysis.vocab.types import Grade, PoseSequence, Status, View
from tests.fakes.figures import L, animate, check_of, hold, plank_front, prone, set_hand, squat_side

MEASURED = [s for s in SPECS.values() if any(isinstance(r, Check) for r in s.rules)]


@pytest.mark.parametrize("spec", MEASURED, ids=[s.id for s in MEASURED])
def test_every_measured_exercise_names_measurable_key_conditions(spec) -> None:
    assert spec.key, f"{spec.id}: name its key conditions (ExerciseSpec.key)"
    rules = {r.condition_id: r for r in spec.rules}
    assert all(isinstance(rules[k], Check) for k in spec.key), "a key condition must be measurable"
    # one camera view shows every key condition, or the exercise could never be rated
    views = set(View)
    for k in spec.key:
        rule = rules[k]
        assert isinstance(rule, Check)
        views &= set(rule.views)
    assert views - {View.UNKNOWN}, spec.id


def test_front_view_push_up_is_not_rated_but_its_judged_conditions_are_kept() -> None:
    seq = animate(prone)  # clean form; judged as filmed from the front the body line cannot be seen
    graded = assess(SPECS["push_up"], seq, View.FRONT)
    assert len(graded.reps) == 2
    assert graded.grade is None and graded.grade_reason == NOT_ENOUGH_JUDGED
    assert graded.rep_grades == (None, None)
    by_id = {f.condition_id: f for f in graded.findings if f.rep == 0}
    assert by_id["chest_travel"].status is Status.PASS  # judged from any view: still reported
    assert (by_id["neutral_spine"].status, by_id["neutral_spine"].message_key) == (
        Status.NOT_JUDGED,
        "hint-film-side",
    )
    side = assess(SPECS["push_up"], seq, View.SIDE)  # the same reps seen from the side: rated
    assert (side.grade, side.grade_reason) == (Grade.PERFECT, None)


def push_up_front(lv: float) -> np.ndarray:
    """A push-up filmed head-on from floor level: hands under the shoulders, the shoulders and head coming
    down toward them as the elbows bend out, hips and feet receding behind (plank_front's body)."""
    p = plank_front()
    cx, sy, drop = 320.0, 300.0, 70.0 * lv
    for sign, side in ((1, "LEFT"), (-1, "RIGHT")):
        for name in ("SHOULDER", "EAR", "EYE", "EYE_INNER", "EYE_OUTER"):
            p[L[f"{side}_{name}"], 1] += drop
        p[L[f"MOUTH_{side}"], 1] += drop
        wrist = (cx + sign * 40.0, sy + 120.0)
        set_hand(p, side, (cx + sign * (40.0 + 25.0 * lv), (sy + drop + wrist[1]) / 2), wrist)
    p[L.NOSE, 1] += drop
    return p


def test_push_up_filmed_from_the_front_gets_no_grade_without_its_body_line() -> None:
    """The issue's case: from the front only chest_travel is judged; it passes, and without key conditions
    the clip was Perfect. With them it is not rated."""
    seq = animate(push_up_front)
    view = detect_view(seq)
    assert view is View.FRONT
    graded = assess(SPECS["push_up"], seq, view)
    assert len(graded.reps) == 2
    assert (graded.grade, graded.grade_reason, graded.rep_grades) == (None, NOT_ENOUGH_JUDGED, (None, None))
    judged = {f.condition_id for f in graded.findings if f.status is not Status.NOT_JUDGED}
    assert judged == {"chest_travel"}
    assert assess(replace(SPECS["push_up"], key=()), seq, view).grade is Grade.PERFECT  # the old praise


def test_good_side_view_squat_is_still_perfect() -> None:
    graded = assess(SPECS["squat"], animate(squat_side), View.SIDE)
    assert graded.rep_grades == (Grade.PERFECT, Grade.PERFECT)
    assert (graded.grade, graded.grade_reason) == (Grade.PERFECT, None)


def _hide(seq: PoseSequence, joints: set[int]) -> PoseSequence:
    vis = seq.visibility.copy()
    vis[:, sorted(joints)] = 0.0
    return replace(seq, visibility=vis)


def test_hidden_key_joints_leave_a_side_view_squat_unrated() -> None:
    seq = animate(squat_side)
    body = Body.of(seq)
    measure = check_of("squat", "heels_down").measure
    heels = {j for near in ("LEFT", "RIGHT") for j in measure.joints(Body(body.xy, body.torso_px, near))}
    graded = assess(SPECS["squat"], _hide(seq, heels), View.SIDE)
    assert (graded.grade, graded.grade_reason) == (None, NOT_ENOUGH_JUDGED)
    assert any(f.condition_id == "neutral_spine" and f.status is Status.PASS for f in graded.findings)


def test_plank_filmed_head_on_is_detected_as_front_and_not_rated() -> None:
    seq = hold(plank_front())
    view = detect_view(seq)
    assert view is View.FRONT
    graded = assess(SPECS["plank"], seq, view)
    assert graded.hold_s and graded.hold_s > 0
    assert (graded.grade, graded.grade_reason) == (None, NOT_ENOUGH_JUDGED)
    assert any(f.status is Status.PASS for f in graded.findings)  # elbows_not_inside, judged


def test_an_exercise_without_measured_checks_says_nothing_was_judged() -> None:
    squat = SPECS["squat"]
    unmeasured = ExerciseSpec(
        "squat", tuple(Unjudgeable(r.condition_id, NOT_YET) for r in squat.rules), squat.reps
    )
    graded = assess(unmeasured, animate(squat_side), View.SIDE)
    assert graded.reps
    assert (graded.grade, graded.grade_reason) == (None, NOTHING_JUDGED)
