"""AI Hub machine/equipment exercises (기구): class indices 33–40, in class-index order.

Pure data; catalog.py explains the fields and the order of conditions.
"""

from analysis.vocab.catalog.types import ConditionInfo, ExerciseInfo

MACHINE: tuple[ExerciseInfo, ...] = (
    # 33 딥스 — Dips
    ExerciseInfo(
        id="dips",
        aihub_name="딥스",
        aihub_class_index=33,
        aihub_type_codes="697-712",
        category="machine",
        kind="reps",
        conditions=(
            ConditionInfo("slight_lean", "상체 살짝 숙임 유지", "Torso kept slightly leaned forward"),
            ConditionInfo("head_not_back", "수축 시 고개 안 젖힘 ", "Head not tilted back at the top"),
            ConditionInfo(
                "elbow_90", "이완 시 팔꿈치 각도 90도", "Elbows reach about 90 degrees at the bottom"
            ),
            ConditionInfo(
                "elbow_torso_distance",
                "팔꿈치-몸통의 적당한 거리",
                "Elbows at a moderate distance from the torso",
            ),
        ),
    ),
    # 34 풀업 — Pull-up
    ExerciseInfo(
        id="pull_up",
        aihub_name="풀업",
        aihub_class_index=34,
        aihub_type_codes="713-728",
        category="machine",
        kind="reps",
        conditions=(
            ConditionInfo("no_swing", "몸통 흔들림 없음", "No body swing"),
            ConditionInfo(
                "elbows_to_torso",
                "수축 시 몸통-팔꿈치 사이 모아줌",
                "Elbows drawn down to the torso at the top",
            ),
            ConditionInfo("gaze_up", "시선 위쪽 유지 ", "Gaze kept upward"),
            ConditionInfo("shoulder_packing", "이완 시 숄더패킹", "Shoulders stay packed at the bottom"),
        ),
    ),
    # 35 랫풀 다운 — Lat pulldown
    ExerciseInfo(
        id="lat_pulldown",
        aihub_name="랫풀 다운",
        aihub_class_index=35,
        aihub_type_codes="737-752",
        category="machine",
        kind="reps",
        conditions=(
            ConditionInfo("wrist_neutral", "손목의 중립", "Neutral wrists (not bent back or forward)"),
            ConditionInfo(
                "elbows_to_torso",
                "수축 시 몸통-팔꿈치 사이 모아줌",
                "Elbows drawn down to the torso at the bottom",
            ),
            ConditionInfo(
                "moderate_lean_back", "수축 시 적당한 상체 젖힘", "Moderate lean back when pulling"
            ),
            ConditionInfo("shoulder_packing", "이완 시 숄더패킹", "Shoulders stay packed on the way up"),
        ),
    ),
    # 36 행잉 레그 레이즈 — Hanging leg raise
    ExerciseInfo(
        id="hanging_leg_raise",
        aihub_name="행잉 레그 레이즈",
        aihub_class_index=36,
        aihub_type_codes="729-736",
        category="machine",
        kind="reps",
        conditions=(
            ConditionInfo("legs_together", "두 다리 사이 모아줌 유지", "Legs kept together"),
            ConditionInfo(
                "shoulders_from_ears",
                "어깨와 귀 사이 적당한 거리 유지",
                "Shoulders kept away from the ears (no shrug)",
            ),
            ConditionInfo("leg_tension", "이완 시 다리 긴장 유지", "Legs stay under tension while lowering"),
        ),
    ),
    # 37 케이블 크런치 — Cable crunch
    ExerciseInfo(
        id="cable_crunch",
        aihub_name="케이블 크런치",
        aihub_class_index=37,
        aihub_type_codes="761-768",
        category="machine",
        kind="reps",
        conditions=(
            ConditionInfo(
                "elbow_angle_fixed",
                "상완과 전완의 각도 고정 ",
                "Upper-arm to forearm (elbow) angle kept fixed",
            ),
            ConditionInfo("spine_flexes", "수축 시 등의 굽힘", "Back rounds (spine flexes) at contraction"),
            ConditionInfo(
                "elbow_torso_angle_fixed", "팔꿈치와 몸통 각도 고정", "Elbow-to-torso angle kept fixed"
            ),
        ),
    ),
    # 38 케이블 푸시 다운 — Cable push-down
    ExerciseInfo(
        id="triceps_pushdown",
        aihub_name="케이블 푸시 다운",
        aihub_class_index=38,
        aihub_type_codes="769-784",
        category="machine",
        kind="reps",
        conditions=(
            ConditionInfo("no_excessive_lean", "상체 과도한 숙임 없음", "No excessive forward lean"),
            ConditionInfo("wrist_neutral", "손목의 중립", "Neutral wrists (not bent back or forward)"),
            ConditionInfo(
                "tension_at_top", "이완 시 팔 긴장 유지", "Arms stay under tension on the way back up"
            ),
            ConditionInfo("elbows_fixed", "팔꿈치 위치 고정", "Elbows stay in place"),
        ),
    ),
    # 39 페이스 풀 — Face pull
    ExerciseInfo(
        id="face_pull",
        aihub_name="페이스 풀",
        aihub_class_index=39,
        aihub_type_codes="753-760",
        category="machine",
        kind="reps",
        conditions=(
            ConditionInfo(
                "external_rotation", "상완의 외회전", "Upper arms rotate outward (external rotation)"
            ),
            ConditionInfo(
                "elbow_90", "수축 시 팔꿈치 각도 90도", "Elbows at about 90 degrees when pulled in"
            ),
            ConditionInfo(
                "hands_at_forehead",
                "수축시 양 손과 이마 동일선상 위치",
                "Hands level with the forehead when pulled in",
            ),
        ),
    ),
    # 40 로잉머신 — Rowing machine
    ExerciseInfo(
        id="rowing_machine",
        aihub_name="로잉머신",
        aihub_class_index=40,
        aihub_type_codes="785-816",
        category="machine",
        kind="reps",
        conditions=(
            ConditionInfo("no_excessive_lean_back", "상체 과도한 젖힘 없음", "No excessive lean back"),
            ConditionInfo(
                "legs_before_arms",
                "수축 시 팔 당김보다 다리 펴짐이 우선",
                "On the drive, legs extend before the arms pull",
            ),
            ConditionInfo("no_shrug", "어깨 으쓱 없음", "No shoulder shrug"),
            ConditionInfo(
                "arms_before_legs",
                "이완 시 팔 펴짐이 다리 접힘보다 우선",
                "On the recovery, arms extend before the legs bend",
            ),
            ConditionInfo("chest_up", "체스트 업 유지", "Chest kept up"),
        ),
    ),
)
