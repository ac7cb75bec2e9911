"""Shot cuts (analysis.media.cuts): a compilation of shots is rejected; one continuous take is not, even
when the camera pans or the person moves fast."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from analysis import pipeline
from analysis.classifier import UnknownClassifier
from analysis.media.cuts import SceneMeter, cut_times, is_compilation
from analysis.vocab.types import AnalysisJob, Assessment, Rejection
from tests.analysis.test_pipeline import FakePose
from tests.fakes.media import make_video

W, H, FPS = 160, 90, 10.0


def _room(seed: int) -> np.ndarray:
    """A blocky random texture in a palette of its own per room (a shot): [H, 2W, 3] uint8 (wide, to pan
    over). Rooms differ in hue, as two rooms or two gyms do."""
    rng = np.random.default_rng(seed)
    shape = (H // 10 + 1, 2 * W // 10 + 1)
    hue = (seed * 55 + rng.integers(0, 20, shape)) % 180
    hsv = np.stack([hue, rng.integers(120, 256, shape), rng.integers(60, 256, shape)], -1).astype(np.uint8)
    rgb = cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)
    return np.kron(rgb, np.ones((10, 10, 1), np.uint8))[:H, : 2 * W]


def _frame(room: int, i: int, pan_px: int = 0, person_x: int = 70) -> np.ndarray:
    """Room `room` (camera panned i × pan_px) with a person-sized block moving up and down in it."""
    img = np.roll(_room(room), -pan_px * i, axis=1)[:, :W].copy()
    top = 20 + int(15 * np.sin(i / 3))
    img[top : top + 50, person_x : person_x + 40] = (200, 120, 90)
    return img


def _values(frames: list[np.ndarray]) -> list[tuple[float, float, float]]:
    m = SceneMeter()
    return [(i / FPS, *m.add(f)) for i, f in enumerate(frames)]


def test_one_continuous_take_has_no_cut() -> None:
    assert cut_times(_values([_frame(0, i) for i in range(60)])) == ()


def test_a_fast_pan_is_no_cut() -> None:
    values = _values([_frame(0, i, pan_px=6) for i in range(60)])
    assert np.nanmean([v for _, v, _ in values]) > 15  # every frame changes a lot …
    assert cut_times(values) == ()  # … but none stands out from its neighbours


def test_a_webcam_frame_skip_with_an_exposure_jump_is_no_cut() -> None:
    frames = [_frame(0, i, person_x=70 if i < 30 else 20) for i in range(60)]  # the person jumps 50 px …
    for f in frames[30:]:
        f[:] = (f * 0.6).astype(np.uint8)  # … as the exposure drops: same room, everything changes at once
    values = _values(frames)
    assert values[30][1] > 15  # the picture changes as much as at a cut, but its colours do not
    assert cut_times(values) == ()


def test_three_shots_are_two_cuts_and_a_compilation() -> None:
    frames = [_frame(i // 20, i) for i in range(60)]  # rooms 0, 1, 2 for two seconds each
    values = _values(frames)
    assert cut_times(values) == pytest.approx((2.0, 4.0))
    assert is_compilation(values)


def test_one_cut_joins_two_takes_of_a_set_and_is_kept() -> None:
    values = _values([_frame(i // 30, i) for i in range(60)])
    assert cut_times(values) == pytest.approx((3.0,)) and not is_compilation(values)


def test_a_flash_in_one_take_is_not_a_compilation() -> None:
    frames = [_frame(0, i) for i in range(60)]
    frames[30] = np.full_like(frames[30], 255)  # one white frame: into the flash and out of it
    values = _values(frames)
    assert len(cut_times(values)) == 1 and not is_compilation(values)  # out of it is too soon for a shot


def _shots(i: int, width: int, height: int) -> np.ndarray:
    img = np.kron(_frame((i // 45) % 3, i // 3), np.ones((2, 2, 1), np.uint8))  # 30 fps, a shot a 1.5 s
    return np.ascontiguousarray(img[:height, :width])


@pytest.mark.usefixtures("fresh_worker")
def test_the_pipeline_rejects_a_compilation_and_keeps_a_continuous_clip(tmp_path) -> None:
    pipeline.init_worker(FakePose(3), UnknownClassifier())
    size = (2 * W, 2 * H)
    edited = make_video(str(tmp_path / "edited.mp4"), size=size, fps=30, seconds=6.0, pattern=_shots)
    result = pipeline.run(AnalysisJob(path=edited, exercise_hint="squat"))
    assert isinstance(result, Rejection) and result.code == "edited_clip"
    assert result.reason_key == "rejection-edited-clip"
    one = make_video(
        str(tmp_path / "one.mp4"), size=size, fps=30, seconds=6.0,
        pattern=lambda i, w, h: np.kron(_frame(0, i // 3), np.ones((2, 2, 1), np.uint8))[:h, :w],
    )  # fmt: skip
    assert isinstance(pipeline.run(AnalysisJob(path=one, exercise_hint="squat")), Assessment)
