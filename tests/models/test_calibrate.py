"""The unsure threshold chosen on held-out folds (models.train.calibrate) and the cross-fitted evaluation."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch

from models.answer import decide
from models.classify import TSMClassifier
from models.train import evaluate
from models.train.calibrate import GRID, Report, choose_threshold, cross_fitted, store_threshold
from models.tsm import PoseTSM, PoseTSMConfig, save

CLASSES = ["squat", "push_up", "plank", "dips", "crunch", "v_up", "step_up", "wall_sit", "unknown"]


def _report(rows: list[tuple[str, float, str]]) -> Report:
    """rows: (true label, confidence, predicted class): the rest of the probability is spread evenly."""
    probs = []
    for _, conf, pred in rows:
        p = np.full(len(CLASSES), (1 - conf) / (len(CLASSES) - 1))
        p[CLASSES.index(pred)] = conf
        probs.append(p)
    return Report([r[0] for r in rows], np.array(probs), CLASSES)


def test_decide_asks_below_the_threshold_and_for_unknown() -> None:
    r = _report([("squat", 0.9, "squat"), ("squat", 0.3, "squat"), ("negative", 0.8, "unknown")])
    assert decide(r.probs, CLASSES, 0.5) == ["squat", None, None]
    assert decide(r.probs, CLASSES, 0.2) == ["squat", "squat", None]


def test_the_lowest_threshold_meeting_the_precision_is_chosen() -> None:
    # confident and right above 0.6; wrong answers at 0.42 and 0.52: 0.55 is the first clean threshold
    rows = [("squat", c, "squat") for c in (0.9, 0.8, 0.7, 0.65, 0.62)]
    rows += [("push_up", 0.42, "squat"), ("push_up", 0.52, "squat")]
    r = _report(rows)
    assert choose_threshold([r], 1.0) == 0.55
    assert choose_threshold([r], 0.8) == 0.45  # 5 of 6 right is enough for 0.8 (5 of 7 is not)
    assert choose_threshold([_report([("push_up", 0.9, "squat")])], 0.95) == GRID[-1]  # never: the top


def test_cross_fitting_never_uses_the_fold_it_judges() -> None:
    clean = _report([("squat", 0.3, "squat"), ("push_up", 0.35, "push_up")])
    noisy = _report([("squat", 0.9, "squat"), ("push_up", 0.5, "squat"), ("squat", 0.3, "push_up")])
    t_clean, t_noisy = cross_fitted([clean, noisy], 0.95)
    assert t_clean == choose_threshold([noisy], 0.95) == 0.55  # clean is judged by noisy's threshold
    assert t_noisy == choose_threshold([clean], 0.95) == 0.20
    with pytest.raises(ValueError):
        cross_fitted([clean], 0.95)


def test_the_chosen_threshold_reaches_the_shipped_classifier(tmp_path: Path) -> None:
    weights = tmp_path / "w.pt"
    model = PoseTSM(PoseTSMConfig(n_classes=len(CLASSES), width=8, depth=2))
    save(model, weights, CLASSES, {"features": {}, "min_confidence": 0.4})
    store_threshold(weights, 0.55, {"target_precision": 0.95})
    clf = TSMClassifier.load_default(weights)
    assert clf is not None and clf.min_confidence == 0.55
    assert torch.load(weights, weights_only=True)["extra"]["calibration"] == {"target_precision": 0.95}


def test_evaluate_crossfit_rejudges_each_fold(tmp_path: Path) -> None:
    paths = []
    for name, r in (
        ("a", _report([("squat", 0.3, "squat"), ("push_up", 0.35, "push_up")])),
        ("b", _report([("squat", 0.9, "squat"), ("push_up", 0.5, "squat"), ("squat", 0.3, "push_up")])),
    ):
        path = tmp_path / f"{name}.json"
        preds = decide(r.probs, CLASSES, 0.4)  # what the fold model itself said
        path.write_text(json.dumps({"labels": r.labels, "predictions": preds, "probs": r.probs.tolist(),
                                    "classes": CLASSES}))  # fmt: skip
        paths.append(str(path))
    evaluate.main([*paths, "--out", str(tmp_path / "own")])
    evaluate.main([*paths, "--out", str(tmp_path / "cross"), "--crossfit", "0.95"])
    own = json.loads((tmp_path / "own" / "metrics.json").read_text())
    cross = json.loads((tmp_path / "cross" / "metrics.json").read_text())
    # Own thresholds (0.4): a asks twice; b answers 0.9 (right) and 0.5 (wrong), asks for 0.3.
    # Cross-fitted: a is judged at b's 0.55 (asks twice), b at a's 0.20 (also answers 0.3, wrongly).
    assert own["summary"]["top1_accuracy"] == pytest.approx(1 / 5)
    assert cross["crossfit_thresholds"] == {paths[0]: 0.55, paths[1]: 0.2}
    assert cross["summary"]["top1_accuracy"] == pytest.approx(1 / 5)
    assert cross["summary"]["errors"] != own["summary"]["errors"]


def test_evaluate_lists_every_miss_by_clip(tmp_path: Path) -> None:
    r = _report([("squat", 0.9, "squat"), ("push_up", 0.6, "squat"), ("plank", 0.3, "plank")])
    path = tmp_path / "fold.json"
    path.write_text(json.dumps({"labels": r.labels, "predictions": decide(r.probs, CLASSES, 0.4),
                                "probs": r.probs.tolist(), "classes": CLASSES,
                                "clips": ["a.mp4", "b.mp4", "c.mp4"]}))  # fmt: skip
    evaluate.main([str(path), "--out", str(tmp_path / "out")])
    misses = json.loads((tmp_path / "out" / "metrics.json").read_text())["misses"]
    assert [(m["clip"], m["label"], m["answer"]) for m in misses] == [("b.mp4", "push_up", "squat"),
                                                                       ("c.mp4", "plank", None)]  # fmt: skip
    assert list(misses[0]["top"])[0] == "squat" and len(misses[0]["top"]) == 3


def test_evaluate_counts_confident_errors_and_judges_each_source(tmp_path: Path) -> None:
    """A wrong named exercise is confidently wrong, an unsure answer is a miss but not wrong, a negative
    named as an exercise is wrong; every figure also per clip source."""
    r = _report([("squat", 0.9, "squat"), ("push_up", 0.6, "squat"), ("plank", 0.3, "plank"),
                 ("negative", 0.8, "unknown"), ("negative", 0.7, "dips")])  # fmt: skip
    path = tmp_path / "fold.json"
    path.write_text(json.dumps({"labels": r.labels, "predictions": decide(r.probs, CLASSES, 0.4),
                                "probs": r.probs.tolist(), "classes": CLASSES,
                                "sources": ["x", "x", "y", "y", "y"]}))  # fmt: skip
    evaluate.main([str(path), "--out", str(tmp_path / "out")])
    metrics = json.loads((tmp_path / "out" / "metrics.json").read_text())
    summary, per_source = metrics["summary"], metrics["per_source"]
    assert summary["top1_accuracy"] == pytest.approx(2 / 5)
    assert summary["confidently_wrong"] == pytest.approx(2 / 5)  # push-up → squat, negative → dips
    assert summary["unsure"] == pytest.approx(1 / 5) and summary["unknown_recall"] == pytest.approx(0.5)
    assert per_source["x"]["top1_accuracy"] == 0.5 and per_source["x"]["confidently_wrong"] == 0.5
    assert per_source["y"]["negatives"] == 2 and per_source["y"]["unknown_recall"] == 0.5
    assert Report.read(path).sources == ("x", "x", "y", "y", "y")
