"""The "unsure" threshold, chosen on sources the model never saw.

A confident answer should be right at least ``target_precision`` of the time on clips from new people,
rooms and cameras; below the threshold the bot asks which exercise it was instead. Validation clips from
the training sources are classified too confidently to tell, so the threshold comes from the held-out
fold reports of ``python -m models.train.loop --holdout … --report FILE``:

    python -m models.train.calibrate cache/foldA.json cache/foldB.json [--weights models/weights/pose_tsm.pt]

prints, for each fold, the threshold chosen on the *other* folds and what it gives on this one
(cross-fitted: no fold judges the threshold it helped choose), then the threshold chosen on all folds;
``--weights`` stores that one as the shipped model's ``min_confidence``.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from analysis.vocab.labels import label_hit
from models.answer import decide
from models.tsm import load, save

GRID = tuple(round(float(t), 2) for t in np.arange(0.20, 0.801, 0.05))


@dataclass(frozen=True)
class Report:
    """One fold's held-out clips: dataset labels, class probabilities [n_clips, n_classes], class names,
    and the clips' ids (labels.csv paths) and sources when the report names them."""

    labels: list[str]
    probs: np.ndarray
    classes: list[str]
    clips: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @staticmethod
    def read(path: str | Path) -> Report:
        data = json.loads(Path(path).read_text())
        labels = list(data["labels"])
        clips = tuple(data.get("clips") or (f"{Path(path).name}#{i}" for i in range(len(labels))))
        probs = np.asarray(data["probs"], np.float64)
        return Report(labels, probs, list(data["classes"]), clips, tuple(data.get("sources") or ()))


def confident_precision(reports: list[Report], threshold: float) -> tuple[int, int]:
    """(confident answers, right ones) pooled over the reports."""
    answered = right = 0
    for r in reports:
        for label, pred in zip(r.labels, decide(r.probs, r.classes, threshold), strict=True):
            if pred is not None:
                answered += 1
                right += label_hit(label, pred)
    return answered, right


def choose_threshold(reports: list[Report], target_precision: float) -> float:
    """The lowest threshold on GRID whose confident answers are right ≥ target_precision (pooled);
    the highest when none is."""
    for t in GRID:
        answered, right = confident_precision(reports, t)
        if answered and right / answered >= target_precision:
            return t
    return GRID[-1]


def cross_fitted(reports: list[Report], target_precision: float) -> list[float]:
    """Per report, the threshold chosen on all the other reports."""
    if len(reports) < 2:
        raise ValueError("cross-fitting needs at least two fold reports")
    return [choose_threshold(reports[:i] + reports[i + 1 :], target_precision) for i in range(len(reports))]


def store_threshold(weights: Path, threshold: float, calibration: dict[str, Any]) -> None:
    model, classes, extra = load(weights)
    extra["min_confidence"] = threshold
    extra["calibration"] = calibration
    save(model, weights, classes, extra)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("reports", nargs="+", help="held-out fold reports (models.train.loop --report)")
    ap.add_argument("--target-precision", type=float, default=0.95)
    ap.add_argument("--weights", type=Path, help="store the chosen threshold in these weights")
    args = ap.parse_args(argv)
    reports = [Report.read(p) for p in args.reports]
    for path, r, t in zip(args.reports, reports, cross_fitted(reports, args.target_precision), strict=True):
        answered, right = confident_precision([r], t)
        print(f"{path}: threshold {t:.2f} (from the other folds) → {answered}/{len(r.labels)} answered, "
              f"{right} right ({right / len(r.labels):.3f} of all clips)")  # fmt: skip
    chosen = choose_threshold(reports, args.target_precision)
    answered, right = confident_precision(reports, chosen)
    print(f"all folds: threshold {chosen:.2f}, {right}/{answered} confident answers right")
    if args.weights:
        calibration = {
            "target_precision": args.target_precision,
            "reports": [Path(p).name for p in args.reports],
            "held_out_sources": [sorted(set(r.sources)) for r in reports],  # per report: every fold once
            "confident_answers": answered,
            "right": right,
        }
        store_threshold(args.weights, chosen, calibration)
        print(f"min_confidence {chosen:.2f} stored in {args.weights}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
