"""Benchmark: the pipeline vs the naive way, measured in one run on the same clip.

naive    = every decoded frame, at full resolution, through MediaPipe in one process, then the same
           rep counting and checks;
pipeline = analysis.pipeline.run (sampling to Limits.target_fps, downscaling to Limits.max_side_px).

Prints both wall times, their ratio, per-stage times, and both rep counts (equal accuracy is part of the
claim). Default clip: a 10 s 720p 30 fps pull-up clip from ../shared when present.

    .venv/bin/python scripts/bench_pipeline.py [CLIP] [--exercise pull_up]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("GLOG_minloglevel", "2")

DEFAULT = (
    Path(__file__).resolve().parents[1]
    / "../shared/data/clips/calimiro_workouttracker/pull-ups/pull_up_6.mp4"
)


def naive(path: str, exercise: str) -> tuple[float, int]:
    from analysis.exercises.generic import spec_or_generic
    from analysis.judge.assess import assess
    from analysis.judge.views import detect_view
    from analysis.media import video
    from analysis.pose.estimator import MediaPipePose
    from analysis.vocab.types import Limits, Rejection

    t0 = time.perf_counter()
    full = Limits(target_fps=1000.0, max_side_px=10_000)
    clip = video.probe(path, full)
    assert not isinstance(clip, Rejection), clip
    seq = MediaPipePose().estimate(video.iter_frames(clip, full), clip.sample_fps, clip.analysis_size)
    graded = assess(spec_or_generic(exercise), seq, detect_view(seq))
    return time.perf_counter() - t0, len(graded.reps)


def ours(path: str, exercise: str) -> tuple[float, int, dict[str, float]]:
    from analysis import pipeline
    from analysis.vocab.types import AnalysisJob, Rejection

    t0 = time.perf_counter()
    pipeline.init_worker()  # MediaPipe + classifier load: a worker does this once, not per clip
    t_init = time.perf_counter() - t0
    t0 = time.perf_counter()
    result = pipeline.run(AnalysisJob(path=path, exercise_hint=exercise))
    dt = time.perf_counter() - t0
    assert not isinstance(result, Rejection), result
    return dt, len(result.reps), {"worker_init": round(t_init, 2), **result.timings_s}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("clip", nargs="?", default=str(DEFAULT))
    ap.add_argument("--exercise", default="pull_up")
    args = ap.parse_args()
    if not Path(args.clip).exists():
        raise SystemExit(f"clip not found: {args.clip} (pass a path)")
    t_ours, reps_ours, stages = ours(args.clip, args.exercise)
    t_naive, reps_naive = naive(args.clip, args.exercise)
    print(f"clip: {args.clip}")
    print(f"naive:    {t_naive:6.2f} s  reps={reps_naive}")
    print(f"pipeline: {t_ours:6.2f} s  reps={reps_ours}  stages={stages}")
    print(f"speed-up: {t_naive / t_ours:.2f}x  (same rep count: {reps_naive == reps_ours})")


if __name__ == "__main__":
    main()
