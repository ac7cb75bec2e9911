"""The shipped TSM classifier at run time: load once per worker; PoseSequence → Classification.

Every window is judged as filmed and mirrored, and the softmaxes averaged: filming from the other side
(or a selfie camera's mirror image) cannot change the answer. "unknown" is an explicit background class
of the model, and a clip whose best exercise probability is below `min_confidence` (stored with the
weights; chosen on held-out sources by models.calibrate) is also unknown: the bot then asks which
exercise it was instead of grading the wrong one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from analysis.types import Classification, PoseSequence
from models.calibrate import UNKNOWN, answer
from models.features import FeatureConfig, clip_windows, with_mirrored
from models.tsm import PoseTSM, load, predict_clip

WEIGHTS = Path(__file__).resolve().parent / "weights" / "pose_tsm.pt"
DEFAULT_MIN_CONFIDENCE = 0.6


@dataclass
class TSMClassifier:
    model: PoseTSM
    classes: tuple[str, ...]
    features: FeatureConfig
    min_confidence: float

    @staticmethod
    def load_default(path: Path = WEIGHTS) -> TSMClassifier | None:
        """The shipped weights, or None when they are absent (then nothing is guessed)."""
        if not path.exists():
            return None
        torch.set_num_threads(1)  # one pool worker per core: intra-op threads would only contend
        model, classes, extra = load(path)
        return TSMClassifier(
            model=model,
            classes=classes,
            features=FeatureConfig(**extra.get("features", {})),
            min_confidence=float(extra.get("min_confidence", DEFAULT_MIN_CONFIDENCE)),
        )

    def probabilities(self, seq: PoseSequence) -> dict[str, float]:
        windows = clip_windows(seq.xy, seq.visibility, seq.t_s, self.features)  # [N, C, T, V]
        if windows.shape[0] == 0:
            return {UNKNOWN: 1.0}
        probs = predict_clip(self.model, with_mirrored(windows))  # [n_classes]
        return {c: float(p) for c, p in zip(self.classes, probs, strict=True)}

    def classify(self, seq: PoseSequence) -> Classification:
        probs = self.probabilities(seq)
        best = max(probs, key=lambda c: probs[c])
        conf = probs[best]
        return Classification(
            exercise=answer(best, conf, self.min_confidence),
            confidence=round(conf, 4),
            probs=_rounded(probs),
            source="model",
        )


def _rounded(probs: dict[str, float]) -> dict[str, float]:
    top = sorted(probs.items(), key=lambda kv: -kv[1])[:5]
    return {k: round(float(v), 4) for k, v in top if np.isfinite(v)}
