"""The real pipeline on the clips counted by eye (issue 16; tests/data/by_eye_reps.csv, made as
tests/data/README.md says): no clip crashes, every clip gets a grade or a "not rated" with a filming hint,
and FormCoach's reps are within one of the by-eye count (or the clip is refused as an edit of several shots
or for showing nobody, with a filming message: no count stands in for one there).

The clips come from ../shared (skipped when absent). MediaPipe on all 55 takes minutes on a CPU, so the
suite runs a stratified SUBSET (one clip per exercise family whose count the analysis's changes touch,
≈ 35 s); ``FORMCOACH_BY_EYE_ALL=1`` runs all 55, and ``FORMCOACH_TEST_POSE_CACHE=DIR`` (a pose cache,
analysis.pose.cache, e.g. one ``formcoach evaluate --pose-cache DIR`` filled) makes either take seconds.
``scripts/by_eye_reps.py`` is the full measurement: the verdicts per clip with the figures.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterator

import pytest

from analysis import pipeline
from analysis.vocab import catalog
from scripts.by_eye_reps import BY_EYE_CSV, ByEye, ClipVerdict, figures, judge, read_by_eye
from tests.paths import CLIPS

NO_CLIPS = "../shared/data/clips not present"
ALL = os.environ.get("FORMCOACH_BY_EYE_ALL") == "1"
# one clip per exercise family: the alternating sides (high knees, bicycle crunch), the twist from an
# oblique camera (two sources), the zooming shrug, a crunch, a press, a curl, a hinge, a raise and a row
SUBSET = (
    "tomnotch_exercise_videos/high_knees.mp4",
    "thesebitzu_gym_app_ai/bicycle_crunches.mp4",
    "thesebitzu_gym_app_ai/russian_twists.mp4",
    "kaiakol_posetrainer/russiantwist/correct/russiantwist_correct_001.mp4",
    "thesebitzu_gym_app_ai/barbell_shrug_ins.mp4",
    "thesebitzu_gym_app_ai/crunches.mp4",
    "thesebitzu_gym_app_ai/incline_bench_press.mp4",
    "ketanpaliwal_curl/curl.mp4",  # a half curl and a small lift after two full ones (the partial rule)
    "thesebitzu_gym_app_ai/deadlift.mp4",
    "noorashraf_hci_project_phase_2/lateral_raise.mp4",
    "thesebitzu_gym_app_ai/db_rows.mp4",
)
ROWS = [r for r in read_by_eye(BY_EYE_CSV) if ALL or r.path in SUBSET]


def verdict(
    by_eye: int | None,
    reps: int | None,
    grade: str | None = "good",
    hint: str | None = None,
    reason: str | None = None,
) -> ClipVerdict:
    reason = reason or (None if grade else "x")
    return ClipVerdict("a.mp4", "squat", by_eye, reps, None, grade, reason, hint, 0.1)


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


def test_only_an_edit_or_nobody_found_stands_in_for_a_count() -> None:
    assert verdict(3, 4).count_ok and not verdict(3, 5).count_ok
    assert verdict(7, None, None, "rejection-edited-clip", "rejection-edited_clip").count_ok
    assert verdict(3, None, None, "rejection-no-person", "rejection-no_person").count_ok
    assert not verdict(3, None, None, "rejection-too-short", "rejection-too_short").count_ok
    assert not verdict(3, None, None, None, "rejection-edited_clip").count_ok  # refused without a message


def test_the_by_eye_table_was_counted_twice_and_says_why_a_count_is_missing() -> None:
    rows = read_by_eye(BY_EYE_CSV)
    assert len(rows) == 55 and len({r.path for r in rows}) == 55
    assert all(r.exercise in catalog.CATALOG for r in rows)
    with open(BY_EYE_CSV, newline="", encoding="utf-8") as fh:
        raw = list(csv.DictReader(fh))
    assert all(r["reps"] == r["reps_pass1"] == r["reps_pass2"] for r in raw)  # settled where they differed
    assert all(r["notes"].strip() for r in raw if not r["reps"].strip())  # a missing count says why


def test_the_subset_is_one_counted_clip_per_family() -> None:
    rows = {r.path: r for r in read_by_eye(BY_EYE_CSV)}
    assert set(SUBSET) <= set(rows) and all(rows[p].reps for p in SUBSET)


@pytest.fixture(scope="module")
def judged() -> Iterator[Callable[[ByEye], ClipVerdict]]:
    """The real pipeline's verdict on a clip, each clip judged once."""
    pipeline.init_worker(pose_cache_dir=os.environ.get("FORMCOACH_TEST_POSE_CACHE") or None)
    seen: dict[str, ClipVerdict] = {}

    def of(row: ByEye) -> ClipVerdict:
        if row.path not in seen:
            seen[row.path] = judge(row, CLIPS)
        return seen[row.path]

    yield of
    pipeline._estimator = None
    pipeline._classifier = None


def _params(rows: list[ByEye]) -> list:
    return [pytest.param(r, id=r.path) for r in rows]


@pytest.mark.slow
@pytest.mark.skipif(not CLIPS.exists(), reason=NO_CLIPS)
@pytest.mark.parametrize("row", _params(ROWS))
def test_no_clip_crashes(judged: Callable[[ByEye], ClipVerdict], row: ByEye) -> None:
    assert judged(row).error is None


@pytest.mark.slow
@pytest.mark.skipif(not CLIPS.exists(), reason=NO_CLIPS)
@pytest.mark.parametrize("row", _params(ROWS))
def test_every_clip_is_rated_or_not_rated_with_a_filming_hint(
    judged: Callable[[ByEye], ClipVerdict], row: ByEye
) -> None:
    v = judged(row)
    assert v.rated_or_hinted, v.reason


@pytest.mark.slow
@pytest.mark.skipif(not CLIPS.exists(), reason=NO_CLIPS)
@pytest.mark.parametrize("row", _params([r for r in ROWS if r.reps is not None]))
def test_reps_are_within_one_of_the_by_eye_count(judged: Callable[[ByEye], ClipVerdict], row: ByEye) -> None:
    v = judged(row)
    assert v.count_ok, f"by eye {v.by_eye}, FormCoach {v.reps} ({v.reason or v.grade})"
