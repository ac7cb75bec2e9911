"""The classification step as an interface: PoseSequence → Classification.

`load_classifier()` returns the shipped TSM model when its weights are present (models/), else a
classifier that always answers "unknown" so the caller asks the user which exercise it is.
"""

from __future__ import annotations

from typing import Protocol

from analysis.vocab.types import Classification, PoseSequence


class Classifier(Protocol):
    def classify(self, seq: PoseSequence) -> Classification: ...


class UnknownClassifier:
    """Used when no model is available: never guesses."""

    def classify(self, seq: PoseSequence) -> Classification:
        return Classification(exercise=None, confidence=0.0, probs={}, source="none")


def load_classifier() -> Classifier:
    try:
        from models.classify import TSMClassifier  # torch is heavy: imported only here
    except ImportError:
        return UnknownClassifier()
    return TSMClassifier.load_default() or UnknownClassifier()
