"""analysis.form_eval: moving thresholds afterwards, choosing them on other sources, scoring held out."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import cli
from analysis.form_eval import MIDDLE, Judged, Measured, balanced, failed, fit, judge, loso, moved, report
from analysis.form_sources import FormItem
from analysis.judge.agreement import Agreement
from analysis.pipeline import probe_clip
from analysis.pose.cache import PoseCache, save_npz
from analysis.vocab.types import AnalysisJob, Clip, View
from tests.fakes.figures import hold, plank_side, prone
from tests.fakes.media import make_video
from tests.fakes.world import filmed


def _item(name: str, source: str, values: tuple[float, ...], incorrect: bool, **labels: bool) -> Judged:
    """A push-up whose body line (MinDeg 155) measured ``values`` on its reps."""
    measured = tuple(Measured("neutral_spine", i, v, 155.0, "deg", True) for i, v in enumerate(values))
    return Judged(name, source, "d", "push_up", View.SIDE, incorrect, measured, dict(labels))


def test_thresholds_move_by_unit() -> None:
    assert moved(155.0, "deg", MIDDLE) == 155.0 and moved(155.0, "deg", 0) == 145.0
    assert moved(0.6, "share", 4) == 0.6 * 1.25


def test_a_condition_fails_in_at_least_half_the_judged_reps() -> None:
    assert failed(_item("a", "s", (150.0, 170.0), True), {}) == {"neutral_spine"}
    assert failed(_item("a", "s", (150.0, 170.0, 170.0), True), {}) == set()
    assert failed(_item("a", "s", (150.0, 160.0, 170.0), True), {"neutral_spine": 4}) == {"neutral_spine"}
    unjudged = Judged(
        "u",
        "s",
        "d",
        "push_up",
        View.FRONT,
        True,
        (Measured("neutral_spine", 0, None, 155, "deg", True),),
        {},
    )
    assert failed(unjudged, {}) == set()


# Source A: wrong form bends to 158–160°, right form stays ≥ 168°, so as written (155°) nothing is caught
# but a limit of 165° separates them. Source B's wrong form bends to 162°: caught only if A's 165° is used.
TABLE = [
    _item("a1", "A", (158.0,), True), _item("a2", "A", (160.0,), True),
    _item("a3", "A", (168.0,), False), _item("a4", "A", (172.0,), False),
    _item("b1", "B", (162.0,), True), _item("b2", "B", (175.0,), False),
    _item("c1", "C", (150.0,), True),  # a source with one class only
]  # fmt: skip


def test_fit_chooses_the_step_that_separates_the_training_items() -> None:
    a = [j for j in TABLE if j.source == "A"]
    assert balanced(a, {}) == 0.5
    steps = fit(a)
    assert moved(155.0, "deg", steps["neutral_spine"]) == 165.0 and balanced(a, steps) == 1.0


def test_fit_keeps_the_written_thresholds_without_both_classes() -> None:
    assert fit([j for j in TABLE if j.source == "C"]) == {}


def test_leave_one_source_out_scores_each_source_with_thresholds_from_the_others() -> None:
    predictions, chosen = loso(TABLE)
    # B held out: chosen on A + C, where 165° separates wrong from right, so B's 162° is caught
    assert moved(155.0, "deg", chosen["B"]["push_up"]["neutral_spine"]) == 165.0
    assert predictions["b1"] is True and predictions["b2"] is False
    # A held out: B + C alone also pick a limit that catches A's wrong form
    assert predictions["a1"] and predictions["a2"] and not predictions["a3"] and not predictions["a4"]
    text = report(TABLE, {"neutral_spine": Agreement(3, 4)})
    assert "LOSO bal" in text and "neutral_spine 0.75 (n=4)" in text
    all_line = next(line for line in text.splitlines() if line.startswith("ALL"))
    assert all_line.split()[1] == "7"


def test_per_condition_precision_and_recall_use_the_labels() -> None:
    table = [
        _item("x1", "X", (150.0,), True, neutral_spine=False),  # fault caught
        _item("x2", "X", (170.0,), True, neutral_spine=False),  # fault missed
        _item("x3", "X", (150.0,), False, neutral_spine=True),  # false alarm
    ]
    text = report(table, {})
    row = next(line for line in text.splitlines() if "push_up.neutral_spine" in line)
    assert row.split()[1:] == ["0.50", "0.50", "3"]


def test_a_fragment_is_judged_on_its_labelled_fault_only() -> None:
    """exercise_correction labels one fault per fragment: other conditions neither catch nor spoil it."""
    other = Measured("head_neutral", 0, 100.0, 140.0, "deg", True)  # fails, but is not what the label says
    base = _item("f", "E", (170.0,), False, neutral_spine=True)
    fragment = Judged(
        **{**base.__dict__, "measured": (*base.measured, other), "scope": frozenset({"neutral_spine"})}
    )
    assert failed(fragment, {}) == set()
    unlabelled = Judged(**{**fragment.__dict__, "name": "g", "labels": {}, "scope": frozenset()})
    assert not unlabelled.scored and fragment.scored
    text = report([fragment, unlabelled, _item("h", "E", (150.0,), True)], {})
    assert next(line for line in text.splitlines() if line.startswith("ALL")).split()[1] == "2"
    assert "not scored (the label's fault is none of the spec's conditions): {'d/push_up': 1}" in text


@pytest.mark.parametrize(("body", "fails"), [(180.0, False), (150.0, True)])
def test_a_plank_fragment_shorter_than_a_hold_is_judged_whole(body: float, fails: bool) -> None:
    """exercise_correction saved plank frames by hand: a 0.6 s run is shorter than the plank's 1 s hold, yet
    its labelled fault (sagging hips here) is judged over all of it instead of left unjudged."""
    seq = hold(plank_side(body=body), seconds=0.6)
    form = "incorrect" if fails else "correct"
    j = judge(FormItem("f", "exercise_correction", "plank", form, seq, {"hips_aligned": not fails}, True))
    assert j is not None and j.scope == {"hips_aligned"}
    assert [m.condition for m in j.measured if m.value is not None][:2] == ["hips_aligned", "chest_off_floor"]
    assert failed(j, {}) == ({"hips_aligned"} if fails else set())


def test_formcoach_evaluate_form_prints_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`formcoach evaluate LABELS_CSV --form` on a data folder of two side-view push-up clips (a good one
    and one with sagging hips) whose poses, with world landmarks, sit in the pose cache: per exercise and
    view rows, and the 2D/3D agreement per exercise and condition."""
    clips, cache = tmp_path / "data" / "clips", tmp_path / "cache"
    rows = ["path,exercise,view,reps,reps_source,form,role"]
    for name, form, body in (("good", "correct", 180.0), ("sag", "incorrect", 130.0)):
        rel = f"kaggle_pushup_correct_wrong/{form}/{name}.mp4"
        (clips / rel).parent.mkdir(parents=True, exist_ok=True)
        path = make_video(str(clips / rel), size=(640, 480), fps=30, seconds=3.0)
        clip = probe_clip(AnalysisJob(path))
        assert isinstance(clip, Clip)
        keys = PoseCache(None, str(cache))  # type: ignore[arg-type] # keys only
        save_npz(keys.key_for(path, clip.sample_fps, clip.analysis_size), filmed(prone, "side", body=body))
        rows.append(f"{rel},push_up,side,2,,{form},core")
    (clips / "labels.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert cli.main(["evaluate", str(clips / "labels.csv"), "--form", "--pose-cache", str(cache)]) == 0
    out = capsys.readouterr().out
    assert "items: 2" in out  # the keypoint sequences: none in this data folder
    row = next(line for line in out.splitlines() if line.startswith("exercise×view push_up/side"))
    assert row.split()[2:] == ["2", "1.00", "1.00", "1.00", "1.00"]  # caught, kept, LOSO, as written
    # the world landmarks are the same figure lifted into 3D: both verdicts agree on all 4 reps
    assert "2D vs 3D agreement" in out and "push_up.neutral_spine 1.00 (n=4)" in out


def test_formcoach_evaluate_needs_a_labels_csv_without_form(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["evaluate"]) == 2
    assert "LABELS_CSV" in capsys.readouterr().err
