"""Time of the periodicity step per clip once the pose sequence exists (issue 15: with the classifier,
≤ 20 ms per clip on one CPU core).

    .venv/bin/python scripts/bench_periodicity.py [--pose-cache /work/cache/poses] [--limit N]

One run over the cached pose sequences (analysis.pose.cache, .npz): for each clip, the periodicity
estimate (analysis.judge.periodicity.estimate) and the reconciled rep count that uses it
(analysis.judge.repcount.counted, with the squat's rep spec); prints ms per clip (mean, median, p95,
max) and the clips' median length. Without a cache, generated 5/20/60 s clips (models.synth) are timed.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from analysis.exercises.lower_body import SQUAT
from analysis.judge import periodicity
from analysis.judge.measures import Body
from analysis.judge.repcount import counted
from analysis.pose.cache import load_npz
from analysis.vocab.types import PoseSequence


def _sequences(cache: str | None, limit: int | None) -> list[PoseSequence]:
    if cache and Path(cache).is_dir():
        return [load_npz(p) for p in sorted(Path(cache).glob("*.npz"))[:limit] if ".tmp." not in p.name]
    from models.synth import generate as synth

    rng = np.random.default_rng(0)
    return [synth.generate("squat", rng, fps=10.0, max_seconds=s).pose_sequence() for s in (5, 20, 60) * 10]


def _line(name: str, ms: list[float]) -> str:
    a = np.array(ms)
    return (
        f"{name:28s} mean {a.mean():6.2f}  median {np.median(a):6.2f}  p95 {np.percentile(a, 95):6.2f}"
        f"  max {a.max():6.2f} ms"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pose-cache", default="/work/cache/poses")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    seqs = [s for s in _sequences(args.pose_cache, args.limit) if len(s) >= 2]
    assert SQUAT.reps is not None
    periodicity.estimate(seqs[0])  # warm-up (imports, first allocations)
    est, both = [], []
    for seq in seqs:
        t0 = time.perf_counter()
        p = periodicity.estimate(seq)
        t1 = time.perf_counter()
        counted(SQUAT.reps, Body.of(seq), seq, True, p)
        t2 = time.perf_counter()
        est.append(1000 * (t1 - t0))
        both.append(1000 * (t2 - t0))
    secs = np.median([s.t_s[-1] - s.t_s[0] for s in seqs])
    print(f"clips: {len(seqs)} (median {secs:.1f} s, {np.median([len(s) for s in seqs]):.0f} samples)")
    print(_line("periodicity.estimate", est))
    print(_line("estimate + reconciled count", both))


if __name__ == "__main__":
    main()
