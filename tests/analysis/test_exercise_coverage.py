"""Every exercise FormCoach recognises is graded: every classifier class and every catalog exercise has
posture rules, one per catalog condition in catalog order, each a Check or an Unjudgeable with its reason;
and `formcoach exercises` says so."""

from __future__ import annotations

import pytest

from analysis.cli import main
from analysis.exercises.registry import SPECS
from analysis.judge.rules import Check, Unjudgeable
from analysis.report.i18n import has_key
from analysis.vocab import catalog
from analysis.vocab.labels import UNKNOWN
from models.classify import WEIGHTS
from models.tsm import load


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


def test_every_catalog_exercise_is_graded() -> None:
    """Recognised (by the classifier or named by the user) means graded: every catalog exercise has rules."""
    assert sorted(set(catalog.CATALOG) - set(SPECS)) == []


def test_exercises_command_prints_the_split_and_marks_graded(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exercises"]) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert set(lines) == set(catalog.CATALOG)
    assert "graded  1 measured / 3 unjudgeable" in lines["crunch"]
    assert "graded  3 measured / 2 unjudgeable" in lines["deadlift"]
    assert "graded  4 measured / 1 unjudgeable" in lines["rowing_machine"]
    assert all(" graded " in line and "not graded" not in line for line in lines.values())


def test_an_exercise_without_rules_is_listed_as_counted_only(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delitem(SPECS, "rowing_machine")
    assert main(["exercises"]) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert "5 conditions  not graded (reps only)" in lines["rowing_machine"]
    assert " graded " in lines["squat"]
