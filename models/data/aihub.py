"""AI Hub "피트니스 자세" (013.피트니스자세) label files — for whoever holds the dataset (it is not here).

2D file: ``{"frames": [{"view1": {"pts": {joint: {x, y}}, "active": "Yes", "img_key": "…-0000001.jpg"},
… "view5"}, … 16 frames], "type": "001", "type_info": {exercise, conditions: [{condition, value}], …}}``,
pixels of 1920×1080. 3D file ``<clip>-3d.json``: ``{"frames": [{"pts": {joint: {x, y, z}}}]}``, ~cm, y up.

Decisions:
- joints: the 17 COCO-like joints map directly; Palm → INDEX (nearest hand landmark we have), Foot →
  FOOT_INDEX. Neck/Back/Waist are dropped: our NECK is the shoulder midpoint at run time (AI Hub's Neck
  sits ~40 px higher), so Neck/Pelvis/Spine are derived from the shoulders/hips as for MediaPipe.
- time: the 16 frames are sparse. t_s = (image number − first) / fps with the image number taken from
  img_key (``…-0000031.jpg``) or a ``frame`` field, fps=30 by default; evenly spaced frames otherwise.
  The image numbers (1, 3, … 31 per TREX notes) need not be video frames: pass the real rate if known.
- a view whose ``active`` is "No" contributes NaN frames (visibility 0).
- group: the recording-day folder of img_key (``Day05_200925_F``), which holds the same actors, else
  the clip id: conservative against person leakage. Form: "correct" when every condition is met.
- 3D → 2D: orthographic camera at ``yaw_deg`` around the vertical axis (0 = facing the person, who looks
  toward +z with their left at +x; 90 = the camera on the person's left), optional ``pitch_deg`` (camera
  above, looking down), scaled 4 px/cm into a 1920×1080 frame.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from analysis.vocab.landmarks import Landmark as L
from analysis.vocab.types import View
from models.data.core import PoseSample, aihub_id, evenly_spaced, to_layout

SOURCE_2D, SOURCE_3D = "aihub_2d", "aihub_3d"
AIHUB_SIZE = (1920, 1080)
AIHUB_FPS = 30.0
PX_PER_CM = 4.0
VIEWS = ("view1", "view2", "view3", "view4", "view5")
CAMERAS = {"view1": "A", "view2": "B", "view3": "C", "view4": "D", "view5": "E"}
CAMERA_VIEW = {"A": View.OBLIQUE, "B": View.OBLIQUE, "C": View.FRONT, "D": View.OBLIQUE, "E": View.OBLIQUE}
AIHUB_JOINTS: dict[str, L] = {
    "Nose": L.NOSE, "Left Eye": L.LEFT_EYE, "Right Eye": L.RIGHT_EYE, "Left Ear": L.LEFT_EAR,
    "Right Ear": L.RIGHT_EAR, "Left Shoulder": L.LEFT_SHOULDER, "Right Shoulder": L.RIGHT_SHOULDER,
    "Left Elbow": L.LEFT_ELBOW, "Right Elbow": L.RIGHT_ELBOW, "Left Wrist": L.LEFT_WRIST,
    "Right Wrist": L.RIGHT_WRIST, "Left Hip": L.LEFT_HIP, "Right Hip": L.RIGHT_HIP, "Left Knee": L.LEFT_KNEE,
    "Right Knee": L.RIGHT_KNEE, "Left Ankle": L.LEFT_ANKLE, "Right Ankle": L.RIGHT_ANKLE,
    "Left Palm": L.LEFT_INDEX, "Right Palm": L.RIGHT_INDEX, "Left Foot": L.LEFT_FOOT_INDEX,
    "Right Foot": L.RIGHT_FOOT_INDEX,
}  # fmt: skip
_NAMES = tuple(AIHUB_JOINTS)


def conditions_of(type_info: Mapping[str, Any]) -> dict[str, bool]:
    """type_info.conditions [{condition, value}] → {condition: met}; the strings are kept verbatim
    (trailing spaces too) so they match the catalog's ConditionInfo.aihub_ko."""
    return {str(c["condition"]): bool(c["value"]) for c in type_info.get("conditions", [])}


def _points(pts: Mapping[str, Any] | None, axes: str) -> np.ndarray:
    """{joint: {x, y[, z]}} → [len(_NAMES), len(axes)] float32, NaN for absent joints."""
    out = np.full((len(_NAMES), len(axes)), np.nan, np.float32)
    for j, name in enumerate(_NAMES):
        p = (pts or {}).get(name)
        if isinstance(p, Mapping) and all(isinstance(p.get(a), int | float) for a in axes):
            out[j] = [p[a] for a in axes]
    return out


def _image_number(view: Mapping[str, Any]) -> int | None:
    if m := re.search(r"-(\d+)\.\w+$", str(view.get("img_key", ""))):
        return int(m[1])
    frame = view.get("frame", (view.get("pts") or {}).get("frame"))
    return int(frame) if isinstance(frame, int | float) else None


def times(numbers: list[int | None], fps: float = AIHUB_FPS) -> np.ndarray:
    """Seconds of sparse frames from their image numbers; evenly spaced at fps when any is missing."""
    if not numbers or any(n is None for n in numbers):
        return evenly_spaced(len(numbers), fps)
    n = np.asarray(numbers, np.float32)
    return ((n - n[0]) / np.float32(fps)).astype(np.float32)


def _group(doc: Mapping[str, Any], path: Path) -> str:
    for frame in doc.get("frames", []):
        for view in frame.values() if isinstance(frame, Mapping) else ():
            key = str(view.get("img_key", "")) if isinstance(view, Mapping) else ""
            if "/" in key:
                return f"aihub:{key.split('/')[0]}"
    return f"aihub:{clip_id(path)}"


def clip_id(path: Path) -> str:
    return re.sub(r"-3d$", "", path.stem)


def _active_pts(view: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    return view.get("pts") if view and view.get("active", "Yes") != "No" else None


def _view_sample(doc: Mapping[str, Any], view: str, path: Path, fps: float) -> PoseSample | None:
    frames = [f.get(view) for f in doc.get("frames", []) if isinstance(f, Mapping)]
    if not frames or all(v is None for v in frames):
        return None
    pts = np.stack([_points(_active_pts(v), "xy") for v in frames])
    xy, vis = to_layout(pts, None, list(AIHUB_JOINTS.values()))
    info = doc.get("type_info", {})
    cam = CAMERAS[view]
    return PoseSample(
        xy=xy, visibility=vis, t_s=times([_image_number(v or {}) for v in frames], fps),
        label=aihub_id(str(info.get("exercise", ""))), source=SOURCE_2D, group=_group(doc, path),
        form=None, conditions=conditions_of(info), size=AIHUB_SIZE, view=CAMERA_VIEW[cam].value,
        meta={"clip": clip_id(path), "camera": cam, "type": str(doc.get("type", info.get("key", "")))},
    )  # fmt: skip


def _with_form(s: PoseSample) -> PoseSample:
    """Form from the conditions: correct when every condition is met (the dataset's own rule)."""
    form = None if not s.conditions else ("correct" if all(s.conditions.values()) else "incorrect")
    return replace(s, form=form)


def load_aihub_2d(path: Path | str, fps: float = AIHUB_FPS) -> list[PoseSample]:
    """One PoseSample per camera (view1..view5 = A..E) of a 2D label file, xy in 1920×1080 pixels."""
    p = Path(path)
    doc = json.loads(p.read_text(encoding="utf-8"))
    samples = (_view_sample(doc, v, p, fps) for v in VIEWS)
    return [_with_form(s) for s in samples if s is not None]


def project(points: np.ndarray, yaw_deg: float, pitch_deg: float = 0.0) -> np.ndarray:
    """[..., 3] cm (y up, person facing +z) → [..., 2] image pixels (y down) of an orthographic camera."""
    yaw, pitch = np.radians(yaw_deg), np.radians(pitch_deg)
    right = np.array([np.cos(yaw), 0.0, -np.sin(yaw)])
    toward = np.array([np.sin(yaw), 0.0, np.cos(yaw)])  # from the person to the camera
    up = np.cos(pitch) * np.array([0.0, 1.0, 0.0]) - np.sin(pitch) * toward
    p = np.asarray(points, np.float64)
    u = AIHUB_SIZE[0] / 2 + PX_PER_CM * (p @ right)
    v = AIHUB_SIZE[1] - 40 - PX_PER_CM * (p @ up)
    return np.stack([u, v], axis=-1).astype(np.float32)


def _yaw_view(yaw_deg: float) -> str:
    a = abs((yaw_deg + 180) % 360 - 180)
    a = min(a, 180 - a)  # from behind looks like from the front
    return (View.FRONT if a <= 20 else View.SIDE if a >= 70 else View.OBLIQUE).value


def load_aihub_3d(
    path: Path | str,
    yaws_deg: Iterable[float] = (0.0, 40.0, -40.0, 90.0, -90.0),
    pitch_deg: float = 0.0,
    type_info: Mapping[str, Any] | None = None,
    fps: float = AIHUB_FPS,
) -> list[PoseSample]:
    """2D samples of a 3D label file, one per camera yaw. Label and conditions come from ``type_info``
    (pass the 2D file's), else the file's own, else the 2D file beside it (``<clip>.json``); the group is
    that 2D file's, so a clip's 2D views and 3D projections always fall on one side of a split."""
    p = Path(path)
    doc = json.loads(p.read_text(encoding="utf-8"))
    sibling = _sibling_doc(p)
    info = type_info or doc.get("type_info") or sibling.get("type_info", {})
    frames = [f for f in doc.get("frames", []) if isinstance(f, Mapping)]
    pts3 = np.array([_points(f.get("pts"), "xyz") for f in frames], np.float32).reshape(-1, len(_NAMES), 3)
    numbers = [f.get("frame") if isinstance(f.get("frame"), int) else None for f in frames]
    out = []
    for yaw in yaws_deg:
        xy, vis = to_layout(project(pts3, yaw, pitch_deg), None, list(AIHUB_JOINTS.values()))
        s = PoseSample(
            xy=xy, visibility=vis, t_s=times(numbers, fps), label=aihub_id(str(info.get("exercise", ""))),
            source=SOURCE_3D, group=_group(sibling, p), conditions=conditions_of(info), size=AIHUB_SIZE,
            view=_yaw_view(yaw),
            meta={"clip": clip_id(p), "yaw_deg": f"{yaw:g}", "pitch_deg": f"{pitch_deg:g}"},
        )  # fmt: skip
        out.append(_with_form(s))
    return out


def _sibling_doc(path3d: Path) -> Mapping[str, Any]:
    """The 2D label file of the same clip (``<clip>.json`` beside ``<clip>-3d.json``), {} if absent."""
    sibling = path3d.with_name(clip_id(path3d) + path3d.suffix)
    if sibling == path3d or not sibling.is_file():
        return {}
    return json.loads(sibling.read_text(encoding="utf-8"))
