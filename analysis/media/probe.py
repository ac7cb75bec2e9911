"""What a media file is, before anything is decoded in bulk: ``probe`` and the low-level PyAV helpers it
shares with :mod:`analysis.media.video` (opening, the error-tolerant decode loop, geometry).

Everything user-caused becomes a :class:`Rejection`; only programming errors raise.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice

import av
from av.container import InputContainer
from av.stream import Disposition
from av.video.frame import VideoFrame
from av.video.stream import VideoStream

from analysis.vocab.types import Clip, Limits, Rejection

DEFAULT_LIMITS = Limits()  # frozen, so safe to share as a default argument
MAX_CLAIMED_SECONDS = 600.0  # a header claiming more than 10 minutes: analyse nothing ("too_long")
MEDIA_ERRORS: tuple[type[Exception], ...] = (av.FFmpegError, OSError, ValueError, EOFError)
_STILL_FORMATS = ("image2", "gif")  # plus every "*_pipe" demuxer (png_pipe, jpeg_pipe, webp_pipe …)
_MAX_FPS = 1000.0
_FALLBACK_FPS = 25.0  # frame rate assumed when neither the header nor the timestamps tell
_FIRST_FRAMES = 2  # frames probe decodes: enough to prove the clip is a video, and to read its rotation
# Frame-parallel decoding keeps one frame in flight per thread: fine up to 4K (12 MB a frame); above it
# (8K: 50 MB a frame) only slice threads are used, which halves the decoder's peak memory.
FRAME_THREADS_MAX_PIXELS = 3840 * 2160


@contextmanager
def open_video(path: str) -> Iterator[tuple[InputContainer, VideoStream | None]]:
    """Open ``path`` for reading with threaded decoding; the stream is None when there is no video."""
    with av.open(path, mode="r", metadata_errors="ignore") as container:
        stream = video_stream(container)
        if stream is not None:
            pixels = stream.codec_context.width * stream.codec_context.height
            stream.thread_type = "AUTO" if pixels <= FRAME_THREADS_MAX_PIXELS else "SLICE"
        yield container, stream


def video_stream(container: InputContainer) -> VideoStream | None:
    """The first decodable video stream (cover art / attached pictures are not video)."""
    for stream in container.streams.video:
        if stream.codec_context is not None and not stream.disposition & Disposition.attached_pic:
            return stream
    return None


def decoded_frames(container: InputContainer, stream: VideoStream, max_frames: int) -> Iterator[VideoFrame]:
    """Decoded frames in presentation order, at most ``max_frames``; packets that fail to decode are
    skipped, a demuxer failure ends the stream (after flushing what the decoder still holds)."""
    count = 0
    try:
        for packet in container.demux(stream):
            for frame in _decode(stream, packet):
                yield frame
                count += 1
                if count >= max_frames:
                    return
    except MEDIA_ERRORS:
        for frame in _decode(stream, None):
            yield frame
            count += 1
            if count >= max_frames:
                return


def _decode(stream: VideoStream, packet: av.Packet | None) -> list[VideoFrame]:
    try:
        return stream.decode(packet)
    except MEDIA_ERRORS:
        return []


def frame_seconds(frame: VideoFrame) -> float | None:
    """Presentation time of ``frame`` in seconds (None when it has no timestamp)."""
    if frame.pts is None or frame.time_base is None:
        return None
    return float(frame.pts * frame.time_base)


def fit_size(size: tuple[int, int], max_side: int) -> tuple[int, int]:
    """Scale ``size`` so its long side is at most ``max_side`` (never up), keeping aspect; even sides."""
    w, h = size
    scale = min(1.0, max_side / max(w, h, 1))
    return _even(w * scale), _even(h * scale)


def _even(x: float) -> int:
    n = int(round(x))
    return max(2, n - n % 2)


def turned(size: tuple[int, int], rotation_deg: int) -> tuple[int, int]:
    """``size`` (w, h) after a turn by ``rotation_deg``: swapped for quarter turns (stored ↔ upright)."""
    return (size[1], size[0]) if rotation_deg % 180 else size


def probe(path: str, limits: Limits = DEFAULT_LIMITS) -> Clip | Rejection:
    """Learn what ``path`` holds (decoding only its first frames): a :class:`Clip`, or why it cannot be
    analysed. Rejection codes: not_video, corrupt, too_short, too_large, too_long."""
    try:
        n_bytes = os.stat(path).st_size
    except OSError:
        return Rejection("not_video", {"reason": "unreadable"})
    if n_bytes == 0:
        return Rejection("not_video", {"reason": "empty"})
    if n_bytes > limits.max_file_bytes:
        return Rejection("too_large", {"megabytes": math.ceil(n_bytes / 2**20)})
    try:
        return _probe_container(path, limits)
    except MEDIA_ERRORS:
        return Rejection("corrupt" if _looks_like_video(path) else "not_video")


def _probe_container(path: str, limits: Limits) -> Clip | Rejection:
    with open_video(path) as (container, stream):
        if stream is None:
            return _no_video(path, container)
        early = _check_header(container, stream, limits)
        if early is not None:
            return early
        frames = list(islice(decoded_frames(container, stream, limits.max_decoded_frames), _FIRST_FRAMES))
        fmt = container.format.name
        still = fmt in _STILL_FORMATS or fmt.endswith("_pipe")
        if not frames:
            return Rejection("not_video" if still and fmt != "gif" else "corrupt")
        if len(frames) < _FIRST_FRAMES:
            if still:
                return Rejection("not_video", {"reason": "still_image"})
            return Rejection("too_short", {"seconds": round(_header_duration(container, stream) or 0.0, 2)})
        return _make_clip(path, container, stream, frames[0], limits)


def _no_video(path: str, container: InputContainer) -> Rejection:
    if container.streams.video:  # a video stream FFmpeg has no decoder for (or a damaged codec id)
        return Rejection("corrupt", {"reason": "unknown_codec"})
    if not container.streams and _looks_like_video(path):  # e.g. an .mp4 cut before its index
        return Rejection("corrupt")
    return Rejection("not_video")


def _check_header(container: InputContainer, stream: VideoStream, limits: Limits) -> Rejection | None:
    w, h = stream.codec_context.width, stream.codec_context.height
    if w * h > limits.max_source_pixels:
        return Rejection("too_large", {"width": w, "height": h})
    claimed = _header_duration(container, stream)
    if claimed is not None and claimed > MAX_CLAIMED_SECONDS:
        return Rejection("too_long", {"minutes": math.ceil(claimed / 60)})
    return None


def _header_duration(container: InputContainer, stream: VideoStream) -> float | None:
    """Stream duration, else container duration (seconds); None when neither is given."""
    if stream.duration and stream.time_base and stream.duration > 0:
        return float(stream.duration * stream.time_base)
    if container.duration and container.duration > 0:
        return container.duration / av.time_base
    return None


def _header_fps(stream: VideoStream) -> float | None:
    for rate in (stream.average_rate, stream.guessed_rate, stream.base_rate):
        if rate and 0 < float(rate) <= _MAX_FPS:
            return float(rate)
    return None


def _make_clip(
    path: str, container: InputContainer, stream: VideoStream, first: VideoFrame, limits: Limits
) -> Clip | Rejection:
    if first.width * first.height > limits.max_source_pixels:
        return Rejection("too_large", {"width": first.width, "height": first.height})
    duration, fps = _header_duration(container, stream), _header_fps(stream)
    gif = container.format.name == "gif"
    if gif or duration is None or fps is None:
        span, count = _scan_timing(path, limits)
        if gif or fps is None:
            fps = count / span if span > 0 and count > 1 else (fps or _FALLBACK_FPS)
        if gif or duration is None:
            duration = span if span > 0 else count / fps
    if duration < limits.min_seconds:
        return Rejection("too_short", {"seconds": round(duration, 2)})
    if duration > MAX_CLAIMED_SECONDS:
        return Rejection("too_long", {"minutes": math.ceil(duration / 60)})
    rotation = _rotation(first, stream)
    size = turned(_display_size(first, stream), rotation)
    analysed = min(duration, limits.max_seconds)
    return Clip(
        path=path,
        container=container.format.name,
        codec=stream.codec_context.name,
        source_fps=fps,
        duration_s=duration,
        source_size=size,
        analysis_size=fit_size(size, limits.max_side_px),
        rotation_deg=rotation,
        sample_fps=min(fps, limits.target_fps),
        analysed_s=analysed,
        truncated=duration > limits.max_seconds + 0.5 / fps,
    )


def _scan_timing(path: str, limits: Limits) -> tuple[float, int]:
    """(span of packet timestamps in s, packet count), demuxing only (no decoding) and at most
    max_decoded_frames packets: for GIFs and streams whose header lacks a duration or a frame rate."""
    start, end, count = math.inf, -math.inf, 0
    with open_video(path) as (container, stream):
        assert stream is not None
        try:
            for packet in container.demux(stream):
                if packet.size == 0:
                    continue
                count += 1
                if packet.pts is not None and packet.time_base is not None:
                    t = float(packet.pts * packet.time_base)
                    start, end = min(start, t), max(end, t + float((packet.duration or 0) * packet.time_base))
                if count >= limits.max_decoded_frames:
                    break
        except MEDIA_ERRORS:
            pass
    return (end - start if end > start else 0.0), count


def _rotation(frame: VideoFrame, stream: VideoStream) -> int:
    """Clockwise degrees (0/90/180/270) that turn stored frames upright: the display matrix (PyAV reports
    it counter-clockwise), else a legacy ``rotate`` tag (already clockwise)."""
    ccw = frame.rotation
    if ccw:
        return int(round(-ccw / 90.0)) % 4 * 90
    try:
        return int(round(float(stream.metadata.get("rotate", "0")) / 90.0)) % 4 * 90
    except ValueError:
        return 0


def _display_size(frame: VideoFrame, stream: VideoStream) -> tuple[int, int]:
    """Stored (w, h) with non-square pixels (sample aspect ratio) made square."""
    sar = stream.sample_aspect_ratio
    if sar and sar > 0 and sar != 1:
        return _even(frame.width * float(sar)), frame.height
    return frame.width, frame.height


_SIGNATURES = (b"\x1a\x45\xdf\xa3", b"GIF8", b"FLV", b"OggS", b"\x00\x00\x01\xba", b"\x30\x26\xb2\x75")
_MP4_BOXES = (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip")


def _looks_like_video(path: str) -> bool:
    """Does the file start like a video container (so a failure means damage, not a wrong file type)?"""
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
    except OSError:
        return False
    if head[4:8] in _MP4_BOXES or head.startswith(_SIGNATURES):
        return True
    return head.startswith(b"RIFF") and head[8:12] in (b"AVI ", b"WEBP")
