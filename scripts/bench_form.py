"""Benchmark: what the form work of issue 14 costs on top of the pipeline, in one run on one clip.

Issue 14's speed acceptance: the added work costs ≤ 10 % of the pipeline time for a 10 s clip. The added
work is
- the world landmarks in the estimator (`_to_world` per frame, timed inside the run, and their share of
  `assemble`: assemble with world − without);
- periodicity (the periodicity estimate, timed inside the run);
- the variant check (analysis.judge.spec.variant_of: is this push-up an incline one?);
- in assess: the 3D checks and alts, the key-condition grading and the period count — assess as the
  pipeline called it minus assess on a copy of the pose without world landmarks, the spec without key
  conditions and use_period=False (the pre-issue judge);
- the 2D-vs-3D agreement (analysis.judge.agreement) is evaluation-only (form_eval), not part of the
  pipeline: it is timed and printed apart, and counted in the "worst case" line.

The pipeline is timed once (analysis.pipeline.run, one process, a warm worker: MediaPipe loaded
beforehand, as the bot's workers are); the judge steps, a few ms each, are re-timed on the run's pose
(median of --repeat). The same assess deltas are also printed for the push-up spec with the view forced to
front, so every 3D alt runs (the most 3D work any spec asks for today).

    .venv/bin/python scripts/bench_form.py [CLIP] [--exercise pull_up] [--repeat 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("GLOG_minloglevel", "2")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared/data/clips/calimiro_workouttracker/pull-ups/pull_up_6.mp4"


class Timed:
    """Wraps a function: sums the seconds spent in it and keeps the last call's arguments."""

    def __init__(self, fn: Callable[..., Any]) -> None:
        self.fn, self.total_s, self.calls, self.last = fn, 0.0, 0, ((), {})

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return self.fn(*args, **kwargs)
        finally:
            self.total_s += time.perf_counter() - t0
            self.calls += 1
            self.last = (args, kwargs)


def median_s(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm-up (first allocations, imports)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("clip", nargs="?", default=str(DEFAULT))
    ap.add_argument("--exercise", default="pull_up")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    if not Path(args.clip).exists():
        raise SystemExit(f"clip not found: {args.clip} (pass a path)")

    from analysis import pipeline
    from analysis.exercises.upper_body import PUSH_UP
    from analysis.exercises.variants import INCLINE_PUSH_UP, VARIANTS
    from analysis.judge import periodicity
    from analysis.judge.agreement import agreement
    from analysis.judge.assess import assess
    from analysis.judge.spec import variant_of
    from analysis.pose import estimator
    from analysis.vocab.types import AnalysisJob, Rejection, View

    pipeline.init_worker()  # MediaPipe + classifier: once per worker, not per clip
    to_world, assemble = Timed(estimator._to_world), Timed(estimator.assemble)
    period_est, assessed = Timed(periodicity.estimate), Timed(assess)
    estimator._to_world, estimator.assemble = to_world, assemble  # type: ignore[assignment]
    periodicity.estimate, pipeline.assess = period_est, assessed  # type: ignore[assignment]

    t0 = time.perf_counter()
    result = pipeline.run(AnalysisJob(path=args.clip, exercise_hint=args.exercise))
    t_pipeline = time.perf_counter() - t0
    assert not isinstance(result, Rejection), result
    estimator._to_world, estimator.assemble = to_world.fn, assemble.fn  # type: ignore[assignment]
    periodicity.estimate = period_est.fn  # type: ignore[assignment]

    (raw, t_s, index, fps, size, world), _ = assemble.last
    (spec, seq, view, period, _use), _ = assessed.last
    flat = replace(seq, world=None)
    t_assemble = median_s(lambda: estimator.assemble(raw, t_s, index, fps, size, world), args.repeat)
    t_assemble0 = median_s(lambda: estimator.assemble(raw, t_s, index, fps, size), args.repeat)
    t_period = median_s(lambda: periodicity.estimate(seq), args.repeat)

    def judge(s: Any, v: View) -> tuple[float, float, float]:
        full = median_s(lambda: assess(s, seq, v, period, True), args.repeat)
        bare = median_s(lambda: assess(replace(s, key=()), flat, v, None, False), args.repeat)
        reps = assess(s, seq, v, period, True).reps
        agree = median_s(lambda: agreement(s, seq, reps), args.repeat)
        return full, bare, agree

    t_full, t_bare, t_agree = judge(spec, view)
    t_variant = median_s(lambda: variant_of(spec, seq, view, VARIANTS), args.repeat)
    world_s = to_world.total_s + max(0.0, t_assemble - t_assemble0)
    added = world_s + t_period + t_variant + max(0.0, t_full - t_bare)
    ms = 1000.0
    print(f"clip: {args.clip}  exercise={spec.id}  view={view}  frames={len(seq)}  reps={len(result.reps)}")
    print(f"pipeline (one run, warm worker): {t_pipeline:6.2f} s  stages={result.timings_s}")
    grow = f"{t_assemble0 * ms:.1f} → {t_assemble * ms:.1f}"
    print(
        f"  world landmarks: _to_world {to_world.total_s * ms:6.1f} ms over {to_world.calls} frames, "
        f"assemble +{(t_assemble - t_assemble0) * ms:.1f} ms ({grow})"
    )
    print(f"  periodicity estimate: {t_period * ms:6.1f} ms (in the run: {period_est.total_s * ms:.1f} ms)")
    print(
        f"  assess: {t_full * ms:6.1f} ms with 3D + key + period vs {t_bare * ms:6.1f} ms without "
        f"({(t_full - t_bare) * ms:+.1f} ms)"
    )
    print(f"  variant check: {t_variant * ms:6.2f} ms")
    print(f"added work: {added * ms:6.1f} ms = {100 * added / t_pipeline:.2f} % of the pipeline (limit 10 %)")
    print(
        f"  2D-vs-3D agreement (evaluation only): {t_agree * ms:.1f} ms; "
        f"worst case with it: {100 * (added + t_agree) / t_pipeline:.2f} %"
    )
    p_variant = median_s(lambda: variant_of(PUSH_UP, seq, View.FRONT, VARIANTS), args.repeat)
    for label, sp in (("push-up", PUSH_UP), ("incline push-up", INCLINE_PUSH_UP)):
        p_full, p_bare, p_agree = judge(sp, View.FRONT)
        p_added = world_s + t_period + p_variant + max(0.0, p_full - p_bare) + p_agree
        print(
            f"{label} spec, view forced front (every 3D alt runs): assess {p_full * ms:.1f} vs "
            f"{p_bare * ms:.1f} ms, variant check {p_variant * ms:.1f} ms, agreement {p_agree * ms:.1f} ms "
            f"→ {100 * p_added / t_pipeline:.2f} % with the agreement"
        )


if __name__ == "__main__":
    main()
