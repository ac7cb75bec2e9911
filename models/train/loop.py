"""Train the pose TSM: `python -m models.train.loop [--holdout SRC,SRC] [--out PATH]` (seeded, CPU).

Training pool: Penn Action, posetrainer, exercise_correction, our MediaPipe sequences of the dev clips
(`cache/poses`, from `formcoach evaluate --pose-cache cache/poses`) minus the held-out sources, plus
procedurally generated motion for every class (models/synth.py). The held-out sources are evaluated
clip by clip (mean of window softmaxes) and the figures are printed and stored with the weights.
"""

from __future__ import annotations

import argparse
import functools
import json
import time
import zlib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import torch
import torch.nn.functional as F

from models.answer import decide
from models.data.core import PoseSample
from models.features import CORE_JOINTS, FeatureConfig, n_channels, with_mirrored
from models.train.augment import AugmentConfig, WindowSampler
from models.train.trainset import UNKNOWN, Examples, load_clip_poses, load_public, synth_samples, windows_of
from models.tsm import PoseTSM, PoseTSMConfig, n_params, save

C = TypeVar("C")
ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
# The 12 exercises of the analysis core plus those the available real data supports (Penn Action,
# exercise_correction and the dev clips); the catalog keeps all 41 AI Hub exercises as the target.
CLASSES: tuple[str, ...] = (
    "squat",
    "push_up",
    "knee_push_up",
    "lunge_forward",
    "lunge_backward",
    "plank",
    "jumping_jack",
    "biceps_curl",
    "overhead_press",
    "pull_up",
    "burpee",
    "knee_up",
    "side_crunch",
    "dips",
    "crunch",
    "bench_press",
    "russian_twist",
    "deadlift",
    "front_raise",
    "lateral_raise",
    "high_knees",
    "good_morning",
    "wall_sit",
    "step_up",
    "v_up",
    "shoulder_shrug",
    "bear_crawl",
    "renegade_row",
    "triceps_pushdown",
    UNKNOWN,
)


@dataclass(frozen=True)
class TrainConfig:
    seed: int = 0
    synth_per_class: int = 80
    steps: int = 3000
    batch: int = 64
    width: int = 48
    lr: float = 3e-3
    weight_decay: float = 1e-3
    label_smoothing: float = 0.05
    real_weight: float = 6.0  # real sequences are rarer and closer to what users send
    ema_decay: float = 0.0  # > 0: return an exponential moving average of the weights (BN buffers too)
    unknown_weight: float = 1.0  # the background class's share of the batches, relative to an exercise's
    max_minutes: float = 25.0
    threads: int = 1


def _tensor(a: np.ndarray) -> torch.Tensor:
    return torch.as_tensor(a)


def fit(
    sampler: WindowSampler,
    labels: np.ndarray,
    weights: np.ndarray,
    cfg: TrainConfig,
    model_cfg: PoseTSMConfig,
) -> PoseTSM:
    """labels/weights [n_sequences]: each step draws a batch of sequences (class-balanced, real data
    up-weighted) and a fresh augmented window of each (models.train.augment)."""
    torch.manual_seed(cfg.seed)
    rng = np.random.default_rng(cfg.seed)
    model = PoseTSM(model_cfg)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg.lr, total_steps=cfg.steps)
    p = weights / weights.sum()
    t0 = time.time()
    ema = None
    if cfg.ema_decay > 0:
        avg = torch.optim.swa_utils.get_ema_multi_avg_fn(cfg.ema_decay)
        ema = torch.optim.swa_utils.AveragedModel(model, multi_avg_fn=avg, use_buffers=True)
    model.train()
    losses: list[float] = []
    for step in range(cfg.steps):
        idx = rng.choice(len(labels), size=cfg.batch, p=p)
        x = _tensor(sampler.sample(idx, rng))  # [B, C, T, V]
        loss = F.cross_entropy(model(x), _tensor(labels[idx]), label_smoothing=cfg.label_smoothing)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        if ema is not None:
            ema.update_parameters(model)
        losses.append(loss.item())
        if (step + 1) % 100 == 0:
            print(
                f"step {step + 1}/{cfg.steps} loss {np.mean(losses[-100:]):.3f} ({time.time() - t0:.0f} s)",
                flush=True,
            )
        if time.time() - t0 > cfg.max_minutes * 60:
            print("time budget reached")
            break
    if ema is not None:
        model.load_state_dict(ema.module.state_dict())
    model.eval()
    return model


def sample_weights(labels: np.ndarray, real: np.ndarray, cfg: TrainConfig) -> np.ndarray:
    """Per sequence: inverse class frequency (balanced classes; the background class × unknown_weight),
    × real_weight for real recordings."""
    counts = np.bincount(labels, minlength=int(labels.max()) + 1).astype(np.float64)
    share = np.where(labels == CLASSES.index(UNKNOWN), cfg.unknown_weight, 1.0)
    return share / counts[labels] * np.where(real, cfg.real_weight, 1.0)


@torch.no_grad()
def clip_probs(model: PoseTSM, ex: Examples) -> np.ndarray:
    """[n_clips, n_classes]: mean window softmax per clip, each window also seen mirrored (as at run time,
    models.classify)."""
    out = np.zeros((len(ex.clip_labels), model.cfg.n_classes))
    for n in np.unique(ex.steps):  # windows of one length at a time (short clips: shorter windows)
        sel = ex.steps == n
        x = with_mirrored(ex.x[sel][:, :, :n])  # [2N', C, n, V]
        probs = F.softmax(model(_tensor(x)), dim=-1).numpy()  # [2N', n_classes]
        np.add.at(out, np.tile(ex.clip[sel], 2), probs)  # a mirrored window belongs to its window's clip
    return out / (2 * np.bincount(ex.clip, minlength=len(ex.clip_labels)))[:, None]


def calibrate(model: PoseTSM, ex: Examples) -> float:
    """min_confidence: the 5th percentile of the confidence of correctly classified real exercise clips
    (synthetic ones are classified too confidently to calibrate on)."""
    probs = clip_probs(model, ex)
    truth = np.array([CLASSES.index(lbl) if lbl in CLASSES else -1 for lbl in ex.clip_labels])
    best = probs.argmax(1)
    real = np.array([s != "synth" for s in ex.clip_sources])
    ok = (best == truth) & (truth != CLASSES.index(UNKNOWN)) & real
    conf = probs.max(1)[ok]
    return float(np.clip(np.percentile(conf, 5), 0.25, 0.4)) if conf.size else 0.4


def group_share(group: str, spec: str) -> bool:
    """``spec`` "K/N": the group is in share K of N (a stable hash of its name), for within-source splits."""
    k, _, n = spec.partition("/")
    return zlib.crc32(group.encode()) % int(n) == int(k)


# Loaded once per process: models.train.folds trains every fold (and the shipped model) in one process.
@functools.cache
def _clip_poses() -> tuple[PoseSample, ...]:
    return tuple(load_clip_poses(DATA / "clips" / "labels.csv", ROOT / "cache" / "poses"))


@functools.cache
def _public() -> tuple[PoseSample, ...]:
    return tuple(load_public(DATA))


@functools.cache
def _generated(classes: tuple[str, ...], per_class: int, seed: int) -> tuple[PoseSample, ...]:
    return tuple(synth_samples(classes, per_class, seed))


def build_pool(
    holdout: set[str], cfg: TrainConfig, feat: FeatureConfig, holdout_groups: str = ""
) -> tuple[list[PoseSample], Examples, Examples]:
    """(training sequences, validation windows for calibration, held-out evaluation windows).

    Held out: the clips of the ``holdout`` sources, or (``holdout_groups`` "K/N") the clips whose person
    group is in share K of N — other people from the *same* sources, the in-domain comparison."""
    clips = _clip_poses()
    held = [
        s for s in clips if s.source in holdout or (holdout_groups and group_share(s.group, holdout_groups))
    ]
    held_groups = {s.group for s in held}  # every held clip's group: leaving them out leaves out the clips
    real = [s for s in _public() if s.group not in held_groups] + [
        s for s in clips if s.group not in held_groups and s.label in CLASSES
    ]
    generated = list(_generated(CLASSES, cfg.synth_per_class, cfg.seed))
    val_generated = list(_generated(CLASSES, 12, cfg.seed + 1))
    rng = np.random.default_rng(cfg.seed)
    real_val = [s for s in real if rng.random() < 0.1]
    real_train = [s for s in real if s not in real_val]
    train = [s for s in real_train + generated if s.label in CLASSES]
    val = windows_of(real_val + val_generated, CLASSES, feat)
    test = windows_of(held, CLASSES, feat) if held else val
    return train, val, test


def overridden(config: C, assignments: list[str]) -> C:
    """A frozen config with ``FIELD=VALUE`` assignments applied (values parsed as the field's type)."""
    changes: dict[str, Any] = {}
    for item in assignments:
        name, sep, value = item.partition("=")
        current = getattr(config, name) if sep and name in {f.name for f in fields(config)} else None
        if current is None:  # not a field, or one without a plain value to parse by (joints)
            raise SystemExit(f"not a FIELD=VALUE of {type(config).__name__}: {item}")
        is_flag = isinstance(current, bool)
        changes[name] = value.lower() in ("1", "true", "yes") if is_flag else type(current)(value)
    return replace(config, **changes)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--holdout", default="", help="comma-separated clip sources to hold out and evaluate")
    ap.add_argument("--out", default=str(ROOT / "models" / "weights" / "pose_tsm.pt"))
    ap.add_argument("--steps", type=int, default=TrainConfig.steps)
    ap.add_argument("--seed", type=int, default=TrainConfig.seed)
    ap.add_argument("--width", type=int, default=TrainConfig.width)
    ap.add_argument("--synth-per-class", type=int, default=TrainConfig.synth_per_class)
    ap.add_argument("--holdout-groups", default="", metavar="K/N", help="hold out share K of N person groups")
    ap.add_argument("--report", help="write held-out predictions (JSON) here")
    ap.add_argument("--aug", action="append", default=[], metavar="FIELD=VALUE", help="AugmentConfig field")
    ap.add_argument("--feat", action="append", default=[], metavar="FIELD=VALUE", help="FeatureConfig field")
    ap.add_argument("--train", action="append", default=[], metavar="FIELD=VALUE", help="TrainConfig field")
    args = ap.parse_args(argv)
    cfg = overridden(
        replace(
            TrainConfig(),
            steps=args.steps,
            synth_per_class=args.synth_per_class,
            seed=args.seed,
            width=args.width,
        ),
        args.train,
    )
    torch.set_num_threads(cfg.threads)
    feat = overridden(FeatureConfig(joints=CORE_JOINTS), args.feat)
    aug = overridden(AugmentConfig(), args.aug)
    holdout = {s for s in args.holdout.split(",") if s}
    samples, val, test = build_pool(holdout, cfg, feat, args.holdout_groups)
    evaluated = bool(holdout or args.holdout_groups)
    sampler = WindowSampler(samples, feat, aug)
    kept = [samples[i] for i in sampler.kept]
    labels = np.array([CLASSES.index(s.label) for s in kept], np.int64)
    real = np.array([s.source != "synth" for s in kept])
    print(
        f"train sequences {len(kept)} ({int(real.sum())} real); "
        f"val clips {len(val.clip_labels)}; held-out clips {len(test.clip_labels) if evaluated else 0}"
    )
    model_cfg = PoseTSMConfig(
        n_classes=len(CLASSES),
        in_channels=n_channels(feat),
        window=feat.window,
        width=cfg.width,
        joints=feat.joints,
    )
    model = fit(sampler, labels, sample_weights(labels, real, cfg), cfg, model_cfg)
    min_conf = calibrate(model, val)
    print(f"params {n_params(model)}, min_confidence {min_conf:.2f}")
    extra = {
        "features": asdict(feat),
        "min_confidence": min_conf,
        "train": asdict(cfg),
        "augment": asdict(aug),
        "holdout": sorted(holdout),
        "holdout_groups": args.holdout_groups,
    }
    if evaluated:
        from models.train.evaluate import clip_metrics

        preds = decide(clip_probs(model, test), list(CLASSES), min_conf)
        metrics = clip_metrics(list(test.clip_labels), preds)
        print(json.dumps(metrics["summary"], indent=1))
        extra["heldout_metrics"] = metrics["summary"]
        if args.report:
            Path(args.report).write_text(
                json.dumps(
                    {
                        "labels": test.clip_labels,
                        "predictions": preds,
                        "sources": test.clip_sources,
                        "clips": test.clip_ids,
                        "probs": clip_probs(model, test).round(4).tolist(),
                        "classes": CLASSES,
                    },
                    ensure_ascii=False,
                )
            )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    save(model, args.out, CLASSES, extra)
    print(f"saved {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
