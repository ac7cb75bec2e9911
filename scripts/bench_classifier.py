"""Classifier plus periodicity time per clip once the pose sequence exists (target ≤ 20 ms on one CPU core).

    .venv/bin/python scripts/bench_classifier.py [--weights models/weights/pose_tsm.pt] [--n 200] [--eager]

Times TSMClassifier.classify followed by analysis.judge.periodicity.estimate (the two steps that name the
exercise: the answer consults the periodicity) on generated 10 fps sequences of 5 s, 20 s and 60 s (the
analysis limit), after a warm-up, in one run; prints the median and p95 per length, for the run-time
(traced, frozen) network and, with --eager, for eager PyTorch too, interleaved, with their ratio.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import torch

from analysis.judge import periodicity
from analysis.vocab.types import PoseSequence
from models.classify import WEIGHTS, TSMClassifier
from models.synth import generate as synth


def named(clf: TSMClassifier, seq: PoseSequence) -> None:
    """What the pipeline runs between the pose and the rep counter to name the exercise."""
    clf.classify(seq)
    periodicity.estimate(seq)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--weights", default=str(WEIGHTS))
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--eager", action="store_true", help="also time eager PyTorch (the ratio of the two)")
    args = ap.parse_args()
    clf = TSMClassifier.load_default(Path(args.weights))
    if clf is None:
        raise SystemExit(f"no weights at {args.weights}")
    torch.set_num_threads(1)
    rng = np.random.default_rng(0)
    variants = {"run time": clf} | ({"eager": replace(clf, fast=False)} if args.eager else {})
    for seconds in (5, 20, 60):
        seq = synth.generate("squat", rng, fps=10.0, max_seconds=seconds).pose_sequence()
        times: dict[str, list[float]] = {name: [] for name in variants}
        for c in variants.values():
            for _ in range(10):
                named(c, seq)
        for _ in range(args.n):  # interleaved, so both see the same machine load
            for name, c in variants.items():
                t0 = time.perf_counter()
                named(c, seq)
                times[name].append((time.perf_counter() - t0) * 1000)
        for name, ts in times.items():
            print(
                f"{seconds:3d} s clip ({len(seq)} frames), {name}: median {np.median(ts):.1f} ms, "
                f"p95 {np.percentile(ts, 95):.1f} ms per clip"
            )
        if args.eager:
            ratio = np.median(times["eager"]) / np.median(times["run time"])
            print(f"{seconds:3d} s clip: eager / run time = {ratio:.2f} (medians)")


if __name__ == "__main__":
    main()
