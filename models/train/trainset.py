"""Training examples for the TSM: real pose sequences (Penn Action, posetrainer, exercise_correction, our
MediaPipe clip cache) plus procedurally generated motion, cut into fixed windows.

Never imported at run time. Splits are by source and person (group), never by frame.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from models.data import PoseSample, load_exercise_correction, load_penn_action, load_posetrainer
from models.data.clips import clip_groups, read_labels
from models.features import FeatureConfig, clip_windows, mirror_windows
from models.synth import generate as synth

UNKNOWN = "unknown"
# Dataset labels → model classes; "lunge" has no direction, so those clips only serve evaluation.
LABEL_MAP = {"negative": UNKNOWN, "": UNKNOWN}


@dataclass(frozen=True, eq=False)
class Examples:
    x: np.ndarray  # [N, C, T, V] float32 windows
    y: np.ndarray  # [N] int64 class index
    clip: np.ndarray  # [N] int64 clip number (windows of one clip share it)
    clip_labels: tuple[str, ...]  # per clip number: its (dataset) label
    clip_sources: tuple[str, ...]
    clip_ids: tuple[str, ...]  # per clip number: its labels.csv path (or group), for reports
    steps: np.ndarray  # [N] time steps of each window that are real (the rest zero padding)


def clip_source(path: str) -> str:
    """labels.csv path → the repository it came from (the unit we hold out)."""
    return path.split("/", 1)[0]


def load_clip_poses(labels_csv: Path, pose_cache_dir: Path) -> list[PoseSample]:
    """Our own MediaPipe sequences of the dev clips (written by `formcoach evaluate --pose-cache`)."""
    from analysis.media import video
    from analysis.pose.cache import PoseCache, load_npz
    from analysis.vocab.types import Limits, Rejection

    rows = read_labels(labels_csv)
    groups = clip_groups(rows)
    cache = PoseCache(None, str(pose_cache_dir))  # type: ignore[arg-type]  # only key_for is used
    out: list[PoseSample] = []
    for r in rows:
        path = str(labels_csv.parent / r["path"])
        clip = video.probe(path, Limits())
        if isinstance(clip, Rejection):
            continue
        key = cache.key_for(path, clip.sample_fps, clip.analysis_size)
        if not key.exists():
            continue
        seq = load_npz(key)
        label = LABEL_MAP.get(r["exercise"], r["exercise"])
        out.append(
            PoseSample(
                xy=seq.xy,
                visibility=seq.visibility,
                t_s=seq.t_s,
                label=label,
                source=clip_source(r["path"]),
                group=groups[r["path"]],
                form=r.get("form") or None,
                meta={"path": r["path"]},
                world=seq.world,
            )
        )
    return out


def load_public(data_root: Path, exclude_groups: Iterable[str] = ()) -> list[PoseSample]:
    """Penn Action + posetrainer + exercise_correction (lunges without direction dropped)."""
    excluded = set(exclude_groups)
    samples = load_penn_action(data_root) + load_posetrainer(data_root) + load_exercise_correction(data_root)
    return [s for s in samples if s.label != "lunge" and s.group not in excluded]


def synth_samples(classes: Sequence[str], per_class: int, seed: int, fps: float = 10.0) -> list[PoseSample]:
    rng = np.random.default_rng(seed)
    out: list[PoseSample] = []
    for label in classes:
        for i in range(per_class):
            faults = ()
            options = synth.FAULTS.get(label, {})
            if options and rng.random() < 0.3:  # faulty form is still the same exercise
                faults = (str(rng.choice(sorted(options))),)
            c = synth.generate(label, rng, fps=float(rng.choice([fps, 15.0, 30.0])), faults=faults)
            out.append(
                PoseSample(
                    xy=c.xy,
                    visibility=c.visibility,
                    t_s=c.t_s.astype(np.float32),
                    label=label,
                    source="synth",
                    group=f"synth-{label}-{i}",  # not-a-key
                )
            )  # not-a-key
    return out


def windows_of(
    samples: Sequence[PoseSample], classes: Sequence[str], cfg: FeatureConfig, mirror: bool = False
) -> Examples:
    index = {c: i for i, c in enumerate(classes)}
    xs, ys, clips, labels, sources, ids, steps = [], [], [], [], [], [], []
    for s in samples:
        w = clip_windows(s.xy, s.visibility, s.t_s, cfg)  # [n, C, T ≤ window, V]
        if w.shape[0] == 0:
            continue
        steps.append(np.full(w.shape[0] * (2 if mirror else 1), w.shape[2], np.int64))
        w = np.pad(w, ((0, 0), (0, 0), (0, cfg.window - w.shape[2]), (0, 0)))  # [n, C, window, V]
        n = len(labels)
        labels.append(s.label)
        sources.append(s.source)
        ids.append(str(s.meta.get("path", s.group)) if s.meta else s.group)
        y = index.get(s.label, -1)
        for block in (w, mirror_windows(w)) if mirror else (w,):
            xs.append(block)
            ys.append(np.full(block.shape[0], y, np.int64))
            clips.append(np.full(block.shape[0], n, np.int64))
    if not xs:
        raise ValueError("no examples")
    return Examples(
        np.concatenate(xs),
        np.concatenate(ys),
        np.concatenate(clips),
        tuple(labels),
        tuple(sources),
        tuple(ids),
        np.concatenate(steps),
    )
