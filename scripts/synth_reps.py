"""Rep counts on generated sets (models.synth), the source the periodicity thresholds and the
reconciliation rule were chosen on (the real labelled clips are the check): exact, off-by-one and MAE
with the reconciliation on and off, in one run.

    .venv/bin/python scripts/synth_reps.py [--seed 7000]
"""

from __future__ import annotations

import argparse

import numpy as np

from analysis.exercises.registry import spec_or_generic
from analysis.judge.measures import Body
from analysis.judge.repcount import counted
from models.synth import generate as synth

EXERCISES = ("squat", "push_up", "lunge_forward", "crunch", "pull_up", "biceps_curl", "russian_twist",
             "knee_push_up", "v_up", "dips")  # fmt: skip
COUNTS = (3, 6, 8, 12, 16, 25)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=7000)
    args = ap.parse_args()
    errs: dict[bool, list[int]] = {True: [], False: []}
    for ex in EXERCISES:
        spec = spec_or_generic(ex).reps
        assert spec is not None
        for i, n in enumerate(COUNTS):
            clip = synth.generate(
                ex, np.random.default_rng(args.seed + 17 * i + len(ex)), n_reps=n, max_seconds=200
            )
            seq = clip.pose_sequence()
            for on in (True, False):
                reps, _, _ = counted(spec, Body.of(seq), seq, use_period=on)
                errs[on].append(abs(len(reps) - clip.reps))
    for on in (True, False):
        e = np.array(errs[on])
        name = "reconciled" if on else "hysteresis only"
        print(
            f"{name:16s} n {e.size}  exact {np.mean(e == 0):.3f}  off-by-one {np.mean(e <= 1):.3f}"
            f"  MAE {e.mean():.2f}"
        )


if __name__ == "__main__":
    main()
