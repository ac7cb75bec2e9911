"""Training-time window sampling (models.train.augment), the model's joint subset, and mirror averaging."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import torch

from analysis.vocab.landmarks import N_JOINTS
from analysis.vocab.landmarks import Landmark as L
from models import features
from models.data.core import PoseSample
from models.features import CORE_JOINTS, FeatureConfig
from models.synth import generate as synth
from models.train.augment import AugmentConfig, WindowSampler
from models.tsm import PoseTSM, PoseTSMConfig, load, save

torch.set_num_threads(1)
FEAT = FeatureConfig(joints=CORE_JOINTS)
# Every random change switched off: the sampler must then cut exactly what inference cuts.
PLAIN = AugmentConfig(
    tempo_min=1.0, tempo_max=1.0, roll_sd_deg=0.0, squash_x=0.0, scale=0.0, jitter_torso=0.0,
    occlude_p=0.0, crop_p=0.0, mirror_p=0.0, joint_offset_torso=0.0, vis_flag_p=0.0, vis_noise=0.0,
    limb_scale=0.0, short_p=0.0,
)  # fmt: skip


def _sample(label: str = "squat", seed: int = 0, seconds: float = 0.0) -> PoseSample:
    clip = synth.generate(label, np.random.default_rng(seed), noise=0, mirror=False, partial=False)
    if seconds:  # keep only the first `seconds`
        keep = clip.t_s < seconds
        clip = replace(clip, xy=clip.xy[keep], visibility=clip.visibility[keep], t_s=clip.t_s[keep])
    return PoseSample(xy=clip.xy, visibility=clip.visibility, t_s=clip.t_s.astype(np.float32),
                      label=label, source="synth", group=f"g{seed}")  # fmt: skip


def test_plain_sampling_of_a_short_clip_is_exactly_the_inference_window() -> None:
    s = _sample(seconds=2.0)  # 20 steps at 10 Hz: shorter than a window, so the start is 0
    got = WindowSampler([s], FEAT, PLAIN).sample(np.zeros(3, np.int64), np.random.default_rng(3))
    reference = features.clip_windows(s.xy, s.visibility, s.t_s, FEAT)  # [1, C, W, J] edge-repeated
    assert got.shape == (3, features.N_CHANNELS, FEAT.window, N_JOINTS) and reference.shape[0] == 1
    assert np.allclose(got, reference[0][None], atol=1e-5)


def test_sampled_windows_are_fresh_and_seeded() -> None:
    sampler = WindowSampler([_sample(), _sample("push_up", 1)], FEAT, AugmentConfig())
    idx = np.array([0, 0, 1, 1])
    a = sampler.sample(idx, np.random.default_rng(0))
    b = sampler.sample(idx, np.random.default_rng(0))
    c = sampler.sample(idx, np.random.default_rng(1))
    assert np.array_equal(a, b) and not np.allclose(a, c)
    assert not np.allclose(a[0], a[1])  # the same clip gives a new window each time
    assert np.isfinite(a).all()
    unused = np.setdiff1d(np.arange(N_JOINTS), CORE_JOINTS)
    assert (a[..., unused] == 0).all()  # joints the model does not read stay zero


def test_fast_tempo_covers_more_of_the_clip() -> None:
    s = _sample(seconds=8.0)
    slow = WindowSampler([s], FEAT, replace(PLAIN, tempo_min=1.0, tempo_max=1.0))
    fast = WindowSampler([s], FEAT, replace(PLAIN, tempo_min=2.0, tempo_max=2.0))
    rng = np.random.default_rng(0)

    # total path of the left wrist: twice the speed → about twice the movement per step
    def travel(w: np.ndarray) -> float:
        return float(np.abs(w[:, features.DY, :, L.LEFT_WRIST]).sum())

    idx = np.zeros(64, np.int64)
    assert travel(fast.sample(idx, rng)) > 1.5 * travel(slow.sample(idx, rng))


def test_crop_lowers_the_visibility_of_the_legs_only() -> None:
    s = _sample()
    cropped = WindowSampler([s], FEAT, replace(PLAIN, crop_p=1.0, crop_below_torso=(0.5, 0.5)))
    plain = WindowSampler([s], FEAT, PLAIN)
    a = cropped.sample(np.zeros(16, np.int64), np.random.default_rng(0))
    b = plain.sample(np.zeros(16, np.int64), np.random.default_rng(0))
    vis = features.VIS
    assert a[:, vis, :, L.LEFT_ANKLE].mean() < 0.5 * b[:, vis, :, L.LEFT_ANKLE].mean()
    assert np.allclose(a[:, vis, :, L.LEFT_SHOULDER], b[:, vis, :, L.LEFT_SHOULDER])


def test_model_reads_only_its_joint_subset_and_round_trips(tmp_path: Path) -> None:
    torch.manual_seed(0)
    cfg = PoseTSMConfig(n_classes=4, width=16, depth=2, joints=CORE_JOINTS)
    model = PoseTSM(cfg).eval()
    x = torch.randn(2, features.N_CHANNELS, 32, N_JOINTS)
    y = x.clone()
    y[..., L.LEFT_PINKY] += 5.0  # not in the subset
    z = x.clone()
    z[..., L.LEFT_WRIST] += 5.0  # in the subset
    with torch.no_grad():
        assert torch.equal(model(x), model(y)) and not torch.allclose(model(x), model(z))
    save(model, tmp_path / "m.pt", ("a", "b", "c", "unknown"))
    loaded, _, _ = load(tmp_path / "m.pt")
    assert loaded.cfg == cfg
    with torch.no_grad():
        assert torch.equal(loaded(x), model(x))


def test_other_proportions_change_limbs_not_the_torso() -> None:
    s = _sample()
    varied = WindowSampler([s], FEAT, replace(PLAIN, limb_scale=0.3))
    plain = WindowSampler([s], FEAT, PLAIN)
    a = varied.sample(np.zeros(16, np.int64), np.random.default_rng(0))
    b = plain.sample(np.zeros(16, np.int64), np.random.default_rng(0))
    xy = slice(features.X, features.Y + 1)

    def length(w: np.ndarray, j: int, k: int) -> np.ndarray:
        return np.linalg.norm(w[:, xy, :, j] - w[:, xy, :, k], axis=1).mean(axis=1)  # [B]

    assert np.allclose(a[:, xy, :, L.LEFT_HIP], b[:, xy, :, L.LEFT_HIP], atol=1e-5)  # the torso stays
    assert np.allclose(a[:, xy, :, L.NECK], b[:, xy, :, L.NECK], atol=1e-5)
    ratio = length(a, L.LEFT_HIP, L.LEFT_KNEE) / length(b, L.LEFT_HIP, L.LEFT_KNEE)  # thighs vary
    assert ratio.min() < 0.95 and ratio.max() > 1.05 and (np.abs(ratio - 1) <= 0.3 + 1e-4).all()
    forearm = length(a, L.LEFT_ELBOW, L.LEFT_WRIST) / length(b, L.LEFT_ELBOW, L.LEFT_WRIST)
    upper = length(a, L.LEFT_SHOULDER, L.LEFT_ELBOW) / length(b, L.LEFT_SHOULDER, L.LEFT_ELBOW)
    assert np.allclose(forearm, upper, rtol=0.05)  # one factor per arm: the segments stay in proportion


def test_short_clip_windows_end_in_the_repeated_last_step() -> None:
    s = _sample()
    short = WindowSampler([s], FEAT, replace(PLAIN, short_p=1.0, short_min_steps=10))
    got = short.sample(np.zeros(20, np.int64), np.random.default_rng(0))  # [B, C, W, J]
    xy = got[:, features.X : features.Y + 1]  # [B, 2, W, J]
    still = np.all(np.abs(np.diff(xy, axis=2)) < 1e-6, axis=(1, 3))  # [B, W-1]: step t+1 equals step t
    moving = [int(np.argmax(row)) if row.any() else FEAT.window for row in still]  # first repeated step
    assert all(10 <= m + 1 < FEAT.window for m in moving)  # 10 … window-1 steps of movement
    assert all(row[m:].all() for row, m in zip(still, moving, strict=True))  # then only the last one
    assert len(set(moving)) > 3  # lengths vary


def test_variable_length_batches_share_one_shorter_length() -> None:
    s = _sample()
    varied = WindowSampler([s], FEAT, replace(PLAIN, var_len_p=1.0, var_len_min_steps=8))
    rng = np.random.default_rng(0)
    lengths = {varied.sample(np.zeros(4, np.int64), rng).shape[2] for _ in range(20)}
    assert lengths <= set(range(8, FEAT.window)) and len(lengths) > 3
    fixed = WindowSampler([s], FEAT, PLAIN)
    assert fixed.sample(np.zeros(4, np.int64), rng).shape[2] == FEAT.window
