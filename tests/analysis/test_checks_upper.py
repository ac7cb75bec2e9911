"""Every Check of the upper-body and hold specs (push-up, pull-up, dips, curls, overhead press, plank) on a
clearly good and a clearly bad synthetic clip, judged through `assess` (reps or hold, phases, the rule).

Each figure is built from the check's own limit (`v` below) with a wide margin. The figures are in
tests/figures.py; known bugs are strict expected failures (see `Case.bad_known_bug`).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from analysis.exercises.holds import PIKE_MAX_DEG, SAG_MAX_DEG
from analysis.exercises.registry import SPECS
from analysis.exercises.upper_body import PUSH_UP_FULL_RANGE as FULL
from analysis.judge.assess import assess
from analysis.judge.measures import Body
from analysis.judge.rules import Span
from analysis.vocab.types import Status, View
from tests.fakes.figures import (
    ARM,
    TORSO,
    Case,
    animate,
    assert_verdict,
    check_of,
    curl,
    dips_front,
    dips_side,
    hold,
    middle_for_reach,
    plank_front,
    plank_side,
    press,
    prone,
    prone_on_knees,
    pull_up,
    verdict_params,
)

SIDE, FRONT = View.SIDE, View.FRONT

def push_up_cases(exercise: str, figure: Callable[..., np.ndarray]) -> tuple[Case, ...]:
    """The five push-up conditions drawn with `figure` (`prone`, or `prone_on_knees` for a knee push-up,
    whose line runs shoulder–hip–knee)."""
    return (
        Case(
            exercise,
            "chest_travel",
            SIDE,
            # v is a share of a full rep: the shoulders drop 90% of the full range (good) or v − 0.15 of
            # it, a half rep (bad)
            good=lambda v: animate(figure, elbow=middle_for_reach(ARM - 0.9 * FULL * TORSO)),
            bad=lambda v: animate(figure, elbow=middle_for_reach(ARM - (v - 0.15) * FULL * TORSO)),
        ),
        Case(
            exercise,
            "head_neutral",
            SIDE,
            good=lambda v: animate(figure, head=180.0),
            bad=lambda v: animate(figure, head=v - 25),
        ),
        Case(
            exercise,
            "hands_under_chest",
            SIDE,
            good=lambda v: animate(figure, ahead=0.0),
            bad=lambda v: animate(figure, elbow=80.0, ahead=v + 0.25),
        ),
        Case(
            exercise,
            "elbow_90",
            SIDE,
            good=lambda v: animate(figure, elbow=v - 25),
            # elbows stay straighter; the shoulders dip forward past the hands so the rep still travels
            bad=lambda v: animate(figure, elbow=v + 15, ahead_bottom=-0.6),
        ),
        Case(
            exercise,
            "neutral_spine",
            SIDE,
            good=lambda v: animate(figure, body=180.0),
            bad=lambda v: animate(figure, body=v - 25),  # hips sag
        ),
    )


PUSH_UP = push_up_cases("push_up", prone)
KNEE_PUSH_UP = push_up_cases("knee_push_up", prone_on_knees)

PULL_UP = (
    Case(
        "pull_up",
        "no_swing",
        SIDE,
        good=lambda v: animate(pull_up, swing=0.0),
        bad=lambda v: animate(pull_up, swing=1.25 * v),  # hips swing ± 1.25 v: a kip
    ),
    Case(
        "pull_up",
        "elbows_to_torso",
        SIDE,
        good=lambda v: animate(pull_up, top=v - 25),
        bad=lambda v: animate(pull_up, top=v + 25),  # upper arms stay above horizontal
    ),
    Case(
        "pull_up",
        "shoulder_packing",
        SIDE,
        good=lambda v: animate(pull_up, ear_gap=v + 0.12),
        bad=lambda v: animate(pull_up, ear_gap=v / 3),  # shoulders shrugged up to the ears in the hang
    ),
)

DIPS = (
    Case(
        "dips",
        "slight_lean",
        SIDE,
        good=lambda v: animate(dips_side, lean=v - 20),
        bad=lambda v: animate(dips_side, lean=v + 20),
    ),
    Case(
        "dips",
        "head_not_back",
        SIDE,
        good=lambda v: animate(dips_side, head=180.0),
        bad=lambda v: animate(dips_side, head=v - 25),
    ),
    Case(
        "dips",
        "elbow_90",
        SIDE,
        good=lambda v: animate(dips_side, elbow=v - 25),
        bad=lambda v: animate(dips_side, elbow=v + 15),
    ),
    Case(
        "dips",
        "elbow_torso_distance",
        FRONT,
        good=lambda v: animate(dips_front, flare=v - 0.4),
        bad=lambda v: animate(dips_front, flare=v + 0.4),
    ),
)

CURLS = tuple(
    case
    for ex in ("biceps_curl", "barbell_curl")
    for case in (
        Case(
            ex,
            "no_shrug",
            SIDE,
            good=lambda v: animate(curl, shrug=0.0),
            bad=lambda v: animate(curl, shrug=min(v + 0.1, 0.26)),  # near the top (the ear gap is 0.28)
        ),
        Case(
            ex,
            "tension_at_bottom",
            SIDE,
            good=lambda v: animate(curl, rest_elbow=v - 17),
            bad=lambda v: animate(curl, rest_elbow=180.0),  # arms locked straight between reps
        ),
        Case(
            ex,
            "neutral_spine",
            SIDE,
            good=lambda v: animate(curl, lean_back=0.0),
            bad=lambda v: animate(curl, lean_back=v + 18),  # swinging the weight up
        ),
        Case(
            ex,
            "elbows_fixed",
            SIDE,
            good=lambda v: animate(curl, swing=0.0),
            bad=lambda v: animate(curl, swing=v + 20),
        ),
    )
)

OVERHEAD_PRESS = (
    Case(
        "overhead_press",
        "no_knee_drive",
        SIDE,
        good=lambda v: animate(press, knee=180.0),
        bad=lambda v: animate(press, knee=v - 25),  # a push press: knees dip and drive
    ),
    Case(
        "overhead_press",
        "forearms_vertical",
        SIDE,
        good=lambda v: animate(press, tilt=max(0.0, v - 20)),
        bad=lambda v: animate(press, tilt=v + 20),
    ),
    Case(
        "overhead_press",
        "neutral_spine",
        SIDE,
        good=lambda v: animate(press, lean_back=0.0),
        bad=lambda v: animate(press, lean_back=v + 20),
    ),
)

PLANK = (
    Case(
        "plank",
        "hips_aligned",
        SIDE,
        # v is the tolerance either way of a slight pike: straight passes, a sag 10° past the sag limit fails
        good=lambda v: hold(plank_side(body=180.0)),
        bad=lambda v: hold(plank_side(body=180.0 - SAG_MAX_DEG - 10)),
    ),
    Case(
        "plank",
        "chest_off_floor",
        SIDE,
        good=lambda v: hold(plank_side(chest=min(0.6, v + 0.3))),
        bad=lambda v: hold(plank_side(chest=max(0.0, v - 0.2))),
    ),
    Case(
        "plank",
        "elbows_not_inside",
        FRONT,
        good=lambda v: hold(plank_front(elbows=v + 0.35)),
        bad=lambda v: hold(plank_front(elbows=v - 0.35)),
    ),
)

CASES: tuple[Case, ...] = PUSH_UP + KNEE_PUSH_UP + PULL_UP + DIPS + CURLS + OVERHEAD_PRESS + PLANK


@pytest.mark.parametrize(("case", "form"), verdict_params(CASES))
def test_check_passes_good_form_and_fails_bad_form(case: Case, form: str) -> None:
    assert_verdict(case, form)


# (bend of the hips off the shoulder–ankle line: > 0 sagging, < 0 piked; hips_aligned fails?)
PLANK_LINE_CASES = [(0.0, False), (SAG_MAX_DEG - 5, False), (SAG_MAX_DEG + 5, True),
                    (-(PIKE_MAX_DEG - 10), False), (-(PIKE_MAX_DEG - 2), False), (-(PIKE_MAX_DEG + 5), True),
                    (-(SAG_MAX_DEG + 5), False)]  # fmt: skip


@pytest.mark.parametrize(("bend", "fails"), PLANK_LINE_CASES)
def test_a_plank_may_pike_more_than_it_sags(bend: float, fails: bool) -> None:
    """A sag past 10° fails (kaggle's sagging push-ups), a pike only past 25° (the push-up's tolerance;
    correct forearm planks read up to ~20° piked): the same 15° bend fails one way and passes the other."""
    graded = assess(SPECS["plank"], hold(plank_side(body=180.0 - bend)), SIDE)
    status = next(f.status for f in graded.findings if f.condition_id == "hips_aligned")
    assert status is (Status.FAIL if fails else Status.PASS)


@pytest.mark.parametrize("exercise", ["biceps_curl", "barbell_curl"])
def test_tension_at_bottom_rule_judges_the_rest_pose(exercise: str) -> None:
    """The rule itself tells a locked-out arm from a soft one when its span ends at the rest pose."""
    rule = check_of(exercise, "tension_at_bottom")
    v = rule.limit.value
    for rest_elbow, want in ((v - 17, Status.PASS), (180.0, Status.FAIL)):
        seq = animate(curl, rest_elbow=rest_elbow)
        rep = assess(SPECS[exercise], seq, SIDE).reps[0]
        span = Span(rep=0, start=0, bottom=rep.bottom, end=int(np.argmin(np.abs(seq.t_s - 3.0))))  # at rest
        f = rule.evaluate(exercise, Body.of(seq), SIDE, span, seq.t_s)
        assert f.status is want, (rest_elbow, f.value)
        assert f.value == pytest.approx(rest_elbow, abs=0.5)
