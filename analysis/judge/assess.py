"""PoseSequence + exercise spec → reps (or hold), per-rep findings and grades. Pure, no I/O."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.judge.grading import grade_of, grade_reason, key_statuses, overall_grade, overall_status
from analysis.judge.measures import Body
from analysis.judge.periodicity import Periodicity
from analysis.judge.repcount import RepOpinions, counted
from analysis.judge.reps import hold_duration
from analysis.judge.rules import Span
from analysis.judge.spec import ExerciseSpec
from analysis.judge.tempo import rep_metrics
from analysis.vocab.types import Finding, Grade, PoseSequence, Rep, RepMetrics, Status, View


@dataclass(frozen=True)
class Graded:
    reps: tuple[Rep, ...]
    hold_s: float | None
    hold_span: tuple[int, int] | None
    findings: tuple[Finding, ...]
    rep_grades: tuple[Grade | None, ...]
    grade: Grade | None
    signal: np.ndarray | None  # the rep signal (for plots/debugging), not serialised
    rep_metrics: tuple[RepMetrics, ...] = ()  # depth and tempo per rep (analysis.judge.tempo)
    grade_reason: str | None = None  # why grade is None (analysis.judge.grading.GRADE_REASONS)
    opinions: RepOpinions | None = None  # the hysteresis and period counts behind `reps`


def assess(
    spec: ExerciseSpec,
    seq: PoseSequence,
    view: View,
    periodicity: Periodicity | None = None,
    use_period: bool = True,
) -> Graded:
    """use_period=False: reps by the hysteresis counter alone (no periodicity gate nor period count)."""
    body = Body.of(seq)
    if spec.hold is not None:
        return _assess_hold(spec, body, seq, view)
    assert spec.reps is not None
    reps, sig, opinions = counted(spec.reps, body, seq, use_period, periodicity)
    findings = tuple(
        rule.evaluate(spec.id, body, view, Span.of_rep(i, r), seq.t_s)
        for i, r in enumerate(reps)
        for rule in spec.rules
    )
    per_rep = [[f for f in findings if f.rep == i] for i in range(len(reps))]
    rep_grades = tuple(grade_of([f.status for f in fs], key_statuses(fs, spec.key)) for fs in per_rep)
    grade = overall_grade(rep_grades)
    return Graded(
        reps=reps,
        hold_s=None,
        hold_span=None,
        findings=findings,
        rep_grades=rep_grades,
        grade=grade,
        signal=sig.raw,
        rep_metrics=rep_metrics(spec.reps, body, sig, reps, seq.t_s, view, spec.angle_joints),
        grade_reason=grade_reason(grade, [f.status for f in findings]),
        opinions=opinions,
    )


def _assess_hold(spec: ExerciseSpec, body: Body, seq: PoseSequence, view: View) -> Graded:
    assert spec.hold is not None
    hold_s, span = hold_duration(spec.hold, body, seq.t_s)
    if span is None:
        return Graded((), 0.0, None, (), (), None, None, grade_reason=grade_reason(None, []))
    mid = (span[0] + span[1]) // 2
    whole = Span(rep=None, start=span[0], bottom=mid, end=span[1])
    findings = tuple(rule.evaluate(spec.id, body, view, whole, seq.t_s) for rule in spec.rules)
    statuses = [f.status for f in findings]
    grade = grade_of(statuses, key_statuses(findings, spec.key))
    reason = grade_reason(grade, statuses)
    return Graded((), round(hold_s, 1), span, findings, (), grade, None, grade_reason=reason)


def condition_summary(spec: ExerciseSpec, findings: tuple[Finding, ...]) -> dict[str, Status]:
    """Each condition's verdict over the whole clip (see grading.overall_status)."""
    return {
        rule.condition_id: overall_status([f for f in findings if f.condition_id == rule.condition_id])
        for rule in spec.rules
    }
