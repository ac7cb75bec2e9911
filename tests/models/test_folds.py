"""The source-held-out folds (models.train.folds): every clip source held out exactly once."""

from __future__ import annotations

import csv

import pytest

from models.train.folds import FOLDS, reports
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
