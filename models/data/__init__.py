"""Training / evaluation data: every source as PoseSample sequences (or PoseFrame single poses),
a person-safe train/test split and a one-screen summary.

Sources (each loader returns [] when its folder is absent; data root default ``../shared/data``):
  load_penn_action          Penn Action, 13 joints, pixels, 30 fps             (data.penn)
  load_posetrainer          MediaPipe push-ups/squats, pixels of the source clip (data.mediapipe)
  load_exercise_correction  MediaPipe rows cut into runs, normalised units      (data.mediapipe)
  load_*_frames / pose sets single poses: exercise_correction, exercise_pose_landmarks, mlkit
  load_aihub_2d / _3d / load_aihub_dir   AI Hub label JSON (dataset not shipped) (data.aihub)
  load_clip_cache           our clips' cached MediaPipe keypoints + labels.csv   (data.clips)

``python -m models.data [data_root] [cache_dir]`` prints the summary.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

import numpy as np

from models.data.aihub import load_aihub_2d, load_aihub_3d
from models.data.clips import cache_name, clip_groups, load_clip_cache, save_pose_sequence
from models.data.core import (
    AIHUB_TO_ID,
    DEFAULT_DATA_ROOT,
    UNKNOWN,
    PoseFrame,
    PoseSample,
    aihub_id,
    known_ids,
    to_layout,
)
from models.data.mediapipe import (
    load_exercise_correction,
    load_exercise_correction_frames,
    load_exercise_pose_landmarks,
    load_mlkit_pose_samples,
    load_posetrainer,
)
from models.data.penn import load_penn_action

__all__ = [
    "AIHUB_TO_ID", "DEFAULT_DATA_ROOT", "UNKNOWN", "PoseFrame", "PoseSample", "aihub_id", "cache_name",
    "clip_groups", "known_ids", "load_aihub_2d", "load_aihub_3d", "load_aihub_dir", "load_all_frames",
    "load_all_sequences", "load_clip_cache", "load_exercise_correction", "load_exercise_correction_frames",
    "load_exercise_pose_landmarks", "load_mlkit_pose_samples", "load_penn_action", "load_posetrainer",
    "save_pose_sequence", "split_by_group", "summary", "to_layout",
]  # fmt: skip


class Grouped(Protocol):
    @property
    def group(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def label(self) -> str: ...


S = TypeVar("S", bound=Grouped)


def load_aihub_dir(folder: Path | str, yaws_deg: Sequence[float] = ()) -> list[PoseSample]:
    """Every AI Hub label file under folder: 2D files give 5 views; ``*-3d.json`` files are projected
    at ``yaws_deg`` (none by default: the 2D views are real camera data)."""
    out: list[PoseSample] = []
    for f in sorted(Path(folder).rglob("*.json")) if Path(folder).is_dir() else []:
        if f.stem.endswith("-3d"):
            out += load_aihub_3d(f, yaws_deg) if yaws_deg else []
        else:
            out += load_aihub_2d(f)
    return out


def load_all_sequences(
    data_root: Path | str = DEFAULT_DATA_ROOT, cache_dir: Path | str | None = None
) -> list[PoseSample]:
    """Penn Action, posetrainer, exercise_correction runs and (when cache_dir is given) cached clips."""
    root = Path(data_root)
    out = load_penn_action(root) + load_posetrainer(root) + load_exercise_correction(root)
    if cache_dir is not None:
        out += load_clip_cache(cache_dir, root / "clips" / "labels.csv")
    return out


def load_all_frames(data_root: Path | str = DEFAULT_DATA_ROOT) -> list[PoseFrame]:
    root = Path(data_root)
    loaders = (load_exercise_correction_frames, load_exercise_pose_landmarks, load_mlkit_pose_samples)
    return [f for load in loaders for f in load(root)]


def _group_counts(samples: Sequence[S]) -> dict[str, Counter[str]]:
    """group → samples per source."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for s in samples:
        counts[s.group][s.source] += 1
    return counts


def _pick_test_groups(samples: Sequence[S], fraction: float, seed: int) -> set[str]:
    """Groups in a seeded random order; a group goes to test while that moves its main source's test
    share closer to ``fraction`` (so every source with several groups is represented on both sides)."""
    counts = _group_counts(samples)
    quota = {src: fraction * n for src, n in Counter(s.source for s in samples).items()}
    taken: Counter[str] = Counter()
    order = sorted(counts)
    np.random.default_rng(seed).shuffle(order)
    test: set[str] = set()
    for g in order:
        src, n = counts[g].most_common(1)[0]
        if taken[src] + n / 2 < quota[src]:
            test.add(g)
            taken.update(counts[g])
    return test


def split_by_group(
    samples: Iterable[S],
    test_groups: Iterable[str] | None = None,
    test_fraction: float = 0.2,
    seed: int = 0,
) -> tuple[list[S], list[S]]:
    """(train, test) with every group wholly on one side: the given test_groups, or about test_fraction
    of each source's samples drawn by group."""
    items = list(samples)
    chosen = set(test_groups) if test_groups is not None else _pick_test_groups(items, test_fraction, seed)
    return [s for s in items if s.group not in chosen], [s for s in items if s.group in chosen]


def summary(samples: Iterable[Grouped]) -> str:
    """Per source: samples, groups, frames, forms and labels (most common first)."""
    by_source: dict[str, list[Grouped]] = defaultdict(list)
    for s in samples:
        by_source[s.source].append(s)
    lines = []
    for src in sorted(by_source):
        items = by_source[src]
        frames = sum(len(s) if isinstance(s, PoseSample) else 1 for s in items)
        forms = Counter(str(getattr(s, "form", None)) for s in items)
        labels = ", ".join(f"{k} {v}" for k, v in Counter(s.label for s in items).most_common())
        lines.append(
            f"{src}: {len(items)} samples, {len({s.group for s in items})} groups, {frames} frames; "
            f"form {dict(sorted(forms.items()))}\n    {labels}"
        )
    return "\n".join(lines) if lines else "(no samples)"


def main(argv: Sequence[str]) -> None:
    root = Path(argv[0]) if argv else DEFAULT_DATA_ROOT
    cache = argv[1] if len(argv) > 1 else None
    print("== sequences\n" + summary(load_all_sequences(root, cache)))
    print("== single frames\n" + summary(load_all_frames(root)))


if __name__ == "__main__":
    main(sys.argv[1:])
