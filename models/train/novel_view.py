"""Real clips seen by cameras that never filmed them, for training the classifier.

MediaPipe also returns world landmarks: metric 3D, origin between the hips, axes aligned with the camera
(x right, y down, z away). Turning them about the body's vertical axis and projecting them back onto the
image plane shows the same person's same movement from another side: a squat filmed from the front becomes
one filmed at 45° or from the side. The classifier's real training clips come from a handful of rooms and
camera placements; new users film from anywhere, and the held-out sources the model misses most are the
ones filmed from angles no training source used (models/MODEL_CARD.md).

The projection is orthographic (a phone a few metres away barely shows perspective on a body); the
turned skeleton is scaled to the clip's own torso length in pixels and follows the clip's own pelvis track
in the image, so jumps and squats still move the body up and down the frame as filmed.
"""

from __future__ import annotations

import numpy as np

from analysis.vocab.landmarks import N_MEDIAPIPE, Landmark, add_derived
from analysis.vocab.normalize import torso_length


def rotation(yaw_deg: float, pitch_deg: float = 0.0) -> np.ndarray:
    """[3, 3]: turn about the vertical (y, down) axis by yaw, then tilt about the camera's x axis by pitch."""
    y, p = np.deg2rad(yaw_deg), np.deg2rad(pitch_deg)
    turn = np.array([[np.cos(y), 0.0, np.sin(y)], [0.0, 1.0, 0.0], [-np.sin(y), 0.0, np.cos(y)]])
    tilt = np.array([[1.0, 0.0, 0.0], [0.0, np.cos(p), -np.sin(p)], [0.0, np.sin(p), np.cos(p)]])
    return tilt @ turn


def turned(xy: np.ndarray, world: np.ndarray, yaw_deg: float, pitch_deg: float = 0.0) -> np.ndarray | None:
    """xy [T, 36, 2] pixels and world [T, 33 or 36, 3] metres of the same frames → [T, 36, 2] pixels of the
    movement seen from a camera turned yaw_deg about the body's vertical axis and tilted pitch_deg.

    None when the world landmarks cannot be scaled to the clip (no frame with both torsos)."""
    w = np.asarray(world, np.float64)[:, :N_MEDIAPIPE]  # [T, 33, 3]
    seen = w @ rotation(yaw_deg, pitch_deg).T  # [T, 33, 3] in the new camera's axes
    flat = add_derived(seen[..., :2])  # [T, 36, 2] orthographic image plane, metres
    metres = torso_length(add_derived(w[..., :2]))  # the torso as the real camera saw it
    pixels = torso_length(np.asarray(xy, np.float64))
    if not (np.isfinite(metres) and np.isfinite(pixels)) or metres <= 0:
        return None
    pelvis = np.asarray(xy, np.float64)[:, Landmark.PELVIS]  # [T, 2] the body's track in the frame
    out = flat * (pixels / metres) + pelvis[:, None, :]  # [T, 36, 2]
    return out.astype(np.float32)
