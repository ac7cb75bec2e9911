"""What the database keeps of an Assessment (``analysis_record``): the numbers, the per-rep depth and tempo,
and small JPEG thumbnails of the annotated key frames for the Mini App (the store drops them for users who
keep no photos). Pure; the thumbnails take a few milliseconds, so the runner calls this in a thread.
"""

from __future__ import annotations

import io

from PIL import Image

from analysis.vocab.types import Assessment
from bot.store.db import AnalysisRecord
from bot.store.types import NO_GRADE

THUMB_MAX_SIDE_PX = 320
THUMB_QUALITY = 75


def analysis_record(a: Assessment) -> AnalysisRecord:
    """What the database keeps of an assessment ("none" where it, or a rep, was not rated)."""
    return AnalysisRecord(
        exercise=a.exercise,
        confidence=float(a.classification.confidence),
        view=a.view.value,
        rep_count=a.rep_count,
        hold_s=a.hold_s,
        grade=a.grade.value if a.grade else NO_GRADE,
        duration_s=float(a.clip.duration_s),
        reps=tuple(
            (g.value if g else NO_GRADE, float(t[0]), float(t[2]))
            for g, t in zip(a.rep_grades, a.rep_times_s, strict=True)
        ),
        conditions=tuple((f.rep, f.condition_id, f.status.value, f.value, f.threshold) for f in a.findings),
        rep_metrics=tuple((m.rom_share, m.down_s, m.pause_s, m.up_s, m.lr_diff_deg) for m in a.rep_metrics),
        thumbnails=tuple(thumbnail(f.jpeg) for f in a.key_frames),
    )


def thumbnail(jpeg: bytes, max_side: int = THUMB_MAX_SIDE_PX) -> bytes:
    """The JPEG scaled down to at most ``max_side`` pixels on its long side (never up), re-encoded."""
    with Image.open(io.BytesIO(jpeg)) as image:
        image.draft("RGB", (max_side, max_side))  # decode at 1/2, 1/4 … of the size when that suffices
        small = image.convert("RGB")
    small.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=THUMB_QUALITY, optimize=True)
    return out.getvalue()
