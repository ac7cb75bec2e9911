"""Pose estimation: frames → PoseSequence (33 BlazePose landmarks + derived Neck/Pelvis/Spine).

`PoseEstimator` is the protocol; `MediaPipePose` the production implementation (legacy
`mp.solutions.pose`, model_complexity=1, tracking mode), created once per worker process.
Tests use a fake estimator that returns known skeletons.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace
from typing import Any, Protocol

import numpy as np

from analysis.vocab.landmarks import N_JOINTS, N_MEDIAPIPE, add_derived, add_derived_visibility
from analysis.vocab.types import PoseSequence

Frame = tuple[int, float, np.ndarray]  # (source frame index, t_s, RGB uint8 [h, w, 3])

MIN_VISIBILITY = 0.5  # a landmark below this is treated as unseen by the rules
FACE_CHECKS_PER_S = 2  # faces are counted on the first sample of every half second


class PoseEstimator(Protocol):
    def estimate(self, frames: Iterable[Frame], fps: float, size: tuple[int, int]) -> PoseSequence: ...


def empty_arrays(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    xy = np.full((n, N_JOINTS, 2), np.nan, dtype=np.float32)
    z = np.full((n, N_JOINTS), np.nan, dtype=np.float32)
    vis = np.zeros((n, N_JOINTS), dtype=np.float32)
    return xy, z, vis


def assemble(
    raw: list[np.ndarray | None],
    t_s: list[float],
    index: list[int],
    fps: float,
    size: tuple[int, int],
    world: list[np.ndarray | None] | None = None,
) -> PoseSequence:
    """raw[i] is [33, 4] (x px, y px, z, visibility) or None when no person was found; world[i] (when
    given) is [33, 3] metric world landmarks or None."""
    xy, z, vis = empty_arrays(len(raw))
    for i, lm in enumerate(raw):
        if lm is None:
            continue
        pts = add_derived(lm[None, :, :2])[0]
        xy[i] = pts
        z[i] = add_derived(lm[None, :, 2:3])[0, :, 0]
        vis[i] = add_derived_visibility(lm[None, :, 3])[0]
    metric = None
    if world is not None:
        metric = np.full((len(raw), N_JOINTS, 3), np.nan, dtype=np.float32)
        for i, w in enumerate(world):
            if w is not None and raw[i] is not None:
                metric[i] = add_derived(w[None])[0]
    return PoseSequence(
        xy=xy,
        z=z,
        visibility=vis,
        t_s=np.asarray(t_s, dtype=np.float32),
        frame_index=np.asarray(index, dtype=np.int64),
        fps=fps,
        size=size,
        world=metric,
    )


class MediaPipePose:
    """MediaPipe Pose (legacy solution API). Not picklable: build one per worker process."""

    def __init__(self, model_complexity: int = 1) -> None:
        import mediapipe as mp  # heavy import, kept out of module import time

        self._mp_pose = mp.solutions.pose
        self._complexity = model_complexity
        # Counting faces twice a second tells us when several people are in view (the pose model
        # itself follows one person: the most confident detection, usually the largest).
        self._faces = mp.solutions.face_detection.FaceDetection(
            model_selection=1, min_detection_confidence=0.7
        )
        self._warm_up()

    def _tracker(self) -> Any:
        return self._mp_pose.Pose(
            static_image_mode=False,
            model_complexity=self._complexity,
            smooth_landmarks=True,
            enable_segmentation=False,
            min_detection_confidence=0.5,
            min_tracking_confidence=0.5,
        )

    def _warm_up(self) -> None:
        """Pay the models' one-time start (≈0.3 s on the first frame ever) when the worker starts, not on
        the first user's clip."""
        blank = np.zeros((64, 64, 3), np.uint8)
        with self._tracker() as pose:
            pose.process(blank)
        self._faces.process(blank)

    def estimate(self, frames: Iterable[Frame], fps: float, size: tuple[int, int]) -> PoseSequence:
        w, h = size
        raw: list[np.ndarray | None] = []
        world: list[np.ndarray | None] = []
        t_s: list[float] = []
        index: list[int] = []
        counts: list[tuple[float, int]] = []
        # A fresh tracker per clip: tracking state must not leak from one user's clip into the next.
        with self._tracker() as pose:
            checked = -1
            for idx, t, rgb in frames:
                result = pose.process(rgb)
                raw.append(_to_array(result.pose_landmarks, w, h))
                world.append(_to_world(result.pose_world_landmarks))
                t_s.append(t)
                index.append(idx)
                if math.floor(t * FACE_CHECKS_PER_S) != checked:  # by time: the same checks in any segment
                    checked = math.floor(t * FACE_CHECKS_PER_S)
                    counts.append((t, self._count_faces(rgb)))
        seq = assemble(raw, t_s, index, fps, size, world)
        return replace(seq, people_max=several_people([n for _, n in counts]), face_counts=tuple(counts))

    def _count_faces(self, rgb: np.ndarray) -> int:
        found = self._faces.process(rgb).detections or []
        # Faces much smaller than the largest are background passers-by, not a second athlete.
        sizes = [d.location_data.relative_bounding_box.height for d in found]
        return sum(s >= 0.5 * max(sizes) for s in sizes) if sizes else 0


def several_people(face_counts: list[int]) -> int:
    """Most people seen, trusting a second face only when it shows up in several checks (a face on a
    poster or a passer-by in one frame is not a second athlete)."""
    multi = [c for c in face_counts if c >= 2]
    if len(multi) >= max(2, 0.3 * len(face_counts)):
        return max(multi)
    return 1


def _to_array(landmarks: object, w: int, h: int) -> np.ndarray | None:
    if landmarks is None:
        return None
    arr = np.array(
        [(p.x * w, p.y * h, p.z * w, p.visibility) for p in landmarks.landmark],  # type: ignore[attr-defined]
        dtype=np.float32,
    )
    assert arr.shape == (N_MEDIAPIPE, 4)
    return arr


def _to_world(landmarks: object) -> np.ndarray | None:
    """MediaPipe's pose_world_landmarks as [33, 3] metres (hip-centred, y down), or None."""
    if landmarks is None:
        return None
    arr = np.array(
        [(p.x, p.y, p.z) for p in landmarks.landmark],  # type: ignore[attr-defined]
        dtype=np.float32,
    )
    assert arr.shape == (N_MEDIAPIPE, 3)
    return arr
