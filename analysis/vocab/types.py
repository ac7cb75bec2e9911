"""The values that flow one way through the analysis.

AnalysisJob → Clip → PoseSequence → Classification → Rep → Finding → Assessment (or Rejection).
All are frozen dataclasses; those holding numpy arrays use ``eq=False``. Only AnalysisJob and
Assessment/Rejection cross the process boundary (they pickle; Assessment carries JPEG bytes only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import numpy as np


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NOT_JUDGED = "not_judged"


class Grade(StrEnum):
    PERFECT = "perfect"
    GOOD = "good"
    BAD = "bad"


class View(StrEnum):
    FRONT = "front"
    SIDE = "side"
    OBLIQUE = "oblique"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Limits:
    """Decode limits: what a clip may cost us, whatever its header claims."""

    max_seconds: float = 60.0  # analyse at most this much (the rest is ignored, with a warning)
    min_seconds: float = 1.0  # shorter clips cannot show a repetition
    target_fps: float = 10.0  # frames sampled for pose: rep counts at 7.5 fps match 15 fps on the dev clips
    max_side_px: int = 640  # analysis frames are downscaled so their long side is at most this
    max_source_pixels: int = 8192 * 4320  # refuse to decode anything larger than 8K
    max_file_bytes: int = 200 * 1024 * 1024
    max_decoded_frames: int = 60 * 240  # hard stop on decoded (not sampled) frames


@dataclass(frozen=True)
class AnalysisJob:
    path: str
    exercise_hint: str | None = None  # catalog id; None → the classifier decides
    locale: str = "ko"
    render_video: bool = False
    # The user's recent exercises (catalog ids, newest first): a prior when the classifier is unsure
    # (analysis.classifier.with_prior). A caption (exercise_hint) still wins.
    recent_exercises: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rejection:
    """An outcome the user caused (not a bug): a reason code and the locale key explaining it."""

    code: str  # not_video, corrupt, no_person, too_short, …
    args: dict[str, Any] = field(default_factory=dict)

    @property
    def reason_key(self) -> str:
        return f"rejection-{self.code.replace('_', '-')}"


@dataclass(frozen=True)
class Clip:
    """What the decoder learned about a video; frames are streamed separately (see video.iter_frames)."""

    path: str
    container: str
    codec: str
    source_fps: float  # average frame rate of the stream
    duration_s: float  # of the stream as decoded/claimed
    source_size: tuple[int, int]  # (w, h) after rotation
    analysis_size: tuple[int, int]  # (w, h) of the frames handed to pose estimation
    rotation_deg: int  # rotation applied to the stored frames to make them upright
    sample_fps: float
    analysed_s: float  # min(duration, limits.max_seconds)
    truncated: bool  # True when only the first limits.max_seconds were analysed


@dataclass(frozen=True, eq=False)
class PoseSequence:
    """Landmarks of one person over time, in pixels of the analysis frame.

    xy: [T, J, 2] float32 pixels (NaN where the person was not found); z: [T, J] MediaPipe relative depth;
    visibility: [T, J] in 0..1; t_s: [T] seconds from the clip start. J = len(Landmark) (33 + derived).
    """

    xy: np.ndarray
    z: np.ndarray
    visibility: np.ndarray
    t_s: np.ndarray
    frame_index: np.ndarray  # [T] index of the sampled frame in the source video
    fps: float
    size: tuple[int, int]
    people_max: int = 1  # most people seen in one frame (from the person detector), for warnings
    face_counts: tuple[tuple[float, int], ...] = ()  # (t_s, faces seen) twice a second, when counted
    # [T, J, 3] float32 MediaPipe world landmarks: metres, origin between the hips, y down (NaN where no
    # person was found); None when the estimator gives none (fakes, old caches)
    world: np.ndarray | None = None

    def __len__(self) -> int:
        return int(self.xy.shape[0])

    @property
    def detected(self) -> np.ndarray:
        """[T] bool: a person was found in that frame."""
        return ~np.isnan(self.xy[:, 0, 0])


@dataclass(frozen=True, eq=False)
class Classification:
    exercise: str | None  # catalog id; None = unknown / not an exercise
    confidence: float
    probs: dict[str, float]
    source: str  # "hint" (user/CLI), "model"

    @staticmethod
    def from_hint(exercise: str) -> Classification:
        return Classification(exercise=exercise, confidence=1.0, probs={exercise: 1.0}, source="hint")


@dataclass(frozen=True)
class Rep:
    start: int  # sample index (into PoseSequence)
    bottom: int  # index of the extreme point (deepest squat, top of a curl …)
    end: int


@dataclass(frozen=True)
class RepMetrics:
    """Depth and tempo of one rep (analysis.judge.tempo); None where it could not be measured."""

    rom_share: float | None  # range of motion reached ÷ the exercise's full range (1.0 = full depth)
    down_s: float | None  # seconds of the lowering (eccentric) phase
    pause_s: float | None  # seconds at the working extreme (the bottom of a squat, the top of a curl)
    up_s: float | None  # seconds of the lifting (concentric) phase
    lr_diff_deg: float | None  # |left − right| working-joint angle at the extreme; front views only


@dataclass(frozen=True)
class Finding:
    condition_id: str
    rep: int | None  # index into reps; None for whole-clip findings (holds)
    status: Status
    value: float | None
    threshold: float | None
    unit: str  # "deg", "ratio", "s" …
    message_key: str  # locale key of the cue (why it passed / failed / cannot be judged)
    joints: tuple[int, ...] = ()  # landmarks to paint red when failing
    frame: int | None = None  # sample index where the value was measured


@dataclass(frozen=True)
class KeyFrame:
    label: str  # "best", "worst", "hold" …
    rep: int | None
    sample_index: int
    jpeg: bytes


@dataclass(frozen=True)
class Assessment:
    exercise: str
    classification: Classification
    view: View
    reps: tuple[Rep, ...]
    rep_times_s: tuple[tuple[float, float, float], ...]
    hold_s: float | None
    findings: tuple[Finding, ...]
    rep_grades: tuple[Grade | None, ...]
    grade: Grade | None  # None: not rated (see grade_reason)
    key_frames: tuple[KeyFrame, ...]
    warnings: tuple[str, ...]  # locale keys
    clip: Clip
    timings_s: dict[str, float] = field(default_factory=dict)
    video_mp4: bytes | None = None
    rep_metrics: tuple[RepMetrics, ...] = ()  # one per rep, in order (empty for holds)
    # why grade is None: "nothing_judged", or "not_enough_judged" (a key condition was not judged)
    grade_reason: str | None = None
    # The evidence behind the rep count (analysis.judge.repcount): the hysteresis and period counts, the
    # opinion chosen, the clip's periodicity verdict and period; empty for holds.
    rep_evidence: dict[str, float | str | None] = field(default_factory=dict)

    @property
    def rep_count(self) -> int | None:
        return None if self.hold_s is not None else len(self.reps)
