"""Findings → a grade per rep and overall (AI Hub rule: Perfect = all met; Good = 3+ met, or 2 of 3)."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.vocab.types import Finding, Grade, Status


def grade_of(statuses: Sequence[Status]) -> Grade | None:
    """Grade one rep from its condition statuses; None when nothing could be judged.

    Not-judged conditions are left out of the count. Good needs 3 met conditions when 4 or more were
    judged, and all but one when 3 or fewer were (2 of 3, 1 of 2).
    """
    judged = [s for s in statuses if s is not Status.NOT_JUDGED]
    if not judged:
        return None
    met = sum(s is Status.PASS for s in judged)
    if met == len(judged):
        return Grade.PERFECT
    good_needs = 3 if len(judged) >= 4 else max(1, len(judged) - 1)
    return Grade.GOOD if met >= good_needs else Grade.BAD


def overall_status(findings: Sequence[Finding]) -> Status:
    """A condition's verdict over the clip: failed when it failed in at least half the judged reps."""
    judged = [f for f in findings if f.status is not Status.NOT_JUDGED]
    if not judged:
        return Status.NOT_JUDGED
    fails = sum(f.status is Status.FAIL for f in judged)
    return Status.FAIL if fails * 2 >= len(judged) else Status.PASS


def overall_grade(rep_grades: Sequence[Grade | None]) -> Grade | None:
    """The median rep grade (ties toward the better grade); None when no rep was graded."""
    order = [Grade.PERFECT, Grade.GOOD, Grade.BAD]
    ranked = sorted(order.index(g) for g in rep_grades if g is not None)
    if not ranked:
        return None
    return order[ranked[(len(ranked) - 1) // 2]]
