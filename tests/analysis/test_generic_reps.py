"""Catalog exercises without posture checks yet still count reps from their rep signal (generic.py)."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.exercises.registry import spec_or_generic
from analysis.exercises.upper_body import PUSH_UP
from analysis.judge.measures import Body
from analysis.judge.reps import count_reps
from models.synth import generate as synth


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_knee_push_ups_are_counted_by_the_push_up_signal(seed: int) -> None:
    """The knees on the floor move only the pivot: the shoulders still sink toward the wrists, so the
    push-up's rep signal counts a knee push-up set (the default pelvis-height signal barely moves)."""
    spec = spec_or_generic("knee_push_up")
    assert spec.reps == PUSH_UP.reps
    clip = synth.generate("knee_push_up", np.random.default_rng(seed), fps=15.0, yaw_deg=90.0, n_reps=6)
    seq = clip.pose_sequence()
    reps, _ = count_reps(spec.reps, Body.of(seq), seq.t_s)
    assert len(reps) == 6
