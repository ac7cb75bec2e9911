"""The shipped TSM classifier: weights load, the input spec matches, and it recognises exercises."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from analysis.vocab.landmarks import MIRROR_INDEX
from analysis.vocab.types import AnalysisJob, Assessment, Rejection
from models.classify import WEIGHTS, TSMClassifier
from models.synth import generate as synth
from tests.paths import CLIPS

REQUIRED = (
    "squat",
    "push_up",
    "lunge_forward",
    "lunge_backward",
    "plank",
    "jumping_jack",
    "biceps_curl",
    "overhead_press",
    "pull_up",
    "burpee",
    "knee_up",
    "side_crunch",
    "unknown",
)


@pytest.fixture(scope="module")
def clf() -> TSMClassifier:
    loaded = TSMClassifier.load_default()
    assert loaded is not None, f"weights missing at {WEIGHTS}"
    return loaded


def test_weights_ship_small_with_their_input_spec(clf):
    assert WEIGHTS.stat().st_size < 5 * 2**20
    assert set(REQUIRED) <= set(clf.classes)
    assert 0.0 < clf.min_confidence < 1.0
    assert clf.features.window == clf.model.cfg.window


def test_missing_weights_mean_no_guessing(tmp_path):
    assert TSMClassifier.load_default(tmp_path / "none.pt") is None


@pytest.mark.parametrize("exercise", ["squat", "push_up", "jumping_jack", "pull_up"])
def test_recognises_generated_exercises(clf, exercise):
    rng = np.random.default_rng(11)
    hits = sum(
        clf.classify(synth.generate(exercise, rng, fps=10.0).pose_sequence()).exercise == exercise
        for _ in range(5)
    )
    assert hits >= 4


def test_empty_sequence_is_unknown(clf):
    seq = synth.generate("squat", np.random.default_rng(0), fps=10.0).pose_sequence()
    seq.xy[:] = np.nan
    result = clf.classify(seq)
    assert result.exercise is None and result.source == "model"


def test_a_mirrored_clip_gets_the_same_answer(clf):
    """Each window is also judged mirrored and the two averaged, so filming from the other side (or a
    selfie camera's mirror image) cannot change the answer."""
    seq = synth.generate("lunge_forward", np.random.default_rng(5), fps=10.0).pose_sequence()
    width = seq.size[0]
    mirrored_xy = seq.xy[:, MIRROR_INDEX].copy()
    mirrored_xy[..., 0] = width - mirrored_xy[..., 0]
    mirrored = replace(
        seq, xy=mirrored_xy, visibility=seq.visibility[:, MIRROR_INDEX], z=seq.z[:, MIRROR_INDEX]
    )
    a, b = clf.probabilities(seq), clf.probabilities(mirrored)
    assert a.keys() == b.keys() and all(abs(a[k] - b[k]) < 1e-4 for k in a)


@pytest.mark.slow
@pytest.mark.skipif(not CLIPS.exists(), reason="../shared/data/clips not present")
@pytest.mark.parametrize(
    ("rel", "expected"),
    [
        ("calimiro_workouttracker/squats/squat_13.mp4", "squat"),
        ("kaggle_pushup_correct_wrong/correct/pushup_1.mp4", "push_up"),
        ("kaiakol_posetrainer/extra/dance.mp4", None),
    ],
)
def test_end_to_end_without_a_hint(rel, expected):
    from analysis import pipeline

    pipeline.init_worker()
    try:
        result = pipeline.run(AnalysisJob(path=str(CLIPS / rel)))
    finally:
        pipeline._estimator = pipeline._classifier = None
    if expected is None:
        assert isinstance(result, Rejection) and result.code == "unsure_exercise"
        assert "unknown" not in result.args["candidates"]
    else:
        assert isinstance(result, Assessment) and result.exercise == expected
        assert result.classification.source == "model" and result.classification.confidence > 0.5


def test_the_fast_network_gives_the_eager_networks_answer(clf):
    """Run time uses the traced, frozen network (models.tsm.for_inference): the same probabilities as
    eager PyTorch for clips of any length (1 to 6 windows), whatever shape it was traced on."""
    eager = replace(clf, fast=False)
    fast = replace(clf, fast=True)
    rng = np.random.default_rng(21)
    for exercise, seconds in (("squat", 60.0), ("push_up", 4.0), ("jumping_jack", 12.0), ("plank", 1.5)):
        seq = synth.generate(exercise, rng, fps=10.0, max_seconds=seconds).pose_sequence()
        a, b = eager.probabilities(seq), fast.probabilities(seq)
        assert a.keys() == b.keys() and max(abs(a[k] - b[k]) for k in a) < 1e-4
    assert fast._net is not None and eager._net is None  # the fast path really ran


def test_knee_push_up_is_a_class_of_the_shipped_model(clf):
    from models.train.loop import CLASSES

    assert "knee_push_up" in CLASSES and tuple(clf.classes) == CLASSES


def test_a_generated_knee_push_up_is_named_as_one_not_as_a_push_up(clf):
    """Knees on the floor, the body pivoting at the knees: the knee push-up (AI Hub 니푸쉬업), answered
    confidently (above the shipped unsure threshold), not the full push-up."""
    rng = np.random.default_rng(31)
    answers = [clf.classify(synth.generate("knee_push_up", rng, fps=10.0).pose_sequence()) for _ in range(5)]
    confident = [a for a in answers if a.exercise == "knee_push_up" and a.confidence >= clf.min_confidence]
    assert len(confident) >= 4, [(a.exercise, a.confidence) for a in answers]
    assert not any(a.exercise == "push_up" for a in answers)


def test_the_stored_calibration_is_consistent(clf):
    """The shipped threshold was chosen on held-out folds that hold out every clip source once, and its
    confident answers there met the target precision."""
    from models.train.calibrate import GRID
    from models.tsm import load

    _, _, extra = load(WEIGHTS)
    cal = extra["calibration"]
    assert clf.min_confidence == extra["min_confidence"] and round(clf.min_confidence, 2) in GRID
    assert cal["right"] >= cal["target_precision"] * cal["confident_answers"] > 0
    assert extra["holdout"] == [] and not extra["holdout_groups"]  # the shipped model saw every source
    folds = cal["held_out_sources"]
    assert len(folds) == len(cal["reports"]) >= 3
    held = [s for fold in folds for s in fold]
    assert len(held) == len(set(held))  # every source held out once, never twice
    if CLIPS.exists():
        import csv

        rows = csv.DictReader((CLIPS / "labels.csv").open(encoding="utf-8"))
        assert {r["path"].split("/", 1)[0] for r in rows} == set(held)
