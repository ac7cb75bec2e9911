"""Pick the key moments (best and worst rep at their deepest point, or the middle of a hold) and draw them."""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

from analysis.judge.assess import Graded
from analysis.judge.measures import Body
from analysis.judge.spec import ExerciseSpec
from analysis.report.i18n import translate
from analysis.report.render import BAD_COLOUR, OK_COLOUR, draw_frame
from analysis.vocab.types import AnalysisJob, Finding, Grade, KeyFrame, PoseSequence, Status, View

GRADE_COLOUR = {Grade.PERFECT: OK_COLOUR, Grade.GOOD: (255, 200, 40), Grade.BAD: BAD_COLOUR}


def pick(graded: Graded) -> list[tuple[str, int | None, int]]:
    """[(label, rep index or None, sample index)]: worst and best rep bottoms, or the hold's middle."""
    if graded.hold_span is not None:
        return [("hold", None, (graded.hold_span[0] + graded.hold_span[1]) // 2)]
    if not graded.reps:
        return []
    fails = [
        sum(f.status is Status.FAIL for f in graded.findings if f.rep == i) for i in range(len(graded.reps))
    ]
    worst = max(range(len(fails)), key=lambda i: (fails[i], -i))
    best = min(range(len(fails)), key=lambda i: (fails[i], i))
    chosen = [("worst", worst, graded.reps[worst].bottom)]
    if best != worst:
        chosen.append(("best", best, graded.reps[best].bottom))
    return chosen


def key_frames(
    job: AnalysisJob,
    frames: Sequence[bytes],
    seq: PoseSequence,
    spec: ExerciseSpec,
    graded: Graded,
    view: View,
) -> tuple[KeyFrame, ...]:
    """The chosen moments drawn on the frames kept while decoding (``frames[i]``: JPEG of sample i, at the
    analysis size; empty when the pose came from a cache)."""
    chosen = [c for c in pick(graded) if c[2] < len(frames)]
    if not chosen:
        return ()
    near = Body.of(seq).near
    out: list[KeyFrame] = []
    for label, rep, sample in chosen:
        rgb = _decode(frames[sample])
        rep_findings = [f for f in graded.findings if f.rep == rep]
        grade = graded.rep_grades[rep] if rep is not None else graded.grade
        jpeg = draw_frame(
            rgb,
            seq.xy[sample],
            seq.visibility[sample],
            scale=rgb.shape[1] / seq.size[0],
            bad_joints=_bad_joints(rep_findings),
            angle_joints=spec.angle_joints,
            near_side=near,
            caption=_caption(job.locale, rep, grade, graded.hold_s),
            grade_colour=GRADE_COLOUR.get(grade, OK_COLOUR) if grade else OK_COLOUR,
        )
        out.append(KeyFrame(label=label, rep=rep, sample_index=sample, jpeg=jpeg))
    return tuple(out)


def _decode(jpeg: bytes) -> np.ndarray:
    bgr = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    return cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)


def _bad_joints(findings: list[Finding]) -> set[int]:
    return {j for f in findings if f.status is Status.FAIL for j in f.joints}


def _caption(locale: str, rep: int | None, grade: Grade | None, hold_s: float | None) -> str:
    grade_text = translate(f"grade-{grade.value}", locale) if grade else translate("grade-none", locale)
    if rep is None:
        return translate("frame-caption-hold", locale, seconds=round(hold_s or 0.0), grade=grade_text)
    return translate("frame-caption-rep", locale, rep=rep + 1, grade=grade_text)
