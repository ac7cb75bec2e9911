"""The MediaPipe / BlazePose landmark sets under keypoints/ (coordinates as each source stores them).

- posetrainer_landmarks: ``<ex>/<correct|incorrect>/<ex>_<form>_NNN.npy`` [T, 17, 3] = normalised x, y
  and visibility of nose, l/r shoulder, elbow, wrist, hip, knee, ankle, heel, foot index (PoseTrainer's
  PART_NAMES). Every video frame is kept. Squats come from kaiakol's 1280×720 30 fps clips (frame counts
  match), push-ups from the 640×360 kaggle clips (see data.clips.posetrainer_pushup_clip), so xy is
  scaled to those pixels and t_s uses the clip's fps: angles are then right.
- exercise_correction: per-frame rows (label, <joint>_x/_y/_z/_v normalised to the image, 0..1 on both
  axes), saved in playback order with gaps. As sequences they are cut at jumps (normalised units) and
  where the form or the labelled fault changes, and timed at an assumed 30 fps. The curl, lunge and
  plank-video rows come from landscape phone video and are scaled to a 16:9 frame (CORRECTION_FRAME):
  left normalised, a level plank's body line read ~15° bent and a curl's lean-back ~15° short. The
  squat rows and the plank kaggle.csv photos (mixed sizes) stay normalised (size=None), as do all rows
  as single frames (form/phase).
- exercise_pose_landmarks: single poses, hip-centred and scaled by the source (y down, unknown units).
- mlkit_fitness_pose_samples: single poses in pixels of the screenshot / YouTube frame (size unknown,
  aspect ratio kept). Neither single-pose set has visibility: the 33 joints get 1.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from analysis.vocab.landmarks import N_MEDIAPIPE, Landmark
from analysis.vocab.landmarks import Landmark as L
from models.data.clips import (
    SQUAT_ATHLETE_GROUP,
    clip_groups,
    default_labels_csv,
    posetrainer_pushup_clip,
)
from models.data.clips import read_labels as read_clip_labels
from models.data.core import DEFAULT_DATA_ROOT, PoseFrame, PoseSample, evenly_spaced, to_layout

POSETRAINER_JOINTS: tuple[L, ...] = (
    L.NOSE, L.LEFT_SHOULDER, L.RIGHT_SHOULDER, L.LEFT_ELBOW, L.RIGHT_ELBOW, L.LEFT_WRIST, L.RIGHT_WRIST,
    L.LEFT_HIP, L.RIGHT_HIP, L.LEFT_KNEE, L.RIGHT_KNEE, L.LEFT_ANKLE, L.RIGHT_ANKLE,
    L.LEFT_HEEL, L.RIGHT_HEEL, L.LEFT_FOOT_INDEX, L.RIGHT_FOOT_INDEX,
)  # fmt: skip
POSETRAINER_TO_ID = {"pushup": "push_up", "squat": "squat"}
POSETRAINER_SQUAT_SIZE, POSETRAINER_SQUAT_FPS = (1280, 720), 30.0
KAGGLE_PUSHUP_SIZE = (640, 360)
POSE_SET_TO_ID = {"jumping_jacks": "jumping_jack", "pullups": "pull_up", "pushups": "push_up",
                  "situp": "crunch", "squats": "squat"}  # fmt: skip
ASSUMED_FPS = 30.0  # exercise_correction rows carry no time
MIN_SEGMENT = 16  # exercise_correction runs shorter than this are not sequences
JUMP = 0.05  # median joint displacement (image fractions) that starts a new segment
# 16:9 landscape: the width/height at which upper arm, forearm, thigh, shin and torso keep the steadiest
# length through the curl, lunge and plank recordings (1.7, 1.8–1.9 and 2.0; 16:9 = 1.78), as phone video
CORRECTION_FRAME = (1280, 720)
CORRECTION_FRAMED = ("bicep_model/", "lunge_model/", "plank_model/test.csv")


# --- posetrainer_landmarks ----------------------------------------------------------------------------
def _posetrainer_meta(
    exercise: str, form: str, number: int, clips: list[dict[str, str]], groups: dict[str, str]
) -> tuple[str, tuple[int, int], float, str]:
    """(group, size, fps, clip path) of one posetrainer array."""
    fallback = f"posetrainer:{exercise}_{form}_{number:03d}"
    if exercise == "squat":
        return SQUAT_ATHLETE_GROUP, POSETRAINER_SQUAT_SIZE, POSETRAINER_SQUAT_FPS, ""
    clip = posetrainer_pushup_clip(form, number, clips)
    if clip is None:
        return fallback, KAGGLE_PUSHUP_SIZE, ASSUMED_FPS, ""
    size = (int(clip.get("width") or 640), int(clip.get("height") or 360))
    return groups.get(clip["path"], fallback), size, float(clip.get("fps") or ASSUMED_FPS), clip["path"]


def load_posetrainer(data_root: Path | str = DEFAULT_DATA_ROOT) -> list[PoseSample]:
    root = Path(data_root) / "keypoints" / "posetrainer_landmarks"
    clips = read_clip_labels(default_labels_csv(data_root))
    groups = clip_groups(clips)
    out: list[PoseSample] = []
    for f in sorted(root.glob("*/*/*.npy")):
        m = re.fullmatch(r"(\w+?)_(correct|incorrect)_(\d+)", f.stem)
        if m is None or m[1] not in POSETRAINER_TO_ID:
            continue
        group, size, fps, clip = _posetrainer_meta(m[1], m[2], int(m[3]), clips, groups)
        a = np.load(f)
        xy, vis = to_layout(a[..., :2] * np.asarray(size, np.float32), a[..., 2], POSETRAINER_JOINTS)
        out.append(
            PoseSample(
                xy=xy, visibility=vis, t_s=evenly_spaced(len(a), fps), label=POSETRAINER_TO_ID[m[1]],
                source="posetrainer_landmarks", group=group, form=m[2], size=size,
                meta={"file": f"{m[1]}/{m[2]}/{f.name}", "clip": clip},
            )
        )  # fmt: skip
    return out


# --- exercise_correction ------------------------------------------------------------------------------
# file → (exercise, {raw label: (form, phase, conditions)})
_C, _I = "correct", "incorrect"
EXERCISE_CORRECTION: dict[str, tuple[str, dict[str, tuple[str | None, str | None, dict[str, bool]]]]] = {
    "bicep_model/test.csv": (
        "biceps_curl", {"C": (_C, None, {"no_lean_back": True}), "L": (_I, None, {"no_lean_back": False})}),
    "lunge_model/err.test.csv": (
        "lunge", {"C": (_C, None, {"knee_behind_toe": True}), "L": (_I, None, {"knee_behind_toe": False})}),
    "lunge_model/stage.test.csv": (
        "lunge", {"I": (None, "up", {}), "M": (None, None, {}), "D": (None, "down", {})}),
    "plank_model/test.csv": ("plank", {
        "C": (_C, None, {"back_not_high": True, "back_not_low": True}),
        "H": (_I, None, {"back_not_high": False, "back_not_low": True}),
        "L": (_I, None, {"back_not_high": True, "back_not_low": False})}),
    "squat_model/train.csv": ("squat", {"up": (None, "up", {}), "down": (None, "down", {})}),
    "squat_model/test.csv": ("squat", {"up": (None, "up", {}), "down": (None, "down", {})}),
}  # fmt: skip
EXERCISE_CORRECTION["plank_model/kaggle.csv"] = ("plank", EXERCISE_CORRECTION["plank_model/test.csv"][1])


def _column(header: list[str], joint: str, axis: str) -> int | None:
    """Index of a joint's axis column: ``nose_x`` (exercise_correction) or ``x_left_pinky_1`` (pose set)."""
    names = (f"{joint}_{axis}", f"{axis}_{joint}", f"{axis}_{joint}_1", f"{axis}_{joint}_2")
    return next((header.index(c) for c in names if c in header), None)


def _read_landmark_csv(path: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(first column, xy [N, 36, 2], visibility [N, 36]) of a landmark CSV with a header row."""
    with path.open(newline="") as f:
        header, *rows = [r for r in csv.reader(f) if r]
    joints, cols, vcols = [], [], []
    for lm in list(Landmark)[:N_MEDIAPIPE]:
        x, y = _column(header, lm.name.lower(), "x"), _column(header, lm.name.lower(), "y")
        if x is not None and y is not None:
            joints.append(lm)
            cols.append((x, y))
            vcols.append(_column(header, lm.name.lower(), "v"))
    num = np.array([["nan", *r[1:]] for r in rows], np.float32).reshape(len(rows), len(header))
    vis = num[:, vcols] if None not in vcols else None
    xy, v = to_layout(num[:, cols], vis, joints)
    return [r[0].strip() for r in rows], xy, v


def _segments(xy: np.ndarray, keys: list[str]) -> Iterator[slice]:
    """Runs of rows without a jump (median joint move > JUMP) and with one key, at least MIN_SEGMENT long."""
    move = np.nanmedian(np.linalg.norm(np.diff(xy[:, :N_MEDIAPIPE], axis=0), axis=-1), axis=1)
    cuts = [i + 1 for i in range(len(move)) if move[i] > JUMP or keys[i] != keys[i + 1]]
    for a, b in zip([0, *cuts], [*cuts, len(keys)], strict=True):
        if b - a >= MIN_SEGMENT:
            yield slice(a, b)


def _correction_files(data_root: Path | str) -> Iterator[tuple[str, list[str], np.ndarray, np.ndarray]]:
    root = Path(data_root) / "keypoints" / "exercise_correction"
    for name in EXERCISE_CORRECTION:
        if (root / name).is_file():
            yield (name, *_read_landmark_csv(root / name))


def load_exercise_correction(data_root: Path | str = DEFAULT_DATA_ROOT) -> list[PoseSample]:
    """Contiguous runs of exercise_correction rows as sequences (30 fps assumed), in pixels of
    CORRECTION_FRAME where the rows come from landscape video, else in normalised units."""
    out: list[PoseSample] = []
    for name, labels, xy, vis in _correction_files(data_root):
        exercise, meaning = EXERCISE_CORRECTION[name]
        size = CORRECTION_FRAME if name.startswith(CORRECTION_FRAMED) else None
        scale = np.asarray(size or (1, 1), np.float32)
        group = f"exercise_correction:{name.split('/')[0]}"  # no video ids: one group per exercise model
        # cut where the form or the labelled fault changes (a plank's high back → low back), not the phase
        keys = [f"{meaning[lab][0]}:{sorted(meaning[lab][2].items())}" for lab in labels]
        for s in _segments(xy, keys):
            form, _, cond = meaning[labels[s.start]]
            out.append(
                PoseSample(
                    xy=xy[s] * scale, visibility=vis[s], t_s=evenly_spaced(s.stop - s.start, ASSUMED_FPS),
                    label=exercise, source="exercise_correction", group=group, form=form,
                    conditions=dict(cond), size=size, meta={"file": name, "rows": f"{s.start}-{s.stop}"},
                )
            )  # fmt: skip
    return out


def load_exercise_correction_frames(data_root: Path | str = DEFAULT_DATA_ROOT) -> list[PoseFrame]:
    out: list[PoseFrame] = []
    for name, labels, xy, vis in _correction_files(data_root):
        exercise, meaning = EXERCISE_CORRECTION[name]
        group = f"exercise_correction:{name.split('/')[0]}"
        for i, lab in enumerate(labels):
            form, phase, _ = meaning[lab]
            out.append(PoseFrame(xy[i], vis[i], exercise, phase, "exercise_correction", group, form,
                                 meta={"file": name, "raw_label": lab}))  # fmt: skip
    return out


# --- single poses -------------------------------------------------------------------------------------
def _pose_label(raw: str) -> tuple[str, str | None]:
    name, _, phase = raw.strip().rpartition("_")
    return POSE_SET_TO_ID.get(name, name), phase if phase in ("up", "down") else None


def load_exercise_pose_landmarks(data_root: Path | str = DEFAULT_DATA_ROOT) -> list[PoseFrame]:
    """1372 single poses (hip-centred source units). No person ids: one group for the whole set."""
    root = Path(data_root) / "keypoints" / "exercise_pose_landmarks"
    if not (root / "landmarks.csv").is_file():
        return []
    with (root / "labels.csv").open(newline="") as f:
        labels = {r["pose_id"].strip(): r["pose"].strip() for r in csv.DictReader(f)}
    ids, xy, vis = _read_landmark_csv(root / "landmarks.csv")
    out = []
    for pid, p, v in zip(ids, xy, vis, strict=True):
        label, phase = _pose_label(labels[pid])
        out.append(PoseFrame(p, v, label, phase, "exercise_pose_landmarks", "exercise_pose_landmarks",
                             meta={"pose_id": pid, "raw_label": labels[pid]}))  # fmt: skip
    return out


def _mlkit_group(name: str) -> str:
    """YouTube frames (frame__<video id>__<n>.jpg) group by video; the unnamed screenshots form one group."""
    m = re.fullmatch(r"frame__(.+)__\d+\.\w+", name)
    return f"mlkit:youtube:{m[1]}" if m else "mlkit:screenshots"


def load_mlkit_pose_samples(data_root: Path | str = DEFAULT_DATA_ROOT) -> list[PoseFrame]:
    """812 BlazePose poses (pixels of an unknown-size image), no header: name, label, 33 × (x, y, z)."""
    path = Path(data_root) / "keypoints" / "mlkit_fitness_pose_samples" / "fitness_pose_samples.csv"
    if not path.is_file():
        return []
    with path.open(newline="") as f:
        rows = [r for r in csv.reader(f) if len(r) == 2 + 3 * N_MEDIAPIPE]
    pts = np.array([r[2:] for r in rows], np.float32).reshape(len(rows), N_MEDIAPIPE, 3)[..., :2]
    xy, vis = to_layout(pts, None, list(range(N_MEDIAPIPE)))
    out = []
    for r, p, v in zip(rows, xy, vis, strict=True):
        label, phase = _pose_label(r[1])
        out.append(PoseFrame(p, v, label, phase, "mlkit_fitness_pose_samples", _mlkit_group(r[0]),
                             meta={"image": r[0], "raw_label": r[1]}))  # fmt: skip
    return out
