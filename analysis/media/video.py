"""The one media reader of FormCoach: PyAV in, upright RGB frames out.

* :func:`probe` — what a file is (a :class:`~analysis.vocab.types.Clip`) or why it cannot be analysed
  (a :class:`~analysis.vocab.types.Rejection`); decodes only the first frames.
* :func:`iter_frames` — the frames for pose estimation: sampled to ``clip.sample_fps`` by their real
  timestamps, at ``clip.analysis_size``, rotated upright, stopping at ``clip.analysed_s``.

Source frame indices count decoded frames in presentation order. Bad media
never raises: undecodable packets are skipped and a broken file simply yields fewer frames.
Only kept frames are converted (YUV 4:2:0 is scaled per plane with OpenCV, then converted to RGB; other
pixel formats go through swscale).
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import cv2
import numpy as np
from av.video.frame import VideoFrame

from analysis.media.probe import (
    DEFAULT_LIMITS,
    MAX_CLAIMED_SECONDS,
    MEDIA_ERRORS,
    decoded_frames,
    frame_seconds,
    open_video,
    probe,
    turned,
)
from analysis.vocab.types import Clip, Limits

__all__ = ["MAX_CLAIMED_SECONDS", "iter_frames", "probe", "to_rgb"]

_TICK_TOLERANCE = 0.1  # of a sample period: timestamps rounded by the container still count as on time
_CV_ROTATE = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
_FULL_RANGE = 2  # AVCOL_RANGE_JPEG


def iter_frames(
    clip: Clip, limits: Limits = DEFAULT_LIMITS, start_s: float = 0.0, end_s: float | None = None
) -> Iterator[tuple[int, float, np.ndarray]]:
    """Yield ``(source_frame_index, t_s, rgb)`` with ``rgb`` uint8 ``[h, w, 3]`` at ``clip.analysis_size``.

    VFR-safe sampling: for each tick ``k / clip.sample_fps`` the first frame at or after it is kept, a frame
    is never yielded twice, and a gap spanning several ticks yields one frame. ``t_s`` counts from the
    first decoded frame. Stops at ``clip.analysed_s`` (by timestamps) or after ``limits.max_decoded_frames``
    decoded frames, whichever comes first.

    ``start_s`` / ``end_s`` yield only the samples with ``start_s <= t_s < end_s``: exactly the samples a
    whole pass yields in that span (the frames before it are decoded, as H.264 needs, but not converted),
    so segments of one clip put together are the whole clip.
    """
    stop_s = clip.analysed_s if end_s is None else min(end_s, clip.analysed_s)
    period = 1.0 / clip.sample_fps
    tolerance = _TICK_TOLERANCE * period
    size = turned(clip.analysis_size, clip.rotation_deg)
    next_tick, start = 0.0, None
    try:
        with open_video(clip.path) as (container, stream):
            if stream is None:
                return
            for index, frame in enumerate(decoded_frames(container, stream, limits.max_decoded_frames)):
                t = frame_seconds(frame)
                t = index / clip.source_fps if t is None else t
                start = t if start is None else start
                t_s = t - start
                if t_s >= stop_s:
                    return
                if t_s + tolerance < next_tick:
                    continue
                if t_s >= start_s:
                    yield index, t_s, to_rgb(frame, size, clip.rotation_deg)
                next_tick = (math.floor((t_s + tolerance) / period) + 1) * period
    except MEDIA_ERRORS:
        return


def to_rgb(frame: VideoFrame, size: tuple[int, int], rotation_deg: int = 0) -> np.ndarray:
    """``frame`` scaled to ``size`` (w, h, before rotation) as RGB uint8, then turned ``rotation_deg``
    clockwise."""
    w, h = size
    fast = frame.format.name == "yuv420p" and frame.color_range != _FULL_RANGE
    if fast and frame.width % 2 == 0 and frame.height % 2 == 0 and w % 2 == 0 and h % 2 == 0:
        rgb = _i420_to_rgb(frame.to_ndarray(), w, h)
    else:
        rgb = frame.to_ndarray(width=w, height=h, format="rgb24", interpolation="AREA")
    code = _CV_ROTATE.get(rotation_deg % 360)
    return rgb if code is None else cv2.rotate(rgb, code)


def _i420_to_rgb(yuv: np.ndarray, w: int, h: int) -> np.ndarray:
    """Planar 4:2:0 ``[1.5·H, W]`` → RGB ``[h, w, 3]``: each plane scaled (area), then converted (BT.601)."""
    big_h, big_w = yuv.shape[0] * 2 // 3, yuv.shape[1]
    if (big_w, big_h) == (w, h):
        return cv2.cvtColor(yuv, cv2.COLOR_YUV2RGB_I420)
    quarter = big_h * big_w // 4
    flat = yuv.reshape(-1)
    y = flat[: big_h * big_w].reshape(big_h, big_w)
    u = flat[big_h * big_w : big_h * big_w + quarter].reshape(big_h // 2, big_w // 2)
    v = flat[big_h * big_w + quarter :].reshape(big_h // 2, big_w // 2)
    out = np.empty(h * w * 3 // 2, np.uint8)
    out[: h * w] = cv2.resize(y, (w, h), interpolation=cv2.INTER_AREA).reshape(-1)
    out[h * w : h * w * 5 // 4] = cv2.resize(u, (w // 2, h // 2), interpolation=cv2.INTER_AREA).reshape(-1)
    out[h * w * 5 // 4 :] = cv2.resize(v, (w // 2, h // 2), interpolation=cv2.INTER_AREA).reshape(-1)
    return cv2.cvtColor(out.reshape(h * 3 // 2, w), cv2.COLOR_YUV2RGB_I420)
