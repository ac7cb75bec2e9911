"""The exercise catalog: 41 AI Hub exercises (verbatim strings) plus the extras users send us."""

from __future__ import annotations

import csv
import dataclasses
import json
import re

import pytest

from analysis.vocab import catalog
from analysis.vocab.catalog import (
    AIHUB_BY_NAME,
    CATALOG,
    DATASET_CONDITION_ORDER,
    LABEL_ALIASES,
    get,
    normalise_label,
    resolve_label,
)
from analysis.vocab.catalog.barbell_dumbbell import BARBELL_DUMBBELL
from analysis.vocab.catalog.bodyweight import BODYWEIGHT
from analysis.vocab.catalog.extra import EXTRA
from analysis.vocab.catalog.machine import MACHINE
from tests.paths import SHARED

AIHUB_DIR = SHARED / "aihub"
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")

# Ids other modules depend on (AI Hub name → catalog id).
REQUIRED_IDS = {
    "바벨 스쿼트": "squat",
    "푸시업": "push_up",
    "니푸쉬업": "knee_push_up",
    "스텝 포워드 다이나믹 런지": "lunge_forward",
    "스텝 백워드 다이나믹 런지": "lunge_backward",
    "바벨 런지": "barbell_lunge",
    "사이드 런지": "side_lunge",
    "크로스 런지": "cross_lunge",
    "플랭크": "plank",
    "덤벨 컬": "biceps_curl",
    "바벨 컬 ": "barbell_curl",
    "오버 헤드 프레스": "overhead_press",
    "풀업": "pull_up",
    "버피 테스트": "burpee",
    "스탠딩 니업": "knee_up",
    "스탠딩 사이드 크런치": "side_crunch",
    "딥스": "dips",
    "크런치": "crunch",
    "바벨 데드리프트": "deadlift",
    "바벨 스티프 데드리프트": "stiff_leg_deadlift",
    "프런트 레이즈": "front_raise",
    "사이드 레터럴 레이즈": "lateral_raise",
    "굿모닝": "good_morning",
    "케이블 푸시 다운": "triceps_pushdown",
}
EXTRA_IDS = {
    "jumping_jack",
    "high_knees",
    "russian_twist",
    "bench_press",
    "wall_sit",
    "step_up",
    "v_up",
    "shoulder_shrug",
    "bear_crawl",
    "renegade_row",
}
ROWS = (*BODYWEIGHT, *BARBELL_DUMBBELL, *MACHINE, *EXTRA)
AIHUB = [ex for ex in CATALOG.values() if ex.aihub_name is not None]


def _shared_json(name: str) -> dict:
    path = AIHUB_DIR / name
    if not path.is_file():
        pytest.skip(f"reference data absent: {path}")
    return json.loads(path.read_text(encoding="utf-8"))


# --- always-on checks (no shared data needed) ----------------------------------------------------------


def test_counts_are_41_aihub_plus_the_extras() -> None:
    assert len(AIHUB) == 41 == catalog.AIHUB_EXERCISE_COUNT
    assert (len(BODYWEIGHT), len(BARBELL_DUMBBELL), len(MACHINE)) == (17, 16, 8)
    assert {ex.id for ex in CATALOG.values() if ex.aihub_name is None} == EXTRA_IDS
    assert len(CATALOG) == len(ROWS) == 51  # no id defined twice (the dict would swallow it)


def test_aihub_entries_come_first_in_class_index_order() -> None:
    entries = list(CATALOG.values())
    assert [ex.aihub_class_index for ex in entries[:41]] == list(range(41))
    assert all(ex.aihub_class_index is None and ex.aihub_type_codes is None for ex in entries[41:])


def test_required_ids() -> None:
    for name, ex_id in REQUIRED_IDS.items():
        assert AIHUB_BY_NAME[name].id == ex_id, name
    assert get("barbell_curl").aihub_name == "바벨 컬 "  # the dataset's trailing space is kept


def test_dataset_typos_and_trailing_spaces_are_kept() -> None:
    strings = {c.aihub_ko for ex in AIHUB for c in ex.conditions}
    kept = (
        "상체의 과조한 숙임/젖힘 여부",  # 과조한 (for 과도한)
        "상관과 전완의 각도 고정",  # 상관 (for 상완)
        "수축 시 고개 안 젖힘 ",  # trailing space
        "시선 위쪽 유지 ",
    )
    for text in kept:
        assert text in strings, repr(text)
    assert "견갑골이 지면으로부터 충분히올라옴" in {c.aihub_ko for c in get("bicycle_crunch").conditions}


def test_ids_are_snake_case_and_unique() -> None:
    for ex in ROWS:
        assert SNAKE.match(ex.id), ex.id
        cond_ids = [c.id for c in ex.conditions]
        assert len(cond_ids) == len(set(cond_ids)), ex.id
        for cond in ex.conditions:
            assert SNAKE.match(cond.id), (ex.id, cond.id)
            assert cond.aihub_ko and cond.gloss_en.isascii() and cond.gloss_en[0].isupper(), (ex.id, cond)


def test_condition_counts() -> None:
    for ex in AIHUB:
        assert 3 <= len(ex.conditions) <= 5, ex.id
    for ex in CATALOG.values():
        if ex.aihub_name is None:
            assert len(ex.conditions) == 3, ex.id


def test_kinds_and_categories() -> None:
    assert {ex.id for ex in CATALOG.values() if ex.kind == "hold"} == {"plank", "wall_sit"}
    for ex in CATALOG.values():
        assert ex.kind in catalog.KINDS and ex.category in catalog.CATEGORIES, ex.id
    assert {ex.category for ex in BODYWEIGHT} == {"bodyweight"}
    assert {ex.category for ex in BARBELL_DUMBBELL} == {"barbell_dumbbell"}
    assert {ex.category for ex in MACHINE} == {"machine"}


def test_type_code_blocks_are_a_full_factorial_and_tile_001_to_816() -> None:
    blocks = []
    for ex in AIHUB:
        assert ex.aihub_type_codes is not None and re.fullmatch(r"\d{3}-\d{3}", ex.aihub_type_codes), ex.id
        first, last = (int(x) for x in ex.aihub_type_codes.split("-"))
        assert last - first + 1 == 2 ** len(ex.conditions), ex.id  # one code per true/false combination
        blocks.append((first, last))
    blocks.sort()
    assert blocks[0][0] == 1 and blocks[-1][1] == 816
    assert all(b[0] == a[1] + 1 for a, b in zip(blocks, blocks[1:], strict=False))


def test_dataset_condition_order_names_real_conditions() -> None:
    for ex_id, order in DATASET_CONDITION_ORDER.items():
        assert sorted(order) == sorted(c.id for c in get(ex_id).conditions), ex_id


def test_get_and_condition_lookups_fail_clearly() -> None:
    assert get("squat").condition("knees_track_feet").aihub_ko == "발과 무릎의 방향 일치"
    with pytest.raises(KeyError, match="squats"):
        get("squats")
    with pytest.raises(KeyError, match="no condition"):
        get("squat").condition("depth")


def test_entries_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        get("squat").kind = "hold"  # type: ignore[misc]


def test_label_aliases() -> None:
    for label, targets in LABEL_ALIASES.items():
        assert normalise_label(label) == label, label
        assert label not in CATALOG, f"{label} is already a catalog id"
        for target in targets:
            assert target in CATALOG, (label, target)
    assert resolve_label("lunge") == ("lunge_forward", "lunge_backward", "barbell_lunge")
    assert resolve_label("BodyWeightSquats") == ("squat",)
    assert resolve_label("Push-Ups") == ("push_up",)
    assert resolve_label("바벨 컬 ") == ("barbell_curl",)
    assert resolve_label("plank") == ("plank",)
    assert resolve_label("negative") == ()
    with pytest.raises(KeyError):
        resolve_label("tennis_serve")


# --- against the shared reference data (skipped when ../shared/data is absent) ------------------------


def test_names_and_class_indices_match_the_mapping() -> None:
    mapping = _shared_json("exercise_mapping.PolarisSoda_AI_FIT.json")
    assert {ex.aihub_name: ex.aihub_class_index for ex in AIHUB} == mapping


def test_condition_strings_are_verbatim() -> None:
    cond_map = _shared_json("exercise_condition_map.PolarisSoda_AI_FIT.json")
    assert set(cond_map) == set(AIHUB_BY_NAME)
    for name, strings in cond_map.items():
        # exact strings (typos, trailing spaces) and the map's order
        assert [c.aihub_ko for c in AIHUB_BY_NAME[name].conditions] == strings, name


def test_type_codes_categories_and_dataset_order_match_the_compiled_reference() -> None:
    compiled = _shared_json("aihub_fitness_41_exercises.compiled.json")["exercises"]
    categories = {
        "bodyweight": "bodyweight",
        "barbell/dumbbell": "barbell_dumbbell",
        "machine/equipment": "machine",
    }
    assert len(compiled) == 41
    for ref in compiled:
        ex = AIHUB_BY_NAME[ref["exercise_ko"]]
        assert ex.aihub_type_codes == ref["type_codes"], ex.id
        assert ex.category == categories[ref["category_en"]], ex.id
        if ref.get("dataset_condition_order"):
            by_string = {c.aihub_ko: c.id for c in ex.conditions}
            ids = tuple(by_string[s] for s in ref["dataset_condition_order"])
            assert DATASET_CONDITION_ORDER[ex.id] == ids, ex.id
    truth = _shared_json("barbell_squat_type_truth.TREX.json")
    squat = AIHUB_BY_NAME[truth["exercise"]]
    squat_ids = {c.aihub_ko: c.id for c in squat.conditions}
    assert DATASET_CONDITION_ORDER[squat.id] == tuple(squat_ids[s] for s in truth["condition_order"])


def test_shared_clip_labels_resolve() -> None:
    labels = SHARED / "clips" / "labels.csv"
    if not labels.is_file():
        pytest.skip(f"reference data absent: {labels}")
    with labels.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            resolve_label(row["exercise"])  # raises KeyError for an unmapped label
    for action in ("squat", "pushup", "pullup", "bench_press", "jumping_jacks", "situp"):  # Penn Action
        assert resolve_label(action)
