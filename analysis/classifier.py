"""The classification step as an interface: PoseSequence → Classification.

`load_classifier()` returns the shipped TSM model when its weights are present (models/), else a
classifier that always answers "unknown" so the caller asks the user which exercise it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from analysis.vocab.labels import UNKNOWN
from analysis.vocab.types import Classification, PoseSequence

PRIOR_MIN_PROB = 0.2  # the model agrees at least weakly: the recent exercise has this probability …
PRIOR_TOP = 3  # … and is among the model's top exercises
PRIOR_SOURCE = "history"  # Classification.source of an answer the user's recent exercises decided


class Classifier(Protocol):
    def classify(self, seq: PoseSequence) -> Classification: ...


class UnknownClassifier:
    """Used when no model is available: never guesses."""

    def classify(self, seq: PoseSequence) -> Classification:
        return Classification(exercise=None, confidence=0.0, probs={}, source="none")


def with_prior(c: Classification, recent: Sequence[str]) -> Classification:
    """The user's recent exercises (newest first) as a prior when the model is unsure: the most recent
    one that the model agrees with at least weakly (probability ≥ PRIOR_MIN_PROB and among its top
    PRIOR_TOP exercises) is the answer, with the model's own probability as the confidence. A confident
    model answer or a caption (source "hint") stands, and nothing the model disagrees with is named —
    an "unknown" stays unknown unless the model itself gave the recent exercise some weight."""
    if c.exercise is not None or c.source != "model" or not recent:
        return c
    ranked = [k for k, _ in sorted(c.probs.items(), key=lambda kv: -kv[1]) if k != UNKNOWN][:PRIOR_TOP]
    for exercise in dict.fromkeys(recent):
        p = c.probs.get(exercise, 0.0)
        if exercise in ranked and p >= PRIOR_MIN_PROB:
            return Classification(exercise=exercise, confidence=p, probs=c.probs, source=PRIOR_SOURCE)
    return c


def load_classifier() -> Classifier:
    try:
        from models.classify import TSMClassifier  # torch is heavy: imported only here
    except ImportError:
        return UnknownClassifier()
    return TSMClassifier.load_default() or UnknownClassifier()
