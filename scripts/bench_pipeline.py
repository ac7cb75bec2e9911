"""Benchmark: the pipeline vs the naive way, measured in one run on the same clip.

naive        = every decoded frame, at full resolution, through MediaPipe in one process, then the same
               rep counting and checks;
pipeline     = analysis.pipeline.run in this process (sampling to Limits.target_fps, downscaling to
               Limits.max_side_px, decoding on the second core, key frames kept while decoding);
pipeline ×2  = the bot's pool (bot.jobs.analyzer.Analyzer, 2 warm workers) on an idle machine: the clip's
               pose is shared by both workers (analysis.pose.segments);
inference    = MediaPipe's pose.process alone on the pipeline's sampled frames, decoded beforehand.

Prints the wall times, the ratios the speed issue asks for (pipeline vs naive, pose step vs pure
inference, render), per-stage times, and every rep count (equal accuracy is part of the claim). Default
clip: a 10 s 720p 30 fps pull-up clip from ../shared when present.

    .venv/bin/python scripts/bench_pipeline.py [CLIP] [--exercise pull_up]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("GLOG_minloglevel", "2")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared/data/clips/calimiro_workouttracker/pull-ups/pull_up_6.mp4"


def naive(path: str, exercise: str) -> tuple[float, int]:
    from analysis.exercises.registry import spec_or_generic
    from analysis.judge.assess import assess
    from analysis.judge.views import detect_view
    from analysis.media import video
    from analysis.pose.estimator import MediaPipePose
    from analysis.vocab.types import Limits, Rejection

    estimator = MediaPipePose()  # its one-time start is not counted: a worker pays it once
    t0 = time.perf_counter()
    full = Limits(target_fps=1000.0, max_side_px=10_000)
    clip = video.probe(path, full)
    assert not isinstance(clip, Rejection), clip
    seq = estimator.estimate(video.iter_frames(clip, full), clip.sample_fps, clip.analysis_size)
    graded = assess(spec_or_generic(exercise), seq, detect_view(seq))
    return time.perf_counter() - t0, len(graded.reps)


def inference(path: str) -> tuple[float, int]:
    """Seconds of MediaPipe pose inference alone on the pipeline's sampled frames (a fresh tracker)."""
    import mediapipe as mp

    from analysis.media import video
    from analysis.vocab.types import Limits, Rejection

    clip = video.probe(path, Limits())
    assert not isinstance(clip, Rejection), clip
    frames = [rgb for _, _, rgb in video.iter_frames(clip, Limits())]
    options = {"static_image_mode": False, "model_complexity": 1, "smooth_landmarks": True}
    with mp.solutions.pose.Pose(**options) as warm:
        warm.process(frames[0])
    total = 0.0
    with mp.solutions.pose.Pose(**options) as pose:
        for rgb in frames:
            t0 = time.perf_counter()
            pose.process(rgb)
            total += time.perf_counter() - t0
    return total, len(frames)


def single(path: str, exercise: str) -> tuple[float, int, dict[str, float]]:
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


async def shared(path: str, exercise: str) -> tuple[float, int, dict[str, float]]:
    from analysis.vocab.types import AnalysisJob, Rejection
    from bot.jobs.analyzer import Analyzer

    analyzer = Analyzer(2, share_idle=True)
    await analyzer.start()
    try:
        t0 = time.perf_counter()
        result = await analyzer.analyze(AnalysisJob(path=path, exercise_hint=exercise))
        dt = time.perf_counter() - t0
    finally:
        await analyzer.stop()
    assert not isinstance(result, Rejection), result
    assert analyzer.splits == 1, "the clip was not shared by the two workers"
    return dt, len(result.reps), dict(result.timings_s)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("clip", nargs="?", default=str(DEFAULT))
    ap.add_argument("--exercise", default="pull_up")
    args = ap.parse_args()
    if not Path(args.clip).exists():
        raise SystemExit(f"clip not found: {args.clip} (pass a path)")
    t_two, reps_two, stages_two = asyncio.run(shared(args.clip, args.exercise))
    t_one, reps_one, stages = single(args.clip, args.exercise)
    t_inf, n_frames = inference(args.clip)
    t_naive, reps_naive = naive(args.clip, args.exercise)
    print(f"clip: {args.clip}")
    print(f"naive:        {t_naive:6.2f} s  reps={reps_naive}")
    print(f"pipeline:     {t_one:6.2f} s  reps={reps_one}  stages={stages}")
    print(f"pipeline x2:  {t_two:6.2f} s  reps={reps_two}  stages={stages_two}")
    print(f"speed-up vs naive: {t_naive / t_one:.2f}x in one process, {t_naive / t_two:.2f}x on two workers")
    print(f"pose step {stages['pose']:.2f} s vs pure inference {t_inf:.2f} s on the same {n_frames} frames: "
          f"{stages['pose'] / t_inf:.2f}x")  # fmt: skip
    render_ms = stages["render"] * 1000, stages_two["render"] * 1000
    print(f"render: {render_ms[0]:.0f} ms (one process), {render_ms[1]:.0f} ms (two workers)")
    print(f"same rep count: {reps_naive == reps_one == reps_two}")


if __name__ == "__main__":
    main()
