"""The exercise_correction keypoint sequences as analysis.form_eval reads them: the frame's aspect ratio
restored, one labelled fault per sequence (real data; skipped when ../shared/data is absent)."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.vocab.landmarks import Landmark as L
from models.data import PoseSample, load_exercise_correction, load_exercise_correction_frames
from models.data.mediapipe import CORRECTION_FRAME
from tests.paths import SHARED

needs_data = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data is absent")
BONES = [(f"{s}_{a}", f"{s}_{b}") for s in ("LEFT", "RIGHT")
         for a, b in (("SHOULDER", "ELBOW"), ("ELBOW", "WRIST"), ("HIP", "KNEE"), ("KNEE", "ANKLE"),
                      ("SHOULDER", "HIP"))]  # fmt: skip


@pytest.fixture(scope="module")
def samples() -> list[PoseSample]:
    return load_exercise_correction(SHARED)


def _bone_spread(samples: list[PoseSample], x_scale: float) -> float:
    """Median coefficient of variation of the limb and torso lengths within each sequence: a bone keeps
    its length as it turns only in the frame's true aspect ratio."""
    cvs = []
    for s in samples:
        xy = s.xy * np.array([x_scale, 1.0])
        for a, b in BONES:
            n = np.linalg.norm(xy[:, L[a]] - xy[:, L[b]], axis=-1)
            n = n[np.isfinite(n)]
            if n.size > 10:
                cvs.append(np.std(n) / np.mean(n))
    return float(np.median(cvs))


@needs_data
def test_video_rows_are_in_pixels_of_a_16_9_frame(samples: list[PoseSample]) -> None:
    video = [s for s in samples if s.meta["file"].startswith(("bicep_model/", "lunge_model/"))]
    assert video and all(s.size == CORRECTION_FRAME for s in video)
    assert all(np.nanmax(s.xy[..., 0]) > 1.5 for s in video)  # pixels, not 0..1 fractions
    # the bones are steadiest at the aspect ratio the sequences are loaded with, not a narrower or wider one
    loaded = _bone_spread(video, 1.0)
    assert loaded < _bone_spread(video, 0.8) and loaded < _bone_spread(video, 1.25)


@needs_data
def test_a_sequence_carries_one_labelled_fault(samples: list[PoseSample]) -> None:
    """A plank run is cut where its label turns from high back to low back, not only where the form does."""
    raw: dict[str, list[str]] = {}
    for f in load_exercise_correction_frames(SHARED):
        raw.setdefault(f.meta["file"], []).append(f.meta["raw_label"])
    planks = [s for s in samples if s.label == "plank"]
    assert planks
    for s in planks:
        start, stop = map(int, s.meta["rows"].split("-"))
        assert len(set(raw[s.meta["file"]][start:stop])) == 1, s.meta
    faults = {tuple(sorted(k for k, met in s.conditions.items() if not met)) for s in planks}
    assert faults == {(), ("back_not_high",), ("back_not_low",)}
