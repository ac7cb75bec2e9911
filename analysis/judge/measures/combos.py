"""Measures built from other measures or from both sides at once (see analysis.judge.measures): a band
around a moderate value, the larger of several measures per frame, one side chosen per frame by another
measure, the lesser of the two sides where both are seen, the difference between them, the left–right
order of a joint pair, how far a joint lies outward of another, and the angle between a torso line read on
either side and each side's limb.

Like every measure they read image pixels, or metric world landmarks when wrapped in ``World(...)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.judge.measures import Body, Measure, Parts, Side, _combine, _quiet, joint_ids


@dataclass(frozen=True)
class Off:
    """How far ``inner`` is from ``target`` (same unit, unsigned): a band around a moderate value, e.g. legs
    hovering neither on the floor nor pointing at the ceiling."""

    inner: Measure
    target: float

    @property
    def unit(self) -> str:
        return self.inner.unit

    def values(self, body: Body) -> np.ndarray:
        return np.abs(self.inner.values(body) - self.target)

    def joints(self, body: Body) -> tuple[int, ...]:
        return self.inner.joints(body)


@dataclass(frozen=True)
class Largest(Parts):
    """The per-frame maximum of several measures of one unit: the straighter of the knees and the elbows
    (one of them stays straight while the other works)."""

    def values(self, body: Body) -> np.ndarray:
        with _quiet():
            return np.nanmax(np.stack([m.values(body) for m in self.parts]), axis=0)


@dataclass(frozen=True)
class _BothSides:
    """A one-sided measure (``Side.NEAR``) read on the left and on the right, combined by the subclass."""

    inner: Measure

    @property
    def unit(self) -> str:
        return self.inner.unit

    def sides(self, body: Body) -> tuple[np.ndarray, np.ndarray]:
        left, right = body.each_side()
        return self.inner.values(left), self.inner.values(right)

    def joints(self, body: Body) -> tuple[int, ...]:
        return tuple(sorted({j for b in body.each_side() for j in self.inner.joints(b)}))


@dataclass(frozen=True)
class Picked(_BothSides):
    """``inner`` on one side of the body, chosen frame by frame: the side where ``by`` is larger (the front
    leg of a curtsy lunge is the one whose knee stands highest above its ankle). Both are one-sided
    measures with ``Side.NEAR``, read here on the left and on the right."""

    by: Measure

    def values(self, body: Body) -> np.ndarray:
        inner = np.stack(self.sides(body))
        by = np.stack([self.by.values(b) for b in body.each_side()])
        pick_right = np.nan_to_num(by[1], nan=-np.inf) > np.nan_to_num(by[0], nan=-np.inf)
        return np.where(pick_right, inner[1], inner[0])


@dataclass(frozen=True)
class Lesser(_BothSides):
    """The smaller of a one-sided measure's left and right readings (``Side.NEAR``), only where both are
    seen: the bent knee of a side lunge (with the far leg hidden, the near straight one would be taken
    for it)."""

    def values(self, body: Body) -> np.ndarray:
        return np.minimum(*self.sides(body))  # NaN where either side is


@dataclass(frozen=True)
class Uneven(_BothSides):
    """How far apart the left and the right readings of a one-sided measure (``Side.NEAR``) are, unsigned:
    one arm raised lower than the other."""

    def values(self, body: Body) -> np.ndarray:
        left, right = self.sides(body)
        return np.abs(left - right)


@dataclass(frozen=True)
class Order:
    """The left–right vector of the ``inner`` pair (left minus right) projected on the ``outer`` pair's, as
    a share of the outer pair's width: 1 = as wide as it and in its order, 0 = level, below 0 = crossed
    over (the left knee passed to the right of the right knee). Read along the outer pair, so a pair seen
    edge-on (the hips from the side) gives no reading worth the name: use it where the pair shows."""

    inner: str
    outer: str
    unit: str = "ratio"

    def values(self, body: Body) -> np.ndarray:
        inner = body.p(self.inner, "LEFT") - body.p(self.inner, "RIGHT")
        outer = body.p(self.outer, "LEFT") - body.p(self.outer, "RIGHT")
        with np.errstate(all="ignore"):
            return np.sum(inner * outer, axis=-1) / np.sum(outer * outer, axis=-1)

    def joints(self, body: Body) -> tuple[int, ...]:
        return tuple(int(joint_ids(n, s)) for n in (self.inner, self.outer) for s in ("LEFT", "RIGHT"))


@dataclass(frozen=True)
class Outward:
    """How far the first joint of a side lies outward of the second, along the hips' left–right line, in
    torso lengths (one side, ``Side.NEAR``; below 0: inward, a bent knee caving in past its foot)."""

    first: str
    second: str
    unit: str = "torso"

    def values(self, body: Body) -> np.ndarray:
        other = "RIGHT" if body.near == "LEFT" else "LEFT"
        out = body.p("HIP", body.near) - body.p("HIP", other)
        gap = body.p(self.first, body.near) - body.p(self.second, body.near)
        with np.errstate(all="ignore"):
            return np.sum(gap * out, axis=-1) / np.linalg.norm(out, axis=-1) / body.torso_px

    def joints(self, body: Body) -> tuple[int, ...]:
        return tuple(int(joint_ids(n, body.near)) for n in (self.first, self.second))


@dataclass(frozen=True)
class SegmentAngle:
    """The angle between two segments from a shared joint, in degrees: the torso line (``first``, e.g.
    hip → shoulder) averaged over the sides seen, and each side's ``second`` (hip → knee) combined by
    ``side``. Both sides' torso lines run parallel, so where the far shoulder hides behind the chest the
    near one's line serves for the far thigh too."""

    first: tuple[str, str]
    second: tuple[str, str]
    side: Side
    unit: str = "deg"

    def values(self, body: Body) -> np.ndarray:
        a, b = self.first
        with _quiet():
            line = np.nanmean([body.p(b, s) - body.p(a, s) for s in ("LEFT", "RIGHT")], axis=0)
        per_side = {}
        for s in ("LEFT", "RIGHT"):
            c, d = self.second
            other = body.p(d, s) - body.p(c, s)
            with np.errstate(all="ignore"):
                cos = np.sum(line * other, axis=-1) / (
                    np.linalg.norm(line, axis=-1) * np.linalg.norm(other, axis=-1)
                )
            per_side[s] = np.degrees(np.arccos(np.clip(cos, -1.0, 1.0)))
        return _combine(body, self.side, per_side)

    def joints(self, body: Body) -> tuple[int, ...]:
        names = {*self.first, *self.second}
        return tuple(sorted({int(joint_ids(n, s)) for n in names for s in ("LEFT", "RIGHT")}))


@dataclass(frozen=True)
class Twist:
    """How far the shoulders' line is turned against the hips' line about the spine, in degrees and unsigned
    (a turn to either side counts alike): the trunk's rotation, both lines projected on the plane across the
    spine (pelvis → neck); 0 = square to the hips. Meant for ``World(...)``: in the image a turn toward or
    away from the camera barely shows."""

    unit: str = "deg"

    def values(self, body: Body) -> np.ndarray:
        pts = body.xy
        if pts.shape[-1] == 2:  # image points: flat, no depth (the measure is meant for World)
            pts = np.concatenate([pts, np.zeros_like(pts[..., :1])], axis=-1)
        up = pts[:, joint_ids("NECK", "")] - pts[:, joint_ids("PELVIS", "")]
        hips, shoulders = (
            pts[:, joint_ids(n, "LEFT")] - pts[:, joint_ids(n, "RIGHT")] for n in ("HIP", "SHOULDER")
        )
        with np.errstate(all="ignore"):
            up = up / np.linalg.norm(up, axis=-1, keepdims=True)
            hips, shoulders = (v - np.sum(v * up, axis=-1, keepdims=True) * up for v in (hips, shoulders))
            sine = np.sum(np.cross(hips, shoulders) * up, axis=-1)
            return np.abs(np.degrees(np.arctan2(sine, np.sum(hips * shoulders, axis=-1))))

    def joints(self, body: Body) -> tuple[int, ...]:
        return tuple(sorted({int(joint_ids(n, s)) for n in ("SHOULDER", "HIP") for s in ("LEFT", "RIGHT")}))
