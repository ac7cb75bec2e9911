"""formcoach evaluate's rep figures: per exercise and per view, reconciled and hysteresis-only from the
same run (analysis.evaluate)."""

from __future__ import annotations

from analysis.evaluate import Outcome, summarise


def _out(label: str, view: str | None, gold: int, final: int, hysteresis: int) -> Outcome:
    return Outcome(
        path=f"{label}.mp4", label=label, predicted=label, confidence=1.0, gold_reps=gold, rep_count=final,
        hold_s=None, form=None, failed=(), grade=None, rejection=None, seconds=0.1, view=view,
        reps_hysteresis=hysteresis, reps_chosen="period" if final != hysteresis else "hysteresis",
    )  # fmt: skip


def test_rep_figures_per_exercise_and_view_with_the_reconciliation_on_and_off() -> None:
    text = summarise([
        _out("squat", "side", 16, 16, 8),  # the period count fixed an undercount by half
        _out("squat", "front", 5, 5, 5),
        _out("push_up", "front", 10, 9, 9),
    ])  # fmt: skip
    lines = {line.split()[0]: line.split() for line in text.splitlines() if line.startswith("  ")}
    assert lines["squat"][1:] == ["2", "0.00", "1.00", "|", "4.00", "0.50"]
    assert lines["view=front"][1:] == ["2", "0.50", "1.00", "|", "0.50", "1.00"]
    assert lines["view=side"][1:] == ["1", "0.00", "1.00", "|", "8.00", "0.00"]
    assert lines["ALL"][1:] == ["3", "0.33", "1.00", "|", "3.00", "0.67"]
    assert "count chosen from: {'period': 1, 'hysteresis': 2}" in text


def test_clips_off_by_more_than_one_are_listed_with_both_opinions() -> None:
    far = _out("dips", "front", 7, 2, 2)
    text = summarise([far, _out("squat", "side", 5, 6, 6)])
    assert "off by more than one" in text
    listed = [line for line in text.splitlines() if line.startswith("    ")]
    assert listed ==  ["    dips.mp4: 7: 2 | 2, None, hysteresis, None"]
