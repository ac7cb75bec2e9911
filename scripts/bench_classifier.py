"""Classifier inference time per clip once the pose sequence exists (target ≤ 20 ms on one CPU core).

    .venv/bin/python scripts/bench_classifier.py [--weights models/weights/pose_tsm.pt] [--n 200]

Times TSMClassifier.classify on generated 10 fps sequences of 5 s, 20 s and 60 s (the analysis limit),
after a warm-up, in one run; prints the median and p95 per length.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import torch

from models import synth
from models.classify import WEIGHTS, TSMClassifier


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--weights", default=str(WEIGHTS))
    ap.add_argument("--n", type=int, default=200)
    args = ap.parse_args()
    clf = TSMClassifier.load_default(Path(args.weights))
    if clf is None:
        raise SystemExit(f"no weights at {args.weights}")
    torch.set_num_threads(1)
    rng = np.random.default_rng(0)
    for seconds in (5, 20, 60):
        seq = synth.generate("squat", rng, fps=10.0, max_seconds=seconds).pose_sequence()
        for _ in range(10):
            clf.classify(seq)
        times = []
        for _ in range(args.n):
            t0 = time.perf_counter()
            clf.classify(seq)
            times.append((time.perf_counter() - t0) * 1000)
        print(
            f"{seconds:3d} s clip ({len(seq)} frames): median {np.median(times):.1f} ms, "
            f"p95 {np.percentile(times, 95):.1f} ms per clip"
        )


if __name__ == "__main__":
    main()
