"""Compare classifier configurations over seeds:
`python -m models.train.compare RUN [RUN ...] [--label L ...]`.

The held-out figures of one training run move by several clips with the seed alone (the shipped
configuration: top-1 0.855–0.902 over three seeds, see models/MODEL_CARD.md), as much as most changes tried
on the generator or the training. So a change is judged over several seeds, not on one run. Each RUN is the
held-out fold reports of one seed — a directory holding them (``make folds TAG=s1 SEED=1`` writes
cache/exp/s1/A.json and B.json) or a comma-separated list of report files. Printed: every run's figures
(unsure threshold cross-fitted between its folds, as ``models.train.evaluate --crossfit``), the mean and
spread of
each configuration's runs (runs sharing a ``--label``), the figures of its runs' ensemble (the mean of their
probabilities per clip) and the clips every one of its runs gets wrong — what no seed fixes.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from analysis.vocab.labels import label_hit
from models.answer import decide
from models.train.calibrate import Report, cross_fitted
from models.train.evaluate import clip_metrics


@dataclass(frozen=True)
class Figures:
    top1: float  # confident answer right (unsure counts as wrong), thresholds cross-fitted
    top_class: float  # the best class right, never unsure
    macro_f1: float
    thresholds: tuple[float, ...]  # per fold
    missed: frozenset[str]  # clips judged wrong (unsure included)


def run_paths(run: str) -> list[Path]:
    """A run directory (its *.json reports, by name) or a comma-separated list of report files."""
    path = Path(run)
    paths = sorted(path.glob("*.json")) if path.is_dir() else [Path(p) for p in run.split(",") if p]
    if len(paths) < 2:
        raise SystemExit(f"{run}: a run needs the reports of at least two held-out folds")
    return paths


def figures(folds: Sequence[Report], precision: float = 0.95) -> Figures:
    """Pooled over the held-out folds of one run; each fold judged with the unsure threshold chosen on the
    others."""
    thresholds = cross_fitted(list(folds), precision)
    labels = [lbl for f in folds for lbl in f.labels]
    answers = [a for f, t in zip(folds, thresholds, strict=True) for a in decide(f.probs, list(f.classes), t)]
    best = [a for f in folds for a in decide(f.probs, list(f.classes), 0.0)]
    summary = clip_metrics(labels, answers)["summary"]
    clips = [c for k, f in enumerate(folds) for c in f.clips or (f"{k}#{i}" for i in range(len(f.labels)))]
    return Figures(
        top1=float(summary["top1_accuracy"]),
        top_class=float(clip_metrics(labels, best)["summary"]["top1_accuracy"]),
        macro_f1=float(summary["macro_f1"]),
        thresholds=tuple(thresholds),
        missed=frozenset(c for c, y, a in zip(clips, labels, answers, strict=True) if not label_hit(y, a)),
    )


def ensemble(runs: Sequence[Sequence[Report]]) -> list[Report]:
    """The runs' mean probabilities per clip, fold by fold (the runs must hold out the same clips)."""
    out = []
    for folds in zip(*runs, strict=True):
        first = folds[0]
        if any((f.clips, f.labels, f.classes) != (first.clips, first.labels, first.classes) for f in folds):
            raise ValueError("runs to ensemble must hold out the same clips with the same classes")
        probs = np.mean([f.probs for f in folds], axis=0)  # [n_clips, n_classes]
        out.append(Report(first.labels, probs, first.classes, first.clips))
    return out


def _line(name: str, f: Figures) -> str:
    return (
        f"{name}: top-1 {f.top1:.3f}, top class {f.top_class:.3f}, macro-F1 {f.macro_f1:.3f} "
        f"(thresholds {', '.join(f'{t:.2f}' for t in f.thresholds)})"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("runs", nargs="+", help="per seed: a directory of fold reports, or FILE,FILE")
    ap.add_argument("--label", action="append", help="configuration of each run, in order (default: one)")
    ap.add_argument("--precision", type=float, default=0.95, help="confident answers right (unsure rule)")
    args = ap.parse_args(argv)
    labels = args.label or ["all"] * len(args.runs)
    if len(labels) != len(args.runs):
        raise SystemExit("give one --label per run, or none")
    runs = [[Report.read(p) for p in run_paths(r)] for r in args.runs]
    by_config: dict[str, list[list[Report]]] = {}
    for name, label, folds in zip(args.runs, labels, runs, strict=True):
        print(_line(f"{label} {name}", figures(folds, args.precision)))
        by_config.setdefault(label, []).append(folds)
    for label, group in by_config.items():
        each = [figures(folds, args.precision) for folds in group]
        top1 = np.array([f.top1 for f in each])
        f1 = np.array([f.macro_f1 for f in each])
        print(
            f"{label}: {len(each)} runs, top-1 {top1.mean():.3f} ± {top1.std():.3f}, "
            f"macro-F1 {f1.mean():.3f} ± {f1.std():.3f}"
        )
        if len(group) > 1:
            print(_line(f"{label} ensemble of {len(group)}", figures(ensemble(group), args.precision)))
            always = sorted(frozenset.intersection(*(f.missed for f in each)))
            print(f"{label}: {len(always)} clips missed by every run (not seed noise): {', '.join(always)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
