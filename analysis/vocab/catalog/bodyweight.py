"""AI Hub bodyweight exercises (맨몸 운동): class indices 0–16, in class-index order.

Pure data; catalog.py explains the fields and the order of conditions.
"""

from analysis.vocab.catalog.shared import LUNGE_CONDITIONS, PUSH_UP_CONDITIONS
from analysis.vocab.catalog.types import ConditionInfo, ExerciseInfo

BODYWEIGHT: tuple[ExerciseInfo, ...] = (
    # 0 푸시업 — Push-up
    ExerciseInfo(
        id="push_up",
        aihub_name="푸시업",
        aihub_class_index=0,
        aihub_type_codes="561-592",
        category="bodyweight",
        kind="reps",
        conditions=PUSH_UP_CONDITIONS,
    ),
    # 1 니푸쉬업 — Knee push-up
    ExerciseInfo(
        id="knee_push_up",
        aihub_name="니푸쉬업",
        aihub_class_index=1,
        aihub_type_codes="593-624",
        category="bodyweight",
        kind="reps",
        conditions=PUSH_UP_CONDITIONS,
    ),
    # 2 굿모닝 — Good morning
    ExerciseInfo(
        id="good_morning",
        aihub_name="굿모닝",
        aihub_class_index=2,
        aihub_type_codes="185-192",
        category="bodyweight",
        kind="reps",
        conditions=(
            ConditionInfo("knees_soft_fixed", "무릎 구부린채 고정", "Knees kept slightly bent throughout"),
            ConditionInfo("gaze_steady", "시선 방향 유지", "Gaze direction kept steady"),
            ConditionInfo("neutral_spine", "척추의 중립", "Neutral spine (no rounding or over-arching)"),
        ),
    ),
    # 3 Y - Exercise — Y-exercise (Y raise)
    ExerciseInfo(
        id="y_raise",
        aihub_name="Y - Exercise",
        aihub_class_index=3,
        aihub_type_codes="625-632",
        category="bodyweight",
        kind="reps",
        conditions=(
            ConditionInfo(
                "neck_neutral",
                "경추 중립 또는 후인(retraction) 유지",
                "Neck neutral or retracted (chin tucked)",
            ),
            ConditionInfo("arms_level", "양 팔 높이 동일", "Both arms at the same height"),
            ConditionInfo("thumbs_up", "엄지손가락 하늘방향", "Thumbs point to the sky"),
        ),
    ),
    # 4 스탠딩 사이드 크런치 — Standing side crunch
    ExerciseInfo(
        id="side_crunch",
        aihub_name="스탠딩 사이드 크런치",
        aihub_class_index=4,
        aihub_type_codes="001-032",
        category="bodyweight",
        kind="reps",
        conditions=(
            ConditionInfo(
                "knee_from_side",
                "무릎이 몸통 측면에서 올라오는지 여부",
                "Knee rises at the side of the torso",
            ),
            ConditionInfo(
                "knee_elbow_close",
                "수축시 무릎과 팔꿈치가 충분히 가까움",
                "Knee and elbow come close at the top",
            ),
            ConditionInfo("gaze_forward", "시선 정면 유지", "Gaze kept forward"),
            ConditionInfo("hands_behind_head", "양 손이 머리 뒤에 위치", "Both hands behind the head"),
            ConditionInfo("neutral_spine", "척추의 중립", "Neutral spine (no rounding or over-arching)"),
        ),
    ),
    # 5 스탠딩 니업 — Standing knee-up
    ExerciseInfo(
        id="knee_up",
        aihub_name="스탠딩 니업",
        aihub_class_index=5,
        aihub_type_codes="033-048",
        category="bodyweight",
        kind="reps",
        conditions=(
            ConditionInfo("knee_high", "무릎 충분히 올라오고", "Knee raised high enough"),
            ConditionInfo("gaze_forward", "시선 정면", "Gaze kept forward"),
            ConditionInfo("leg_tension", "이완시 다리 긴장 유지", "Leg stays under tension while lowering"),
            ConditionInfo("neutral_spine", "척추 중립", "Neutral spine (no rounding or over-arching)"),
        ),
    ),
    # 6 라잉 레그 레이즈 — Lying leg raise
    ExerciseInfo(
        id="lying_leg_raise",
        aihub_name="라잉 레그 레이즈",
        aihub_class_index=6,
        aihub_type_codes="473-488",
        category="bodyweight",
        kind="reps",
        conditions=(
            ConditionInfo("head_not_tucked", "고개 숙임 여부", "Head rests neutral (not tucked)"),
            ConditionInfo("leg_tension", "이완 시 다리 긴장유지", "Legs stay under tension while lowering"),
            ConditionInfo("lower_back_down", "허리 지면 고정", "Lower back stays pressed to the floor"),
            ConditionInfo(
                "knee_angle_fixed", "허벅지와 종아리 각도 고정", "Thigh-to-calf (knee) angle kept fixed"
            ),
        ),
    ),
    # 7 크런치 — Crunch
    ExerciseInfo(
        id="crunch",
        aihub_name="크런치",
        aihub_class_index=7,
        aihub_type_codes="489-504",
        category="bodyweight",
        kind="reps",
        conditions=(
            ConditionInfo(
                "shoulder_blades_lift",
                "견갑골이 지면으로부터 충분히 올라옴",
                "Shoulder blades lift far enough off the floor",
            ),
            ConditionInfo("no_shoulder_jerk", "어깨반동 없음", "No jerking with the shoulders"),
            ConditionInfo("tension_lowering", "이완시 긴장 유지", "Abs stay under tension while lowering"),
            ConditionInfo("lower_back_down", "허리 지면 고정", "Lower back stays pressed to the floor"),
        ),
    ),
    # 8 바이시클 크런치 — Bicycle crunch
    ExerciseInfo(
        id="bicycle_crunch",
        aihub_name="바이시클 크런치",
        aihub_class_index=8,
        aihub_type_codes="505-512",
        category="bodyweight",
        kind="reps",
        conditions=(
            ConditionInfo(
                "shoulder_blades_lift",
                "견갑골이 지면으로부터 충분히올라옴",
                "Shoulder blades lift far enough off the floor",
            ),
            ConditionInfo(
                "knee_past_hip", "수축시 무릎 엉덩이 지남 ", "Knee comes past the hip at contraction"
            ),
            ConditionInfo("lower_back_down", "허리 지면 고정", "Lower back stays pressed to the floor"),
        ),
    ),
    # 9 시저크로스 — Scissor cross
    ExerciseInfo(
        id="scissor_cross",
        aihub_name="시저크로스",
        aihub_class_index=9,
        aihub_type_codes="513-544",
        category="bodyweight",
        kind="reps",
        conditions=(
            ConditionInfo(
                "legs_hover_height",
                "다리와 지면 사이 적당한 거리",
                "Legs hover at a moderate height above the floor",
            ),
            ConditionInfo("knees_not_overbent", "무릎 너무 굽히지 않음", "Knees not bent too much"),
            ConditionInfo("knees_cross", "수축 시 양무릎 교차", "Knees cross over at contraction"),
            ConditionInfo("gaze_on_navel", "시선 배꼽 고정", "Gaze fixed on the navel"),
            ConditionInfo("lower_back_down", "허리 지면 고정", "Lower back stays pressed to the floor"),
        ),
    ),
    # 10 플랭크 — Plank
    ExerciseInfo(
        id="plank",
        aihub_name="플랭크",
        aihub_class_index=10,
        aihub_type_codes="553-560",
        category="bodyweight",
        kind="hold",
        conditions=(
            ConditionInfo("hips_aligned", "몸통과 엉덩이의 정렬 유지", "Hips stay in line with the torso"),
            ConditionInfo(
                "chest_off_floor",
                "상체의 지면으로부터 충분한 거리 유지",
                "Upper body held far enough off the floor",
            ),
            ConditionInfo(
                "elbows_not_inside",
                "팔꿈치가 어깨보다 안쪽에 위치하지 않음",
                "Elbows not inside the shoulder line",
            ),
        ),
    ),
    # 11 버피 테스트 — Burpee test
    ExerciseInfo(
        id="burpee",
        aihub_name="버피 테스트",
        aihub_class_index=11,
        aihub_type_codes="049-080",
        category="bodyweight",
        kind="reps",
        conditions=(
            ConditionInfo(
                "chest_travel", "가슴의 충분한 이동", "Chest travels far enough (full range of motion)"
            ),
            ConditionInfo("head_neutral", "고개 젖힘/숙임 여부", "Head neither tilted back nor dropped"),
            ConditionInfo(
                "hands_under_chest",
                "손의 위치 가슴 중앙 여부",
                "Hands placed in line with the middle of the chest",
            ),
            ConditionInfo("elbow_90", "이완시 팔꿈치 90도", "Elbows reach about 90 degrees at the bottom"),
            ConditionInfo(
                "no_sag",
                "팔 펴고 엎드렸을때 허리 휨 없음",
                "No lower-back sag in the arms-straight prone position",
            ),
        ),
    ),
    # 12 스텝 포워드 다이나믹 런지 — Step-forward dynamic lunge
    ExerciseInfo(
        id="lunge_forward",
        aihub_name="스텝 포워드 다이나믹 런지",
        aihub_class_index=12,
        aihub_type_codes="081-112",
        category="bodyweight",
        kind="reps",
        conditions=LUNGE_CONDITIONS,
    ),
    # 13 스텝 백워드 다이나믹 런지 — Step-backward dynamic lunge
    ExerciseInfo(
        id="lunge_backward",
        aihub_name="스텝 백워드 다이나믹 런지",
        aihub_class_index=13,
        aihub_type_codes="113-144",
        category="bodyweight",
        kind="reps",
        conditions=LUNGE_CONDITIONS,
    ),
    # 14 사이드 런지 — Side lunge
    ExerciseInfo(
        id="side_lunge",
        aihub_name="사이드 런지",
        aihub_class_index=14,
        aihub_type_codes="145-176",
        category="bodyweight",
        kind="reps",
        conditions=LUNGE_CONDITIONS,
    ),
    # 15 크로스 런지 — Cross (curtsy) lunge
    ExerciseInfo(
        id="cross_lunge",
        aihub_name="크로스 런지",
        aihub_class_index=15,
        aihub_type_codes="177-184",
        category="bodyweight",
        kind="reps",
        conditions=(
            ConditionInfo(
                "knees_track_feet",
                "몸통 앞발 앞무릎 방향 일치여부",
                "Torso, front foot and front knee point the same way",
            ),
            ConditionInfo(
                "upper_body_balanced", "상체 정면 균형잡기", "Upper body faces forward and stays balanced"
            ),
            ConditionInfo("front_knee_90", "앞다리 무릎 각도 90도", "Front knee bends to about 90 degrees"),
        ),
    ),
    # 16 힙쓰러스트 — Hip thrust
    ExerciseInfo(
        id="hip_thrust",
        aihub_name="힙쓰러스트",
        aihub_class_index=16,
        aihub_type_codes="545-552",
        category="bodyweight",
        kind="reps",
        conditions=(
            ConditionInfo("head_not_raised", "고개 들지 않기", "Head not lifted"),
            ConditionInfo(
                "straight_line_top",
                "수축시 무릎부터 어깨까지 일자",
                "Knees to shoulders in a straight line at the top",
            ),
            ConditionInfo(
                "tension_lowering", "이완 시 긴장 유지", "Glutes stay under tension while lowering"
            ),
        ),
    ),
)
