"""The real pipeline on the 55 clips counted by eye (issue 16; tests/data/by_eye_reps.csv, made as
tests/data/README.md says): no clip crashes, every clip gets a grade or a "not rated" with a filming hint,
and FormCoach's reps are within one of the by-eye count.

The clips come from ../shared (skipped when absent). MediaPipe on all 55 takes minutes on a CPU; with
``FORMCOACH_TEST_POSE_CACHE=DIR`` (a pose cache, analysis.pose.cache, e.g. one ``formcoach evaluate
--pose-cache DIR`` filled) the module takes seconds. ``scripts/by_eye_reps.py`` prints the same verdicts
per clip with the figures.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator

import pytest

from analysis import pipeline
from analysis.vocab import catalog
from scripts.by_eye_reps import BY_EYE_CSV, ClipVerdict, figures, judge, read_by_eye
from tests.paths import CLIPS

NO_CLIPS = "../shared/data/clips not present"


def verdict(
    by_eye: int | None, reps: int | None, grade: str | None = "good", hint: str | None = None
) -> ClipVerdict:
    return ClipVerdict("a.mp4", "squat", by_eye, reps, None, grade, None if grade else "x", hint, 0.1)


def test_the_figures_count_clips_within_one_and_the_mean_error() -> None:
    vs = [verdict(3, 3), verdict(3, 4), verdict(5, 2), verdict(None, 7), verdict(2, None)]
    n, within, mae, exact = figures(vs)
    assert n == 4  # the clip without a by-eye count is left out; a clip without reps counts as 0
    assert within == pytest.approx(2 / 4) and mae == pytest.approx((0 + 1 + 3 + 2) / 4)
    assert exact == pytest.approx(1 / 4)


def test_a_clip_passes_with_a_grade_or_with_a_filming_hint_only() -> None:
    assert verdict(3, 3, "perfect").rated_or_hinted
    assert verdict(3, 3, None, "feedback-film-side").rated_or_hinted
    assert not verdict(3, 3, None, None).rated_or_hinted  # "nothing could be judged", and no hint


def test_the_by_eye_table_was_counted_twice_and_says_why_a_count_is_missing() -> None:
    rows = read_by_eye(BY_EYE_CSV)
    assert len(rows) == 55 and len({r.path for r in rows}) == 55
    assert all(r.exercise in catalog.CATALOG for r in rows)
    with open(BY_EYE_CSV, newline="", encoding="utf-8") as fh:
        raw = list(csv.DictReader(fh))
    assert all(r["reps"] == r["reps_pass1"] == r["reps_pass2"] for r in raw)  # settled where they differed
    assert all(r["notes"].strip() for r in raw if not r["reps"].strip())  # a missing count says why


@pytest.fixture(scope="module")
def verdicts() -> Iterator[list[ClipVerdict]]:
    pipeline.init_worker(pose_cache_dir=os.environ.get("FORMCOACH_TEST_POSE_CACHE") or None)
    yield [judge(r, CLIPS) for r in read_by_eye(BY_EYE_CSV)]
    pipeline._estimator = None
    pipeline._classifier = None


@pytest.mark.slow
@pytest.mark.skipif(not CLIPS.exists(), reason=NO_CLIPS)
def test_no_clip_crashes(verdicts: list[ClipVerdict]) -> None:
    assert [f"{v.path}: {v.error}" for v in verdicts if v.error] == []


@pytest.mark.slow
@pytest.mark.skipif(not CLIPS.exists(), reason=NO_CLIPS)
@pytest.mark.xfail(
    strict=True,
    reason="issue 16, open: 13 clips end 'nothing_judged' and the bot gives no filming hint for that "
    "reason (bot.replies.unrated.not_rated), though 10 of them carry hint-film-side on every key "
    "condition; see the branch report",
)
def test_every_clip_is_rated_or_not_rated_with_a_filming_hint(verdicts: list[ClipVerdict]) -> None:
    assert [f"{v.path} ({v.reason})" for v in verdicts if not v.rated_or_hinted] == []


@pytest.mark.slow
@pytest.mark.skipif(not CLIPS.exists(), reason=NO_CLIPS)
@pytest.mark.xfail(
    strict=True,
    reason="issue 16, open: 6 of the 50 counted clips are off by more than one (high knees, crunches "
    "across camera cuts, an oblique russian twist, a zooming shrug, a cut-edited curl, a rejected GIF); "
    "see the branch report",
)
def test_reps_are_within_one_of_the_by_eye_count(verdicts: list[ClipVerdict]) -> None:
    far = [f"{v.path}: by eye {v.by_eye}, FormCoach {v.reps}" for v in verdicts if (v.diff or 0) > 1]
    assert far == []
