"""The source-held-out folds (models.train.folds): every clip source held out exactly once."""

from __future__ import annotations

import csv

import pytest

from models.train.folds import BY_SOURCE, FOLDS, main, reports
from tests.paths import CLIPS


def test_no_source_is_held_out_twice() -> None:
    held = [s for sources in FOLDS.values() for s in sources]
    assert len(held) == len(set(held)) and len(FOLDS) >= 3
    assert reports("cache/fold") == ["cache/foldA.json", "cache/foldB.json", "cache/foldC.json"]


@pytest.mark.skipif(not (CLIPS / "labels.csv").exists(), reason="../shared/data/clips not present")
def test_every_clip_source_is_in_a_fold() -> None:
    with (CLIPS / "labels.csv").open(encoding="utf-8") as f:
        sources = {row["path"].split("/", 1)[0] for row in csv.DictReader(f)}
    assert sources == {s for fold in FOLDS.values() for s in fold}


def test_one_fold_per_source_holds_each_source_out_alone() -> None:
    assert sorted(BY_SOURCE) == sorted(s for fold in FOLDS.values() for s in fold)
    assert all(held == (name,) for name, held in BY_SOURCE.items())
    first = sorted(BY_SOURCE)[0]
    assert reports("cache/loso_", scheme="sources")[0] == f"cache/loso_{first}.json"
    assert len(reports("cache/loso_", scheme="sources")) == len(BY_SOURCE)


def test_a_fold_name_outside_the_scheme_is_refused() -> None:
    with pytest.raises(SystemExit, match="no such fold in the sources scheme: A"):
        main(["--scheme", "sources", "--only", "A"])
