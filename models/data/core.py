"""The sample types every dataset loader returns, our exercise ids, and the joint-layout helper.

Loaders live in ``data.penn``, ``data.mediapipe``, ``data.aihub`` and ``data.clips``;
``models.data`` re-exports them with ``split_by_group`` and ``summary``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from analysis.vocab.catalog import CATALOG
from analysis.vocab.landmarks import N_JOINTS, N_MEDIAPIPE, add_derived, add_derived_visibility
from analysis.vocab.types import View

UNKNOWN = "unknown"  # label of background / non-exercise material
DEFAULT_DATA_ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "data"

# AI Hub exercise name (the dataset's exact string, trailing spaces kept) → our id. The authority is the
# catalog (`analysis.vocab.catalog`): the mapping is derived from its CATALOG[...].aihub_name.
AIHUB_TO_ID: dict[str, str] = {ex.aihub_name: ex.id for ex in CATALOG.values() if ex.aihub_name}

# Labels that name an exercise without saying which catalog entry: "lunge" (clips/labels.csv,
# exercise_correction) is a forward or backward lunge, direction not labelled. Training code decides
# what to do with them (drop, or accept any of LABEL_ALIASES[label]).
AMBIGUOUS_LABELS: frozenset[str] = frozenset({"lunge"})


_STRIPPED = {k.strip(): v for k, v in AIHUB_TO_ID.items()}


def aihub_id(name: str) -> str:
    """Our id of an AI Hub exercise name (exact or stripped), UNKNOWN if the catalog lacks it."""
    return AIHUB_TO_ID.get(name) or _STRIPPED.get(name.strip(), UNKNOWN)


def known_ids() -> frozenset[str]:
    """Every label a loader may return besides UNKNOWN: catalog ids and the ambiguous labels."""
    return frozenset(CATALOG) | AMBIGUOUS_LABELS


@dataclass(frozen=True, eq=False)
class PoseSample:
    """A labelled keypoint sequence in our 36-joint layout.

    xy: [T, 36, 2] float32, y down; pixels of a ``size`` frame, or the source's normalised units when
    ``size`` is None (see the loader). NaN where the source lacks a joint. visibility: [T, 36] float32
    0..1 (0 = missing). t_s: [T] float32 seconds from the first frame. group: person / video id; never
    split a group between train and test.
    """

    xy: np.ndarray
    visibility: np.ndarray
    t_s: np.ndarray
    label: str  # our exercise id or UNKNOWN
    source: str  # dataset name
    group: str
    form: str | None = None  # "correct" / "incorrect" / None
    conditions: dict[str, bool] = field(default_factory=dict)  # posture condition → met (AI Hub …)
    size: tuple[int, int] | None = None  # (w, h) of the pixel frame of xy; None: normalised units
    view: str | None = None  # analysis.vocab.types.View value when the source says
    split: str | None = None  # the source's own "train" / "test" split (Penn Action)
    meta: dict[str, str] = field(default_factory=dict)  # source-specific extras (raw label, camera …)
    # [T, 33 or 36, 3] MediaPipe world landmarks (metres, origin between the hips) when the source has them:
    # our own clips' pose cache; training turns them to show the clip from other cameras
    world: np.ndarray | None = None

    def __post_init__(self) -> None:
        t = self.t_s.shape[0]
        if self.xy.shape != (t, N_JOINTS, 2) or self.visibility.shape != (t, N_JOINTS):
            raise ValueError(f"bad shapes xy{self.xy.shape} vis{self.visibility.shape} t{self.t_s.shape}")

    def __len__(self) -> int:
        return int(self.t_s.shape[0])


@dataclass(frozen=True, eq=False)
class PoseFrame:
    """One labelled pose (no time): xy [36, 2], visibility [36]; units as in PoseSample."""

    xy: np.ndarray
    visibility: np.ndarray
    label: str
    phase: str | None  # "up" / "down" / None
    source: str
    group: str
    form: str | None = None
    size: tuple[int, int] | None = None
    meta: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.xy.shape != (N_JOINTS, 2) or self.visibility.shape != (N_JOINTS,):
            raise ValueError(f"bad shapes xy{self.xy.shape} vis{self.visibility.shape}")


def to_layout(
    points: np.ndarray, visibility: np.ndarray | None, index: Sequence[int]
) -> tuple[np.ndarray, np.ndarray]:
    """[..., K, 2] points of a source whose k-th joint is our landmark ``index[k]`` → [..., 36, 2], [..., 36].

    Joints the source lacks are NaN with visibility 0; non-finite points get visibility 0; Neck, Pelvis
    and Spine are derived (shoulder / hip midpoints) exactly as at run time.
    """
    points = np.asarray(points, dtype=np.float32)
    lead = points.shape[:-2]
    vis = np.ones(points.shape[:-1], np.float32) if visibility is None else np.asarray(visibility, np.float32)
    xy = np.full((*lead, N_MEDIAPIPE, 2), np.nan, np.float32)
    v = np.zeros((*lead, N_MEDIAPIPE), np.float32)
    xy[..., list(index), :] = points
    v[..., list(index)] = vis
    v = np.where(np.isfinite(xy).all(-1), np.clip(v, 0.0, 1.0), 0.0).astype(np.float32)
    return add_derived(xy).astype(np.float32), add_derived_visibility(v).astype(np.float32)


def evenly_spaced(n: int, fps: float) -> np.ndarray:
    return (np.arange(n, dtype=np.float32) / np.float32(fps)).astype(np.float32)


def view_of(raw: str) -> str:
    """A source's view word → analysis.vocab.types.View value (back counts as front: same visible plane)."""
    raw = raw.strip().lower()
    if raw in ("front", "back"):
        return View.FRONT.value
    if raw in ("left", "right", "side"):
        return View.SIDE.value
    return View.OBLIQUE.value if raw == "oblique" else View.UNKNOWN.value
