import pytest

from analysis.judge.grading import (
    NOT_ENOUGH_JUDGED,
    NOTHING_JUDGED,
    grade_of,
    grade_reason,
    key_statuses,
    overall_grade,
    overall_status,
)
from analysis.vocab.types import Finding, Grade, Status

P, F, N = Status.PASS, Status.FAIL, Status.NOT_JUDGED


@pytest.mark.parametrize(
    ("statuses", "grade"),
    [
        ([P, P, P, P, P], Grade.PERFECT),
        ([P, P, P, F, F], Grade.GOOD),  # 3 of 5 met
        ([P, P, F, F, F], Grade.BAD),
        ([P, P, P, F], Grade.GOOD),
        ([P, P, F], Grade.GOOD),  # 2 of 3 for 3-condition exercises
        ([P, F, F], Grade.BAD),
        ([P, P, N, N, F], Grade.GOOD),  # 3 judged: 2 of 3 is enough
        ([P, N, N, N, F], Grade.GOOD),  # 2 judged: all but one
        ([F, N, N, N, F], Grade.BAD),
        ([P, N, N, N, N], Grade.PERFECT),
        ([N, N, N], None),
    ],
)
def test_grade_of(statuses, grade):
    assert grade_of(statuses) is grade


def _f(status: Status, rep: int) -> Finding:
    return Finding("c", rep, status, 1.0, 1.0, "deg", "k")


def test_overall_status_majority_of_judged_reps():
    assert overall_status([_f(P, 0), _f(F, 1), _f(F, 2)]) is Status.FAIL
    assert overall_status([_f(P, 0), _f(P, 1), _f(F, 2)]) is Status.PASS
    assert overall_status([_f(N, 0)]) is Status.NOT_JUDGED


def test_overall_grade_is_median():
    assert overall_grade([Grade.PERFECT, Grade.BAD, Grade.GOOD]) is Grade.GOOD
    assert overall_grade([Grade.PERFECT, Grade.BAD]) is Grade.PERFECT
    assert overall_grade([None]) is None


@pytest.mark.parametrize(
    ("statuses", "key", "grade"),
    [
        ([P, P, N, N], [P, N], None),  # one key condition unseen: no grade, however well the rest went
        ([P, F, F, N], [N], None),  # not even Bad: nothing is said about what was not seen
        ([P, P, N, N], [P, P], Grade.PERFECT),  # every key condition judged: the usual rule
        ([P, F, N], [F], Grade.GOOD),
        ([N, N], [N], None),
    ],
)
def test_grade_of_needs_every_key_condition(statuses, key, grade):
    assert grade_of(statuses, key) is grade


def test_grade_reason_tells_nothing_from_not_enough():
    assert grade_reason(None, [N, N]) == NOTHING_JUDGED
    assert grade_reason(None, []) == NOTHING_JUDGED
    assert grade_reason(None, [P, N]) == NOT_ENOUGH_JUDGED
    assert grade_reason(Grade.GOOD, [P, F, N]) is None


def test_key_statuses_picks_the_key_conditions():
    fs = [Finding("a", 0, P, 1.0, 1.0, "deg", "k"), Finding("b", 0, N, None, 1.0, "deg", "k")]
    assert key_statuses(fs, ("b",)) == [N]
    assert key_statuses(fs, ()) == []
