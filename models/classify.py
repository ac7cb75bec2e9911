"""The shipped TSM classifier at run time: load once per worker; PoseSequence → Classification.

Every window is judged as filmed and mirrored, and the softmaxes averaged: filming from the other side
(or a selfie camera's mirror image) cannot change the answer. "unknown" is an explicit background class
of the model, and a clip whose best exercise probability is below `min_confidence` (stored with the
weights; chosen on held-out sources by models.train.calibrate) is also unknown: the bot then asks which
exercise it was instead of grading the wrong one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from analysis.vocab.types import Classification, PoseSequence
from models.answer import UNKNOWN, answer
from models.features import FeatureConfig, clip_windows, with_mirrored
from models.tsm import PoseTSM, for_inference, load, predict_clip

WEIGHTS = Path(__file__).resolve().parent / "weights" / "pose_tsm.pt"
DEFAULT_MIN_CONFIDENCE = 0.6


@dataclass
class TSMClassifier:
    model: PoseTSM
    classes: tuple[str, ...]
    features: FeatureConfig
    min_confidence: float
    fast: bool = True  # run the traced, frozen network (models.tsm.for_inference); False = eager PyTorch
    _net: torch.nn.Module | None = field(default=None, init=False, repr=False)

    @staticmethod
    def load_default(path: Path = WEIGHTS) -> TSMClassifier | None:
        """The shipped weights, or None when they are absent (then nothing is guessed)."""
        if not path.exists():
            return None
        torch.set_num_threads(1)  # one pool worker per core: intra-op threads would only contend
        model, classes, extra = load(path)
        clf = TSMClassifier(
            model=model,
            classes=classes,
            features=FeatureConfig(**extra.get("features", {})),
            min_confidence=float(extra.get("min_confidence", DEFAULT_MIN_CONFIDENCE)),
        )
        clf.warm_up()
        return clf

    def warm_up(self) -> None:
        """Trace the fast network now (about a second, once per worker), not on a user's first clip."""
        if self.fast and self._net is None:
            cfg = self.model.cfg
            example = torch.zeros(
                2 * self.features.max_windows, cfg.in_channels, self.features.window, cfg.n_joints
            )
            self._net = for_inference(self.model, example)

    def probabilities(self, seq: PoseSequence) -> dict[str, float]:
        windows = clip_windows(seq.xy, seq.visibility, seq.t_s, self.features)  # [N, C, T, V]
        if windows.shape[0] == 0:
            return {UNKNOWN: 1.0}
        probs = self._predict(with_mirrored(windows))  # [n_classes]
        return {c: float(p) for c, p in zip(self.classes, probs, strict=True)}

    def _predict(self, windows: np.ndarray) -> np.ndarray:
        """[N, C, T, V] → mean window softmax [n_classes]."""
        if not self.fast:
            return predict_clip(self.model, windows)
        self.warm_up()
        # No profiling executor: it would re-specialise the graph on the first calls of every new window
        # count (latency spikes); the frozen graph's oneDNN convolutions and folded BatchNorm stay.
        with torch.no_grad(), torch.jit.optimized_execution(False):
            return F.softmax(self._net(torch.as_tensor(windows)), dim=-1).mean(dim=0).numpy()

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
