"""Every exercise the classifier can name is graded: it has posture rules, one per catalog condition in
catalog order, each a Check or an Unjudgeable with its reason; and `formcoach exercises` says so."""

from __future__ import annotations

import pytest

from analysis.cli import main
from analysis.exercises.registry import SPECS
from analysis.judge.rules import Check, Unjudgeable
from analysis.report.i18n import has_key
from analysis.vocab import catalog
from models.classify import WEIGHTS
from models.tsm import load

UNKNOWN = "unknown"


def _classes() -> tuple[str, ...]:
    _, classes, _ = load(WEIGHTS)
    return tuple(c for c in classes if c != UNKNOWN)


def test_every_classifier_class_has_rules() -> None:
    assert sorted(set(_classes()) - set(SPECS)) == []


@pytest.mark.parametrize("exercise", sorted(SPECS))
def test_every_condition_has_a_check_or_a_reason_in_catalog_order(exercise: str) -> None:
    spec = SPECS[exercise]
    assert [r.condition_id for r in spec.rules] == [c.id for c in catalog.get(exercise).conditions]
    for rule in spec.rules:
        if isinstance(rule, Unjudgeable):
            assert all(has_key(rule.reason_key, loc) for loc in ("ko", "en")), rule
        else:
            assert isinstance(rule, Check) and rule.why, rule
            assert all(has_key(f"cue-{exercise}-{rule.condition_id}", loc) for loc in ("ko", "en")), rule


def test_exercises_command_prints_the_split_and_marks_graded(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exercises"]) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert set(lines) == set(catalog.CATALOG)
    assert "graded  1 measured / 3 unjudgeable" in lines["crunch"]
    assert "graded  3 measured / 2 unjudgeable" in lines["deadlift"]
    for ex in _classes():
        assert " graded " in lines[ex], lines[ex]
    ungraded = [ex for ex in catalog.CATALOG if ex not in SPECS]
    assert ungraded and all("not graded (reps only)" in lines[ex] for ex in ungraded)
