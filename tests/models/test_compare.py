"""Comparing classifier configurations over several seeds (models.train.compare)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from models.train import compare
from models.train.calibrate import Report
from models.train.compare import ensemble, figures

CLASSES = ("squat", "push_up", "plank", "unknown")


def _fold(rows: list[tuple[str, float, str]], tag: str) -> Report:
    """rows: (true label, confidence, predicted class); the rest of the probability spread evenly."""
    probs = np.full((len(rows), len(CLASSES)), 0.0)
    for i, (_, conf, pred) in enumerate(rows):
        probs[i] = (1 - conf) / (len(CLASSES) - 1)
        probs[i, CLASSES.index(pred)] = conf
    clips = tuple(f"{tag}{i}.mp4" for i in range(len(rows)))
    return Report([r[0] for r in rows], probs, list(CLASSES), clips)


def _write(folder: Path, folds: list[Report]) -> str:
    folder.mkdir(parents=True)
    for name, f in zip("AB", folds, strict=True):
        data = {"labels": f.labels, "clips": f.clips, "probs": f.probs.tolist(), "classes": f.classes}
        (folder / f"{name}.json").write_text(json.dumps(data))
    return str(folder)


def test_figures_cross_fit_the_unsure_threshold_between_folds() -> None:
    # a: right at 0.9, wrong at 0.5 -> the threshold chosen on a is 0.55; b: right at 0.3 and 0.6 -> 0.20
    a = _fold([("squat", 0.9, "squat"), ("push_up", 0.5, "squat")], "a")
    b = _fold([("plank", 0.3, "plank"), ("push_up", 0.6, "push_up")], "b")
    f = figures([a, b])
    assert f.thresholds == (0.2, 0.55)  # a is judged at b's threshold, b at a's
    # a at 0.20: squat right, push_up wrong; b at 0.55: plank unsure (wrong), push_up right
    assert f.top1 == pytest.approx(2 / 4)
    assert f.top_class == pytest.approx(3 / 4)
    assert f.missed == {"a1.mp4", "b0.mp4"}


def test_ensemble_averages_the_runs_clip_by_clip() -> None:
    run1 = [_fold([("squat", 0.9, "squat")], "a"), _fold([("plank", 0.2, "plank")], "b")]
    run2 = [_fold([("squat", 0.5, "push_up")], "a"), _fold([("plank", 0.8, "plank")], "b")]
    both = ensemble([run1, run2])
    assert np.allclose(both[0].probs, (run1[0].probs + run2[0].probs) / 2)
    assert np.allclose(both[1].probs[0, CLASSES.index("plank")], 0.5)
    other = [_fold([("squat", 0.9, "squat")], "x"), run1[1]]  # holds out other clips
    with pytest.raises(ValueError):
        ensemble([run1, other])


def test_compare_reports_each_configuration_over_its_seeds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = [_fold([("squat", 0.9, "squat"), ("push_up", 0.8, "push_up")], "a"),
            _fold([("plank", 0.9, "plank"), ("push_up", 0.7, "push_up")], "b")]  # fmt: skip
    bad = [_fold([("squat", 0.9, "plank"), ("push_up", 0.8, "push_up")], "a"),
           _fold([("plank", 0.9, "plank"), ("push_up", 0.7, "squat")], "b")]  # fmt: skip
    runs = [_write(tmp_path / name, folds) for name, folds in (("g0", good), ("g1", good), ("b0", bad))]
    assert compare.main([*runs, "--label", "new", "--label", "new", "--label", "old"]) == 0
    out = capsys.readouterr().out
    assert "new: 2 runs, top-1 1.000 ± 0.000" in out
    assert "old: 1 runs, top-1 0.500 ± 0.000" in out
    assert "new ensemble of 2: top-1 1.000" in out
    assert "new: 0 clips missed by every run" in out
    assert "old ensemble" not in out  # one run: nothing to ensemble


def test_a_run_needs_two_folds(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        compare.run_paths(str(tmp_path / "only.json"))


def test_clips_every_run_misses_are_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run1 = [_fold([("squat", 0.3, "plank"), ("push_up", 0.9, "push_up")], "a"),
            _fold([("plank", 0.3, "squat"), ("push_up", 0.9, "push_up")], "b")]  # fmt: skip
    run2 = [_fold([("squat", 0.3, "plank"), ("push_up", 0.3, "plank")], "a"),
            _fold([("plank", 0.9, "plank"), ("push_up", 0.9, "push_up")], "b")]  # fmt: skip
    runs = [_write(tmp_path / name, folds) for name, folds in (("r1", run1), ("r2", run2))]
    compare.main(runs)
    assert "all: 1 clips missed by every run (not seed noise): a0.mp4\n" in capsys.readouterr().out
