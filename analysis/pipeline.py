"""The one process-pool entry: `init_worker()` once per process, then `run(job)` per clip.

decode (video) → pose (MediaPipe) → quality gates → classify → reps/checks/grades (assess) → key frames.
Returns an Assessment or a Rejection; anything else is a bug and raises.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from analysis.classifier import Classifier, load_classifier
from analysis.exercises.generic import spec_or_generic
from analysis.judge.assess import assess
from analysis.judge.views import detect_view
from analysis.media import video
from analysis.media.prefetch import prefetch
from analysis.pose import quality
from analysis.pose.cache import PoseCache
from analysis.pose.estimator import MediaPipePose, PoseEstimator
from analysis.report.keyframes import key_frames
from analysis.vocab.types import (
    AnalysisJob,
    Assessment,
    Classification,
    Clip,
    Limits,
    PoseSequence,
    Rejection,
)

T = TypeVar("T")
LIMITS = Limits()
_estimator: PoseEstimator | None = None
_classifier: Classifier | None = None


def init_worker(
    estimator: PoseEstimator | None = None,
    classifier: Classifier | None = None,
    pose_cache_dir: str | None = None,
) -> None:
    """Load MediaPipe and the classifier once (the pool's initializer; also used by tests with fakes).

    pose_cache_dir: evaluation/training only — reuse pose sequences saved by an earlier run.
    """
    global _estimator, _classifier
    _estimator = estimator or MediaPipePose()
    if pose_cache_dir:
        _estimator = PoseCache(_estimator, pose_cache_dir)
    _classifier = classifier or load_classifier()


def run(job: AnalysisJob, limits: Limits = LIMITS) -> Assessment | Rejection:
    if _estimator is None:
        init_worker()
    assert _estimator is not None and _classifier is not None
    timings: dict[str, float] = {}
    clock = _Clock(timings)

    clip = video.probe(job.path, limits)
    if isinstance(clip, Rejection):
        return clip
    seq = clock("pose", lambda: _pose(clip, limits))
    gate = quality.check(seq, clip)
    if isinstance(gate, Rejection):
        return gate
    warnings = gate

    classification = clock("classify", lambda: _classify(job, seq))
    if classification.exercise is None:
        return Rejection("unsure_exercise", {"candidates": _top(classification.probs, 3)})
    spec = spec_or_generic(classification.exercise)
    view = detect_view(seq)
    graded = clock("assess", lambda: assess(spec, seq, view))
    if graded.hold_s is None and not graded.reps:
        warnings = (*warnings, "warning-no-reps")
    frames = clock("render", lambda: key_frames(job, clip, seq, spec, graded, view))
    return Assessment(
        exercise=spec.id,
        classification=classification,
        view=view,
        reps=graded.reps,
        rep_times_s=tuple(
            (float(seq.t_s[r.start]), float(seq.t_s[r.bottom]), float(seq.t_s[r.end])) for r in graded.reps
        ),
        hold_s=graded.hold_s,
        findings=graded.findings,
        rep_grades=graded.rep_grades,
        grade=graded.grade,
        key_frames=frames,
        warnings=tuple(warnings),
        clip=clip,
        timings_s=timings,
        rep_metrics=graded.rep_metrics,
    )


def _pose(clip: Clip, limits: Limits) -> PoseSequence:
    assert _estimator is not None
    frames = prefetch(video.iter_frames(clip, limits))  # decoded on the other core, a few frames ahead
    if isinstance(_estimator, PoseCache):
        return _estimator.estimate_for(clip.path, frames, clip.sample_fps, clip.analysis_size)
    return _estimator.estimate(frames, clip.sample_fps, clip.analysis_size)


def _classify(job: AnalysisJob, seq: PoseSequence) -> Classification:
    if job.exercise_hint:
        return Classification.from_hint(job.exercise_hint)
    assert _classifier is not None
    return _classifier.classify(seq)


def _top(probs: dict[str, float], n: int) -> list[str]:
    """The n likeliest exercises (the background class is no candidate)."""
    ranked = sorted(probs.items(), key=lambda kv: -kv[1])
    return [k for k, _ in ranked if k != "unknown"][:n]


class _Clock:
    """Times each stage into the timings dict."""

    def __init__(self, timings: dict[str, float]) -> None:
        self._t = timings

    def __call__(self, name: str, fn: Callable[[], T]) -> T:
        t0 = time.perf_counter()
        out = fn()
        self._t[name] = round(time.perf_counter() - t0, 3)
        return out
