"""A pose-estimator wrapper that saves/loads PoseSequences as .npz (evaluation and training only).

The cache key is the clip's path, size and mtime plus the sampling settings. Never used by the bot.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from analysis.pose.estimator import Frame, PoseEstimator
from analysis.vocab.types import PoseSequence

FIELDS = ("xy", "z", "visibility", "t_s", "frame_index")


def save_npz(path: Path, seq: PoseSequence) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    extra = {"world": seq.world} if seq.world is not None else {}
    np.savez_compressed(
        tmp, **{f: getattr(seq, f) for f in FIELDS}, **extra, fps=seq.fps, size=np.array(seq.size)
    )
    os.replace(tmp, path)


def load_npz(path: Path) -> PoseSequence:
    with np.load(path) as d:
        return PoseSequence(
            **{f: d[f] for f in FIELDS},
            fps=float(d["fps"]),
            size=(int(d["size"][0]), int(d["size"][1])),
            world=d["world"] if "world" in d.files else None,
        )


class PoseCache:
    def __init__(self, inner: PoseEstimator, cache_dir: str) -> None:
        self._inner = inner
        self._dir = Path(cache_dir)

    def key_for(self, clip_path: str, fps: float, size: tuple[int, int]) -> Path:
        st = os.stat(clip_path)
        raw = f"{os.path.abspath(clip_path)}|{st.st_size}|{int(st.st_mtime)}|{fps:.3f}|{size}"
        name = Path(clip_path).stem[:40]
        return self._dir / f"{name}-{hashlib.sha1(raw.encode()).hexdigest()[:12]}.npz"

    def estimate(self, frames: Iterable[Frame], fps: float, size: tuple[int, int]) -> PoseSequence:
        return self._inner.estimate(frames, fps, size)

    def estimate_for(
        self, clip_path: str, frames: Iterable[Frame], fps: float, size: tuple[int, int]
    ) -> PoseSequence:
        """Like estimate, keyed by the clip; the (lazy) frames are not decoded on a cache hit."""
        key = self.key_for(clip_path, fps, size)
        if key.exists():
            return load_npz(key)
        seq = self._inner.estimate(frames, fps, size)
        save_npz(key, seq)
        return seq
