"""Real clips seen by turned cameras (models.train.novel_view) and their use in training windows."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from analysis.vocab.landmarks import Landmark as L
from analysis.vocab.landmarks import add_derived
from models.data.core import PoseSample
from models.features import CORE_JOINTS, FeatureConfig
from models.synth import generate as synth
from models.train.augment import AugmentConfig, WindowSampler
from models.train.novel_view import turned

PX_PER_M = 300.0
FEAT = FeatureConfig(joints=CORE_JOINTS)


def _filmed(seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A generated squat as MediaPipe would report it: world [T, 33, 3] (metres, y down, origin between the
    hips) and xy [T, 36, 2], its orthographic picture in pixels, the body drifting across the frame."""
    clip = synth.generate("squat", np.random.default_rng(seed), noise=0, mirror=False, partial=False)
    xyz = clip.xyz[:, :33].astype(np.float64) * np.array([1.0, -1.0, 1.0])  # y up → y down
    world = xyz - add_derived(xyz)[:, L.PELVIS][:, None]  # origin between the hips
    drift = np.stack([np.linspace(300, 340, len(xyz)), np.full(len(xyz), 260.0)], -1)  # [T, 2] pixels
    xy = add_derived(world[..., :2] * PX_PER_M + drift[:, None])  # [T, 36, 2]
    return xy.astype(np.float32), world.astype(np.float32), clip.t_s.astype(np.float32)


def test_no_turn_gives_back_the_filmed_picture() -> None:
    xy, world, _ = _filmed()
    out = turned(xy, world, 0.0)
    assert out is not None and np.allclose(out, xy, atol=1e-2)


def test_a_quarter_turn_shows_depth_across_the_frame_and_keeps_heights() -> None:
    xy, world, _ = _filmed()
    out = turned(xy, world, 90.0)
    assert out is not None
    pelvis_x = xy[:, L.PELVIS, 0][:, None]  # the body keeps its track in the frame
    assert np.allclose(out[:, :33, 0] - pelvis_x, world[..., 2] * PX_PER_M, atol=1e-2)
    assert np.allclose(out[:, :33, 1], xy[:, :33, 1], atol=1e-2)  # no tilt: heights unchanged
    width = np.abs(out[:, L.LEFT_SHOULDER, 0] - out[:, L.RIGHT_SHOULDER, 0])
    filmed_width = np.abs(xy[:, L.LEFT_SHOULDER, 0] - xy[:, L.RIGHT_SHOULDER, 0])
    depth = np.abs(world[:, L.LEFT_SHOULDER, 2] - world[:, L.RIGHT_SHOULDER, 2]) * PX_PER_M
    assert np.allclose(width, depth, atol=1e-2) and not np.allclose(width, filmed_width, atol=5.0)


def test_world_landmarks_without_a_torso_give_no_view() -> None:
    xy, world, _ = _filmed()
    assert turned(xy, np.full_like(world, np.nan), 45.0) is None


def _sample(world: np.ndarray | None) -> PoseSample:
    xy, w, t_s = _filmed()
    vis = np.ones(xy.shape[:2], np.float32)
    return PoseSample(xy=xy, visibility=vis, t_s=t_s, label="squat", source="clips", group="g", world=world)


def test_the_sampler_draws_turned_views_of_clips_with_world_landmarks_only() -> None:
    _, world, _ = _filmed()
    idx = np.zeros(16, np.int64)
    filmed = WindowSampler([_sample(world)], FEAT, AugmentConfig(novel_view_p=0.0))
    turns = WindowSampler([_sample(world)], FEAT, AugmentConfig(novel_view_p=1.0))
    no_world = WindowSampler([_sample(None)], FEAT, AugmentConfig(novel_view_p=1.0))
    assert len(turns.turned[0]) == len(AugmentConfig().novel_yaws_deg) and not no_world.turned
    a, b, c = (s.sample(idx, np.random.default_rng(1)) for s in (filmed, turns, no_world))
    assert np.array_equal(a, c)  # a clip without world landmarks is sampled exactly as before
    assert not np.allclose(a, b)  # the turned cameras show another picture of the same movement
    width = [np.abs(w[:, 0, :, L.LEFT_SHOULDER] - w[:, 0, :, L.RIGHT_SHOULDER]).mean() for w in (a, b)]
    assert width[1] < width[0]  # a squat filmed from the front: turned cameras see narrower shoulders


def test_turned_views_follow_the_configured_turns() -> None:
    _, world, _ = _filmed()
    one = replace(AugmentConfig(), novel_yaws_deg=(30.0,))
    assert len(WindowSampler([_sample(world)], FEAT, one).turned[0]) == 1
