"""Exercises that are not in AI Hub but that users do and our clips contain.

aihub_name, aihub_class_index and aihub_type_codes are None; each condition's ``aihub_ko`` is our own
Korean wording in the dataset's style (three conditions each, judgeable from a 2D skeleton).
The comment above each entry says why it is here.
"""

from analysis.vocab.catalog.types import ConditionInfo, ExerciseInfo

EXTRA: tuple[ExerciseInfo, ...] = (
    # jumping_jack: the most common warm-up; in Penn Action and in our shared clips.
    ExerciseInfo(
        id="jumping_jack",
        aihub_name=None,
        aihub_class_index=None,
        aihub_type_codes=None,
        category="bodyweight",
        kind="reps",
        conditions=(
            ConditionInfo("arms_overhead", "양 손이 머리 위까지 올라옴", "Hands reach overhead"),
            ConditionInfo("feet_apart", "발 어깨너비보다 넓게 벌림", "Feet land wider than shoulder width"),
            ConditionInfo(
                "full_return", "양 팔 완전히 내림", "Arms come back down to the sides between reps"
            ),
        ),
    ),
    # high_knees: a cardio drill users film at home; one shared clip.
    ExerciseInfo(
        id="high_knees",
        aihub_name=None,
        aihub_class_index=None,
        aihub_type_codes=None,
        category="bodyweight",
        kind="reps",
        conditions=(
            ConditionInfo("knees_hip_height", "무릎 골반 높이까지 올라옴", "Knees rise to hip height"),
            ConditionInfo("upright_torso", "상체 곧게 유지", "Torso kept upright (no leaning back)"),
            ConditionInfo("gaze_forward", "시선 정면 유지", "Gaze kept forward"),
        ),
    ),
    # russian_twist: a staple core move; four shared clips.
    ExerciseInfo(
        id="russian_twist",
        aihub_name=None,
        aihub_class_index=None,
        aihub_type_codes=None,
        category="bodyweight",
        kind="reps",
        conditions=(
            ConditionInfo("shoulders_rotate", "어깨까지 충분히 회전", "Shoulders rotate fully to each side"),
            ConditionInfo("torso_angle_kept", "상체 기울기 유지", "Torso lean angle kept constant"),
            ConditionInfo("neutral_spine", "척추의 중립", "Neutral spine (no rounding or over-arching)"),
        ),
    ),
    # bench_press: the most common gym lift missing from AI Hub; in Penn Action.
    ExerciseInfo(
        id="bench_press",
        aihub_name=None,
        aihub_class_index=None,
        aihub_type_codes=None,
        category="barbell_dumbbell",
        kind="reps",
        conditions=(
            ConditionInfo("bar_to_chest", "바벨 가슴까지 내림", "Bar lowered to the chest"),
            ConditionInfo("forearms_vertical", "전완 지면과 수직", "Forearms vertical to the floor"),
            ConditionInfo("wrist_neutral", "손목의 중립", "Neutral wrists (not bent back or forward)"),
        ),
    ),
    # wall_sit: an isometric hold beginners send; one shared clip.
    ExerciseInfo(
        id="wall_sit",
        aihub_name=None,
        aihub_class_index=None,
        aihub_type_codes=None,
        category="bodyweight",
        kind="hold",
        conditions=(
            ConditionInfo("knees_90", "무릎 각도 90도", "Knees bent to about 90 degrees"),
            ConditionInfo("back_on_wall", "등 벽에 밀착", "Back flat against the wall"),
            ConditionInfo(
                "knees_track_feet", "발과 무릎의 방향 일치", "Knees track the feet (same direction)"
            ),
        ),
    ),
    # step_up: a home leg exercise on a chair or box; one shared clip.
    ExerciseInfo(
        id="step_up",
        aihub_name=None,
        aihub_class_index=None,
        aihub_type_codes=None,
        category="bodyweight",
        kind="reps",
        conditions=(
            ConditionInfo(
                "knees_track_feet", "발과 무릎의 방향 일치", "Knees track the feet (same direction)"
            ),
            ConditionInfo("torso_upright", "상체 과도한 숙임 없음", "No excessive forward lean"),
            ConditionInfo(
                "full_hip_extension", "올라섰을 때 골반 완전히 펴짐", "Hips fully extended on top of the step"
            ),
        ),
    ),
    # v_up: a common floor core move; one shared clip.
    ExerciseInfo(
        id="v_up",
        aihub_name=None,
        aihub_class_index=None,
        aihub_type_codes=None,
        category="bodyweight",
        kind="reps",
        conditions=(
            ConditionInfo(
                "hands_reach_feet", "수축시 손과 발이 충분히 가까움", "Hands and feet come close at the top"
            ),
            ConditionInfo("legs_straight", "무릎 펴짐 유지", "Knees kept straight"),
            ConditionInfo("tension_lowering", "이완 시 긴장 유지", "Abs stay under tension while lowering"),
        ),
    ),
    # shoulder_shrug: a common trap exercise; one shared clip.
    ExerciseInfo(
        id="shoulder_shrug",
        aihub_name=None,
        aihub_class_index=None,
        aihub_type_codes=None,
        category="barbell_dumbbell",
        kind="reps",
        conditions=(
            ConditionInfo("straight_up", "어깨 수직으로 올림", "Shoulders rise straight up (no rolling)"),
            ConditionInfo("arms_straight", "팔꿈치 펴짐 유지", "Elbows kept straight"),
            ConditionInfo("head_forward", "고개 정면", "Head faces forward"),
        ),
    ),
    # bear_crawl: a popular conditioning crawl; one shared clip.
    ExerciseInfo(
        id="bear_crawl",
        aihub_name=None,
        aihub_class_index=None,
        aihub_type_codes=None,
        category="bodyweight",
        kind="reps",
        conditions=(
            ConditionInfo("hips_level", "엉덩이 높이 유지", "Hips stay level (not piked up)"),
            ConditionInfo("knees_low", "무릎 지면 가까이 유지", "Knees hover close to the floor"),
            ConditionInfo("neutral_spine", "척추의 중립", "Neutral spine (no rounding or over-arching)"),
        ),
    ),
    # renegade_row: a plank-and-row combination users send; one shared clip.
    ExerciseInfo(
        id="renegade_row",
        aihub_name=None,
        aihub_class_index=None,
        aihub_type_codes=None,
        category="barbell_dumbbell",
        kind="reps",
        conditions=(
            ConditionInfo("no_hip_rotation", "골반 회전 없음", "Hips do not rotate"),
            ConditionInfo("dumbbell_close", "덤벨 궤적과 몸 밀착", "Dumbbell path stays close to the body"),
            ConditionInfo("hips_aligned", "몸통과 엉덩이의 정렬 유지", "Hips stay in line with the torso"),
        ),
    ),
)
