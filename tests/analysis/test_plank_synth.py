"""The plank's body line on generated motion (models.synth): straight and slightly raised hips pass, sagging
and piked hips fail, over several generated bodies, filmed from the side (generated clips carry no world
landmarks: the 3D check is tested on lifted figures in test_world_checks).

The generator's plank faults bend the hips 20° down (hips_sag) or 35° up (hips_piked); a 12° raise of the
hips is added here as the tolerated pike (correct forearm planks read up to ~20° piked in real landmarks).
"""

from __future__ import annotations

import numpy as np
import pytest

from analysis.exercises.registry import SPECS
from analysis.judge.assess import assess, condition_summary
from analysis.judge.views import detect_view
from analysis.vocab.types import PoseSequence, Status, View
from models.synth.generate import generate
from models.synth.motions import FAULTS, Fault, P

RAISED = "hips_slightly_raised"
# fault → hips_aligned fails?
EXPECTED = {"": False, RAISED: False, "hips_sag": True, "hips_piked": True}


def _plank(seed: int, fault: str) -> PoseSequence:
    return generate(
        "plank",
        np.random.default_rng(seed),
        faults=(fault,) if fault else (),
        yaw_deg=90.0,
        mirror=False,
        partial=False,
        noise=0.0,
        setup=False,
    ).pose_sequence()


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("fault", sorted(EXPECTED))
def test_generated_plank_line(fault: str, seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(FAULTS["plank"], RAISED, Fault(add_all=P(hip_flex=12)))
    seq = _plank(seed, fault)
    assert detect_view(seq) is View.SIDE
    graded = assess(SPECS["plank"], seq, View.SIDE)
    assert graded.hold_s
    verdict = condition_summary(SPECS["plank"], graded.findings)["hips_aligned"]
    assert verdict is (Status.FAIL if EXPECTED[fault] else Status.PASS)
