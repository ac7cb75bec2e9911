"""Every Check of the lower-body specs (squat, lunges, the side lunge from the side, knee-up, side crunch,
jumping jack, burpee) on a clearly good and a clearly bad synthetic clip, judged through `assess` (reps,
phases and the rule).

Each figure is built from the check's own limit (`v` below) with a wide margin, so moderate re-tuning of
a threshold keeps the tests meaningful. The figures are in tests/figures.py.
"""

from __future__ import annotations

import pytest

from analysis.vocab.types import View
from tests.fakes.figures import (
    TORSO,
    Case,
    animate,
    assert_verdict,
    burpee,
    jumping_jack,
    knee_up,
    lunge_front,
    lunge_side,
    middle_for_reach,
    side_crunch,
    squat_front,
    squat_side,
    verdict_params,
)

SIDE, FRONT = View.SIDE, View.FRONT


def _burpee(**kw: float):
    return animate(burpee, rep_s=4.0, **kw)


SQUAT = (
    Case(
        "squat",
        "head_forward",
        SIDE,
        good=lambda v: animate(squat_side, head=min(180.0, v + 35)),
        bad=lambda v: animate(squat_side, head=v - 20),  # the head hangs toward the floor
    ),
    Case(
        "squat",
        "knees_track_feet",
        FRONT,
        good=lambda v: animate(squat_front, knees=v + 0.3),
        bad=lambda v: animate(squat_front, knees=v - 0.3),  # knees cave in at the bottom
    ),
    Case(
        "squat",
        "heels_down",
        SIDE,
        good=lambda v: animate(squat_side, heel_lift=0.0),
        bad=lambda v: animate(squat_side, heel_lift=v + 0.08),  # heels come up near the bottom
    ),
    Case(
        "squat",
        "neutral_spine",
        SIDE,
        good=lambda v: animate(squat_side, lean=v - 20),
        bad=lambda v: animate(squat_side, lean=v + 20),
    ),
)

LUNGES = tuple(
    case
    for ex in ("lunge_forward", "lunge_backward", "barbell_lunge")
    for case in (
        Case(
            ex,
            "rear_knee_90",
            SIDE,
            good=lambda v: animate(lunge_side, rear_knee=v - 25),
            bad=lambda v: animate(lunge_side, rear_knee=v + 20),  # the rear knee stays too straight
        ),
        Case(
            ex,
            "knees_track_feet",
            FRONT,
            good=lambda v: animate(lunge_front, bend=0.0),
            bad=lambda v: animate(lunge_front, bend=v + 20),
        ),
        Case(
            ex,
            "torso_upright",
            SIDE,
            good=lambda v: animate(lunge_side, lean=v - 20),
            bad=lambda v: animate(lunge_side, lean=v + 20),
        ),
        Case(
            ex,
            "front_knee_90",
            SIDE,
            good=lambda v: animate(lunge_side, front_knee=v - 25),
            bad=lambda v: animate(lunge_side, front_knee=v + 20, rear_knee=v + 35),  # a shallow lunge
        ),
        Case(
            ex,
            "neutral_spine",
            SIDE,
            good=lambda v: animate(lunge_side, head=180.0),
            bad=lambda v: animate(lunge_side, head=v - 20),
        ),
    )
)

# The side lunge seen from the side: the bent leg and the straight one show as the figure's front leg and a
# straight rear leg (from the front, tests/analysis/test_checks_synth.py)
SIDE_LUNGE = (
    Case(
        "side_lunge",
        "torso_upright",
        SIDE,
        good=lambda v: animate(lunge_side, rear_knee=175.0, lean=v - 20),
        bad=lambda v: animate(lunge_side, rear_knee=175.0, lean=v + 20),
    ),
    Case(
        "side_lunge",
        "front_knee_90",
        SIDE,
        good=lambda v: animate(lunge_side, rear_knee=175.0, front_knee=v - 25),
        bad=lambda v: animate(lunge_side, rear_knee=175.0, front_knee=v + 25),  # a shallow side lunge
    ),
    Case(
        "side_lunge",
        "neutral_spine",
        SIDE,
        good=lambda v: animate(lunge_side, rear_knee=175.0, head=180.0),
        bad=lambda v: animate(lunge_side, rear_knee=175.0, head=v - 20),
    ),
)

KNEE_UP = (
    Case(
        "knee_up",
        "knee_high",
        SIDE,
        good=lambda v: animate(knee_up, height=v + 0.25),
        bad=lambda v: animate(knee_up, height=v - 0.3),
    ),
    Case(
        "knee_up",
        "neutral_spine",
        SIDE,
        good=lambda v: animate(knee_up, lean=0.0),
        bad=lambda v: animate(knee_up, lean=v + 20),
    ),
)

SIDE_CRUNCH = (
    Case(
        "side_crunch",
        "knee_from_side",
        FRONT,
        good=lambda v: animate(side_crunch, knee_out=v + 0.3),
        bad=lambda v: animate(side_crunch, knee_out=0.0),  # the knee comes straight up in front of the hip
    ),
    Case(
        "side_crunch",
        "knee_elbow_close",
        FRONT,
        good=lambda v: animate(side_crunch, knee_elbow=0.3 * v),
        bad=lambda v: animate(side_crunch, knee_elbow=v + 0.3),
    ),
    Case(
        "side_crunch",
        "hands_behind_head",
        FRONT,
        good=lambda v: animate(side_crunch, wrist_ear=0.2 * v),
        bad=lambda v: animate(side_crunch, wrist_ear=v + 0.3),
    ),
)

JUMPING_JACK = (
    Case(
        "jumping_jack",
        "arms_overhead",
        FRONT,
        good=lambda v: animate(jumping_jack, top=v + 0.5),
        bad=lambda v: animate(jumping_jack, top=v - 0.4),  # arms stop below the head
    ),
    Case(
        "jumping_jack",
        "feet_apart",
        FRONT,
        good=lambda v: animate(jumping_jack, feet=v + 0.4),
        bad=lambda v: animate(jumping_jack, feet=v - 0.4),
    ),
    Case(
        "jumping_jack",
        "full_return",
        FRONT,
        good=lambda v: animate(jumping_jack, rest=min(-1.1, v - 0.8)),  # arms back down by the sides
        bad=lambda v: animate(jumping_jack, rest=v + 0.3),  # arms only come down to shoulder height
    ),
)

BURPEE = (
    Case(
        "burpee",
        "chest_travel",
        SIDE,
        # the elbows bend until the shoulders are v − 0.2 (good) or v + 0.25 (bad) torso above the hands
        good=lambda v: _burpee(elbow=middle_for_reach((v - 0.2) * TORSO)),
        bad=lambda v: _burpee(elbow=middle_for_reach((v + 0.25) * TORSO)),
    ),
    Case(
        "burpee",
        "head_neutral",
        SIDE,
        good=lambda v: _burpee(head=180.0),
        bad=lambda v: _burpee(head=v - 20),
    ),
    Case(
        "burpee",
        "hands_under_chest",
        SIDE,
        good=lambda v: _burpee(ahead=0.0),
        bad=lambda v: _burpee(elbow=85.0, ahead=v + 0.3),  # hands planted far ahead of the shoulders
    ),
    Case(
        "burpee",
        "elbow_90",
        SIDE,
        good=lambda v: _burpee(elbow=v - 25),
        bad=lambda v: _burpee(elbow=v + 15),
    ),
    Case(
        "burpee",
        "no_sag",
        SIDE,
        good=lambda v: _burpee(body=180.0),
        bad=lambda v: _burpee(body=v - 25),
    ),
)

CASES: tuple[Case, ...] = SQUAT + LUNGES + SIDE_LUNGE + KNEE_UP + SIDE_CRUNCH + JUMPING_JACK + BURPEE


@pytest.mark.parametrize(("case", "form"), verdict_params(CASES))
def test_check_passes_good_form_and_fails_bad_form(case: Case, form: str) -> None:
    assert_verdict(case, form)
