"""Synthetic test media, written with PyAV at test time (no binary fixtures in the repository).

Every ``make_*`` function writes one file and returns its path (a ``str``). Frames drawn by the default
pattern, :func:`marker_frame`, carry two things a test can read back from a decoded, upright RGB frame:

* a white block in the top-left third (asymmetric, so a wrong rotation or flip is visible; see
  :func:`is_upright`);
* the frame's index, written in binary as ``INDEX_BITS`` black/white cells along the bottom quarter (see
  :func:`read_index`), so a test can tell exactly which source frame a reader returned.

Sizes are ``(width, height)`` of the picture as it should be *displayed* (upright).
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Sequence
from fractions import Fraction
from functools import lru_cache

import av
import numpy as np
from PIL import Image

Pattern = Callable[[int, int, int], np.ndarray]  # (frame index, width, height) -> RGB uint8 [h, w, 3]

INDEX_BITS = 10
_TIME_BASE = Fraction(1, 1000)  # codec time base for VFR clips (ms)
_DEFAULT_OPTIONS: dict[str, dict[str, str]] = {
    "libx264": {"preset": "veryfast"},
    "libx265": {"preset": "ultrafast", "x265-params": "log-level=none"},
    "libvpx-vp9": {"deadline": "realtime", "cpu-used": "8"},
}
_DEFAULT_PIX_FMT = {"gif": "rgb8", "mpeg4": "yuv420p"}


def marker_frame(index: int, width: int, height: int) -> np.ndarray:
    """Black frame, white top-left block (w/3 × h/3), ``index`` in binary along the bottom quarter."""
    img = np.zeros((height, width, 3), np.uint8)
    img[: height // 3, : width // 3] = 255
    cell = width / INDEX_BITS
    for bit in range(INDEX_BITS):
        if (index >> bit) & 1:
            img[height * 3 // 4 :, round(bit * cell) : round((bit + 1) * cell)] = 255
    return img


def textured_frame(index: int, width: int, height: int) -> np.ndarray:
    """:func:`marker_frame` drawn over a smooth random texture that slides 4 px per frame: compresses (and
    decodes) like camera footage rather than like flat colour, for speed measurements."""
    tex = _texture(width, height)
    img = np.roll(tex, 4 * index, axis=1).copy()
    marks = marker_frame(index, width, height)
    img[: height // 3, : width // 3] = 255
    strip = slice(height * 3 // 4, height)
    img[strip] = marks[strip]
    return img


@lru_cache(maxsize=4)
def _texture(width: int, height: int) -> np.ndarray:
    rng = np.random.default_rng(width * 7919 + height)
    small = rng.integers(0, 256, (max(2, height // 8), max(2, width // 8), 3), dtype=np.uint8)
    big = np.asarray(Image.fromarray(small).resize((width, height), Image.BICUBIC))
    return (big // 2 + 32).astype(np.uint8)  # keep it below the white marker and above black


def read_index(rgb: np.ndarray) -> int:
    """Frame index written by :func:`marker_frame` (modulo 2**INDEX_BITS), read from an upright frame."""
    h, w = rgb.shape[:2]
    row = rgb[h * 7 // 8 - max(1, h // 32) : h * 7 // 8 + max(1, h // 32) + 1].mean(axis=(0, 2))
    cell = w / INDEX_BITS
    bits = [row[int((b + 0.3) * cell) : int((b + 0.7) * cell) + 1].mean() > 128 for b in range(INDEX_BITS)]
    return sum(1 << b for b, on in enumerate(bits) if on)


def is_upright(rgb: np.ndarray) -> bool:
    """True when the :func:`marker_frame` white block sits top-left, and the other corners are dark."""
    h, w = rgb.shape[:2]
    hs, ws = slice(h // 12, h // 4), slice(w // 12, w // 4)
    top_left = rgb[hs, ws].mean()
    top_right = rgb[hs, w - w // 4 : w - w // 12].mean()
    mid_left = rgb[h * 5 // 12 : h * 7 // 12, ws].mean()
    return bool(top_left > 200 and top_right < 60 and mid_left < 60)


def frame_times(fps: float, seconds: float, vfr: bool = False) -> list[float]:
    """Presentation times (s) of the frames :func:`make_video` writes.

    Constant rate: ``i / fps``. VFR: intervals cycle through 0.5, 0.5 and 2 frame periods (bursts of fast
    frames, then a gap), so the average rate is still ``fps`` but no two neighbouring gaps agree.
    """
    period = 1.0 / fps
    steps = (0.5, 0.5, 2.0) if vfr else (1.0,)
    times: list[float] = []
    t = 0.0
    while t < seconds - 1e-9:
        times.append(round(t, 3) if vfr else t)
        t += steps[len(times) % len(steps)] * period
    return times


def make_video(
    path: str,
    *,
    codec: str = "libx264",
    size: tuple[int, int] = (160, 120),
    fps: float = 30,
    seconds: float = 2.0,
    rotation: int = 0,
    vfr: bool = False,
    pattern: Pattern = marker_frame,
    pix_fmt: str | None = None,
    options: dict[str, str] | None = None,
    times: Sequence[float] | None = None,
) -> str:
    """Write a clip; the container comes from the file extension (.mp4, .mov, .mkv, .webm, .avi, .gif).

    ``rotation`` (0/90/180/270) is the clockwise turn a player must apply, stored the way phones do: frames
    are written turned counter-clockwise and the stream carries a display matrix (like an iPhone's
    portrait clip, ``rotation=90``). A reader that honours it shows ``pattern`` upright at ``size``.
    ``vfr`` uses :func:`frame_times` with irregular gaps; ``times`` (seconds, increasing) places each frame
    explicitly and overrides ``seconds``/``vfr`` (and turns off libx264 B-frames). Both write millisecond
    timestamps. ``options`` replaces
    the codec's defaults (e.g. ``{"preset": "ultrafast", "g": "15"}`` for libx264).
    """
    width, height = size
    variable = vfr or times is not None
    stamps = list(times) if times is not None else frame_times(fps, seconds, vfr)
    stored = (height, width) if rotation % 180 else (width, height)
    with av.open(path, "w") as container:
        rate = Fraction(fps).limit_denominator(1001)
        stream = container.add_stream(codec, rate=rate, options=_opts(codec, options, times is not None))
        stream.width, stream.height = stored
        stream.pix_fmt = pix_fmt or _DEFAULT_PIX_FMT.get(codec, "yuv420p")
        if variable:
            stream.codec_context.time_base = _TIME_BASE
        if rotation % 360:
            stream.set_display_rotation(-rotation)  # PyAV takes counter-clockwise degrees
        for i, t in enumerate(stamps):
            rgb = np.ascontiguousarray(np.rot90(pattern(i, width, height), k=(rotation // 90) % 4))
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            if variable:
                frame.pts, frame.time_base = round(t * 1000), _TIME_BASE
            else:
                frame.pts = i
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return path


def _opts(codec: str, options: dict[str, str] | None, explicit_times: bool) -> dict[str, str]:
    if options is not None:
        return options
    opts = dict(_DEFAULT_OPTIONS.get(codec, {}))
    if explicit_times and codec == "libx264":
        opts["bf"] = "0"  # with B-frames and odd gaps the mp4 muxer derives a too-short stream duration
    return opts


def make_gif(path: str, *, size: tuple[int, int] = (120, 90), fps: int = 10, seconds: float = 2.0) -> str:
    """Animated GIF (GIF delays are in 1/100 s, so use an fps that divides 100)."""
    return make_video(path, codec="gif", size=size, fps=fps, seconds=seconds)


def make_webm(path: str, *, size: tuple[int, int] = (160, 120), fps: float = 30, seconds: float = 2.0) -> str:
    """WebM / VP9 (no duration in the stream header; the container has one)."""
    return make_video(path, codec="libvpx-vp9", size=size, fps=fps, seconds=seconds)


def make_hevc_mov(
    path: str, *, size: tuple[int, int] = (160, 120), fps: float = 30, seconds: float = 2.0
) -> str:
    """QuickTime .mov with HEVC (what iPhones record by default)."""
    return make_video(path, codec="libx265", size=size, fps=fps, seconds=seconds)


def make_one_frame_video(path: str, *, size: tuple[int, int] = (160, 120)) -> str:
    """A valid H.264 .mp4 holding exactly one frame."""
    return make_video(path, size=size, fps=30, seconds=1 / 30)


def make_4k_video(path: str, *, seconds: float = 1.2) -> str:
    """3840×2160 H.264, 5 fps (kept short: a handful of frames)."""
    return make_video(path, size=(3840, 2160), fps=5, seconds=seconds, options={"preset": "ultrafast"})


def make_audio_only(path: str, *, seconds: float = 1.0) -> str:
    """An .mp4 with a single AAC audio stream (silence) and no video."""
    rate = 44100
    with av.open(path, "w") as container:
        stream = container.add_stream("aac", rate=rate)
        for i in range(int(seconds * rate / 1024) + 1):
            frame = av.AudioFrame.from_ndarray(np.zeros((1, 1024), np.float32), format="fltp", layout="mono")
            frame.sample_rate, frame.pts = rate, i * 1024
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return path


def make_image_as_video(path: str, *, size: tuple[int, int] = (160, 120)) -> str:
    """A PNG still image written under whatever name ``path`` has (e.g. ``photo.mp4``)."""
    with open(path, "wb") as fh:
        Image.fromarray(marker_frame(0, *size)).save(fh, format="PNG")
    return path


def make_zero_bytes(path: str) -> str:
    """An empty file."""
    open(path, "wb").close()
    return path


def make_garbage(path: str, *, n_bytes: int = 4096, seed: int = 0) -> str:
    """Random bytes that no demuxer recognises (not a media container at all)."""
    rng = random.Random(seed)
    data = bytearray(rng.getrandbits(8) for _ in range(n_bytes))
    data[:8] = b"FCgarbag"
    with open(path, "wb") as fh:
        fh.write(bytes(data))
    return path


def truncated_copy(src: str, dst: str, *, keep: float | int = 0.5) -> str:
    """Copy the first ``keep`` bytes of ``src`` (a fraction of its size when ``keep`` is a float < 1)."""
    with open(src, "rb") as fh:
        data = fh.read()
    n = int(len(data) * keep) if isinstance(keep, float) else int(keep)
    with open(dst, "wb") as fh:
        fh.write(data[:n])
    return dst


def bitflip_copy(
    src: str, dst: str, *, flips: int = 50, seed: int = 0, start: float = 0.2, end: float = 1.0
) -> str:
    """Copy ``src`` with ``flips`` random bits flipped, all between the ``start`` and ``end`` fractions of
    its bytes. PyAV's .mp4 keeps its index (moov) at the end, so ``start=0.2, end=0.6`` damages only
    compressed frames (mid-stream decode errors) while ``start=0.9`` hits the index."""
    rng = random.Random(seed)
    with open(src, "rb") as fh:
        data = bytearray(fh.read())
    lo, hi = int(len(data) * start), max(int(len(data) * start) + 1, int(len(data) * end))
    for _ in range(flips):
        pos = rng.randrange(lo, min(hi, len(data)))
        data[pos] ^= 1 << rng.randrange(8)
    with open(dst, "wb") as fh:
        fh.write(bytes(data))
    return dst


def file_size(path: str) -> int:
    return os.stat(path).st_size
