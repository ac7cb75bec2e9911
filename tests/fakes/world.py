"""Side-view figures (tests/fakes/figures.py) lifted into 3D and filmed from another camera.

A figure drawn side-on (x along the body, y down, pixels) becomes metric world landmarks as MediaPipe
gives them (hip-centred, y down, camera-aligned): the body's long axis runs along x for a side camera,
along z (depth) for a front camera and between them for an oblique one; left and right joints get a
lateral offset. The 2D landmarks are
the world points projected orthographically, so a front camera sees the body line foreshortened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from analysis.vocab.landmarks import N_MEDIAPIPE, Landmark, add_derived
from analysis.vocab.types import PoseSequence
from tests.fakes.figures import animate, hold
from tests.fakes.skeleton import TORSO, sequence

TORSO_M = 0.5  # metres of a fake torso
PX_PER_M = 400.0  # scale of the projected image
CAMERA_YAW_DEG = {"side": 0.0, "oblique": 30.0, "front": 90.0}  # camera turned from the side toward the head
HALF_WIDTH_M = {"SHOULDER": 0.2, "ELBOW": 0.22, "WRIST": 0.22, "PINKY": 0.22, "INDEX": 0.22, "THUMB": 0.22}


def _lateral(name: str) -> float:
    side, _, joint = name.partition("_")
    if side not in ("LEFT", "RIGHT"):
        return 0.0
    half = HALF_WIDTH_M.get(joint, 0.07 if joint.startswith(("EYE", "EAR", "MOUTH")) else 0.12)
    return -half if side == "LEFT" else half


def _world(frame: np.ndarray, camera: str) -> np.ndarray:
    """[33, 2] side-view pixels → [33, 3] world metres (hip-centred) for a camera of CAMERA_YAW_DEG."""
    s = TORSO_M / TORSO
    out = np.zeros((N_MEDIAPIPE, 3))
    for lm in list(Landmark)[:N_MEDIAPIPE]:
        along, down = frame[lm] * s  # the far side, drawn a few pixels along the body: close enough
        lateral = _lateral(lm.name)
        yaw = np.radians(CAMERA_YAW_DEG[camera])
        out[lm] = (
            along * np.cos(yaw) + lateral * np.sin(yaw),
            down,
            lateral * np.cos(yaw) - along * np.sin(yaw),
        )
    hip = (out[Landmark.LEFT_HIP] + out[Landmark.RIGHT_HIP]) / 2
    return out - hip


def filmed(
    build: Callable[..., np.ndarray],
    camera: str,
    world_from: Callable[..., np.ndarray] | None = None,
    held: bool = False,
    **kw: float,
) -> PoseSequence:
    """`animate(build, **kw)` (`hold(build(**kw))` when `held`) as a PoseSequence with world landmarks,
    seen by a 'side', 'oblique' or 'front' camera (the side camera keeps the figure's own 2D points).

    world_from: draw the world landmarks from another figure (2D and 3D then disagree on purpose)."""

    def clip(figure: Callable[..., np.ndarray]) -> PoseSequence:
        return hold(figure(**kw)) if held else animate(figure, **kw)

    frames_2d = clip(build)
    n = len(frames_2d)
    lifted = clip(world_from or build)
    side_frames = [lifted.xy[i, :N_MEDIAPIPE] for i in range(n)]
    world = np.stack([add_derived(_world(f, camera)[None])[0] for f in side_frames]).astype(np.float32)
    if camera == "side":
        return replace(frames_2d, world=world)
    image = [w[:N_MEDIAPIPE, :2] * PX_PER_M + [320.0, 240.0] for w in world]
    return replace(sequence(image, fps=frames_2d.fps), world=world)
