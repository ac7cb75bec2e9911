"""Annotated key frames: skeleton, the measured angle, failing joints in red, rep number and grade.

Text is drawn with Pillow and a Korean font (OpenCV's putText cannot draw Hangul).
"""

from __future__ import annotations

import importlib.util
import io
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from analysis.judge.geometry import angle_deg
from analysis.judge.measures import joint_ids
from analysis.pose.estimator import MIN_VISIBILITY
from analysis.report.i18n import translate
from analysis.vocab.landmarks import CONNECTIONS, N_JOINTS

OK_COLOUR = (64, 220, 120)
BAD_COLOUR = (240, 60, 60)
BONE_COLOUR = (235, 235, 235)
ANGLE_COLOUR = (255, 200, 40)
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf",
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
)


@cache
def korean_font_path() -> str | None:
    """NanumGothic from koreanize-matplotlib's wheel, else Debian's fonts-nanum; None if neither."""
    spec = importlib.util.find_spec("koreanize_matplotlib")  # located, not imported (that loads matplotlib)
    if spec is not None and spec.origin:
        fonts = Path(spec.origin).parent / "fonts"
        for name in ("NanumGothicBold.ttf", "NanumGothic.ttf"):
            if (fonts / name).exists():
                return str(fonts / name)
    return next((p for p in FONT_CANDIDATES if Path(p).exists()), None)


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = korean_font_path()
    return ImageFont.truetype(path, size) if path else ImageFont.load_default()


def warm_up(width_px: int = 640) -> None:
    """Load the Korean font, Pillow's and OpenCV's JPEG codecs and the Fluent messages once (≈0.2 s), at
    worker start rather than on the first user's key frames."""
    translate("grade-perfect", "ko")
    cv2.imdecode(cv2.imencode(".jpg", np.zeros((8, 8, 3), np.uint8))[1], cv2.IMREAD_COLOR)
    rgb = np.zeros((width_px * 9 // 16, width_px, 3), np.uint8)
    unseen = np.zeros(N_JOINTS, np.float32)
    draw_frame(rgb, np.zeros((N_JOINTS, 2), np.float32), unseen, 1.0, set(), None, "left", "1회", OK_COLOUR)


def draw_frame(
    rgb: np.ndarray,
    xy: np.ndarray,
    visibility: np.ndarray,
    scale: float,
    bad_joints: set[int],
    angle_joints: tuple[str, str, str] | None,
    near_side: str,
    caption: str,
    grade_colour: tuple[int, int, int],
) -> bytes:
    """rgb [h, w, 3]; xy [J, 2] in analysis pixels (multiplied by `scale` onto this frame) → JPEG."""
    img = Image.fromarray(rgb)
    draw = ImageDraw.Draw(img)
    pts = xy * scale
    seen = visibility >= MIN_VISIBILITY
    width = max(2, int(round(img.width / 240)))
    for a, b in CONNECTIONS:
        if seen[a] and seen[b]:
            draw.line([tuple(pts[a]), tuple(pts[b])], fill=BONE_COLOUR, width=width)
    for j in np.flatnonzero(seen[:33]):
        r = width * (2.2 if j in bad_joints else 1.4)
        colour = BAD_COLOUR if j in bad_joints else OK_COLOUR
        x, y = pts[j]
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colour, outline=(0, 0, 0))
    if angle_joints is not None:
        _draw_angle(draw, pts, seen, angle_joints, near_side, bad_joints, img.width)
    _draw_caption(draw, caption, grade_colour, img.width)
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=85)
    return buf.getvalue()


def _draw_angle(
    draw: ImageDraw.ImageDraw,
    pts: np.ndarray,
    seen: np.ndarray,
    names: tuple[str, str, str],
    side: str,
    bad: set[int],
    img_w: int,
) -> None:
    ids = [int(joint_ids(n, side)) for n in names]
    if not all(seen[i] for i in ids):
        return
    a, b, c = (pts[i] for i in ids)
    deg = float(angle_deg(a, b, c))
    colour = BAD_COLOUR if ids[1] in bad else ANGLE_COLOUR
    font = _font(max(14, img_w // 28))
    draw.text(
        (b[0] + 10, b[1] - 10), f"{deg:.0f}°", fill=colour, font=font, stroke_width=2, stroke_fill=(0, 0, 0)
    )


def _draw_caption(draw: ImageDraw.ImageDraw, text: str, colour: tuple[int, int, int], img_w: int) -> None:
    font = _font(max(16, img_w // 24))
    pad = 8
    box = draw.textbbox((pad, pad), text, font=font)
    draw.rectangle([0, 0, box[2] + pad, box[3] + pad], fill=(0, 0, 0))
    draw.text((pad, pad), text, fill=colour, font=font)
