"""AI Hub barbell/dumbbell exercises (바벨/덤벨): class indices 17–32, in class-index order.

Pure data; catalog.py explains the fields and the order of conditions.
"""

from analysis.vocab.catalog.shared import CURL_CONDITIONS, LUNGE_CONDITIONS
from analysis.vocab.catalog.types import ConditionInfo, ExerciseInfo

BARBELL_DUMBBELL: tuple[ExerciseInfo, ...] = (
    # 17 덤벨 체스트 플라이 — Dumbbell chest fly
    ExerciseInfo(
        id="chest_fly",
        aihub_name="덤벨 체스트 플라이",
        aihub_class_index=17,
        aihub_type_codes="633-640",
        category="barbell_dumbbell",
        kind="reps",
        conditions=(
            ConditionInfo("back_arch", "등 아치구조 유지", "Back arch kept"),
            ConditionInfo(
                "dumbbells_chest_height", "이완 시 덤벨 가슴높이", "Dumbbells come down to chest height"
            ),
            ConditionInfo(
                "elbows_soft_fixed", "팔꿈치 살짝 구부린채 고정", "Elbows kept slightly bent throughout"
            ),
        ),
    ),
    # 18 덤벨 인클라인 체스트 플라이 — Dumbbell incline chest fly
    ExerciseInfo(
        id="incline_chest_fly",
        aihub_name="덤벨 인클라인 체스트 플라이",
        aihub_class_index=18,
        aihub_type_codes="641-648",
        category="barbell_dumbbell",
        kind="reps",
        conditions=(
            ConditionInfo("back_arch", "등 아치구조 유지", "Back arch kept"),
            ConditionInfo(
                "dumbbells_shoulder_height",
                "수축 시 덤벨 어깨높이",
                "Dumbbells at shoulder height at the top",
            ),
            ConditionInfo(
                "elbows_soft_fixed", "팔꿈치 살짝 구부린채 고정", "Elbows kept slightly bent throughout"
            ),
        ),
    ),
    # 19 덤벨 풀 오버 — Dumbbell pullover
    ExerciseInfo(
        id="dumbbell_pullover",
        aihub_name="덤벨 풀 오버",
        aihub_class_index=19,
        aihub_type_codes="649-664",
        category="barbell_dumbbell",
        kind="reps",
        conditions=(
            ConditionInfo("torso_on_bench", "몸통 벤치 고정", "Torso stays fixed on the bench"),
            ConditionInfo("wrist_neutral", "손목의 중립", "Neutral wrists (not bent back or forward)"),
            ConditionInfo("elbows_in_top", "수축시 팔꿈치 모아줌", "Elbows drawn in at the top"),
            ConditionInfo("elbow_angle_fixed", "팔꿈치 각도 유지", "Elbow angle kept constant"),
        ),
    ),
    # 20 바벨 로우 — Barbell row
    ExerciseInfo(
        id="barbell_row",
        aihub_name="바벨 로우",
        aihub_class_index=20,
        aihub_type_codes="217-248",
        category="barbell_dumbbell",
        kind="reps",
        conditions=(
            ConditionInfo("no_knee_drive", "무릎 반동 없음", "No knee bounce or leg drive"),
            ConditionInfo("bar_close", "바벨 궤적과 몸 밀착", "Bar path stays close to the body"),
            ConditionInfo("no_torso_swing", "상체 반동 없음", "No torso swing (no momentum)"),
            ConditionInfo("wrist_neutral", "손목의 중립", "Neutral wrists (not bent back or forward)"),
            ConditionInfo("neutral_spine", "척추의 중립", "Neutral spine (no rounding or over-arching)"),
        ),
    ),
    # 21 덤벨 벤트오버 로우 — Dumbbell bent-over row
    ExerciseInfo(
        id="dumbbell_row",
        aihub_name="덤벨 벤트오버 로우",
        aihub_class_index=21,
        aihub_type_codes="249-280",
        category="barbell_dumbbell",
        kind="reps",
        conditions=(
            ConditionInfo("dumbbell_close", "덤벨 궤적과 몸 밀착", "Dumbbell path stays close to the body"),
            ConditionInfo("no_knee_drive", "무릎 반동 없음", "No knee bounce or leg drive"),
            ConditionInfo("no_torso_swing", "상체 반동 없음", "No torso swing (no momentum)"),
            ConditionInfo("wrist_neutral", "손목의 중립", "Neutral wrists (not bent back or forward)"),
            ConditionInfo("neutral_spine", "척추의 중립", "Neutral spine (no rounding or over-arching)"),
        ),
    ),
    # 22 라잉 트라이셉스 익스텐션 — Lying triceps extension
    ExerciseInfo(
        id="lying_triceps_extension",
        aihub_name="라잉 트라이셉스 익스텐션",
        aihub_class_index=22,
        aihub_type_codes="665-696",
        category="barbell_dumbbell",
        kind="reps",
        conditions=(
            ConditionInfo("wrist_neutral", "손목의 중립", "Neutral wrists (not bent back or forward)"),
            ConditionInfo("elbows_together", "양 팔꿈치 모아줌 유지", "Both elbows kept close together"),
            ConditionInfo(
                "tension_at_bottom", "이완 시 팔 긴장 유지", "Arms stay under tension while lowering"
            ),
            ConditionInfo("neutral_spine", "척추의 중립", "Neutral spine (no rounding or over-arching)"),
            ConditionInfo("elbows_fixed", "팔꿈치 위치 고정", "Elbows stay in place"),
        ),
    ),
    # 23 프런트 레이즈 — Front raise
    ExerciseInfo(
        id="front_raise",
        aihub_name="프런트 레이즈",
        aihub_class_index=23,
        aihub_type_codes="193-200",
        category="barbell_dumbbell",
        kind="reps",
        conditions=(
            ConditionInfo("no_lean_back", "상체 뒤로 숙이지 않기", "Upper body does not lean back"),
            ConditionInfo(
                "raise_to_shoulder",
                "손목 어깨 또는 턱선까지 올리기",
                "Wrists rise to shoulder or chin height",
            ),
            ConditionInfo(
                "elbows_soft_fixed", "팔꿈치 살짝 구부린채 고정", "Elbows kept slightly bent throughout"
            ),
        ),
    ),
    # 24 업라이트로우 — Upright row
    ExerciseInfo(
        id="upright_row",
        aihub_name="업라이트로우",
        aihub_class_index=24,
        aihub_type_codes="201-208",
        category="barbell_dumbbell",
        kind="reps",
        conditions=(
            ConditionInfo(
                "shoulder_blades_down", "견갑골 하강 유지", "Shoulder blades kept down (depressed)"
            ),
            ConditionInfo("bar_close", "바벨 상체 밀착", "Bar stays close to the body"),
            ConditionInfo("elbows_lead", "팔꿈치가 손목 리드", "Elbows lead the wrists"),
        ),
    ),
    # 25 오버 헤드 프레스 — Overhead press
    ExerciseInfo(
        id="overhead_press",
        aihub_name="오버 헤드 프레스",
        aihub_class_index=25,
        aihub_type_codes="361-376",
        category="barbell_dumbbell",
        kind="reps",
        conditions=(
            ConditionInfo("shoulder_girdle_stable", "견갑대 고정", "Shoulder girdle kept stable"),
            ConditionInfo("no_knee_drive", "무릎 반동 없음", "No knee bounce or leg drive"),
            ConditionInfo("forearms_vertical", "전완 지면과 수직", "Forearms vertical to the floor"),
            ConditionInfo("neutral_spine", "척추의 중립", "Neutral spine (no rounding or over-arching)"),
        ),
    ),
    # 26 사이드 레터럴 레이즈 — Side lateral raise
    ExerciseInfo(
        id="lateral_raise",
        aihub_name="사이드 레터럴 레이즈",
        aihub_class_index=26,
        aihub_type_codes="377-408",
        category="barbell_dumbbell",
        kind="reps",
        conditions=(
            ConditionInfo("no_knee_drive", "무릎 반동 없음", "No knee bounce or leg drive"),
            ConditionInfo(
                "elbow_angle_fixed",
                "상관과 전완의 각도 고정",
                "Upper-arm to forearm (elbow) angle kept fixed",
            ),
            ConditionInfo("no_torso_swing", "상체 반동 없음", "No torso swing (no momentum)"),
            ConditionInfo("wrist_angle_fixed", "손목의 각도 고정", "Wrist angle kept fixed"),
            ConditionInfo("no_shrug", "어깨 으쓱 없음", "No shoulder shrug"),
        ),
    ),
    # 27 바벨 컬 — Barbell curl (raw name has trailing space)
    ExerciseInfo(
        id="barbell_curl",
        aihub_name="바벨 컬 ",  # the dataset's name ends with a space
        aihub_class_index=27,
        aihub_type_codes="409-440",
        category="barbell_dumbbell",
        kind="reps",
        conditions=CURL_CONDITIONS,
    ),
    # 28 덤벨 컬 — Dumbbell curl
    ExerciseInfo(
        id="biceps_curl",
        aihub_name="덤벨 컬",
        aihub_class_index=28,
        aihub_type_codes="441-472",
        category="barbell_dumbbell",
        kind="reps",
        conditions=CURL_CONDITIONS,
    ),
    # 29 바벨 스티프 데드리프트 — Barbell stiff-leg deadlift
    ExerciseInfo(
        id="stiff_leg_deadlift",
        aihub_name="바벨 스티프 데드리프트",
        aihub_class_index=29,
        aihub_type_codes="209-216",
        category="barbell_dumbbell",
        kind="reps",
        conditions=(
            ConditionInfo("knees_soft_fixed", "무릎 구부린채 고정", "Knees kept slightly bent throughout"),
            ConditionInfo("bar_close", "바벨 궤적과 몸 밀착", "Bar path stays close to the body"),
            ConditionInfo("neutral_spine", "척추의 중립", "Neutral spine (no rounding or over-arching)"),
        ),
    ),
    # 30 바벨 데드리프트 — Barbell deadlift
    ExerciseInfo(
        id="deadlift",
        aihub_name="바벨 데드리프트",
        aihub_class_index=30,
        aihub_type_codes="281-312",
        category="barbell_dumbbell",
        kind="reps",
        conditions=(
            ConditionInfo(
                "knees_hips_together", "무릎과 골반이 동시에 펴짐", "Knees and hips extend together"
            ),
            ConditionInfo("bar_close", "바벨 궤적과 몸 밀착", "Bar path stays close to the body"),
            ConditionInfo(
                "knees_track_feet", "발과 무릎의 방향 일치", "Knees track the feet (same direction)"
            ),
            ConditionInfo("heels_down", "발바닥 지면 고정", "Whole foot stays on the floor"),
            ConditionInfo("neutral_spine", "척추의 중립", "Neutral spine (no rounding or over-arching)"),
        ),
    ),
    # 31 바벨 스쿼트 — Barbell squat
    ExerciseInfo(
        id="squat",
        aihub_name="바벨 스쿼트",
        aihub_class_index=31,
        aihub_type_codes="313-328",
        category="barbell_dumbbell",
        kind="reps",
        conditions=(
            ConditionInfo("head_forward", "고개 정면", "Head faces forward"),
            ConditionInfo(
                "knees_track_feet", "발과 무릎의 방향 일치", "Knees track the feet (same direction)"
            ),
            ConditionInfo("heels_down", "발바닥 지면 고정", "Whole foot stays on the floor"),
            ConditionInfo("neutral_spine", "척추의 중립", "Neutral spine (no rounding or over-arching)"),
        ),
    ),
    # 32 바벨 런지 — Barbell lunge
    ExerciseInfo(
        id="barbell_lunge",
        aihub_name="바벨 런지",
        aihub_class_index=32,
        aihub_type_codes="329-360",
        category="barbell_dumbbell",
        kind="reps",
        conditions=LUNGE_CONDITIONS,
    ),
)
