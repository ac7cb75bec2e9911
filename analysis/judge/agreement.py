"""How often a condition's 2D and 3D checks agree on the same reps (side-view clips judge both well).

For each Check with a 3D `alt`, both are evaluated on every rep regardless of view (the alt as if the
camera stood where it is valid); reps where both reached a verdict count, and agree when the verdicts
match. Pure: a spec, a pose and its reps in, counts out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np

from analysis.judge.measures import Body
from analysis.judge.rules import ANY_VIEW, Check, Span
from analysis.judge.spec import ExerciseSpec
from analysis.vocab.types import PoseSequence, Rep, Status, View


@dataclass(frozen=True)
class Agreement:
    agree: int = 0
    judged: int = 0  # reps where both the 2D and the 3D check gave a verdict

    @property
    def rate(self) -> float:
        return self.agree / self.judged if self.judged else float("nan")

    def __add__(self, other: Agreement) -> Agreement:
        return Agreement(self.agree + other.agree, self.judged + other.judged)


def agreement(spec: ExerciseSpec, seq: PoseSequence, reps: Iterable[Rep]) -> dict[str, Agreement]:
    """Per condition with a 3D alt: 2D-vs-3D verdict agreement over ``reps`` (empty without world)."""
    body = Body.of(seq)
    if body.world is None:
        return {}
    out: dict[str, Agreement] = {}
    spans = [Span.of_rep(i, r) for i, r in enumerate(reps)]
    for rule in spec.rules:
        if not isinstance(rule, Check) or rule.alt is None:
            continue
        flat, deep = replace(rule, views=ANY_VIEW, alt=None), replace(rule.alt, views=ANY_VIEW, alt=None)
        total = Agreement()
        for span in spans:
            a = flat.evaluate(spec.id, body, View.SIDE, span, seq.t_s).status
            b = deep.evaluate(spec.id, body, View.SIDE, span, seq.t_s).status
            if Status.NOT_JUDGED not in (a, b):
                total = total + Agreement(int(a is b), 1)
        out[rule.condition_id] = total
    return out


def pooled(per_clip: Iterable[dict[str, Agreement]]) -> dict[str, Agreement]:
    out: dict[str, Agreement] = {}
    for counts in per_clip:
        for cond, a in counts.items():
            out[cond] = out.get(cond, Agreement()) + a
    return out


def rates_line(counts: dict[str, Agreement]) -> str:
    parts = [f"{c} {a.rate:.2f} (n={a.judged})" for c, a in sorted(counts.items()) if np.isfinite(a.rate)]
    return ", ".join(parts) or "no rep judged in both"
