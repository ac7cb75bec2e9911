"""The measures that combine sides or other measures (analysis.judge.measures.combos), the unsigned bend
read per side, and the drive/recovery phases of a rep — on hand-placed joints (pixels, y down; the trunk's
twist in metres, as MediaPipe's world landmarks: x right, y down, z away from the camera)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from analysis.judge.measures import AbsBend, Angle, Body, Height, Side
from analysis.judge.measures.combos import (
    Largest,
    Lesser,
    Off,
    Order,
    Outward,
    Picked,
    SegmentAngle,
    Twist,
    Uneven,
)
from analysis.judge.rules import Agg, Check, MaxDeg, Phase, Span
from analysis.vocab.landmarks import Landmark as L
from analysis.vocab.types import Status, View

TORSO = 100.0


def body(joints: dict[str, tuple[float, float]], near: str = "LEFT", frames: int = 1) -> Body:
    """A body of `frames` identical frames with the named joints placed (e.g. "LEFT_KNEE"), others NaN."""
    xy = np.full((frames, len(L), 2), np.nan)
    for name, p in joints.items():
        xy[:, L[name]] = p
    return Body(xy=xy, torso_px=TORSO, near=near)


def legs(left_knee: float, right_knee: float, left_ankle: float = 280.0, right_ankle: float = 360.0) -> Body:
    """Seen from the front: hips at x 300 (left) and 340 (right), knees and ankles at the given x."""
    return body(
        {
            "LEFT_HIP": (300.0, 200.0),
            "RIGHT_HIP": (340.0, 200.0),
            "LEFT_KNEE": (left_knee, 280.0),
            "RIGHT_KNEE": (right_knee, 280.0),
            "LEFT_ANKLE": (left_ankle, 360.0),
            "RIGHT_ANKLE": (right_ankle, 360.0),
        }
    )


KNEE = ("HIP", "KNEE", "ANKLE")


def test_off_is_the_distance_from_a_target_either_way() -> None:
    b = legs(290.0, 350.0)  # both knees on their hip–ankle lines: 0° of bend
    assert Off(AbsBend(KNEE, Side.MAX), 10.0).values(b) == pytest.approx([10.0])
    assert Off(Height(("HIP", "KNEE"), Side.MEAN), 1.0).values(b) == pytest.approx([0.2])


def test_abs_bend_is_unsigned_on_each_side_before_the_sides_combine() -> None:
    """A knee pushed out past its hip–ankle line (a side lunge's bent leg) and one slightly in bend their
    chains to opposite sides: the larger bend counts, whichever way it points."""
    b = legs(left_knee=270.0, right_knee=348.0)
    left, right = (AbsBend(KNEE, Side.NEAR).values(Body(b.xy, TORSO, s))[0] for s in ("LEFT", "RIGHT"))
    assert left > right > 0
    assert AbsBend(KNEE, Side.MAX).values(b)[0] == pytest.approx(left)


def test_largest_is_the_per_frame_maximum() -> None:
    b = legs(310.0, 352.0)
    left, right = (AbsBend(KNEE, Side.NEAR).values(Body(b.xy, TORSO, s)) for s in ("LEFT", "RIGHT"))
    both = Largest((AbsBend(KNEE, Side.MIN), Angle(KNEE, Side.MIN)))
    assert both.values(b) == pytest.approx(Angle(KNEE, Side.MIN).values(b))
    assert Largest((AbsBend(KNEE, Side.MIN), AbsBend(KNEE, Side.MAX))).values(b) == pytest.approx(
        np.maximum(left, right)
    )


def test_picked_reads_the_side_chosen_by_another_measure() -> None:
    b = legs(310.0, 352.0)
    bend = AbsBend(KNEE, Side.NEAR)
    left, right = (bend.values(Body(b.xy, TORSO, s))[0] for s in ("LEFT", "RIGHT"))
    higher_knee = Height(("KNEE", "ANKLE"), Side.NEAR)
    assert Picked(bend, higher_knee).values(b)[0] in (left, right)
    b.xy[:, L.RIGHT_KNEE, 1] = 260.0  # the right knee now stands highest above its ankle
    right = bend.values(Body(b.xy, TORSO, "RIGHT"))[0]
    assert Picked(bend, higher_knee).values(b)[0] == pytest.approx(right)
    b.xy[:, L.RIGHT_ANKLE] = np.nan  # its ankle unseen: the side that can be read is chosen
    assert Picked(bend, higher_knee).values(b)[0] == pytest.approx(left)


def test_lesser_needs_both_sides_and_uneven_is_their_gap() -> None:
    b = legs(310.0, 352.0)
    bend = AbsBend(KNEE, Side.NEAR)
    left, right = (bend.values(Body(b.xy, TORSO, s))[0] for s in ("LEFT", "RIGHT"))
    assert Lesser(bend).values(b)[0] == pytest.approx(min(left, right))
    assert Uneven(bend).values(b)[0] == pytest.approx(abs(left - right))
    b.xy[:, L.RIGHT_KNEE] = np.nan
    assert np.isnan(Lesser(bend).values(b)[0])  # the near side alone is no proof it is the lesser
    assert np.isnan(Uneven(bend).values(b)[0])


def test_order_reverses_when_the_pair_crosses() -> None:
    assert Order("KNEE", "HIP").values(legs(300.0, 340.0))[0] == pytest.approx(1.0)  # as wide, same order
    assert Order("KNEE", "HIP").values(legs(320.0, 320.0))[0] == pytest.approx(0.0)  # level
    assert Order("KNEE", "HIP").values(legs(330.0, 310.0))[0] == pytest.approx(-0.5)  # crossed over


@pytest.mark.parametrize("near", ["LEFT", "RIGHT"])
def test_outward_is_signed_away_from_the_other_hip(near: str) -> None:
    """Image x grows to the right; the left hip at x 300 is left of the right one: its outward is −x."""
    out = legs(left_knee=270.0, right_knee=370.0, left_ankle=290.0, right_ankle=350.0)  # knees outside
    inward = legs(left_knee=300.0, right_knee=340.0, left_ankle=280.0, right_ankle=360.0)  # knees inside
    assert Outward("KNEE", "ANKLE").values(Body(out.xy, TORSO, near))[0] == pytest.approx(0.2)
    assert Outward("KNEE", "ANKLE").values(Body(inward.xy, TORSO, near))[0] == pytest.approx(-0.2)


def test_segment_angle_reads_the_far_thigh_against_the_near_torso_line() -> None:
    """From the side the far shoulder hides behind the chest: the far thigh is still measured, against the
    near side's torso line (both run parallel)."""
    b = body(
        {
            "LEFT_SHOULDER": (200.0, 300.0),
            "LEFT_HIP": (300.0, 300.0),  # lying: the torso runs along x
            "RIGHT_HIP": (302.0, 300.0),
            "LEFT_KNEE": (300.0, 200.0),  # the near thigh straight up: 90° to the torso
            "RIGHT_KNEE": (302.0 - 50.0, 300.0 - 50 * np.sqrt(3)),  # the far one drawn in: 60°
        }
    )
    assert np.isnan(Angle(("SHOULDER", "HIP", "KNEE"), Side.NEAR).values(Body(b.xy, TORSO, "RIGHT"))[0])
    fold = SegmentAngle(("HIP", "SHOULDER"), ("HIP", "KNEE"), Side.MIN)
    assert fold.values(b)[0] == pytest.approx(60.0)
    assert SegmentAngle(("HIP", "SHOULDER"), ("HIP", "KNEE"), Side.MAX).values(b)[0] == pytest.approx(90.0)


def trunk(turn_deg: float, lean_deg: float = 0.0) -> Body:
    """A person facing the camera (their left at +x), the shoulders turned `turn_deg` to the person's left
    (the left shoulder back, +z) about a spine leaning `lean_deg` back (away from the camera)."""
    t, lean = np.radians(turn_deg), np.radians(lean_deg)
    up = np.array([0.0, -np.cos(lean), np.sin(lean)])  # pelvis → neck
    back = np.array([0.0, np.sin(lean), np.cos(lean)])  # across the spine, away from the camera
    across = np.cos(t) * np.array([1.0, 0.0, 0.0]) + np.sin(t) * back  # the shoulders' left − right
    xyz = np.full((1, len(L), 3), np.nan)
    neck = 0.5 * up
    for name, p in {
        "LEFT_HIP": (0.1, 0.0, 0.0),
        "RIGHT_HIP": (-0.1, 0.0, 0.0),
        "LEFT_SHOULDER": neck + 0.2 * across,
        "RIGHT_SHOULDER": neck - 0.2 * across,
        "NECK": neck,
        "PELVIS": (0.0, 0.0, 0.0),
    }.items():
        xyz[0, L[name]] = p
    return Body(xyz, 0.5, "LEFT")


@pytest.mark.parametrize("lean", [0.0, 45.0])
@pytest.mark.parametrize("turn", [0.0, 20.0, -35.0])
def test_twist_is_the_shoulders_turn_against_the_hips_about_the_spine(turn: float, lean: float) -> None:
    """Either way alike (a russian twist's sides), however far the trunk leans back."""
    assert Twist().values(trunk(turn, lean))[0] == pytest.approx(abs(turn))


@dataclass(frozen=True)
class Given:
    """A measure that returns fixed values (for phase tests)."""

    vals: tuple[float, ...]
    unit: str = "deg"

    def values(self, body: Body) -> np.ndarray:
        return np.array(self.vals)

    def joints(self, body: Body) -> tuple[int, ...]:
        return ()


@pytest.mark.parametrize(("phase", "status"), [(Phase.GOING, Status.FAIL), (Phase.RETURN, Status.PASS)])
def test_going_and_return_phases_split_the_rep_at_its_extreme(phase: Phase, status: Status) -> None:
    vals = (0.0, 50.0, 0.0, 0.0, 0.0, 0.0, 0.0)  # a spike on the way to the extreme (sample 3)
    check = Check("c", Given(vals), phase, Agg.MAX, MaxDeg(10))
    b = body({}, frames=len(vals))
    f = check.evaluate("x", b, View.SIDE, Span(0, 0, 3, 6), np.arange(len(vals)) / 15.0)
    assert f.status is status
