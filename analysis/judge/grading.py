"""Findings → a grade per rep and overall (AI Hub rule: Perfect = all met; Good = 3+ met, or 2 of 3).

No grade without its key conditions: an exercise names the conditions a verdict cannot do without
(``ExerciseSpec.key``); when one of them was not judged (the wrong view, hidden joints), the rep gets no
grade ("not rated", reason ``not_enough_judged``) however well the rest went — never praise for what was
not seen. The conditions that were judged are still reported.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.vocab.types import Finding, Grade, Status

NOTHING_JUDGED = "nothing_judged"  # no condition could be judged at all
NOT_ENOUGH_JUDGED = "not_enough_judged"  # some were, but not every key condition
GRADE_REASONS = (NOTHING_JUDGED, NOT_ENOUGH_JUDGED)


def grade_of(statuses: Sequence[Status], key: Sequence[Status] = ()) -> Grade | None:
    """Grade one rep from its condition statuses; None when nothing could be judged, or when any of the
    key conditions' statuses (``key``, a subset of ``statuses``) is not judged.

    Not-judged conditions are left out of the count. Good needs 3 met conditions when 4 or more were
    judged, and all but one when 3 or fewer were (2 of 3, 1 of 2).
    """
    judged = [s for s in statuses if s is not Status.NOT_JUDGED]
    if not judged or any(s is Status.NOT_JUDGED for s in key):
        return None
    met = sum(s is Status.PASS for s in judged)
    if met == len(judged):
        return Grade.PERFECT
    good_needs = 3 if len(judged) >= 4 else max(1, len(judged) - 1)
    return Grade.GOOD if met >= good_needs else Grade.BAD


def grade_reason(grade: Grade | None, statuses: Sequence[Status]) -> str | None:
    """Why ``grade`` (of a rep or a clip with these statuses) is missing; None when there is a grade."""
    if grade is not None:
        return None
    return NOT_ENOUGH_JUDGED if any(s is not Status.NOT_JUDGED for s in statuses) else NOTHING_JUDGED


def key_statuses(findings: Sequence[Finding], key: Sequence[str]) -> list[Status]:
    """The statuses of the key conditions among ``findings`` (one rep's, or a hold's)."""
    return [f.status for f in findings if f.condition_id in key]


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
