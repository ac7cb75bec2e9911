"""The unsure rule at run time: the model's best class, or None (ask the user) below the threshold.

The threshold itself is chosen on held-out folds by ``python -m models.train.calibrate``.
"""

from __future__ import annotations

import numpy as np

UNKNOWN = "unknown"


def answer(best: str, confidence: float, threshold: float) -> str | None:
    """The unsure rule: the best class, or None (ask) when it is unknown or below the threshold."""
    return None if best == UNKNOWN or confidence < threshold else best


def decide(probs: np.ndarray, classes: list[str], threshold: float) -> list[str | None]:
    """Per clip [n_clips, n_classes]: ``answer`` for its best class."""
    return [answer(classes[int(row.argmax())], float(row.max()), threshold) for row in probs]
