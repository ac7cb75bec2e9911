"""The one process-pool entry: `init_worker()` once per process, then `run(job)` per clip.

decode (video) → pose (MediaPipe) → quality gates → classify → reps/checks/grades (assess) → key frames.
Returns an Assessment or a Rejection; anything else is a bug and raises.

`run` is three steps that a caller with two idle workers runs apart (bot.jobs.analyzer): `probe_clip`,
then `pose_part` for each segment of `segments.plan(clip, 2)` in its own process, then `finish` on the
joined parts. Each sampled frame is kept as a JPEG while it is decoded the first time, so the key frames
are drawn without decoding the clip again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import cv2
import numpy as np

from analysis.classifier import Classifier, load_classifier, with_prior
from analysis.exercises.registry import spec_or_generic
from analysis.exercises.variants import VARIANTS
from analysis.judge import periodicity
from analysis.judge.assess import Graded, assess
from analysis.judge.repcount import gate_answer
from analysis.judge.spec import variant_of
from analysis.judge.views import detect_view
from analysis.media import cuts, video
from analysis.media.prefetch import prefetch
from analysis.pose import quality, segments
from analysis.pose.cache import PoseCache
from analysis.pose.estimator import Frame, MediaPipePose, PoseEstimator
from analysis.report import render
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
JPEG_QUALITY_PCT = 90  # kept frames: 0.5 ms and ~45 KB each at 640×360 (the key frames are drawn on them)
_estimator: PoseEstimator | None = None
_classifier: Classifier | None = None
_use_period = True  # False: reps by the hysteresis counter alone, no periodicity gate (evaluation only)
_loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="classifier_loader")  # one thread: loads once


def init_worker(
    estimator: PoseEstimator | None = None,
    classifier: Classifier | None = None,
    pose_cache_dir: str | None = None,
    use_period: bool = True,
) -> None:
    """Load MediaPipe and the classifier once (the pool's initializer; also used by tests with fakes).

    pose_cache_dir: evaluation/training only — reuse pose sequences saved by an earlier run.
    use_period: evaluation only — False switches the periodicity step off (the hysteresis counter alone).
    """
    global _estimator, _classifier, _use_period
    _use_period = use_period
    _estimator = estimator or MediaPipePose()
    if pose_cache_dir:
        _estimator = PoseCache(_estimator, pose_cache_dir)
    _classifier = classifier or load_classifier()
    render.warm_up()


def run(job: AnalysisJob, limits: Limits = LIMITS) -> Assessment | Rejection:
    """The whole analysis of one clip in this process. In a process that was not initialised (the CLI),
    MediaPipe is loaded first and the classifier, when the job needs one, meanwhile on another thread."""
    if job.exercise_hint is None and _classifier is None:
        _loader.submit(_load_classifier)
    clip = probe_clip(job, limits)
    if isinstance(clip, Rejection):
        return clip
    return finish(job, clip, pose_part(job, clip, segments.WHOLE, limits))


def probe_clip(job: AnalysisJob, limits: Limits = LIMITS) -> Clip | Rejection:
    return video.probe(job.path, limits)


def pose_part(
    job: AnalysisJob, clip: Clip, segment: segments.Segment, limits: Limits = LIMITS
) -> segments.PosePart:
    """The pose of one segment of the clip, with its frames as JPEG (decoded on the other core)."""
    global _estimator
    if _estimator is None:
        _estimator = MediaPipePose()
    t0 = time.perf_counter()
    kept: list[bytes] = []
    scene: list[cuts.Change] = []  # (t_s, content value, colour change) per kept frame: shot cuts
    meter = cuts.SceneMeter()

    def keep(frames: Iterator[Frame]) -> Iterator[Frame]:
        for frame in frames:
            content, colour = meter.add(frame[2])
            if frame[1] >= segment.start_s:
                kept.append(encode_jpeg(frame[2]))
                scene.append((frame[1], content, colour))
            yield frame

    frames = prefetch(keep(video.iter_frames(clip, limits, segment.track_from_s, segment.end_s)))
    if isinstance(_estimator, PoseCache) and segment == segments.WHOLE:
        seq = _estimator.estimate_for(clip.path, frames, clip.sample_fps, clip.analysis_size)
        for _ in frames:  # a cache hit (evaluation) skips the pose, not the frames' cuts and key frames
            pass
    else:
        seq = _estimator.estimate(frames, clip.sample_fps, clip.analysis_size)
    seq = segments.from_start(seq, segment.start_s)
    timing = {"pose": round(time.perf_counter() - t0, 3)}
    return segments.PosePart(seq, tuple(kept), timing, tuple(scene))


def finish(job: AnalysisJob, clip: Clip, part: segments.PosePart) -> Assessment | Rejection:
    """Everything after the pose, on the (joined) pose of the whole clip."""
    timings: dict[str, float] = dict(part.timings_s)
    clock = _Clock(timings)
    seq = part.seq
    gate = quality.check(seq, clip)
    if isinstance(gate, Rejection):
        return gate
    warnings = gate
    if cuts.is_compilation(part.scene):
        return Rejection("edited_clip")

    classification = clock("classify", lambda: _classify(job, seq))
    if classification.exercise is None:
        return Rejection("unsure_exercise", {"candidates": _top(classification.probs, 3)})
    period = clock("periodicity", lambda: periodicity.estimate(seq)) if _use_period else None
    view = detect_view(seq)
    spec, variant = variant_of(spec_or_generic(classification.exercise), seq, view, VARIANTS)
    graded = clock("assess", lambda: assess(spec, seq, view, period, _use_period))
    if period is not None:
        classification = gate_answer(classification, period, spec.hold is not None, len(graded.reps))
        if classification.exercise is None:
            return Rejection("unsure_exercise", {"candidates": _top(classification.probs, 3)})
    if graded.hold_s is None and not graded.reps:
        warnings = (*warnings, "warning-no-reps")
    frames = clock("render", lambda: key_frames(job, part.frames, seq, spec, graded, view))
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
        grade_reason=graded.grade_reason,
        rep_evidence={**_evidence(graded), **({"variant": variant} if variant else {})},
    )


def _evidence(graded: Graded) -> dict[str, float | str | None]:
    o = graded.opinions
    if o is None:
        return {}
    p = o.periodicity
    return {
        "hysteresis": o.hysteresis,
        "period": o.period,
        "chosen": o.chosen,
        "verdict": str(p.verdict),
        "period_s": p.period_s,
        "strength": p.strength,
    }


def encode_jpeg(rgb: np.ndarray, quality_pct: int = JPEG_QUALITY_PCT) -> bytes:
    bgr = cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)
    ok, buf = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, quality_pct])
    assert ok, "OpenCV could not encode a frame as JPEG"
    return buf.tobytes()


def _classify(job: AnalysisJob, seq: PoseSequence) -> Classification:
    if job.exercise_hint:
        return Classification.from_hint(job.exercise_hint)
    return with_prior(_loader.submit(_load_classifier).result().classify(seq), job.recent_exercises)


def _load_classifier() -> Classifier:
    """The classifier, loaded once (calls from the loader thread run one after the other)."""
    global _classifier
    if _classifier is None:
        _classifier = load_classifier()
    return _classifier


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
