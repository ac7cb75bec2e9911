"""Dataset loaders: AI Hub JSON built to the schema in tmp_path, the clip cache round trip, the group
split, and every real loader on ../shared/data (skipped when that folder is absent)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from analysis.vocab.catalog import CATALOG
from analysis.vocab.landmarks import N_JOINTS, N_MEDIAPIPE
from analysis.vocab.landmarks import Landmark as L
from analysis.vocab.types import PoseSequence
from models.data import (
    UNKNOWN,
    PoseFrame,
    PoseSample,
    aihub_id,
    cache_name,
    clip_groups,
    known_ids,
    load_aihub_2d,
    load_aihub_3d,
    load_aihub_dir,
    load_clip_cache,
    load_exercise_correction,
    load_exercise_correction_frames,
    load_exercise_pose_landmarks,
    load_mlkit_pose_samples,
    load_penn_action,
    load_posetrainer,
    save_pose_sequence,
    split_by_group,
    summary,
)
from tests.paths import SHARED

# A standing person in AI Hub 3D units: cm, y up, facing +z, their left at +x.
SKELETON_3D: dict[str, tuple[float, float, float]] = {
    "Nose": (0, 168, 10), "Left Eye": (3, 172, 9), "Right Eye": (-3, 172, 9), "Left Ear": (7, 169, 1),
    "Right Ear": (-7, 169, 1), "Neck": (0, 152, 0), "Left Shoulder": (20, 145, 0),
    "Right Shoulder": (-20, 145, 0), "Left Elbow": (25, 115, 0), "Right Elbow": (-25, 115, 0),
    "Left Wrist": (27, 88, 5), "Right Wrist": (-27, 88, 5), "Left Palm": (28, 80, 6),
    "Right Palm": (-28, 80, 6), "Back": (0, 125, -3), "Waist": (0, 108, -2), "Left Hip": (10, 95, 0),
    "Right Hip": (-10, 95, 0), "Left Knee": (11, 50, 3), "Right Knee": (-11, 50, 3),
    "Left Ankle": (11, 10, 0), "Right Ankle": (-11, 10, 0), "Left Foot": (12, 2, 12),
    "Right Foot": (-12, 2, 12),
}  # fmt: skip
CONDITIONS = [
    {"condition": "척추의 중립", "value": True},
    {"condition": "고개 정면", "value": False},
    {"condition": "발과 무릎의 방향 일치 ", "value": True},
]


def _pts2d(view: int, frame: int) -> dict[str, dict[str, int]]:
    """The 3D skeleton seen from the front, shifted per view and frame so every number is traceable."""
    return {
        name: {"x": int(960 + 4 * x) + 100 * view + frame, "y": int(1040 - 4 * y)}
        for name, (x, y, _) in SKELETON_3D.items()
    }


def _aihub_2d_doc(exercise: str = "바벨 스쿼트", n_frames: int = 16) -> dict[str, Any]:
    frames = [
        {
            f"view{v}": {
                "pts": _pts2d(v, i),
                "active": "Yes",
                "img_key": f"Day05_200925_F/1/{'ABCDE'[v - 1]}/313-1-1-01-Z17_{'ABCDE'[v - 1]}/"
                f"313-1-1-01-Z17_{'ABCDE'[v - 1]}-{2 * i + 1:07d}.jpg",
            }
            for v in range(1, 6)
        }
        for i in range(n_frames)
    ]
    type_info = {"key": "313", "type": "바벨/덤벨", "pose": "선 자세", "exercise": exercise,
                 "conditions": CONDITIONS, "description": "…"}  # fmt: skip
    return {"frames": frames, "type": "313", "type_info": type_info}


def _aihub_3d_doc(n_frames: int = 4) -> dict[str, Any]:
    return {
        "frames": [
            {"pts": {k: {"x": x, "y": y, "z": z} for k, (x, y, z) in SKELETON_3D.items()}}
            for _ in range(n_frames)
        ]
    }


def _write_json(path: Path, doc: dict[str, Any]) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _width(s: PoseSample, a: L, b: L) -> float:
    return float(np.nanmean(np.abs(s.xy[:, a, 0] - s.xy[:, b, 0])))


# --- AI Hub 2D ----------------------------------------------------------------------------------------
def test_aihub_2d_one_sample_per_view_with_label_conditions_and_form(tmp_path: Path) -> None:
    samples = load_aihub_2d(_write_json(tmp_path / "313-1-1-01-Z17.json", _aihub_2d_doc()))
    assert [s.meta["camera"] for s in samples] == ["A", "B", "C", "D", "E"]
    assert {s.label for s in samples} == {"squat"}
    assert samples[0].conditions == {"척추의 중립": True, "고개 정면": False, "발과 무릎의 방향 일치 ": True}
    assert {s.form for s in samples} == {"incorrect"}  # one condition unmet
    assert {s.group for s in samples} == {"aihub:Day05_200925_F"}
    assert samples[2].view == "front" and samples[0].view == "oblique"
    for v, s in enumerate(samples, start=1):
        assert s.xy.shape == (16, N_JOINTS, 2) and s.visibility.shape == (16, N_JOINTS)
        assert s.size == (1920, 1080)
        assert s.xy[3, L.LEFT_SHOULDER, 0] == pytest.approx(960 + 80 + 100 * v + 3)


def test_aihub_2d_joint_mapping_and_derived_joints(tmp_path: Path) -> None:
    s = load_aihub_2d(_write_json(tmp_path / "a.json", _aihub_2d_doc()))[2]
    f = 0
    assert s.xy[f, L.LEFT_INDEX, 0] == 960 + 4 * 28 + 300  # Left Palm
    assert s.xy[f, L.RIGHT_FOOT_INDEX, 1] == 1040 - 8  # Right Foot
    assert s.xy[f, L.RIGHT_EAR, 0] == 960 - 28 + 300
    neck = (s.xy[f, L.LEFT_SHOULDER] + s.xy[f, L.RIGHT_SHOULDER]) / 2  # not AI Hub's own Neck
    np.testing.assert_allclose(s.xy[f, L.NECK], neck)
    for missing in (L.LEFT_HEEL, L.MOUTH_LEFT, L.LEFT_EYE_INNER, L.LEFT_THUMB):
        assert np.isnan(s.xy[:, missing]).all() and (s.visibility[:, missing] == 0).all()
    assert (s.visibility[:, L.NOSE] == 1).all() and (s.visibility[:, L.SPINE] == 1).all()


def test_aihub_2d_times_from_image_numbers_else_evenly_spaced(tmp_path: Path) -> None:
    s = load_aihub_2d(_write_json(tmp_path / "a.json", _aihub_2d_doc()))[0]
    np.testing.assert_allclose(s.t_s, np.arange(16) * 2 / 30, atol=1e-6)  # images 1, 3, … 31
    doc = _aihub_2d_doc(n_frames=4)
    for frame in doc["frames"]:
        for view in frame.values():
            del view["img_key"]
    s = load_aihub_2d(_write_json(tmp_path / "b.json", doc), fps=10.0)[0]
    np.testing.assert_allclose(s.t_s, [0.0, 0.1, 0.2, 0.3], atol=1e-6)
    assert s.group == "aihub:b"  # no img_key: the clip is the group


def test_aihub_2d_inactive_view_and_missing_view(tmp_path: Path) -> None:
    doc = _aihub_2d_doc(n_frames=3)
    doc["frames"][1]["view2"]["active"] = "No"
    for frame in doc["frames"]:
        del frame["view5"]
    samples = load_aihub_2d(_write_json(tmp_path / "a.json", doc))
    assert len(samples) == 4
    assert np.isnan(samples[1].xy[1]).all() and (samples[1].visibility[1] == 0).all()
    assert np.isfinite(samples[1].xy[0, L.NOSE]).all()


def test_aihub_exercise_names_map_through_the_catalog(tmp_path: Path) -> None:
    assert aihub_id("바벨 컬 ") == "barbell_curl" == aihub_id("바벨 컬")  # the dataset's trailing space
    assert aihub_id("케이블 푸시 다운") == "triceps_pushdown"
    assert aihub_id("스탠딩 사이드 크런치") == "side_crunch"
    assert aihub_id("not an exercise") == UNKNOWN
    mapping_file = SHARED / "aihub" / "exercise_mapping.PolarisSoda_AI_FIT.json"
    if mapping_file.is_file():  # all 41 dataset names resolve to catalog ids
        assert all(aihub_id(name) in CATALOG for name in json.loads(mapping_file.read_text("utf-8")))
    s = load_aihub_2d(_write_json(tmp_path / "a.json", _aihub_2d_doc("니푸쉬업", 2)))[0]
    assert s.label == "knee_push_up"


# --- AI Hub 3D ----------------------------------------------------------------------------------------
def test_aihub_3d_projection_geometry(tmp_path: Path) -> None:
    front, oblique, side, back = load_aihub_3d(
        _write_json(tmp_path / "c-3d.json", _aihub_3d_doc()), yaws_deg=(0, 40, 90, 180)
    )
    assert front.xy.shape == (4, N_JOINTS, 2) and front.size == (1920, 1080)
    assert _width(front, L.LEFT_SHOULDER, L.RIGHT_SHOULDER) == pytest.approx(4 * 40, abs=1e-3)
    assert front.xy[0, L.LEFT_SHOULDER, 0] > front.xy[0, L.RIGHT_SHOULDER, 0]  # facing us: left on the right
    assert back.xy[0, L.LEFT_SHOULDER, 0] < back.xy[0, L.RIGHT_SHOULDER, 0]
    assert _width(oblique, L.LEFT_SHOULDER, L.RIGHT_SHOULDER) == pytest.approx(
        160 * np.cos(np.radians(40)), abs=1e-3
    )
    assert _width(side, L.LEFT_SHOULDER, L.RIGHT_SHOULDER) < 1.0  # seen from the side: no shoulder width
    assert side.xy[0, L.NOSE, 0] < side.xy[0, L.PELVIS, 0]  # camera on their left: the face points left
    # height is kept at every yaw; y grows downwards
    for s in (front, oblique, side):
        assert s.xy[0, L.LEFT_ANKLE, 1] - s.xy[0, L.NOSE, 1] == pytest.approx(4 * (168 - 10), abs=1e-3)
    assert [s.view for s in (front, oblique, side, back)] == ["front", "oblique", "side", "front"]
    assert side.meta["yaw_deg"] == "90"


def test_aihub_3d_pitch_foreshortens_height(tmp_path: Path) -> None:
    path = _write_json(tmp_path / "c-3d.json", _aihub_3d_doc(1))
    (level,), (above,) = load_aihub_3d(path, (0,)), load_aihub_3d(path, (0,), pitch_deg=60)
    h = lambda s: s.xy[0, L.LEFT_ANKLE, 1] - s.xy[0, L.LEFT_SHOULDER, 1]  # noqa: E731
    assert h(above) == pytest.approx(h(level) * np.cos(np.radians(60)), abs=0.5)


def test_aihub_3d_takes_label_conditions_and_group_from_its_2d_file(tmp_path: Path) -> None:
    _write_json(tmp_path / "313-1-1-01-Z17.json", _aihub_2d_doc())
    samples = load_aihub_3d(_write_json(tmp_path / "313-1-1-01-Z17-3d.json", _aihub_3d_doc()), (0, 90))
    assert [s.label for s in samples] == ["squat", "squat"]
    assert samples[0].conditions["고개 정면"] is False and samples[0].form == "incorrect"
    assert samples[0].group == "aihub:Day05_200925_F" and samples[0].source == "aihub_3d"
    lone = load_aihub_3d(_write_json(tmp_path / "x-3d.json", _aihub_3d_doc()), (0,))[0]
    assert lone.label == UNKNOWN and lone.conditions == {} and lone.group == "aihub:x"
    given = load_aihub_3d(tmp_path / "x-3d.json", (0,), type_info={"exercise": "플랭크", "conditions": []})
    assert given[0].label == "plank"
    assert len(load_aihub_dir(tmp_path)) == 5 and len(load_aihub_dir(tmp_path, yaws_deg=(0, 45))) == 9


# --- clip keypoint cache ------------------------------------------------------------------------------
LABEL_ROWS = [
    ("calimiro_workouttracker/squats/squat_11.mp4", "squat", "", "calimiro", ""),
    ("kaiakol_posetrainer/squat/correct/squat_correct_001.avi", "squat", "correct", "kaiakol", ""),
    ("kaiakol_posetrainer/plank/correct/plank_correct_001.mp4", "plank", "correct", "kaiakol", ""),
    ("kaiakol_posetrainer/plank/correct/plank_correct_002.mp4", "plank", "correct", "kaiakol",
     "elbow plank, same actor as 001"),
    ("kaggle_pushup_correct_wrong/correct/pushup_149.mp4", "push_up", "correct", "kaggle", ""),
    ("kaggle_pushup_correct_wrong/wrong/pushup_151.mp4", "push_up", "incorrect", "kaggle", ""),
    ("kaggle_pushup_correct_wrong/wrong/pushup_160.mp4", "push_up", "incorrect", "kaggle", ""),
    ("kaiakol_posetrainer/extra/dance.mp4", "negative", "", "kaiakol", "dancing"),
]  # fmt: skip


def _labels_csv(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["path", "exercise", "view", "form", "source_repo", "notes", "source_path"])
        for p, ex, form, repo, notes in LABEL_ROWS:
            w.writerow([p, ex, "mostly side", form, repo, notes, "x/" + p])
    return path


def _sequence(t: int, joints: int, seed: int) -> PoseSequence:
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 640, (t, joints, 2)).astype(np.float32)
    xy[1] = np.nan  # a frame without a person
    return PoseSequence(
        xy=xy, z=rng.normal(size=(t, joints)).astype(np.float32),
        visibility=rng.uniform(size=(t, joints)).astype(np.float32),
        t_s=(np.arange(t) / 15).astype(np.float32), frame_index=np.arange(t) * 2, fps=30.0, size=(640, 360),
    )  # fmt: skip


def test_clip_cache_round_trip(tmp_path: Path) -> None:
    labels, cache = _labels_csv(tmp_path / "labels.csv"), tmp_path / "cache"
    cache.mkdir()
    assert cache_name(LABEL_ROWS[0][0]) == "calimiro_workouttracker__squats__squat_11.mp4.npz"
    full, raw = _sequence(12, N_JOINTS, 0), _sequence(7, N_MEDIAPIPE, 1)
    save_pose_sequence(full, cache / cache_name(LABEL_ROWS[0][0]))
    save_pose_sequence(raw, cache / cache_name(LABEL_ROWS[7][0]))
    a, b = load_clip_cache(cache, labels)  # rows without a cache file are skipped
    np.testing.assert_array_equal(a.xy, full.xy)
    np.testing.assert_array_equal(a.visibility, full.visibility)
    np.testing.assert_array_equal(a.t_s, full.t_s)
    assert (a.label, a.form, a.size, a.view, a.source) == ("squat", None, (640, 360), "side", "clips")
    assert b.xy.shape == (7, N_JOINTS, 2) and b.label == UNKNOWN  # 33 joints → derived Neck/Pelvis/Spine
    np.testing.assert_allclose(b.xy[:, L.PELVIS], (raw.xy[:, L.LEFT_HIP] + raw.xy[:, L.RIGHT_HIP]) / 2)
    assert load_clip_cache(tmp_path / "absent", labels) == []


def test_clip_groups_follow_the_data_readme(tmp_path: Path) -> None:
    with _labels_csv(tmp_path / "labels.csv").open(newline="", encoding="utf-8") as f:
        g = clip_groups(list(csv.DictReader(f)))
    paths = [r[0] for r in LABEL_ROWS]
    assert g[paths[0]] == g[paths[1]]  # the same athlete in calimiro and kaiakol squats
    assert g[paths[2]] == g[paths[3]] != g[paths[1]]  # "same actor as 001"
    assert g[paths[4]] == g[paths[5]] != g[paths[6]]  # consecutive kaggle clip numbers: one source video
    assert len({g[p] for p in paths}) == 5


# --- split and summary --------------------------------------------------------------------------------
def _fake(label: str, source: str, group: str, t: int = 3) -> PoseSample:
    xy = np.zeros((t, N_JOINTS, 2), np.float32)
    return PoseSample(
        xy, np.ones((t, N_JOINTS), np.float32), np.arange(t, dtype=np.float32), label, source, group
    )


def test_split_never_puts_a_group_on_both_sides() -> None:
    rng = np.random.default_rng(3)
    samples = [
        _fake(str(rng.choice(["squat", "push_up"])), str(rng.choice(["a", "b", "c"])), f"g{rng.integers(40)}")
        for _ in range(400)
    ]
    samples += [_fake("squat", "d", "only")] * 5  # a source with one group
    for seed in range(5):
        train, test = split_by_group(samples, test_fraction=0.25, seed=seed)
        assert len(train) + len(test) == len(samples)
        assert not {s.group for s in train} & {s.group for s in test}
        for src in "abc":  # every source with many groups is on both sides, near the fraction
            share = sum(s.source == src for s in test) / sum(s.source == src for s in samples)
            assert 0.1 < share < 0.4
    train, test = split_by_group(samples, test_groups={"g1", "only"})
    assert {s.group for s in test} == {"g1", "only"} and "g1" not in {s.group for s in train}
    assert split_by_group(samples, seed=7) == split_by_group(samples, seed=7)


def test_summary_counts_sources_groups_and_labels() -> None:
    text = summary([_fake("squat", "penn", "1"), _fake("squat", "penn", "2"), _fake("unknown", "penn", "2")])
    assert "penn: 3 samples, 2 groups, 9 frames" in text and "squat 2, unknown 1" in text
    assert summary([]) == "(no samples)"


def test_samples_refuse_wrong_shapes() -> None:
    with pytest.raises(ValueError):
        PoseSample(np.zeros((3, 33, 2)), np.zeros((3, 33)), np.zeros(3), "squat", "x", "g")


# --- the real data (skipped when ../shared/data is absent) ----------------------------------------------
needs_data = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data is absent")


def _check_samples(samples: list[PoseSample]) -> None:
    assert samples
    ids = known_ids() | {UNKNOWN}
    for s in samples:
        t = len(s)
        assert t > 0 and s.xy.shape == (t, N_JOINTS, 2) and s.visibility.shape == (t, N_JOINTS)
        assert s.xy.dtype == s.visibility.dtype == s.t_s.dtype == np.float32
        assert s.label in ids, s.label
        assert np.isfinite(s.xy).any(), s.group
        assert (np.diff(s.t_s) >= 0).all() and s.form in (None, "correct", "incorrect")


def _check_frames(frames: list[PoseFrame]) -> None:
    assert frames
    ids = known_ids() | {UNKNOWN}
    for f in frames:
        assert f.xy.shape == (N_JOINTS, 2) and f.label in ids and np.isfinite(f.xy).any()
        assert f.phase in (None, "up", "down")


@pytest.fixture(scope="module")
def penn() -> list[PoseSample]:
    return load_penn_action(SHARED)


@needs_data
def test_penn_action(penn: list[PoseSample]) -> None:
    _check_samples(penn)
    assert len(penn) == 2326 and {s.split for s in penn} == {"train", "test"}
    by_action = {s.meta["action"]: s.label for s in penn}
    assert by_action["pushup"] == "push_up" and by_action["situp"] == "crunch"
    assert by_action["clean_and_jerk"] == by_action["golf_swing"] == UNKNOWN
    # Penn's joints 2, 4, … are the person's right: facing the camera, the left shoulder is on the right
    front = [s for s in penn if s.meta["penn_view"] == "front" and s.label != UNKNOWN]
    lr = np.concatenate(
        [
            (s.xy[:, L.LEFT_SHOULDER, 0] - s.xy[:, L.RIGHT_SHOULDER, 0])[s.visibility[:, L.NECK] > 0]
            for s in front
        ]
    )  # frames with both shoulders visible (Neck visibility = the weaker shoulder)
    assert np.mean(lr > 0) > 0.95
    assert len(load_penn_action(SHARED, background=False)) == 993


@needs_data
def test_posetrainer() -> None:
    samples = load_posetrainer(SHARED)
    _check_samples(samples)
    assert {s.label for s in samples} == {"push_up", "squat"} and len(samples) == 118
    pushups = [s for s in samples if s.label == "push_up"]
    assert all(s.meta["clip"].startswith("kaggle_pushup_correct_wrong/") for s in pushups)
    assert len({s.group for s in pushups}) > 5  # grouped by source video, not one blob
    with (SHARED / "clips" / "labels.csv").open(newline="", encoding="utf-8") as f:
        clips = {r["path"]: r for r in csv.DictReader(f)}
    for s in pushups:  # each array has its source clip's frame count
        c = clips[s.meta["clip"]]
        assert abs(len(s) - float(c["duration_s"]) * float(c["fps"])) <= 1.5
        assert s.form == ("correct" if "/correct/" in s.meta["clip"] else "incorrect")
    assert all(s.size == (1280, 720) for s in samples if s.label == "squat")


@needs_data
@pytest.mark.parametrize(
    "load", [load_exercise_correction_frames, load_exercise_pose_landmarks, load_mlkit_pose_samples]
)
def test_single_pose_sets(load: Callable[[Path], list[PoseFrame]]) -> None:
    _check_frames(load(SHARED))


@needs_data
def test_exercise_correction_runs() -> None:
    samples = load_exercise_correction(SHARED)
    _check_samples(samples)
    assert all(len(s) >= 16 for s in samples)
    forms = {(s.label, s.form) for s in samples}
    assert ("plank", "incorrect") in forms and ("biceps_curl", "correct") in forms
    assert all(s.conditions for s in samples if s.form is not None)


@needs_data
def test_real_split_keeps_shared_clips_together(penn: list[PoseSample]) -> None:
    samples = penn + load_posetrainer(SHARED)
    train, test = split_by_group(samples, test_fraction=0.2, seed=0)
    assert not {s.group for s in train} & {s.group for s in test}
    assert "penn_action" in summary(test) and "posetrainer_landmarks" in summary(samples)


def test_loaders_skip_an_absent_root(tmp_path: Path) -> None:
    for load in (
        load_penn_action, load_posetrainer, load_exercise_correction, load_exercise_correction_frames,
        load_exercise_pose_landmarks, load_mlkit_pose_samples,
    ):  # fmt: skip
        assert load(tmp_path) == []
    assert load_aihub_dir(tmp_path / "absent") == []
