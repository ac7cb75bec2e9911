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
