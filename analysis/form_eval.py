"""`python -m analysis.form_eval`: how well the form verdicts predict sources they were not tuned on.

A clip (or keypoint sequence) labelled incorrect should get at least one failed condition, a correct one
none. Every item is judged once; the per-rep measured values are kept so that thresholds can be moved
afterwards without judging again. Leave-one-source-out: for each source, each exercise's named
thresholds (every Check's limit, moved by a few steps of GRID) are chosen on the other sources by
balanced accuracy, then scored on the held-out source. The table reports that figure, the thresholds as
written (no tuning) beside it, per source, exercise and view, per-condition precision/recall where a
source labels conditions, and the 2D-vs-3D agreement on side-view clips.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from analysis.exercises.registry import spec_for
from analysis.exercises.variants import VARIANTS
from analysis.form_sources import FormItem
from analysis.judge.agreement import Agreement, agreement, pooled, rates_line
from analysis.judge.assess import assess
from analysis.judge.measures import Body
from analysis.judge.reps import RepSpec
from analysis.judge.rules import Check, Rule, Span
from analysis.judge.spec import variant_of
from analysis.judge.views import detect_view
from analysis.vocab.types import Finding, Status, View

# threshold steps: degrees move by adding, lengths/ratios/shares by scaling
GRID: dict[str, tuple[float, ...]] = {"deg": (-10.0, -5.0, 0.0, 5.0, 10.0)}
SCALES = (0.8, 0.9, 1.0, 1.1, 1.25)
PASSES = 2  # coordinate-descent sweeps over an exercise's conditions


@dataclass(frozen=True)
class Measured:
    """One rep's verdict on one condition, as a value against a limit that can be moved."""

    condition: str
    rep: int | None
    value: float | None  # None: not judged
    threshold: float
    unit: str
    is_min: bool

    def fails(self, step: int) -> bool | None:
        if self.value is None:
            return None
        thr = moved(self.threshold, self.unit, step)
        return self.value < thr if self.is_min else self.value > thr


@dataclass(frozen=True)
class Judged:
    name: str
    source: str
    dataset: str
    exercise: str
    view: View
    incorrect: bool
    measured: tuple[Measured, ...]
    labels: dict[str, bool]  # condition → met, where the source says
    # the conditions its form label speaks about: None = all (a clip's correct/incorrect); a fragment
    # labelled for one fault only (exercise_correction) is judged on that fault's conditions
    scope: frozenset[str] | None = None
    world: bool = False  # the pose had 3D world landmarks (clips); keypoint sequences are 2D only

    @property
    def scored(self) -> bool:
        """False when the label's fault is none of the spec's conditions: no verdict can be compared."""
        return self.scope is None or bool(self.scope)


Steps = dict[str, int]  # condition → index into the grid (the middle = as written)
MIDDLE = 2


def moved(threshold: float, unit: str, step: int) -> float:
    if unit in GRID:
        return threshold + GRID[unit][step]
    return threshold * SCALES[step]


def judge(item: FormItem) -> Judged | None:
    """Judge one item with its exercise's spec; None when no spec measures that exercise."""
    seq = item.seq
    spec = spec_for(item.exercise)
    if spec is None:
        return None
    view = detect_view(seq)
    spec, _ = variant_of(spec, seq, view, VARIANTS)  # an incline push-up is judged as one
    graded = assess(spec, seq, view)
    body = Body.of(seq)
    findings = graded.findings
    if item.fragment and not (graded.reps or graded.hold_span):
        findings = _whole_fragment(spec.rules, spec.reps, body, view, seq.t_s, spec.id)
    limits = {}
    for rule in spec.rules:
        if isinstance(rule, Check):
            limits[rule.condition_id] = rule.for_view(view, body).limit
    measured = tuple(
        Measured(f.condition_id, f.rep, None if f.status is Status.NOT_JUDGED else f.value,
                 limits[f.condition_id].value, limits[f.condition_id].unit, limits[f.condition_id].is_min)
        for f in findings
        if f.condition_id in limits
    )  # fmt: skip
    return Judged(
        name=item.name,
        source=item.source,
        dataset=item.dataset,
        exercise=item.exercise,
        view=view,
        incorrect=item.form == "incorrect",
        measured=measured,
        labels=item.conditions,
        scope=frozenset(item.conditions) if item.fragment else None,
        world=seq.world is not None,
    )


def _whole_fragment(
    rules: Sequence[Rule], reps: RepSpec | None, body: Body, view: View, t_s: np.ndarray, exercise: str
) -> tuple[Finding, ...]:
    """A fragment cut from a longer recording (per-frame labels) too short to hold a whole rep, or a
    hold shorter than the hold's minimum (the labeller saved frames by hand, so their timing says
    nothing): one span over all of it, a rep's working extreme where the rep measure peaks."""
    bottom = (len(t_s) - 1) // 2
    if reps is not None:
        signal = reps.measure.values(body)
        if not np.isfinite(signal).any():
            return ()
        bottom = int(np.nanargmax(signal) if reps.working_high else np.nanargmin(signal))
    span = Span(0 if reps is not None else None, 0, bottom, len(t_s) - 1)
    return tuple(rule.evaluate(exercise, body, view, span, t_s) for rule in rules)


def failed(j: Judged, steps: Steps) -> set[str]:
    """Conditions that fail over the clip (in at least half the judged reps, as grading does)."""
    fails: dict[str, list[bool]] = defaultdict(list)
    for m in j.measured:
        if j.scope is not None and m.condition not in j.scope:
            continue
        verdict = m.fails(steps.get(m.condition, MIDDLE))
        if verdict is not None:
            fails[m.condition].append(verdict)
    return {c for c, v in fails.items() if 2 * sum(v) >= len(v)}


def _rates(items: Sequence[Judged], predict: Callable[[Judged], bool]) -> tuple[float, float, float]:
    """(caught-wrong share, kept-correct share, balanced accuracy); NaN where a class is absent."""
    pos = [predict(j) for j in items if j.incorrect]
    neg = [not predict(j) for j in items if not j.incorrect]
    tpr = sum(pos) / len(pos) if pos else float("nan")
    tnr = sum(neg) / len(neg) if neg else float("nan")
    parts = [x for x in (tpr, tnr) if x == x]
    return tpr, tnr, sum(parts) / len(parts) if parts else float("nan")


def balanced(items: Sequence[Judged], steps: Steps) -> float:
    return _rates(items, lambda j: bool(failed(j, steps)))[2]


def fit(items: Sequence[Judged]) -> Steps:
    """Threshold steps for one exercise chosen on ``items``: as written unless both classes are there."""
    steps: Steps = {}
    if not (any(j.incorrect for j in items) and any(not j.incorrect for j in items)):
        return steps
    conditions = sorted({m.condition for j in items for m in j.measured if m.value is not None})
    n_steps = len(SCALES)
    for _ in range(PASSES):
        for c in conditions:
            # best balanced accuracy; ties go to the step nearest the threshold as written
            scores = [(balanced(items, {**steps, c: s}), -abs(s - MIDDLE), s) for s in range(n_steps)]
            steps[c] = max(scores)[2]
    return steps


def loso(items: Sequence[Judged]) -> tuple[dict[str, bool], dict[str, dict[str, Steps]]]:
    """Held-out prediction (incorrect?) per item name, and the steps chosen for each held-out source."""
    predictions: dict[str, bool] = {}
    chosen: dict[str, dict[str, Steps]] = {}
    for source in sorted({j.source for j in items}):
        train = [j for j in items if j.source != source]
        chosen[source] = {}
        for exercise in sorted({j.exercise for j in items if j.source == source}):
            steps = fit([j for j in train if j.exercise == exercise])
            chosen[source][exercise] = steps
            for j in items:
                if j.source == source and j.exercise == exercise:
                    predictions[j.name] = bool(failed(j, steps))
    return predictions, chosen


def condition_scores(
    items: Iterable[Judged], steps_of: Callable[[Judged], Steps]
) -> dict[str, tuple[float, float, int]]:
    """Per labelled condition: (precision, recall, n labelled) of "fails" against "labelled not met"."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp, fp, fn, n
    for j in items:
        fails = failed(j, steps_of(j))
        for cond, met in j.labels.items():
            key = f"{j.exercise}.{cond}"
            out[key][3] += 1
            if cond in fails and not met:
                out[key][0] += 1
            elif cond in fails:
                out[key][1] += 1
            elif not met:
                out[key][2] += 1
    return {
        k: (tp / (tp + fp) if tp + fp else float("nan"), tp / (tp + fn) if tp + fn else float("nan"), n)
        for k, (tp, fp, fn, n) in out.items()
    }


def report(judged: Sequence[Judged], agree: dict[str, Agreement]) -> str:
    items = [j for j in judged if j.scored]
    unscored = Counter(f"{j.dataset}/{j.exercise}" for j in judged if not j.scored)
    pred, chosen = loso(items)
    held = lambda j: pred[j.name]  # noqa: E731
    written = lambda j: bool(failed(j, {}))  # noqa: E731
    lines = [f"items: {len(items)}", "", f"{'group':44s} {'n':>4s} {'caught':>7s} {'kept':>6s} "
             f"{'LOSO bal':>9s} {'as-written bal':>15s}"]  # fmt: skip
    groups: dict[str, list[Judged]] = defaultdict(list)
    for j in items:
        groups["ALL"].append(j)
        groups[f"source {j.source}"].append(j)
        groups[f"dataset {j.dataset}"].append(j)
        groups[f"exercise {j.exercise}"].append(j)
        groups[f"exercise×view {j.exercise}/{j.view.value}{'' if j.world else ' 2D-only'}"].append(j)
    for name in sorted(groups, key=lambda g: (g != "ALL", g.split()[0], g)):
        g = groups[name]
        tpr, tnr, bal = _rates(g, held)
        lines.append(f"{name:44s} {len(g):4d} {tpr:7.2f} {tnr:6.2f} {bal:9.2f} {_rates(g, written)[2]:15.2f}")
    steps_of = lambda j: chosen[j.source][j.exercise]  # noqa: E731
    cond = condition_scores(items, steps_of)
    lines += ["", "per condition (LOSO; fault = labelled not met)   precision recall n"]
    lines += [f"  {k:46s} {p:6.2f} {r:6.2f} {n:4d}" for k, (p, r, n) in sorted(cond.items())]
    lines += ["", "thresholds moved (held-out source: exercise: condition step, 2 = as written)"]
    for source, per in chosen.items():
        moved_ = {e: {c: s for c, s in st.items() if s != MIDDLE} for e, st in per.items()}
        lines.append(f"  {source}: {({e: s for e, s in moved_.items() if s}) or 'none'}")
    lines += [
        "",
        f"not scored (the label's fault is none of the spec's conditions): {dict(unscored) or 'none'}",
    ]
    lines += ["", f"2D vs 3D agreement on side-view clips (per rep): {rates_line(agree)}"]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    from analysis.form_sources import DATA_ROOT, load_clips, load_sequences
    from analysis.judge.reps import count_reps

    ap = argparse.ArgumentParser(prog="python -m analysis.form_eval", description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(DATA_ROOT), help="the shared data folder")
    ap.add_argument("--pose-cache", default="/work/cache/poses", help="pose cache of the labelled clips")
    ap.add_argument("--no-sequences", action="store_true", help="clips only")
    args = ap.parse_args(argv)
    root = Path(args.data)
    raw = load_clips(root, args.pose_cache) + ([] if args.no_sequences else load_sequences(root))
    items, agree = [], []
    for it in raw:
        j = judge(it)
        if j is None:
            continue
        items.append(j)
        spec = spec_for(it.exercise)
        if j.view is View.SIDE and spec is not None and spec.reps is not None:
            reps, _ = count_reps(spec.reps, Body.of(it.seq), it.seq.t_s)
            agree.append({f"{spec.id}.{c}": a for c, a in agreement(spec, it.seq, reps).items()})
    print(report(items, pooled(agree)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
