"""The hostile and odd clips users' phones produce, generated at test time (tests.fakes.media), each with how
it
is sent (video, document, animation) and what the bot must answer. Used by tests/test_hostile.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from analysis.media import video
from analysis.vocab.types import Clip
from tests.fakes import media
from tests.fakes.pose import figures_frame

ANALYSED = "done"  # analysed: a summary for the captioned exercise (squat)


@dataclass(frozen=True)
class Item:
    name: str
    file_name: str
    make: Callable[[str], str]
    mime: str = "video/mp4"
    send_as: str = "video"  # video | document | animation
    expect: str = ANALYSED  # or the rejection code (the job's error_code)
    note_key: str | None = None  # a warning the summary must carry


def _wall(index: int, width: int, height: int) -> np.ndarray:
    return np.full((height, width, 3), (150, 140, 120), np.uint8)


def corpus(base: str) -> list[Item]:
    """``base``: an ordinary 640×480 7 s H.264 clip (GOP 15) the damaged copies are made from."""
    full = {"size": (640, 480), "fps": 30, "seconds": 7.0}
    return [
        Item(
            "truncated mp4",
            "cut.mp4",
            lambda p: media.truncated_copy(base, p, keep=0.5),
            expect="corrupt",
        ),
        Item(
            "bit-flipped mp4",
            "flipped.mp4",
            lambda p: media.bitflip_copy(base, p, flips=40, seed=3, start=0.3, end=0.6),
        ),
        Item(
            "zero bytes",
            "empty.mp4",
            media.make_zero_bytes,
            send_as="document",
            expect="not_video",
        ),
        Item("audio only", "voice.mp4", media.make_audio_only, expect="not_video"),
        Item("one frame", "one.mp4", media.make_one_frame_video, expect="too_short"),
        Item(
            "8K",
            "8k.mp4",
            lambda p: media.make_video(
                p, size=(7680, 4320), fps=5, seconds=1.2, options={"preset": "ultrafast"}
            ),
        ),
        Item(
            "claims hours",
            "hours.mp4",
            lambda p: media.make_video(p, size=(160, 120), times=[0.0, 0.5, 3 * 3600.0]),
            expect="too_long",
        ),
        Item("variable frame rate", "vfr.mp4", lambda p: media.make_video(p, **full, vfr=True)),
        *(
            Item(
                f"rotated {r}°",
                f"rot{r}.mp4",
                lambda p, r=r: media.make_video(p, size=(480, 640), fps=30, seconds=7.0, rotation=r),
            )
            for r in (90, 180, 270)
        ),
        Item(
            "GIF",
            "loop.gif",
            lambda p: media.make_gif(p, size=(640, 480), fps=10, seconds=7.0),
            mime="image/gif",
            send_as="animation",
        ),
        Item(
            "webm VP9",
            "clip.webm",
            lambda p: media.make_webm(p, size=(640, 480), seconds=7.0),
            mime="video/webm",
            send_as="document",
        ),
        Item(
            "HEVC mov",
            "IMG_0001.MOV",
            lambda p: media.make_hevc_mov(p, size=(640, 480), seconds=7.0),
            mime="video/quicktime",
            send_as="document",
        ),
        Item(
            "PNG named .mp4",
            "photo.mp4",
            media.make_image_as_video,
            send_as="document",
            expect="not_video",
        ),
        Item(
            "a wall",
            "wall.mp4",
            lambda p: media.make_video(p, **full, pattern=_wall),
            expect="no_person",
        ),
        Item(
            "two people",
            "two.mp4",
            lambda p: media.make_video(p, **full, pattern=figures_frame(2)),
            note_key="warning-several-people",
        ),
    ]


def build(folder: Path) -> list[tuple[Item, bytes]]:
    base = media.make_video(
        str(folder / "base.mp4"),
        size=(640, 480),
        fps=30,
        seconds=7.0,
        options={"preset": "veryfast", "g": "15"},
    )
    return [(item, Path(item.make(str(folder / item.file_name))).read_bytes()) for item in corpus(base)]


def side_by_side(src: str, dst: str, seconds: float = 6.0) -> str:
    """Two people: a real clip next to its mirror image (the same exercise, two athletes)."""
    clip = video.probe(src)
    assert isinstance(clip, Clip), clip
    frames = [rgb for _, _, rgb in video.iter_frames(clip)][: int(seconds * clip.sample_fps)]
    h, w = frames[0].shape[:2]

    def pattern(i: int, width: int, height: int) -> np.ndarray:
        f = frames[min(i, len(frames) - 1)]
        return np.ascontiguousarray(np.hstack([f, f[:, ::-1]]))

    return media.make_video(
        dst, size=(2 * w, h), fps=clip.sample_fps, seconds=len(frames) / clip.sample_fps, pattern=pattern
    )
