"""analysis.media.video: probing, rejections, rotation, sampling, and the key-frame reader.

All media is synthetic (tests/media.py, written at test time) except the last test, which probes the real
clips in ../shared/data/clips when they are present.
"""

from __future__ import annotations

import csv
import os
import struct
from pathlib import Path
from types import SimpleNamespace

import av
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.media import probe as video_probe
from analysis.media import video
from analysis.vocab.types import Clip, Limits, Rejection
from tests.fakes import media
from tests.paths import CLIPS

needs_clips = pytest.mark.skipif(
    not (CLIPS / "labels.csv").is_file(), reason="real clips not present (../shared/data/clips)"
)
# The sampling tests pin 15 fps so they do not follow the production default (Limits.target_fps).
BASE = Limits(target_fps=15.0)
SHORT = Limits(min_seconds=0.1, target_fps=15.0)  # lets tiny synthetic clips through the "too_short" gate


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="module")
def mp4(tmp: Path) -> str:
    return media.make_video(str(tmp / "plain.mp4"), size=(160, 120), fps=30, seconds=2.0)


def probed(path: str, limits: Limits = BASE) -> Clip:
    clip = video.probe(path, limits)
    assert isinstance(clip, Clip), clip
    return clip


def frames(clip: Clip, limits: Limits = BASE) -> list[tuple[int, float, np.ndarray]]:
    return list(video.iter_frames(clip, limits))


def rejected(path: str, limits: Limits = BASE) -> Rejection:
    outcome = video.probe(path, limits)
    assert isinstance(outcome, Rejection), outcome
    return outcome


# --- probe: what a good clip reports ---------------------------------------------------------------------


def test_probe_reports_geometry_timing_and_sampling(mp4: str) -> None:
    clip = probed(mp4)
    assert "mp4" in clip.container and clip.codec == "h264"
    assert clip.source_fps == pytest.approx(30.0)
    assert clip.duration_s == pytest.approx(2.0, abs=0.04)
    assert clip.source_size == (160, 120) and clip.analysis_size == (160, 120)
    assert clip.rotation_deg == 0
    assert clip.sample_fps == pytest.approx(15.0)
    assert clip.analysed_s == pytest.approx(clip.duration_s)
    assert clip.truncated is False


def test_iter_frames_samples_every_other_frame_of_30fps_with_real_timestamps(mp4: str) -> None:
    got = frames(probed(mp4))
    assert [i for i, _, _ in got] == list(range(0, 60, 2))
    assert [t for _, t, _ in got] == pytest.approx([i / 30 for i in range(0, 60, 2)], abs=1e-3)
    for index, _, rgb in got:
        assert rgb.dtype == np.uint8 and rgb.shape == (120, 160, 3)
        assert media.read_index(rgb) == index  # the pixels are those of that source frame
        assert media.is_upright(rgb)


def test_slow_source_keeps_every_frame(tmp: Path) -> None:
    clip = probed(media.make_video(str(tmp / "10fps.mp4"), fps=10, seconds=1.5))
    assert clip.sample_fps == pytest.approx(10.0)
    assert [i for i, _, _ in frames(clip)] == list(range(15))


def test_only_kept_frames_are_converted(mp4: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = video.to_rgb
    monkeypatch.setattr(video, "to_rgb", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert len(frames(probed(mp4))) == len(calls) == 30


def test_fast_yuv_path_matches_swscale(tmp: Path) -> None:
    path = media.make_video(str(tmp / "tex.mp4"), size=(640, 360), seconds=0.2, pattern=media.textured_frame)
    with av.open(path) as container:
        frame = next(container.decode(video=0))
    ours = video.to_rgb(frame, (320, 180)).astype(int)
    ref = frame.to_ndarray(width=320, height=180, format="rgb24", interpolation="AREA").astype(int)
    assert ours.shape == ref.shape == (180, 320, 3)
    assert np.abs(ours - ref).mean() < 3.0


# --- rotation ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("rotation", "size"), [(90, (120, 160)), (180, (160, 120)), (270, (120, 160))])
def test_rotated_phone_clip_comes_out_upright(tmp: Path, rotation: int, size: tuple[int, int]) -> None:
    path = media.make_video(str(tmp / f"rot{rotation}.mp4"), size=size, seconds=1.0, rotation=rotation)
    clip = probed(path)
    assert clip.rotation_deg == rotation
    assert clip.source_size == size and clip.analysis_size == size
    got = frames(clip)
    assert len(got) == 15
    for index, _, rgb in got:
        assert rgb.shape == (size[1], size[0], 3)
        assert media.is_upright(rgb), f"frame {index} not upright"
        assert media.read_index(rgb) == index


def test_rotated_fixture_carries_an_iphone_portrait_matrix(tmp: Path) -> None:
    """Anchor the convention: rotation=90 must be what an iPhone writes for portrait (tkhd a=0 b=1 c=-1 d=0,
    ffprobe's "rotate: 90"), so reader and generator cannot agree on a mirrored convention."""
    path = media.make_video(str(tmp / "iphone.mp4"), size=(120, 160), seconds=0.2, rotation=90)
    data = Path(path).read_bytes()
    at = data.index(b"tkhd")
    matrix = struct.unpack(">9i", data[at + 44 : at + 80])
    assert matrix[:4] == (0, 1 << 16, -(1 << 16), 0) or matrix[:5] == (0, 1 << 16, 0, -(1 << 16), 0)
    assert probed(path, SHORT).rotation_deg == 90


def test_legacy_rotate_tag_is_used_without_a_display_matrix() -> None:
    frame = SimpleNamespace(rotation=0)
    assert video_probe._rotation(frame, SimpleNamespace(metadata={"rotate": "90"})) == 90  # type: ignore[arg-type]
    assert video_probe._rotation(frame, SimpleNamespace(metadata={"rotate": "-90"})) == 270  # type: ignore[arg-type]
    assert video_probe._rotation(SimpleNamespace(rotation=-90), SimpleNamespace(metadata={})) == 90  # type: ignore[arg-type]


# --- geometry ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [((1920, 1080), (640, 360)), ((1080, 1920), (360, 640)), ((3840, 2160), (640, 360)),
     ((641, 361), (640, 360)), ((160, 120), (160, 120)), ((161, 121), (160, 120))],
)  # fmt: skip
def test_fit_size(source: tuple[int, int], expected: tuple[int, int]) -> None:
    assert video_probe.fit_size(source, 640) == expected


@given(st.integers(2, 9000), st.integers(2, 9000), st.integers(16, 2000))
def test_fit_size_never_upscales_keeps_aspect_and_even_sides(w: int, h: int, side: int) -> None:
    fw, fh = video_probe.fit_size((w, h), side)
    assert fw % 2 == 0 and fh % 2 == 0
    assert max(fw, fh) <= max(side, 2) and fw <= max(w, 2) and fh <= max(h, 2)
    if min(fw, fh) >= 40:
        assert fw / fh == pytest.approx(w / h, rel=0.06)


def test_720p_is_downscaled_to_analysis_size(tmp: Path) -> None:
    clip = probed(media.make_video(str(tmp / "720p.mp4"), size=(1280, 720), fps=10, seconds=1.0))
    assert clip.source_size == (1280, 720) and clip.analysis_size == (640, 360)
    got = frames(clip)
    assert len(got) == 10 and all(rgb.shape == (360, 640, 3) for _, _, rgb in got)
    assert [media.read_index(rgb) for _, _, rgb in got] == list(range(10))


def test_4k_clip_is_accepted_and_downscaled(tmp: Path) -> None:
    clip = probed(media.make_4k_video(str(tmp / "4k.mp4")))
    assert clip.source_size == (3840, 2160) and clip.analysis_size == (640, 360)
    got = frames(clip)
    assert len(got) == 6 and all(rgb.shape == (360, 640, 3) and media.is_upright(rgb) for _, _, rgb in got)


# --- sampling: VFR, truncation, decode limits -------------------------------------------------------------


def first_at_or_after_each_tick(times: list[float], sample_fps: float, until: float) -> list[int]:
    """Reference sampler: for every tick k / sample_fps before ``until``, the first frame at/after it."""
    picks = set()
    for k in range(int(until * sample_fps) + 1):
        after = [i for i, t in enumerate(times) if k / sample_fps - 1e-3 <= t < until]
        if after:
            picks.add(after[0])
    return sorted(picks)


def test_vfr_sampling_picks_first_frame_at_or_after_each_tick(tmp: Path) -> None:
    path = media.make_video(str(tmp / "vfr.mp4"), fps=30, seconds=2.0, vfr=True)
    times = media.frame_times(30, 2.0, vfr=True)
    clip = probed(path)
    got = frames(clip)
    expected = first_at_or_after_each_tick(times, 15.0, clip.analysed_s)
    assert len(expected) >= 28
    assert [i for i, _, _ in got] == expected
    assert [t for _, t, _ in got] == pytest.approx([times[i] for i in expected], abs=2e-3)
    assert [media.read_index(rgb) for _, _, rgb in got] == expected


def test_bursts_and_gaps_are_sampled_once(tmp: Path) -> None:
    """A 0.5 s freeze (one frame spanning many ticks) and a burst (two frames inside one tick)."""
    times = [i / 30 for i in range(30)] + [1.5, 1.51] + [2 + i / 30 for i in range(30)]
    path = media.make_video(str(tmp / "gappy.mp4"), times=times)
    clip = probed(path)
    assert clip.sample_fps == pytest.approx(15.0)
    got = [i for i, _, _ in frames(clip)]
    assert got == first_at_or_after_each_tick(times, 15.0, clip.analysed_s)
    assert 30 in got and 31 not in got and len(got) == len(set(got))


def test_long_clip_is_truncated_at_max_seconds(tmp: Path) -> None:
    limits = Limits(max_seconds=1.0, target_fps=15.0)
    clip = probed(media.make_video(str(tmp / "3s.mp4"), seconds=3.0), limits)
    assert clip.truncated is True
    assert clip.duration_s == pytest.approx(3.0, abs=0.05) and clip.analysed_s == pytest.approx(1.0)
    got = frames(clip, limits)
    assert len(got) == 15 and max(t for _, t, _ in got) < 1.0 and got[-1][0] == 28


def test_decoding_stops_at_max_decoded_frames(mp4: str) -> None:
    limits = Limits(max_decoded_frames=12, target_fps=15.0)
    got = frames(probed(mp4, limits), limits)
    assert [i for i, _, _ in got] == [0, 2, 4, 6, 8, 10]


# --- rejections -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [media.make_zero_bytes, media.make_garbage, media.make_image_as_video, media.make_audio_only],
    ids=["zero_bytes", "garbage", "png_renamed", "audio_only"],
)
def test_not_video(tmp: Path, make: object) -> None:
    path = make(str(tmp / f"nv_{make.__name__}.mp4"))  # type: ignore[operator]
    assert rejected(path).code == "not_video"


def test_still_gif_is_not_video(tmp: Path) -> None:
    path = media.make_video(str(tmp / "still.gif"), codec="gif", fps=10, seconds=0.1)
    assert rejected(path).code == "not_video"


def test_truncated_mp4_without_index_is_corrupt(mp4: str, tmp: Path) -> None:
    assert rejected(media.truncated_copy(mp4, str(tmp / "trunc.mp4"), keep=0.5)).code == "corrupt"


def test_container_whose_frames_are_all_missing_is_corrupt(tmp: Path) -> None:
    mkv = media.make_video(str(tmp / "whole.mkv"), seconds=1.0)
    outcome = rejected(media.truncated_copy(mkv, str(tmp / "head.mkv"), keep=700))
    assert outcome.code == "corrupt"


def test_one_frame_video_is_too_short(tmp: Path) -> None:
    assert rejected(media.make_one_frame_video(str(tmp / "one.mp4"))).code == "too_short"


def test_half_second_clip_is_too_short(tmp: Path) -> None:
    outcome = rejected(media.make_video(str(tmp / "half.mp4"), seconds=0.5))
    assert outcome.code == "too_short" and outcome.args["seconds"] == pytest.approx(0.5, abs=0.05)
    assert outcome.reason_key == "rejection-too-short"


def test_resolution_above_limit_is_too_large(mp4: str) -> None:
    outcome = rejected(mp4, Limits(max_source_pixels=100 * 100))
    assert outcome.code == "too_large" and (outcome.args["width"], outcome.args["height"]) == (160, 120)


def test_file_above_limit_is_too_large(mp4: str) -> None:
    outcome = rejected(mp4, Limits(max_file_bytes=1000))
    assert outcome.code == "too_large" and outcome.args["megabytes"] >= 1


def test_claimed_duration_over_ten_minutes_is_too_long(tmp: Path) -> None:
    path = media.make_video(str(tmp / "long.mp4"), times=[0.0, 0.5, 1.0, 700.0])
    outcome = rejected(path)
    assert outcome.code == "too_long" and outcome.args["minutes"] == 12


# --- damaged media: never raise ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gop15(tmp: Path) -> str:
    return media.make_video(str(tmp / "gop15.mp4"), seconds=4.0, options={"preset": "veryfast", "g": "15"})


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_decode_errors_mid_stream_are_skipped(gop15: str, tmp: Path, seed: int) -> None:
    path = media.bitflip_copy(gop15, str(tmp / f"flip{seed}.mp4"), flips=30, seed=seed, start=0.3, end=0.6)
    got = frames(probed(path))
    assert got, "no frames at all"
    assert media.read_index(got[-1][2]) >= 110  # decoding went on past the damage to the end
    indices = [i for i, _, _ in got]
    assert indices == sorted(set(indices))


def test_random_damage_never_raises(gop15: str, tmp: Path) -> None:
    outcomes = set()
    for seed in range(12):
        path = media.bitflip_copy(gop15, str(tmp / "fuzz.mp4"), flips=200, seed=seed, start=0.0)
        outcome = video.probe(path)
        outcomes.add(type(outcome))
        if isinstance(outcome, Clip):
            list(video.iter_frames(outcome))
            list(video.iter_frames(outcome, start_s=0.5, end_s=1.0))
        else:
            assert outcome.code in {"not_video", "corrupt", "too_short", "too_large", "too_long"}
    assert Rejection in outcomes  # the damage did hit headers in some runs


def test_readers_survive_the_file_vanishing(mp4: str, tmp: Path) -> None:
    copy = media.truncated_copy(mp4, str(tmp / "gone.mp4"), keep=1.0)
    clip = probed(copy)
    os.remove(copy)
    assert frames(clip) == [] and list(video.iter_frames(clip, start_s=0.2)) == []
    assert rejected(copy).code == "not_video"


# --- other containers and codecs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "make", "codec", "fps"),
    [
        ("anim.gif", media.make_gif, "gif", 10.0),
        ("vp9.webm", media.make_webm, "vp9", 30.0),
        ("hevc.mov", media.make_hevc_mov, "hevc", 30.0),
        ("mpeg4.avi", lambda p: media.make_video(p, codec="mpeg4"), "mpeg4", 30.0),
        ("h264.mkv", lambda p: media.make_video(p), "h264", 30.0),
        # not 8-bit limited-range 4:2:0, so these go through swscale instead of the fast path:
        ("hevc10.mov", lambda p: media.make_video(p, codec="libx265", pix_fmt="yuv420p10le"), "hevc", 30.0),
        ("mjpeg.avi", lambda p: media.make_video(p, codec="mjpeg", pix_fmt="yuvj420p"), "mjpeg", 30.0),
    ],
)
def test_containers_and_codecs(tmp: Path, name: str, make: object, codec: str, fps: float) -> None:
    clip = probed(make(str(tmp / name)))  # type: ignore[operator]
    assert clip.codec == codec
    assert clip.source_fps == pytest.approx(fps, rel=0.01)
    assert clip.duration_s == pytest.approx(2.0, abs=0.05)
    got = frames(clip)
    step = round(fps / clip.sample_fps)
    assert [i for i, _, _ in got] == list(range(0, round(2 * fps), step))
    assert all(media.read_index(rgb) == i and media.is_upright(rgb) for i, _, rgb in got)


# --- segments of a pass ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hd(tmp: Path) -> Clip:
    return probed(media.make_video(str(tmp / "hd.mp4"), size=(1280, 720), fps=30, seconds=4.0))


@pytest.mark.parametrize("cuts", [(0.0, 2.0, None), (0.0, 1.05, 2.5, None), (0.0, 0.1, None)])
def test_segments_of_a_pass_put_together_are_the_whole_pass(hd: Clip, cuts: tuple[float | None, ...]) -> None:
    whole = [(i, t) for i, t, _ in video.iter_frames(hd)]
    pieces: list[tuple[int, float]] = []
    for start, end in zip(cuts[:-1], cuts[1:], strict=True):
        assert start is not None
        got = [(i, t, rgb) for i, t, rgb in video.iter_frames(hd, start_s=start, end_s=end)]
        assert all(start <= t and (end is None or t < end) for _, t, _ in got)
        assert all(media.read_index(rgb) == i for i, _, rgb in got)
        pieces += [(i, t) for i, t, _ in got]
    assert pieces == whole  # the same samples, same indices and times: nothing twice, nothing dropped


def test_a_segment_of_a_variable_frame_rate_clip_keeps_the_whole_pass_samples(tmp: Path) -> None:
    clip = probed(media.make_video(str(tmp / "vfr-seg.mp4"), fps=30, seconds=3.0, vfr=True))
    whole = [(i, t) for i, t, _ in video.iter_frames(clip)]
    middle = whole[len(whole) // 3][1]
    later = [(i, t) for i, t, _ in video.iter_frames(clip, start_s=middle)]
    assert later == [s for s in whole if s[1] >= middle]


# --- real clips (skipped when ../shared is absent) --------------------------------------------------------


def _labels() -> list[dict[str, str]]:
    with open(CLIPS / "labels.csv", newline="") as fh:
        return list(csv.DictReader(fh))


@needs_clips
def test_every_real_clip_probes_to_a_clip_or_a_rejection() -> None:
    rows = [r for r in _labels() if (CLIPS / r["path"]).is_file()]
    assert rows
    clips = 0
    for row in rows:
        outcome = video.probe(str(CLIPS / row["path"]))
        assert isinstance(outcome, Clip | Rejection), row["path"]
        if isinstance(outcome, Rejection):
            assert outcome.code == "too_short" and float(row["duration_s"]) < 1.0, (row["path"], outcome)
            continue
        clips += 1
        assert 0 < outcome.sample_fps <= 15.0 and outcome.sample_fps <= outcome.source_fps
        assert outcome.source_fps == pytest.approx(float(row["fps"]), abs=0.05), row["path"]
        assert outcome.duration_s == pytest.approx(float(row["duration_s"]), abs=0.1), row["path"]
        # labels.csv sizes are sometimes the upload's rather than the file's (1920×1080 for 1280×720): compare
        # the aspect, which still catches a missed quarter turn.
        w, h = outcome.source_size
        assert w / h == pytest.approx(int(row["width"]) / int(row["height"]), rel=0.02), row["path"]
        assert max(outcome.analysis_size) <= 640
        expected = outcome.analysed_s * outcome.sample_fps
        assert 2 <= expected <= 60 * 15
    assert clips >= 0.95 * len(rows)


@needs_clips
@pytest.mark.parametrize(
    "rel",
    [
        "calimiro_workouttracker/squats/squat_11.mp4",
        "ngoquocbao_exercise_correction/images/bicep_curl.gif",
        "kaiakol_posetrainer/squat/correct/squat_correct_001.avi",
    ],
)
def test_real_clip_frames_are_sampled_sanely(rel: str) -> None:
    if not (CLIPS / rel).is_file():
        pytest.skip(f"{rel} not present")
    clip = probed(str(CLIPS / rel))
    got = frames(clip)
    expected = clip.analysed_s * clip.sample_fps
    assert abs(len(got) - expected) <= max(2.0, 0.03 * expected)
    times = [t for _, t, _ in got]
    gaps = np.diff(times)
    assert gaps.min() > 0 and gaps.max() < 2.5 / clip.sample_fps
    h, w = got[0][2].shape[:2]
    assert (w, h) == clip.analysis_size
