"""analysis.classifier.with_prior: the user's recent exercises decide only when the model is unsure and
agrees at least weakly; a confident answer and a caption stand."""

from __future__ import annotations

from analysis.classifier import PRIOR_SOURCE, with_prior
from analysis.vocab.types import Classification


def _unsure(**probs: float) -> Classification:
    return Classification(exercise=None, confidence=max(probs.values()), probs=probs, source="model")


def test_an_unsure_model_takes_the_most_recent_exercise_it_agrees_with() -> None:
    c = with_prior(_unsure(lunge_forward=0.4, squat=0.35, unknown=0.25), ["squat", "lunge_forward"])
    assert (c.exercise, c.confidence, c.source) == ("squat", 0.35, PRIOR_SOURCE)


def test_without_weak_agreement_unknown_stays_unknown() -> None:
    c = _unsure(unknown=0.85, squat=0.1, push_up=0.05)
    assert with_prior(c, ["squat"]) is c
    far = _unsure(lunge_forward=0.4, push_up=0.3, plank=0.21, squat=0.2)  # not among the model's top 3
    assert with_prior(far, ["squat"]) is far


def test_a_confident_answer_a_caption_and_no_history_stand() -> None:
    sure = Classification(exercise="push_up", confidence=0.9, probs={"push_up": 0.9}, source="model")
    assert with_prior(sure, ["squat"]) is sure
    hint = Classification.from_hint("push_up")
    assert with_prior(hint, ["squat"]) is hint
    unsure = _unsure(squat=0.4, unknown=0.6)
    assert with_prior(unsure, []) is unsure
