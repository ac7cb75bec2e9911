"""Condition lists that several AI Hub exercises share verbatim (same strings, same order)."""

from __future__ import annotations

from analysis.vocab.catalog.types import ConditionInfo

# 푸시업 and 니푸쉬업
PUSH_UP_CONDITIONS: tuple[ConditionInfo, ...] = (
    ConditionInfo("chest_travel", "가슴의 충분한 이동", "Chest travels far enough (full range of motion)"),
    ConditionInfo("head_neutral", "고개 젖힘/숙임 여부", "Head neither tilted back nor dropped"),
    ConditionInfo(
        "hands_under_chest",
        "손의 위치 가슴 중앙 여부",
        "Hands placed in line with the middle of the chest",
    ),
    ConditionInfo("elbow_90", "이완시 팔꿈치 90도", "Elbows reach about 90 degrees at the bottom"),
    ConditionInfo("neutral_spine", "척추의 중립", "Neutral spine (no rounding or over-arching)"),
)

# the dynamic lunges, side lunge and barbell lunge
LUNGE_CONDITIONS: tuple[ConditionInfo, ...] = (
    ConditionInfo("rear_knee_90", "뒤다리 무릎 각도 90도", "Rear knee bends to about 90 degrees"),
    ConditionInfo(
        "knees_track_feet", "몸통 발 무릎 방향 일치여부", "Torso, foot and knee point the same way"
    ),
    ConditionInfo(
        "torso_upright",
        "상체의 과조한 숙임/젖힘 여부",
        "No excessive forward or backward lean of the upper body",
    ),
    ConditionInfo("front_knee_90", "앞다리 무릎 각도 90도", "Front knee bends to about 90 degrees"),
    ConditionInfo("neutral_spine", "척추의 중립", "Neutral spine (no rounding or over-arching)"),
)

# 바벨 컬 and 덤벨 컬
CURL_CONDITIONS: tuple[ConditionInfo, ...] = (
    ConditionInfo("wrist_neutral", "손목의 중립", "Neutral wrists (not bent back or forward)"),
    ConditionInfo("no_shrug", "수축 시 어깨 으쓱 없음", "No shoulder shrug at the top"),
    ConditionInfo("tension_at_bottom", "이완 시 팔 긴장 유지", "Arms stay under tension while lowering"),
    ConditionInfo("neutral_spine", "척추의 중립", "Neutral spine (no rounding or over-arching)"),
    ConditionInfo("elbows_fixed", "팔꿈치 위치 고정", "Elbows stay in place"),
)
