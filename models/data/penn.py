"""Penn Action (keypoints/penn_action): 2326 clips, 13 annotated joints, 15 actions.

Files: ``index.csv`` (file, action, view, nframes, width, height, train_split ±1) and ``labels/NNNN.mat``
(MATLAB v5: action, pose, x, y [T, 13], visibility [T, 13] 0/1, train, bbox, dimensions, nframes).
The .mat files are read by the small MAT-v5 reader below (scipy is not a dependency); two files have a
truncated zlib trailer, which a streaming decompressor tolerates.

Joint order, checked on the data rather than taken from the names in Penn's README: in "front" clips
joint 2 is left of joint 3 in the image 99.5 % of the time and in "back" clips 100 % to the right, and
"left" clips show joints 3, 5, … — so joints 2, 4, … are the person's RIGHT side and 3, 5, … the LEFT.
No frame rate is stored; the clips are ~30 fps YouTube footage (jumping jacks then cycle at 1.4 Hz,
squats at 0.7 Hz), so t_s assumes 30 fps.
"""

from __future__ import annotations

import csv
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from analysis.vocab.landmarks import Landmark as L
from models.data.core import DEFAULT_DATA_ROOT, UNKNOWN, PoseSample, evenly_spaced, to_layout, view_of

SOURCE = "penn_action"
PENN_FPS = 30.0
PENN_TO_ID: dict[str, str] = {
    "squat": "squat",
    "pushup": "push_up",
    "pullup": "pull_up",
    "bench_press": "bench_press",
    "jumping_jacks": "jumping_jack",
    "situp": "crunch",
}
# Everything else is background ("unknown"): the sports actions, and jump_rope and clean_and_jerk, which
# are not in our catalog (clean_and_jerk holds a squat and an overhead press: drop it via meta["action"]
# if it confuses those classes).
PENN_JOINTS: tuple[L, ...] = (
    L.NOSE,  # head
    L.RIGHT_SHOULDER, L.LEFT_SHOULDER,
    L.RIGHT_ELBOW, L.LEFT_ELBOW,
    L.RIGHT_WRIST, L.LEFT_WRIST,
    L.RIGHT_HIP, L.LEFT_HIP,
    L.RIGHT_KNEE, L.LEFT_KNEE,
    L.RIGHT_ANKLE, L.LEFT_ANKLE,
)  # fmt: skip

_MI_DTYPES = {1: "i1", 2: "u1", 3: "<i2", 4: "<u2", 5: "<i4", 6: "<u4", 7: "<f4", 9: "<f8",
              12: "<i8", 13: "<u8", 16: "u1", 17: "<u2", 18: "<u4"}  # fmt: skip
_MI_MATRIX, _MI_COMPRESSED, _MX_CHAR = 14, 15, 4


def _elements(buf: bytes, pos: int = 0) -> Iterator[tuple[int, bytes]]:
    """(data type, payload) of the MAT-v5 data elements in buf, small-element format included."""
    while pos + 8 <= len(buf):
        tag = struct.unpack_from("<I", buf, pos)[0]
        if tag >> 16:  # small element: type and size share the first word, data in the second
            yield tag & 0xFFFF, buf[pos + 4 : pos + 4 + (tag >> 16)]
            pos += 8
            continue
        dtype, n = struct.unpack_from("<II", buf, pos)
        yield dtype, buf[pos + 8 : pos + 8 + n]
        pos += 8 + n + (0 if dtype == _MI_COMPRESSED else (-n) % 8)


def _matrix(data: bytes) -> tuple[str, np.ndarray | str]:
    flags, dims, name, *rest = list(_elements(data))
    mx_class = np.frombuffer(flags[1], "<u4")[0] & 0xFF
    shape = tuple(int(d) for d in np.frombuffer(dims[1], "<i4"))
    dtype, payload = rest[0]
    values = np.frombuffer(payload, _MI_DTYPES[dtype])
    if mx_class == _MX_CHAR:
        return name[1].decode(), "".join(map(chr, values))
    return name[1].decode(), values.reshape(shape, order="F")


def read_mat(path: Path) -> dict[str, np.ndarray | str]:
    """Numeric and char variables of a MATLAB v5 file (no cells/structs: Penn Action needs none)."""
    buf = path.read_bytes()
    out: dict[str, np.ndarray | str] = {}
    for dtype, payload in _elements(buf, 128):
        if dtype == _MI_COMPRESSED:
            dtype, payload = next(_elements(zlib.decompressobj().decompress(payload)))
        if dtype == _MI_MATRIX:
            name, value = _matrix(payload)
            out[name] = value
    return out


def _sample(root: Path, row: dict[str, str]) -> PoseSample:
    mat = read_mat(root / row["file"])
    pts = np.stack([np.asarray(mat["x"]), np.asarray(mat["y"])], axis=-1)
    xy, vis = to_layout(pts, np.asarray(mat["visibility"]), PENN_JOINTS)
    action = row["action"]
    return PoseSample(
        xy=xy,
        visibility=vis,
        t_s=evenly_spaced(len(pts), PENN_FPS),
        label=PENN_TO_ID.get(action, UNKNOWN),
        source=SOURCE,
        group=f"{SOURCE}:{Path(row['file']).stem}",  # one YouTube clip each; no person ids exist
        size=(int(row["width"]), int(row["height"])),
        view=view_of(row["view"]),
        split="train" if row["train_split"].strip() == "1" else "test",
        meta={"action": action, "penn_view": row["view"]},
    )


def load_penn_action(data_root: Path | str = DEFAULT_DATA_ROOT, background: bool = True) -> list[PoseSample]:
    """All Penn Action clips (xy in pixels of the clip). background=False keeps only our exercises."""
    root = Path(data_root) / "keypoints" / "penn_action"
    index = root / "index.csv"
    if not index.is_file():
        return []
    with index.open(newline="") as f:
        rows = [r for r in csv.DictReader(f) if background or r["action"] in PENN_TO_ID]
    return [_sample(root, r) for r in rows]
