"""Keypoints extracted from our real clips (clips/labels.csv) and cached as one .npz per clip.

The extraction script writes ``cache/keypoints/<labels path with / replaced by __>.npz`` (git-ignored;
see ``cache_name``) holding the fields of ``analysis.vocab.types.PoseSequence``: xy [T, J, 2] pixels of the
analysis frame (NaN = no person), z [T, J], visibility [T, J], t_s [T], frame_index [T], fps, size (w, h).
J is 36 (our layout) or 33 (raw BlazePose; Neck/Pelvis/Spine are then derived here).

Groups (the person / video a clip shows) follow the warnings in the data README:
- every calimiro and kaiakol squat clip is one group (the same athlete appears in several of them);
- kaggle push-up clips are grouped by runs of consecutive clip numbers (``pushup_149`` … ``pushup_156``
  were most likely cut from one video); keypoints/posetrainer_landmarks/pushup was extracted from these
  very clips and gets the same groups (see ``posetrainer_pushup_clip``);
- notes saying "same actor as 001" or "near-duplicate of <file>" join the named clip's group;
- any other clip is its own group.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path, PurePosixPath

import numpy as np

from analysis.vocab.landmarks import N_MEDIAPIPE, add_derived, add_derived_visibility
from analysis.vocab.types import PoseSequence, View
from models.data.core import DEFAULT_DATA_ROOT, UNKNOWN, PoseSample

SOURCE = "clips"
NEGATIVE = "negative"  # labels.csv's word for "no exercise"
SQUAT_ATHLETE_DIRS = ("calimiro_workouttracker", "kaiakol_posetrainer")
SQUAT_ATHLETE_GROUP = "athlete:calimiro+kaiakol_squat"
KAGGLE_PUSHUP_DIR = "kaggle_pushup_correct_wrong"
DEFAULT_CACHE_DIR = Path(__file__).resolve().parents[2] / "cache" / "keypoints"
_KAGGLE_RUN_GAP = 2  # clip numbers at most this far apart belong to one run (one source video)


def default_labels_csv(data_root: Path | str = DEFAULT_DATA_ROOT) -> Path:
    return Path(data_root) / "clips" / "labels.csv"


def cache_name(path: str) -> str:
    """labels.csv path → cache file name: ``a/b/c.mp4`` → ``a__b__c.mp4.npz``."""
    return path.replace("/", "__") + ".npz"


def read_labels(labels_csv: Path | str) -> list[dict[str, str]]:
    p = Path(labels_csv)
    if not p.is_file():
        return []
    with p.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _kaggle_key(path: str) -> tuple[str, int] | None:
    m = re.fullmatch(r"(pushup_)?(\d+)", PurePosixPath(path).stem)
    return (m[1] or "plain_", int(m[2])) if m else None


def _kaggle_groups(paths: list[str]) -> dict[str, str]:
    by_series: dict[str, list[tuple[int, str]]] = {}
    for p in paths:
        if (key := _kaggle_key(p)) is not None:
            by_series.setdefault(key[0], []).append((key[1], p))
    out: dict[str, str] = {}
    for series, items in by_series.items():
        items.sort()
        run: list[tuple[int, str]] = []
        for n, p in [*items, (10**9, "")]:
            if run and n - run[-1][0] > _KAGGLE_RUN_GAP:
                out |= {q: f"kaggle_pushup:{series}{run[0][0]}-{run[-1][0]}" for _, q in run}
                run = []
            run.append((n, p))
    return out


def _own_group(row: dict[str, str]) -> str:
    top = row["path"].split("/")[0]
    if row["exercise"] == "squat" and top in SQUAT_ATHLETE_DIRS:
        return SQUAT_ATHLETE_GROUP
    return "clip:" + str(PurePosixPath(row["path"]).with_suffix(""))


def _linked(row: dict[str, str], by_path: dict[str, dict[str, str]]) -> str | None:
    """The path of the clip a note says shows the same person ("same actor as 001", "near-duplicate of …")."""
    notes = row.get("notes", "")
    if m := re.search(r"same actor as (\d+)", notes):
        p = PurePosixPath(row["path"])
        return str(p.with_name(re.sub(r"\d+$", m[1], p.stem) + p.suffix))
    if m := re.search(r"near-duplicate of (\S+?\.\w+)", notes):
        return next((p for p, r in by_path.items() if r.get("source_path", "").endswith(m[1])), None)
    return None


def clip_groups(rows: list[dict[str, str]]) -> dict[str, str]:
    """labels.csv path → group id (see the module docstring)."""
    by_path = {r["path"]: r for r in rows}
    groups = {p: _own_group(r) for p, r in by_path.items()}
    groups |= _kaggle_groups([p for p in by_path if p.startswith(KAGGLE_PUSHUP_DIR + "/")])
    for p, r in by_path.items():
        target = _linked(r, by_path)
        if target in groups and target != p:
            groups[p] = groups[target]
    return groups


def posetrainer_pushup_clip(form: str, number: int, rows: list[dict[str, str]]) -> dict[str, str] | None:
    """The kaggle clip that posetrainer's ``pushup_<form>_<number>.npy`` was extracted from.

    posetrainer numbered the clips of kaggle's correct/ and wrong/ folders in sorted file-name order:
    the frame counts of all 100 arrays match the clips' duration × fps (one within a frame).
    """
    folder = f"{KAGGLE_PUSHUP_DIR}/{'correct' if form == 'correct' else 'wrong'}/"
    clips = sorted((r for r in rows if r["path"].startswith(folder)), key=lambda r: r["path"])
    return clips[number - 1] if 0 < number <= len(clips) else None


def clip_label(exercise: str) -> str:
    return UNKNOWN if exercise in ("", NEGATIVE) else exercise


def clip_view(note: str) -> str | None:
    """labels.csv's free-text view ("mostly side", "front/45deg" …) → View value, None if unsaid."""
    t = note.lower()
    if "45deg" in t:
        return View.OBLIQUE.value
    if "side" in t:
        return View.SIDE.value
    if "front" in t or "back" in t:
        return View.FRONT.value
    return None


def save_pose_sequence(seq: PoseSequence, path: Path | str) -> None:
    """Write a PoseSequence in the cache format (what the extraction script is expected to write)."""
    np.savez_compressed(
        path, xy=seq.xy, z=seq.z, visibility=seq.visibility, t_s=seq.t_s,
        frame_index=seq.frame_index, fps=np.float32(seq.fps), size=np.asarray(seq.size, np.int32),
    )  # fmt: skip


def _read_npz(path: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, tuple[int, int]]:
    with np.load(path) as z:
        xy, vis, t_s = (np.asarray(z[k], np.float32) for k in ("xy", "visibility", "t_s"))
        size = tuple(int(v) for v in np.asarray(z["size"]).ravel()[:2])
    if xy.shape[1] == N_MEDIAPIPE:
        xy, vis = add_derived(xy), add_derived_visibility(vis)
    return xy, vis, t_s, (size[0], size[1])


def load_clip_cache(
    cache_dir: Path | str = DEFAULT_CACHE_DIR, labels_csv: Path | str | None = None
) -> list[PoseSample]:
    """One PoseSample per labels.csv row whose cache file exists (others are skipped)."""
    cache = Path(cache_dir)
    rows = read_labels(default_labels_csv() if labels_csv is None else labels_csv)
    if not cache.is_dir() or not rows:
        return []
    groups = clip_groups(rows)
    out: list[PoseSample] = []
    for r in rows:
        f = cache / cache_name(r["path"])
        if not f.is_file():
            continue
        xy, vis, t_s, size = _read_npz(f)
        out.append(
            PoseSample(
                xy=xy, visibility=vis, t_s=t_s, label=clip_label(r["exercise"]), source=SOURCE,
                group=groups[r["path"]], form=r.get("form") or None, size=size,
                view=clip_view(r.get("view", "")),
                meta={"path": r["path"], "source_repo": r.get("source_repo", ""), "role": r.get("role", "")},
            )
        )  # fmt: skip
    return out
