"""Training helpers (models.train.loop): config overrides, batch shares, clip-level probabilities of
mixed-length
windows, and the identity of every clip in a held-out report."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import torch

from analysis.vocab.types import PoseSequence
from models.classify import TSMClassifier
from models.data.core import PoseSample
from models.features import CORE_JOINTS, FeatureConfig
from models.synth import generate as synth
from models.train.augment import AugmentConfig, WindowSampler
from models.train.loop import CLASSES, TrainConfig, clip_probs, fit, group_share, overridden, sample_weights
from models.train.trainset import UNKNOWN, windows_of
from models.tsm import PoseTSM, PoseTSMConfig

torch.set_num_threads(1)


def test_overrides_parse_each_field_as_its_type() -> None:
    assert overridden(AugmentConfig(), ["var_len_p=0.25"]).var_len_p == 0.25
    assert overridden(FeatureConfig(), ["pad_short=false"]).pad_short is False
    assert overridden(FeatureConfig(), ["pad_short=true", "window=16"]) == FeatureConfig(window=16)
    assert overridden(TrainConfig(), ["steps=10"]).steps == 10
    assert overridden(TrainConfig(), []) == TrainConfig()
    for bad in (["no_such_field=1"], ["steps"], ["steps=ten"]):
        with pytest.raises((SystemExit, ValueError)):
            overridden(TrainConfig(), bad)


def test_group_shares_split_every_group_once_and_stably() -> None:
    groups = [f"athlete:{i}" for i in range(200)] + ["kaggle_pushup:pushup_149-156"]
    halves = [{g for g in groups if group_share(g, f"{k}/2")} for k in (0, 1)]
    assert halves[0].isdisjoint(halves[1]) and halves[0] | halves[1] == set(groups)
    assert 70 < len(halves[0]) < 130  # roughly half
    thirds = [{g for g in groups if group_share(g, f"{k}/3")} for k in range(3)]
    assert sum(map(len, thirds)) == len(groups)
    assert group_share("athlete:7", "1/2") == group_share("athlete:7", "1/2")  # no per-run salt


def test_unknown_weight_scales_the_background_share_of_the_batches() -> None:
    u, squat = CLASSES.index(UNKNOWN), CLASSES.index("squat")
    labels = np.array([squat] * 4 + [u] * 8)
    real = np.zeros(labels.size, bool)
    base = sample_weights(labels, real, TrainConfig())
    half = sample_weights(labels, real, replace(TrainConfig(), unknown_weight=0.5))
    assert base[labels == u].sum() == pytest.approx(base[labels == squat].sum())  # balanced classes
    assert half[labels == u].sum() == pytest.approx(0.5 * half[labels == squat].sum())
    real[:2] = True  # real recordings of a class are drawn real_weight times as often
    assert sample_weights(labels, real, TrainConfig())[0] == pytest.approx(6 * base[2])


def _sample(label: str, seconds: float, seed: int) -> PoseSample:
    clip = synth.generate(label, np.random.default_rng(seed))
    keep = clip.t_s < seconds
    path = f"clips/{label}_{seed}.mp4"
    t_s = clip.t_s[keep].astype(np.float32)
    return PoseSample(xy=clip.xy[keep], visibility=clip.visibility[keep], t_s=t_s, label=label,
                      source="synth", group=f"g{seed}", meta={"path": path})  # fmt: skip


def test_clip_probabilities_match_run_time_for_short_and_long_clips() -> None:
    feat = FeatureConfig(joints=CORE_JOINTS, pad_short=False)
    samples = [_sample("squat", 1.5, 0), _sample("push_up", 9.0, 1), _sample("plank", 2.2, 2)]
    ex = windows_of(samples, CLASSES, feat)
    assert ex.clip_ids == ("clips/squat_0.mp4", "clips/push_up_1.mp4", "clips/plank_2.mp4")
    assert ex.steps is not None and {int(n) for n in ex.steps} == {15, 22, feat.window}
    torch.manual_seed(0)
    model = PoseTSM(PoseTSMConfig(n_classes=len(CLASSES), width=8, joints=feat.joints)).eval()
    got = clip_probs(model, ex)  # [3, n_classes]
    run_time = TSMClassifier(model, CLASSES, feat, min_confidence=0.5)
    for s, row in zip(samples, got, strict=True):
        t = len(s.t_s)
        seq = PoseSequence(xy=s.xy, z=np.zeros(s.visibility.shape, np.float32), visibility=s.visibility,
                           t_s=s.t_s, frame_index=np.arange(t), fps=10.0, size=(640, 480))  # fmt: skip
        want = run_time.probabilities(seq)
        assert np.allclose(row, [want[c] for c in CLASSES], atol=1e-5)


def test_weight_averaging_follows_the_trained_weights() -> None:
    samples = [_sample(label, 6.0, i) for i, label in enumerate(("squat", "push_up", "plank"))]
    feat = FeatureConfig(joints=CORE_JOINTS)
    sampler = WindowSampler(samples, feat, AugmentConfig())
    labels = np.array([CLASSES.index(s.label) for s in samples])
    cfg = replace(TrainConfig(), steps=8, batch=6, width=8)
    model_cfg = PoseTSMConfig(n_classes=len(CLASSES), width=8, joints=feat.joints)

    def trained(decay: float) -> dict[str, torch.Tensor]:
        model = fit(sampler, labels, np.ones(len(labels)), replace(cfg, ema_decay=decay), model_cfg)
        return model.state_dict()

    plain, nearly_last, averaged = trained(0.0), trained(1e-9), trained(0.5)
    for name, value in plain.items():  # a vanishing decay keeps only the last weights (BN buffers too)
        assert torch.allclose(value.float(), nearly_last[name].float(), atol=1e-6), name
    assert not torch.allclose(plain["head.weight"], averaged["head.weight"])
    assert not torch.allclose(plain["data_bn.running_mean"], averaged["data_bn.running_mean"])
