"""Measures: per-frame numbers computed from a pose (angles, tilts, heights), declared as data.

A measure names joints without their side ("KNEE"); `Side` says how the left and right values combine.
Values are per frame ([T] float, NaN where joints are missing or poorly visible). Measures read image
pixels; wrapped in `World(...)` the same measure reads MediaPipe's metric 3D world landmarks instead
(lengths then in 3D torso lengths, "horizontal" = the x–z plane), which a front or oblique camera does
not flatten. Without world landmarks (fakes, old caches) a World measure is all NaN.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Protocol

import numpy as np

from analysis.judge import geometry as g
from analysis.pose.estimator import MIN_VISIBILITY
from analysis.vocab.landmarks import Landmark
from analysis.vocab.normalize import torso_length
from analysis.vocab.types import PoseSequence


class Side(StrEnum):
    NEAR = "near"  # the side facing the camera (more visible); for side-view checks
    MEAN = "mean"
    MIN = "min"
    MAX = "max"
    CENTRE = "centre"  # joints without a side (NECK, PELVIS, SPINE, NOSE)


def joint_ids(name: str, side: str) -> Landmark:
    """'KNEE', 'LEFT' → Landmark.LEFT_KNEE; central names ignore the side."""
    return Landmark[name] if name in Landmark.__members__ else Landmark[f"{side}_{name}"]


@dataclass(frozen=True, eq=False)
class Body:
    """A pose prepared for measuring: visibility-masked points, the clip's torso scale, the near side."""

    xy: np.ndarray  # [T, J, 2] pixels (or [T, J, 3] metres in a world body), NaN where unseen
    torso_px: float
    near: str  # "LEFT" or "RIGHT"
    world: np.ndarray | None = None  # [T, J, 3] metric world landmarks, NaN where unseen
    world_hidden: np.ndarray | None = None  # the same with the joints the image hides (NaN: no person)

    @staticmethod
    def of(seq: PoseSequence) -> Body:
        xy = seq.xy.copy()
        unseen = seq.visibility < MIN_VISIBILITY
        xy[unseen] = np.nan
        world = hidden = None
        if seq.world is not None:
            hidden = seq.world.astype(np.float64, copy=True)
            hidden[~np.isfinite(seq.xy[..., 0])] = np.nan
            world = hidden.copy()
            world[unseen] = np.nan
        left = np.nanmean(seq.visibility[:, [Landmark.LEFT_SHOULDER, Landmark.LEFT_HIP, Landmark.LEFT_KNEE]])
        right = np.nanmean(
            seq.visibility[:, [Landmark.RIGHT_SHOULDER, Landmark.RIGHT_HIP, Landmark.RIGHT_KNEE]]
        )
        near = "LEFT" if np.nan_to_num(left) >= np.nan_to_num(right) else "RIGHT"
        return Body(xy=xy, torso_px=torso_length(seq.xy), near=near, world=world, world_hidden=hidden)

    def in_world(self, hidden: bool = False) -> Body | None:
        """The same body in metric world coordinates (torso length in metres); None without them.
        hidden: with the joints the image hides too (World.hidden)."""
        world = self.world_hidden if hidden else self.world
        if world is None or self.xy.shape[-1] == 3:
            return None
        return Body(xy=world, torso_px=torso_length(world), near=self.near)

    def p(self, name: str, side: str) -> np.ndarray:
        return self.xy[:, joint_ids(name, side)]

    def each_side(self) -> tuple[Body, Body]:
        """This body read with its left, then its right side as the near one (for one-sided measures)."""
        return replace(self, near="LEFT"), replace(self, near="RIGHT")


class Measure(Protocol):
    unit: str

    def values(self, body: Body) -> np.ndarray: ...

    def joints(self, body: Body) -> tuple[int, ...]: ...


def _combine(body: Body, side: Side, per_side: dict[str, np.ndarray]) -> np.ndarray:
    if side in (Side.NEAR, Side.CENTRE):
        return per_side[body.near]
    stack = np.stack([per_side["LEFT"], per_side["RIGHT"]])
    with np.errstate(all="ignore"), _quiet():
        if side is Side.MEAN:
            return np.nanmean(stack, axis=0)
        if side is Side.MIN:
            return np.nanmin(stack, axis=0)
        return np.nanmax(stack, axis=0)


class _quiet:
    """Silence numpy's all-NaN-slice RuntimeWarnings inside a block."""

    def __enter__(self) -> None:
        import warnings

        self._cm = warnings.catch_warnings()
        self._cm.__enter__()
        warnings.simplefilter("ignore", RuntimeWarning)

    def __exit__(self, *exc: object) -> None:
        self._cm.__exit__(*exc)


@dataclass(frozen=True)
class _Joints:
    names: tuple[str, ...]
    side: Side

    def joints(self, body: Body) -> tuple[int, ...]:
        sides = (body.near,) if self.side in (Side.NEAR, Side.CENTRE) else ("LEFT", "RIGHT")
        return tuple(sorted({int(joint_ids(n, s)) for n in self.names for s in sides}))

    def per_side(self, body: Body, fn: object) -> np.ndarray:
        out = {s: fn(*(body.p(n, s) for n in self.names)) for s in ("LEFT", "RIGHT")}  # type: ignore[operator]
        return _combine(body, self.side, out)


@dataclass(frozen=True)
class Angle(_Joints):
    """Angle at the middle joint of three, e.g. ("HIP", "KNEE", "ANKLE") → knee angle."""

    unit: str = "deg"

    def values(self, body: Body) -> np.ndarray:
        return self.per_side(body, g.angle_deg)


@dataclass(frozen=True)
class Bend(_Joints):
    """Signed bend of a three-joint chain: >0 sagging (middle below the line), <0 piked."""

    unit: str = "deg"

    def values(self, body: Body) -> np.ndarray:
        return self.per_side(body, g.line_deviation_deg)


@dataclass(frozen=True)
class Tilt(_Joints):
    """Angle of the segment (top, bottom) from vertical (0 = upright)."""

    unit: str = "deg"

    def values(self, body: Body) -> np.ndarray:
        return self.per_side(body, g.tilt_from_vertical_deg)


@dataclass(frozen=True)
class Height(_Joints):
    """How far the first joint is above the second, in torso lengths (negative when below)."""

    unit: str = "torso"

    def values(self, body: Body) -> np.ndarray:
        return self.per_side(body, lambda a, b: (b[..., 1] - a[..., 1]) / body.torso_px)


@dataclass(frozen=True)
class Gap(_Joints):
    """Distance between two joints, in torso lengths."""

    unit: str = "torso"

    def values(self, body: Body) -> np.ndarray:
        return self.per_side(body, lambda a, b: g.distance(a, b) / body.torso_px)


@dataclass(frozen=True)
class Spread:
    """Left–right horizontal distance of one joint pair divided by another's (knees over ankles…)."""

    inner: str
    outer: str
    unit: str = "ratio"

    def values(self, body: Body) -> np.ndarray:
        inner = g.horizontal(body.p(self.inner, "LEFT") - body.p(self.inner, "RIGHT"))
        outer = g.horizontal(body.p(self.outer, "LEFT") - body.p(self.outer, "RIGHT"))
        with np.errstate(all="ignore"):
            return inner / outer

    def joints(self, body: Body) -> tuple[int, ...]:
        return tuple(int(joint_ids(n, s)) for n in (self.inner, self.outer) for s in ("LEFT", "RIGHT"))


@dataclass(frozen=True)
class XPos:
    """Horizontal position of a joint, in torso lengths (aggregate with RANGE to measure swing)."""

    name: str
    unit: str = "torso"

    def values(self, body: Body) -> np.ndarray:
        return body.p(self.name, body.near)[:, 0] / body.torso_px

    def joints(self, body: Body) -> tuple[int, ...]:
        return (int(joint_ids(self.name, body.near)),)


@dataclass(frozen=True)
class XGap(_Joints):
    """Horizontal distance between two joints, in torso lengths (hands under the chest …)."""

    unit: str = "torso"

    def values(self, body: Body) -> np.ndarray:
        return self.per_side(body, lambda a, b: g.horizontal(a - b) / body.torso_px)


@dataclass(frozen=True)
class AbsBend(_Joints):
    """Unsigned bend of a three-joint chain in degrees (0 = straight), e.g. a knee caving in; unsigned on
    each side before the sides combine (a left and a right knee bend to opposite sides of their lines).
    With a `centre` the bend is counted from that signed bend (see Bend: < 0 piked) instead of from
    straight, so one limit allows more bend one way than the other."""

    unit: str = "deg"
    centre: float = 0.0

    def values(self, body: Body) -> np.ndarray:
        return self.per_side(body, lambda a, b, c: np.abs(g.line_deviation_deg(a, b, c) - self.centre))


@dataclass(frozen=True)
class YPos:
    """How high a joint is in the image, in torso lengths (up = larger). Needs a still camera."""

    name: str
    unit: str = "torso"

    def values(self, body: Body) -> np.ndarray:
        return -body.p(self.name, body.near)[:, 1] / body.torso_px

    def joints(self, body: Body) -> tuple[int, ...]:
        return (int(joint_ids(self.name, body.near)),)


@dataclass(frozen=True)
class Parts:
    """Several measures of one unit, combined frame by frame by the subclass (Worst, combos.Largest)."""

    parts: tuple[Measure, ...]
    unit: str = "deg"

    def joints(self, body: Body) -> tuple[int, ...]:
        return tuple(sorted({j for m in self.parts for j in m.joints(body)}))


@dataclass(frozen=True)
class Worst(Parts):
    """The per-frame minimum of several angle measures: the most bent joint of a line (hips and knees
    of a plank)."""

    def values(self, body: Body) -> np.ndarray:
        with _quiet():
            return np.nanmin(np.stack([m.values(body) for m in self.parts]), axis=0)


@dataclass(frozen=True)
class World:
    """`inner` measured on the metric 3D world landmarks; all NaN (not judged) when the pose has none.
    hidden: joints the image hides (a twisting trunk's far shoulder, a far knee) are read too — MediaPipe
    places them in 3D from the rest of the body, the trunk being rigid — rather than left unmeasured; for
    rep signals, whose shape matters more than a hidden joint's exact place."""

    inner: Measure
    hidden: bool = False

    @property
    def unit(self) -> str:
        return self.inner.unit

    def values(self, body: Body) -> np.ndarray:
        world = body.in_world(self.hidden)
        return np.full(len(body.xy), np.nan) if world is None else self.inner.values(world)

    def joints(self, body: Body) -> tuple[int, ...]:
        return self.inner.joints(body)


@dataclass(frozen=True)
class Share:
    """`inner` divided by the exercise's full range of it (RepSpec.full_range, same unit): aggregated
    with RANGE over a rep this is the rep's range of motion as a share of a full rep (1.0 = full)."""

    inner: Measure
    full_range: float
    unit: str = "share"

    def values(self, body: Body) -> np.ndarray:
        return self.inner.values(body) / self.full_range

    def joints(self, body: Body) -> tuple[int, ...]:
        return self.inner.joints(body)


def space_of(measure: Measure) -> str:
    """ "world" for 3D world-landmark measures, "image" for 2D pixel ones."""
    inner = measure.inner if isinstance(measure, Share) else measure
    return "world" if isinstance(inner, World) else "image"


@dataclass(frozen=True)
class Diff:
    """One measure minus another, in their shared unit (the knees straighter than the hips …)."""

    first: Measure
    second: Measure
    unit: str = "deg"

    def values(self, body: Body) -> np.ndarray:
        return self.first.values(body) - self.second.values(body)

    def joints(self, body: Body) -> tuple[int, ...]:
        return tuple(sorted(set(self.first.joints(body)) | set(self.second.joints(body))))


@dataclass(frozen=True)
class LevelGap:
    """How far the left joint of a pair is above or below the right one, in torso lengths (unsigned): the
    hips tipping as the pelvis rotates, one shoulder dropping …"""

    name: str
    unit: str = "torso"

    def values(self, body: Body) -> np.ndarray:
        left, right = body.p(self.name, "LEFT"), body.p(self.name, "RIGHT")
        return np.abs(left[:, 1] - right[:, 1]) / body.torso_px

    def joints(self, body: Body) -> tuple[int, ...]:
        return tuple(int(joint_ids(self.name, s)) for s in ("LEFT", "RIGHT"))


@dataclass(frozen=True)
class LineGap(_Joints):
    """How far the first joint is from the line through the other two, in torso lengths: the hands from
    the shoulder–hip line (a bar or dumbbell pulled along the body) …"""

    unit: str = "torso"

    def values(self, body: Body) -> np.ndarray:
        def gap(p: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
            d, v = b - a, p - a
            with np.errstate(all="ignore"):
                return np.abs(d[..., 0] * v[..., 1] - d[..., 1] * v[..., 0]) / np.linalg.norm(d, axis=-1)

        return self.per_side(body, gap) / body.torso_px


@dataclass(frozen=True)
class Leveled:
    """`inner` measured on the body turned, frame by frame, so that its shoulder–ankle line lies level
    (the chest side down): the measure is then relative to the body, not to the floor, and reads the same
    whether the hands are on the floor, a bench or a wall (an incline push-up's travel toward its hands)."""

    inner: Measure

    @property
    def unit(self) -> str:
        return self.inner.unit

    def values(self, body: Body) -> np.ndarray:
        return self.inner.values(_leveled(body))

    def joints(self, body: Body) -> tuple[int, ...]:
        return self.inner.joints(body)


def _leveled(body: Body) -> Body:
    """The body turned about the origin in the vertical plane of its shoulder–ankle line until that line
    is horizontal (Rodrigues' rotation; image points rotate in the image plane)."""
    pts = body.xy
    flat = pts.shape[-1] == 2
    p3 = np.concatenate([pts, np.zeros((*pts.shape[:-1], 1))], axis=-1) if flat else pts.astype(np.float64)
    with _quiet():
        line = np.nanmean([body.p("SHOULDER", s) - body.p("ANKLE", s) for s in ("LEFT", "RIGHT")], axis=0)
    v = np.concatenate([line, np.zeros((len(line), 1))], axis=-1) if flat else line
    h = v * np.array([1.0, 0.0, 1.0])  # its horizontal part (y is vertical, down)
    axis = np.cross(v, h)
    norm = np.linalg.norm(axis, axis=-1, keepdims=True)
    with np.errstate(all="ignore"):
        k = np.where(norm > 1e-9, axis / norm, 0.0)[:, None, :]  # level already (or unseen): no turn
        theta = np.arctan2(np.abs(v[:, 1]), np.linalg.norm(h, axis=-1))[:, None, None]
    cos, sin = np.cos(theta), np.sin(theta)
    turned = p3 * cos + np.cross(k, p3) * sin + k * np.sum(k * p3, axis=-1, keepdims=True) * (1 - cos)
    return Body(xy=turned[..., :2] if flat else turned, torso_px=body.torso_px, near=body.near)
