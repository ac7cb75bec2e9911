"""Evaluate the classifier on held-out clips: `python -m models.train.evaluate REPORT_JSON [--out DIR]`.

REPORT_JSON comes from `python -m models.train.loop --holdout … --report FILE` (labels, predictions, per-clip
probabilities). Writes confusion matrix and one-vs-rest ROC curves as PNG, plus metrics JSON.
Dataset labels are matched through the catalog's aliases ("lunge" = either lunge; "negative" = unknown).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from analysis.vocab.labels import UNKNOWN, label_hit, supported
from analysis.vocab.labels import norm_label as _norm
from models.answer import decide
from models.train.calibrate import Report, cross_fitted


def clip_metrics(labels: list[str], preds: list[str | None]) -> dict[str, Any]:
    """Top-1 accuracy, per-class precision/recall/F1, macro-F1 and the confusion counts."""
    truth = [_norm(lbl) for lbl in labels]
    shown = [UNKNOWN if p is None else p for p in preds]
    hits = [label_hit(lbl, p) for lbl, p in zip(labels, preds, strict=True)]
    # A prediction that matches through an alias counts as the true class.
    resolved = [t if h else s for t, s, h in zip(truth, shown, hits, strict=True)]
    per_class = {}
    for c in sorted(set(truth)):
        tp = sum(t == c and r == c for t, r in zip(truth, resolved, strict=True))
        fp = sum(t != c and r == c for t, r in zip(truth, resolved, strict=True))
        fn = sum(t == c and r != c for t, r in zip(truth, resolved, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_class[c] = {
            "n": tp + fn,
            "precision": round(prec, 3),
            "recall": round(rec, 3),
            "f1": round(f1, 3),
        }
    confusion = Counter(f"{t} -> {r}" for t, r in zip(truth, resolved, strict=True) if t != r)
    wrong = [p is not None and not h for p, h in zip(preds, hits, strict=True)]
    unsure = [p is None and t != UNKNOWN for p, t in zip(preds, truth, strict=True)]
    summary = {
        "clips": len(labels),
        "top1_accuracy": round(float(np.mean(hits)), 4) if hits else None,
        # named an exercise, and the wrong one (a negative named as any exercise included)
        "confidently_wrong": round(float(np.mean(wrong)), 4) if wrong else None,
        "unsure": round(float(np.mean(unsure)), 4) if unsure else None,  # exercise clips only
        "macro_f1": round(float(np.mean([v["f1"] for v in per_class.values()])), 4) if per_class else None,
        "unknown_recall": per_class.get(UNKNOWN, {}).get("recall"),
        "errors": dict(confusion.most_common()),
    }
    return {"summary": summary, "per_class": per_class, "truth": truth, "predicted": resolved}


def by_source(sources: list[str], labels: list[str], preds: list[str | None]) -> dict[str, dict[str, Any]]:
    """Per clip source: clips, top-1, confidently wrong, unsure and negatives → unknown."""
    out: dict[str, dict[str, Any]] = {}
    for src in sorted(set(sources)):
        idx = [i for i, s in enumerate(sources) if s == src]
        summary = clip_metrics([labels[i] for i in idx], [preds[i] for i in idx])["summary"]
        out[src] = {k: v for k, v in summary.items() if k not in ("errors", "macro_f1")}
        out[src]["negatives"] = sum(_norm(labels[i]) == UNKNOWN for i in idx)
    return out


def plot_confusion(truth: list[str], pred: list[str], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = sorted(set(truth) | set(pred))
    m = np.zeros((len(names), len(names)), int)
    for t, p in zip(truth, pred, strict=True):
        m[names.index(t), names.index(p)] += 1
    fig, ax = plt.subplots(figsize=(0.45 * len(names) + 3, 0.45 * len(names) + 2.5))
    ax.imshow(m, cmap="Blues")
    ax.set_xticks(range(len(names)), names, rotation=90)
    ax.set_yticks(range(len(names)), names)
    for i, j in zip(*np.nonzero(m), strict=True):
        ax.text(j, i, str(m[i, j]), ha="center", va="center", fontsize=8)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_roc(truth: list[str], probs: np.ndarray, classes: list[str], path: Path) -> dict[str, float]:
    """One-vs-rest ROC for every class present in truth; returns the AUCs."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    aucs: dict[str, float] = {}
    fig, ax = plt.subplots(figsize=(6, 6))
    for c in sorted(set(truth) & set(classes)):
        y = np.array([t == c for t in truth])
        if y.all() or not y.any():
            continue
        score = probs[:, classes.index(c)]
        order = np.argsort(-score)
        tpr = np.concatenate([[0], np.cumsum(y[order]) / y.sum()])
        fpr = np.concatenate([[0], np.cumsum(~y[order]) / (~y).sum()])
        aucs[c] = round(float(np.trapz(tpr, fpr)), 3)
        ax.plot(fpr, tpr, label=f"{c} ({aucs[c]:.2f})")
    ax.plot([0, 1], [0, 1], "k:", lw=0.8)
    ax.set_xlabel("false positive rate")
    ax.set_ylabel("true positive rate")
    ax.legend(fontsize=7, loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return aucs


def misses(
    clips: list[str], labels: list[str], preds: list[str | None], probs: np.ndarray, classes: list[str]
) -> list[dict[str, Any]]:
    """Every clip judged wrong (unsure included): its id, label, answer and three most likely classes."""
    out = []
    for clip, label, pred, row in zip(clips, labels, preds, probs, strict=True):
        if not label_hit(label, pred):
            top = np.argsort(-row)[:3]
            out.append({"clip": clip, "label": label, "answer": pred,
                        "top": {classes[i]: round(float(row[i]), 3) for i in top}})  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("reports", nargs="+", help="reports of models.train.loop --report (folds pooled)")
    ap.add_argument("--out", default="out/classifier_eval")
    ap.add_argument(
        "--crossfit",
        type=float,
        metavar="PRECISION",
        help="judge each fold with the unsure threshold chosen on the other folds for this precision of "
        "confident answers (models.train.calibrate) instead of the fold model's own",
    )
    args = ap.parse_args(argv)
    reports = [Report.read(p) for p in args.reports]
    thresholds = cross_fitted(reports, args.crossfit) if args.crossfit else None
    labels = [lbl for r in reports for lbl in r.labels]
    clips = [c for r in reports for c in r.clips]
    classes = reports[-1].classes
    probs = np.concatenate([r.probs for r in reports])  # [n_clips, n_classes]
    preds: list[str | None] = []
    for i, (path, r) in enumerate(zip(args.reports, reports, strict=True)):
        if thresholds is None:  # the fold model's own answers
            preds += json.loads(Path(path).read_text())["predictions"]
        else:
            preds += decide(r.probs, r.classes, thresholds[i])
    metrics = clip_metrics(labels, preds)
    if thresholds is not None:
        metrics["crossfit_thresholds"] = dict(zip(args.reports, thresholds, strict=True))
    # The same figures on the clips whose exercise the model has a class for (the rest can only be wrong).
    known = [i for i, lbl in enumerate(labels) if supported(lbl, classes)]
    metrics["supported"] = clip_metrics([labels[i] for i in known], [preds[i] for i in known])["summary"]
    sources = [s for r in reports for s in r.sources]
    if len(sources) == len(labels):
        metrics["per_source"] = by_source(sources, labels, preds)
    metrics["misses"] = misses(clips, labels, preds, probs, classes)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    plot_confusion(metrics["truth"], metrics["predicted"], out / "confusion.png")
    metrics["roc_auc"] = plot_roc(metrics["truth"], probs, classes, out / "roc.png")
    (out / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=1))
    shown = {**metrics["summary"], "per_class": metrics["per_class"], "per_source": metrics.get("per_source")}
    print(json.dumps(shown, ensure_ascii=False, indent=1))
    on_supported = {k: v for k, v in metrics["supported"].items() if k != "errors"}
    print("on clips of supported classes:", json.dumps(on_supported))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
