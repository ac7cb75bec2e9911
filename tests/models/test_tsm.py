"""PoseTSM (temporal shift, shapes, fitting, checkpoints), the feature windows, and generator → features →
model end to end."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from analysis.vocab.landmarks import MIRROR_INDEX, N_JOINTS
from analysis.vocab.landmarks import Landmark as L
from models import features
from models.synth import generate as synth
from models.tsm import PoseTSM, PoseTSMConfig, load, n_params, predict_clip, save, temporal_shift

torch.set_num_threads(1)


# --- temporal shift ---------------------------------------------------------------------------------------


def test_temporal_shift_moves_exactly_one_fold_each_way() -> None:
    n, c, t, v = 2, 16, 5, 3
    x = torch.arange(n * c * t * v, dtype=torch.float32).reshape(n, c, t, v)
    out = temporal_shift(x, shift_div=8)  # fold = 2 channels
    assert out.shape == x.shape
    # channels 0–1: forward in time (out[t] = x[t-1]), zero at the first step
    assert torch.equal(out[:, :2, 1:], x[:, :2, :-1])
    assert torch.equal(out[:, :2, 0], torch.zeros(n, 2, v))
    # channels 2–3: back in time (out[t] = x[t+1]), zero at the last step
    assert torch.equal(out[:, 2:4, :-1], x[:, 2:4, 1:])
    assert torch.equal(out[:, 2:4, -1], torch.zeros(n, 2, v))
    # the rest untouched, and the input not modified
    assert torch.equal(out[:, 4:], x[:, 4:])
    assert torch.equal(x, torch.arange(n * c * t * v, dtype=torch.float32).reshape(n, c, t, v))


def test_temporal_shift_with_fewer_channels_than_shift_div_is_identity() -> None:
    x = torch.randn(1, 4, 6, 2)
    assert torch.equal(temporal_shift(x, 8), x)


def test_temporal_shift_passes_gradients() -> None:
    x = torch.randn(1, 8, 4, 2, requires_grad=True)
    temporal_shift(x, 4).sum().backward()
    assert x.grad is not None
    # exactly one time step of each shifted fold is dropped (its gradient is 0)
    assert x.grad[0, 0, -1].abs().sum() == 0 and x.grad[0, 2, 0].abs().sum() == 0
    assert (x.grad[0, 4:] == 1).all()


# --- model ------------------------------------------------------------------------------------------------


def test_output_shapes_for_any_window_length() -> None:
    model = PoseTSM(PoseTSMConfig(n_classes=7)).eval()
    for t in (32, 20, 9):
        assert model(torch.randn(3, features.N_CHANNELS, t, N_JOINTS)).shape == (3, 7)


def test_default_model_is_small() -> None:
    count = n_params(PoseTSM(PoseTSMConfig(n_classes=31)))
    assert 20_000 < count < 300_000  # ≈ 58 K: well under a megabyte of float32 weights


def test_overfits_a_tiny_batch() -> None:
    torch.manual_seed(0)
    x = torch.randn(8, features.N_CHANNELS, 16, N_JOINTS)
    y = torch.arange(8)
    model = PoseTSM(PoseTSMConfig(n_classes=8, width=16, depth=2, dropout=0.0))
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(60):
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    model.eval()
    with torch.no_grad():
        assert (model(x).argmax(-1) == y).float().mean() == 1.0


def test_predict_clip_averages_window_softmaxes() -> None:
    model = PoseTSM(PoseTSMConfig(n_classes=5)).eval()
    windows = np.random.default_rng(0).normal(size=(4, features.N_CHANNELS, 32, N_JOINTS)).astype(np.float32)
    probs = predict_clip(model, windows)
    with torch.no_grad():
        expected = F.softmax(model(torch.from_numpy(windows)), -1).mean(0).numpy()
    assert probs.shape == (5,) and np.isclose(probs.sum(), 1.0) and np.allclose(probs, expected, atol=1e-6)
    with pytest.raises(ValueError):
        predict_clip(model, windows[:0])


def test_save_load_round_trip(tmp_path: Path) -> None:
    torch.manual_seed(1)
    cfg = PoseTSMConfig(n_classes=3, width=16, depth=2)
    model = PoseTSM(cfg)
    model.train()
    model(torch.randn(4, features.N_CHANNELS, 32, N_JOINTS))  # move the BatchNorm running stats
    model.eval()
    extra = {"features": {"rate_hz": 10.0, "window": 32}, "val_acc": 0.9, "notes": ["a", "b"]}
    path = tmp_path / "tsm.pt"
    save(model, path, ("squat", "push_up", "unknown"), extra)
    loaded, classes, extra2 = load(path)
    assert classes == ("squat", "push_up", "unknown") and extra2 == extra and loaded.cfg == cfg
    x = torch.randn(2, features.N_CHANNELS, 32, N_JOINTS)
    with torch.no_grad():
        assert torch.equal(model(x), loaded(x))
    assert not loaded.training
    torch.load(path, weights_only=True)  # plain content only
    with pytest.raises(ValueError):
        save(model, tmp_path / "bad.pt", ("a", "b"))


# --- features ---------------------------------------------------------------------------------------------


def _walking_pose(t_s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A smooth made-up motion, in pixels: a standing body whose wrists and knees swing at 0.7 Hz."""
    clip = synth.generate("squat", np.random.default_rng(0), noise=0, yaw_deg=0.0, mirror=False)
    base = clip.xy[0].astype(np.float64)  # [J, 2]
    wave = np.sin(2 * np.pi * 0.7 * t_s)[:, None]  # [T, 1]
    xy = np.repeat(base[None], t_s.size, axis=0)
    for j in (L.LEFT_WRIST, L.RIGHT_WRIST, L.LEFT_KNEE, L.RIGHT_KNEE):
        xy[:, j, 1] += 30 * wave[:, 0]
    xy[:, :, 0] += 20 * wave  # the whole body sways sideways
    return xy.astype(np.float32), np.full(xy.shape[:2], 0.9, np.float32)


def test_windows_shape_and_channels() -> None:
    clip = synth.generate("squat", np.random.default_rng(1), max_seconds=20)
    w = features.clip_windows(clip.xy, clip.visibility, clip.t_s)
    assert w.dtype == np.float32 and w.ndim == 4
    assert 1 <= w.shape[0] <= features.DEFAULT.max_windows
    assert w.shape[1:] == (features.N_CHANNELS, features.DEFAULT.window, N_JOINTS)
    assert np.isfinite(w).all()
    assert (w[:, features.VIS] >= 0).all() and (w[:, features.VIS] <= 1).all()
    # velocity channels are the differences of the position channels
    assert np.allclose(w[:, features.DX, 1:], np.diff(w[:, features.X], axis=1), atol=1e-5)
    assert np.allclose(w[:, features.DY, 1:], np.diff(w[:, features.Y], axis=1), atol=1e-5)


def test_frame_rate_does_not_change_the_windows() -> None:
    t15, t30 = np.arange(0, 8, 1 / 15), np.arange(0, 8, 1 / 30)
    w15 = features.clip_windows(*_walking_pose(t15), t15)
    w30 = features.clip_windows(*_walking_pose(t30), t30)
    assert w15.shape == w30.shape
    assert np.abs(w15 - w30).max() < 0.02


def test_windows_ignore_position_and_scale_in_the_image() -> None:
    t = np.arange(0, 5, 1 / 15)
    xy, vis = _walking_pose(t)
    a = features.clip_windows(xy, vis, t)
    b = features.clip_windows(xy * 1.7 + np.array([40.0, -25.0], np.float32), vis, t)
    assert np.allclose(a, b, atol=1e-4)


def test_short_clips_are_padded_by_edge_repetition() -> None:
    t = np.arange(0, 1.5, 1 / 15)
    w = features.clip_windows(*_walking_pose(t), t)
    assert w.shape[0] == 1
    n_real = int(1.4 * features.DEFAULT.rate_hz) + 1
    assert np.allclose(w[0, :3, n_real:], w[0, :3, n_real - 1 : n_real])
    assert (w[0, 3:, n_real:] == 0).all()


def test_short_clips_keep_their_own_length_when_padding_is_off() -> None:
    t = np.arange(0, 1.5, 1 / 15)
    pose = _walking_pose(t)
    padded = features.clip_windows(*pose, t)
    own = features.clip_windows(*pose, t, features.FeatureConfig(pad_short=False))
    n_real = int(1.4 * features.DEFAULT.rate_hz) + 1
    assert own.shape == (1, features.N_CHANNELS, n_real, padded.shape[3])
    body = [j for j in range(own.shape[3]) if j != L.PELVIS]  # the pelvis track is centred on the window
    assert np.allclose(own[0][..., body], padded[0, :, :n_real][..., body])
    long_t = np.arange(0, 6.0, 1 / 15)  # longer than a window: padding makes no difference
    long_pose = _walking_pose(long_t)
    assert np.array_equal(
        features.clip_windows(*long_pose, long_t),
        features.clip_windows(*long_pose, long_t, features.FeatureConfig(pad_short=False)),
    )


def test_long_clips_get_at_most_max_windows_spread_over_the_clip() -> None:
    cfg = features.FeatureConfig(max_windows=4)
    starts = features.window_starts(600, cfg)
    assert len(starts) == 4 and starts[0] == 0 and starts[-1] == 600 - cfg.window
    assert features.window_starts(40, cfg) == [0, 8]  # stride 16 plus one flush with the end


def test_gaps_short_are_filled_long_are_empty() -> None:
    t = np.arange(0, 10, 1 / 15)
    xy, vis = _walking_pose(t)
    xy[30:36] = np.nan  # 0.4 s: interpolated
    xy[75:135] = np.nan  # 4 s: no data
    w = features.clip_windows(xy, vis, t, features.FeatureConfig(max_windows=100, stride=1))
    seq = features.resample(xy, vis, t)
    assert np.isfinite(seq[20:24]).all()  # 2.0–2.4 s
    assert np.isnan(seq[60:80]).all()  # 6–8 s
    assert np.isfinite(w).all()
    # a window inside the long gap is all zeros with visibility 0
    start = features.window_starts(seq.shape[0], features.FeatureConfig(max_windows=100, stride=1)).index(55)
    assert (w[start, :, 10:20] == 0).all()


def test_gap_filling_does_not_depend_on_the_memory_layout() -> None:
    t = np.arange(0, 6, 1 / 15)
    xy, vis = _walking_pose(t)
    xy[30:34] = np.nan
    fortran = np.asfortranarray(xy)
    assert np.isfinite(features.resample(fortran, np.asfortranarray(vis), t)).all()
    assert np.allclose(features.clip_windows(fortran, vis, t), features.clip_windows(xy, vis, t))


def test_empty_and_personless_clips_give_no_windows() -> None:
    t = np.arange(0, 3, 1 / 15)
    xy = np.full((t.size, N_JOINTS, 2), np.nan, np.float32)
    assert features.clip_windows(xy, np.zeros(xy.shape[:2], np.float32), t).shape[0] == 0


def test_mirror_swaps_sides_and_negates_x() -> None:
    rng = np.random.default_rng(2)
    xy = rng.normal(size=(5, N_JOINTS, 2)).astype(np.float32)
    m = features.mirror(xy)
    assert np.allclose(m[:, L.LEFT_WRIST, 0], -xy[:, L.RIGHT_WRIST, 0])
    assert np.allclose(m[:, L.LEFT_WRIST, 1], xy[:, L.RIGHT_WRIST, 1])
    assert np.allclose(m[:, L.NOSE], xy[:, L.NOSE] * np.array([-1, 1]))
    assert np.allclose(features.mirror(m), xy)
    w = rng.normal(size=(2, features.N_CHANNELS, 8, N_JOINTS)).astype(np.float32)
    mw = features.mirror_windows(w)
    assert np.allclose(mw[:, features.X], -w[:, features.X][..., MIRROR_INDEX])
    assert np.allclose(mw[:, features.VIS], w[:, features.VIS][..., MIRROR_INDEX])
    assert np.allclose(features.mirror_windows(mw), w)


def test_mirrored_video_gives_mirrored_windows() -> None:
    a = synth.generate("lunge_forward", np.random.default_rng(3), noise=0, mirror=False)
    b = synth.generate("lunge_forward", np.random.default_rng(3), noise=0, mirror=True)
    wa = features.clip_windows(a.xy, a.visibility, a.t_s)
    wb = features.clip_windows(b.xy, b.visibility, b.t_s)
    assert np.allclose(features.mirror_windows(wa), wb, atol=1e-4)


# --- end to end: generator → features → model -----------------------------------------------------------


def _dataset(classes: tuple[str, ...], seed: int, per_class: int) -> list[tuple[np.ndarray, int]]:
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(per_class):
        for label, exercise in enumerate(classes):
            clip = synth.generate(exercise, rng, max_seconds=12.0)
            out.append((features.clip_windows(clip.xy, clip.visibility, clip.t_s), label))
    return out


def test_a_small_model_learns_synthetic_exercises() -> None:
    classes = ("squat", "push_up", "jumping_jack", "biceps_curl")
    train, held_out = _dataset(classes, seed=0, per_class=16), _dataset(classes, seed=1, per_class=8)
    x = torch.from_numpy(np.concatenate([w for w, _ in train]))
    y = torch.from_numpy(np.concatenate([np.full(len(w), k) for w, k in train]))
    torch.manual_seed(0)
    model = PoseTSM(PoseTSMConfig(n_classes=len(classes), width=16, depth=2, dropout=0.1))
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3)
    gen = torch.Generator().manual_seed(0)
    for step in range(70):
        idx = torch.randint(0, len(x), (32,), generator=gen)
        xb = x[idx].numpy()
        xb = torch.from_numpy(features.mirror_windows(xb) if step % 2 else xb)
        loss = F.cross_entropy(model(xb), y[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
    accuracy = np.mean([predict_clip(model, w).argmax() == k for w, k in held_out])
    assert accuracy >= 0.75  # chance is 0.25


def test_feature_joint_subset_zeroes_every_other_joint() -> None:
    from models.features import CORE_JOINTS, FeatureConfig, clip_windows
    from models.synth.generate import generate

    clip = generate("squat", np.random.default_rng(3), fps=10.0)
    cfg = FeatureConfig(joints=CORE_JOINTS)
    w = clip_windows(clip.xy, clip.visibility, clip.t_s, cfg)  # [N, C, T, J]
    others = [j for j in range(w.shape[-1]) if j not in CORE_JOINTS]
    assert np.all(w[..., others] == 0.0)
    assert np.abs(w[..., list(CORE_JOINTS)]).sum() > 0


# --- bone channels ----------------------------------------------------------------------------------------

BONES = features.FeatureConfig(bones=True)


def test_bone_channels_point_from_parent_to_joint() -> None:
    t = np.arange(0, 4, 1 / 15)
    xy, vis = _walking_pose(t)
    w = features.clip_windows(xy, vis, t, BONES)
    assert w.shape[1] == features.n_channels(BONES) == features.N_CHANNELS + 2
    plain = features.clip_windows(xy, vis, t)
    assert np.array_equal(w[:, : features.N_CHANNELS], plain)  # the first five channels are unchanged
    pos = np.stack([w[:, features.X], w[:, features.Y]], -1)  # [N, T, J, 2]
    bone = pos[:, :, L.LEFT_ELBOW] - pos[:, :, L.LEFT_SHOULDER]  # [N, T, 2] the upper arm
    expected = bone / np.sqrt((bone**2).sum(-1, keepdims=True) + features.BONE_SOFT_TORSO**2)
    got = np.stack([w[:, features.BX, :, L.LEFT_ELBOW], w[:, features.BY, :, L.LEFT_ELBOW]], -1)
    assert np.allclose(got, expected, atol=1e-5)
    # the hips hang off the pelvis, which is the body-frame origin (its slot carries the global track)
    hip = pos[:, :, L.LEFT_HIP]
    hip_dir = hip / np.sqrt((hip**2).sum(-1, keepdims=True) + features.BONE_SOFT_TORSO**2)
    assert np.allclose(w[:, features.BX, :, L.LEFT_HIP], hip_dir[..., 0], atol=1e-5)
    assert (w[:, features.BX :, :, L.PELVIS] == 0).all()  # the root has no bone
    assert np.abs(w[:, features.BX :]).max() <= 1.0


def test_bone_channels_ignore_limb_length() -> None:
    """Longer forearms (another body, or a marker placed further down the limb) leave their direction."""
    t = np.arange(0, 4, 1 / 15)
    xy, vis = _walking_pose(t)
    longer = xy.copy()
    for elbow, wrist in ((L.LEFT_ELBOW, L.LEFT_WRIST), (L.RIGHT_ELBOW, L.RIGHT_WRIST)):
        longer[:, wrist] = xy[:, elbow] + 1.4 * (xy[:, wrist] - xy[:, elbow])
    a = features.clip_windows(xy, vis, t, BONES)
    b = features.clip_windows(longer, vis, t, BONES)
    wrists = [L.LEFT_WRIST, L.RIGHT_WRIST]
    assert not np.allclose(a[:, features.X][..., wrists], b[:, features.X][..., wrists], atol=1e-3)
    angle_a = np.arctan2(a[:, features.BY][..., wrists], a[:, features.BX][..., wrists])
    angle_b = np.arctan2(b[:, features.BY][..., wrists], b[:, features.BX][..., wrists])
    assert np.allclose(angle_a, angle_b, atol=1e-3)  # the same direction (only the soft length differs)


def test_bone_channels_are_zero_where_a_joint_is_missing() -> None:
    t = np.arange(0, 4, 1 / 15)
    xy, vis = _walking_pose(t)
    xy[:, L.LEFT_ELBOW] = np.nan  # never seen: the upper arm and the forearm have no direction
    w = features.clip_windows(xy, vis, t, BONES)
    assert (w[:, features.BX :][..., [L.LEFT_ELBOW, L.LEFT_WRIST]] == 0).all()
    assert np.abs(w[:, features.BX :][..., L.RIGHT_WRIST]).sum() > 0


def test_bone_channels_mirror_with_the_video() -> None:
    a = synth.generate("lunge_forward", np.random.default_rng(3), noise=0, mirror=False)
    b = synth.generate("lunge_forward", np.random.default_rng(3), noise=0, mirror=True)
    wa = features.clip_windows(a.xy, a.visibility, a.t_s, BONES)
    wb = features.clip_windows(b.xy, b.visibility, b.t_s, BONES)
    assert np.allclose(features.mirror_windows(wa), wb, atol=1e-4)
    assert np.allclose(features.mirror_windows(features.mirror_windows(wa)), wa)


def test_a_model_reads_bone_windows() -> None:
    clip = synth.generate("squat", np.random.default_rng(4), max_seconds=8.0)
    w = features.clip_windows(clip.xy, clip.visibility, clip.t_s, BONES)
    model = PoseTSM(PoseTSMConfig(n_classes=3, in_channels=features.n_channels(BONES), width=8, depth=2))
    probs = predict_clip(model, features.with_mirrored(w))
    assert probs.shape == (3,) and np.isclose(probs.sum(), 1.0, atol=1e-5)
