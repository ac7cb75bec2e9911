"""Form-labelled material for `analysis.form_eval`: clips (through the pose cache) and keypoint sequences.

Each item carries the *source* it is held out with in leave-one-source-out evaluation. Footage shared by
two datasets is one source: keypoints/posetrainer_landmarks/pushup was extracted from the kaggle push-up
clips and its squats from the kaiakol clips (see ../shared/data/README.md), so they travel with them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from analysis.vocab.types import PoseSequence

DATA_ROOT = Path(__file__).resolve().parents[2] / "shared" / "data"
# dataset → the source (footage) it is held out with
SOURCE_OF = {
    "kaggle_pushup_correct_wrong": "kaggle_pushup",
    "kaiakol_posetrainer": "kaiakol",
    "posetrainer_landmarks/push_up": "kaggle_pushup",
    "posetrainer_landmarks/squat": "kaiakol",
    "exercise_correction": "exercise_correction",
}
# exercise_correction's labelled faults → the condition of our spec that judges them
CONDITION_OF = {
    ("plank", "back_not_high"): "hips_aligned",
    ("plank", "back_not_low"): "hips_aligned",
    ("biceps_curl", "no_lean_back"): "neutral_spine",
}
SPEC_OF_LABEL = {"lunge": "lunge_forward"}  # the sources do not say which lunge


@dataclass(frozen=True, eq=False)
class FormItem:
    name: str  # clip path or sequence file
    dataset: str
    exercise: str  # catalog id of the spec that judges it
    form: str  # "correct" / "incorrect"
    seq: PoseSequence
    conditions: dict[str, bool] = field(default_factory=dict)  # our condition id → met, where labelled
    fragment: bool = False  # a run of frames cut from a longer recording, maybe shorter than a rep

    @property
    def source(self) -> str:
        return SOURCE_OF.get(self.dataset, self.dataset)


def load_clips(data_root: Path, cache_dir: str) -> list[FormItem]:
    """Form-labelled clips whose pose is in the cache (nothing is estimated here)."""
    from analysis.pipeline import probe_clip
    from analysis.pose.cache import PoseCache, load_npz
    from analysis.vocab.types import AnalysisJob, Clip

    base = data_root / "clips"
    cache = PoseCache(None, cache_dir)  # type: ignore[arg-type] # keys only: no estimating
    out = []
    with (base / "labels.csv").open(newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("form") in ("correct", "incorrect")]
    for r in rows:
        path = str(base / r["path"])
        clip = probe_clip(AnalysisJob(path))
        if not isinstance(clip, Clip):
            continue
        key = cache.key_for(path, clip.sample_fps, clip.analysis_size)
        if key.exists():
            item = FormItem(r["path"], r["path"].split("/")[0], r["exercise"], r["form"], load_npz(key))
            out.append(item)
    return out


def load_sequences(data_root: Path) -> list[FormItem]:
    """posetrainer_landmarks and exercise_correction sequences with a form label (no world landmarks)."""
    from models.data.mediapipe import load_exercise_correction, load_posetrainer

    out = []
    for s in load_posetrainer(data_root) + load_exercise_correction(data_root):
        if s.form not in ("correct", "incorrect"):
            continue
        dataset = f"posetrainer_landmarks/{s.label}" if s.source == "posetrainer_landmarks" else s.source
        conditions: dict[str, bool] = {}
        for (label, k), cond in CONDITION_OF.items():  # a condition is met only if all its faults are absent
            if label == s.label and k in s.conditions:
                conditions[cond] = conditions.get(cond, True) and s.conditions[k]
        seq = PoseSequence(
            xy=s.xy,
            z=np.zeros(s.visibility.shape, np.float32),
            visibility=s.visibility,
            t_s=s.t_s,
            frame_index=np.arange(len(s)),
            fps=float(1.0 / np.median(np.diff(s.t_s))) if len(s) > 1 else 30.0,
            size=s.size or (1, 1),
        )
        name = s.meta.get("file", "") + (f"@{s.meta['rows']}" if "rows" in s.meta else "")
        exercise = SPEC_OF_LABEL.get(s.label, s.label)
        fragment = s.source == "exercise_correction"
        out.append(FormItem(name, dataset, exercise, s.form, seq, conditions, fragment))
    return out
