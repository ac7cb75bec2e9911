### 운동 카탈로그: 운동 이름과 자세 조건 이름 (analysis/exercises/catalog.py와 같은 id).
###
### exercise-<운동 id> = 화면에 보이는 이름
###     .object / .subject / .topic = 조사가 붙은 형태 (을/를, 이/가, 은/는 — 마지막 글자의 받침으로 골라요)
### condition-<운동 id>-<조건 id> = 자세 조건의 짧은 이름 (데이터셋 원문의 오타는 여기서 고쳐요)
### 끝의 exercise-name은 $exercise(운동 id)로 고르는 선택자예요. 다른 파일의 문장에서 이렇게 써요:
###     summary-reps = { exercise-name.object } { $count }회 분석했어요.


## 맨몸 운동 (AI Hub)

exercise-push_up = 푸시업
    .object = 푸시업을
    .subject = 푸시업이
    .topic = 푸시업은
condition-push_up-chest_travel = 가슴 충분히 내리기
condition-push_up-head_neutral = 고개 중립 유지
condition-push_up-hands_under_chest = 손 위치 가슴 중앙
condition-push_up-elbow_90 = 내려갈 때 팔꿈치 90도
condition-push_up-neutral_spine = 척추 중립

exercise-knee_push_up = 무릎 푸시업
    .object = 무릎 푸시업을
    .subject = 무릎 푸시업이
    .topic = 무릎 푸시업은
condition-knee_push_up-chest_travel = 가슴 충분히 내리기
condition-knee_push_up-head_neutral = 고개 중립 유지
condition-knee_push_up-hands_under_chest = 손 위치 가슴 중앙
condition-knee_push_up-elbow_90 = 내려갈 때 팔꿈치 90도
condition-knee_push_up-neutral_spine = 척추 중립

exercise-good_morning = 굿모닝
    .object = 굿모닝을
    .subject = 굿모닝이
    .topic = 굿모닝은
condition-good_morning-knees_soft_fixed = 무릎 살짝 굽힌 채 고정
condition-good_morning-gaze_steady = 시선 방향 유지
condition-good_morning-neutral_spine = 척추 중립

exercise-y_raise = 와이 레이즈
    .object = 와이 레이즈를
    .subject = 와이 레이즈가
    .topic = 와이 레이즈는
condition-y_raise-neck_neutral = 목 중립 유지
condition-y_raise-arms_level = 양팔 높이 같게
condition-y_raise-thumbs_up = 엄지 위쪽으로

exercise-side_crunch = 스탠딩 사이드 크런치
    .object = 스탠딩 사이드 크런치를
    .subject = 스탠딩 사이드 크런치가
    .topic = 스탠딩 사이드 크런치는
condition-side_crunch-knee_from_side = 무릎 옆으로 올리기
condition-side_crunch-knee_elbow_close = 무릎과 팔꿈치 충분히 가깝게
condition-side_crunch-gaze_forward = 시선 정면 유지
condition-side_crunch-hands_behind_head = 양손 머리 뒤에
condition-side_crunch-neutral_spine = 척추 중립

exercise-knee_up = 스탠딩 니업
    .object = 스탠딩 니업을
    .subject = 스탠딩 니업이
    .topic = 스탠딩 니업은
condition-knee_up-knee_high = 무릎 충분히 올리기
condition-knee_up-gaze_forward = 시선 정면 유지
condition-knee_up-leg_tension = 내릴 때 다리 긴장 유지
condition-knee_up-neutral_spine = 척추 중립

exercise-lying_leg_raise = 라잉 레그 레이즈
    .object = 라잉 레그 레이즈를
    .subject = 라잉 레그 레이즈가
    .topic = 라잉 레그 레이즈는
condition-lying_leg_raise-head_not_tucked = 고개 숙이지 않기
condition-lying_leg_raise-leg_tension = 내릴 때 다리 긴장 유지
condition-lying_leg_raise-lower_back_down = 허리 바닥에 붙이기
condition-lying_leg_raise-knee_angle_fixed = 무릎 각도 고정

exercise-crunch = 크런치
    .object = 크런치를
    .subject = 크런치가
    .topic = 크런치는
condition-crunch-shoulder_blades_lift = 견갑골 충분히 들기
condition-crunch-no_shoulder_jerk = 어깨 반동 없음
condition-crunch-tension_lowering = 내릴 때 긴장 유지
condition-crunch-lower_back_down = 허리 바닥에 붙이기

exercise-bicycle_crunch = 바이시클 크런치
    .object = 바이시클 크런치를
    .subject = 바이시클 크런치가
    .topic = 바이시클 크런치는
condition-bicycle_crunch-shoulder_blades_lift = 견갑골 충분히 들기
condition-bicycle_crunch-knee_past_hip = 당길 때 무릎이 골반 지나기
condition-bicycle_crunch-lower_back_down = 허리 바닥에 붙이기

exercise-scissor_cross = 시저 크로스
    .object = 시저 크로스를
    .subject = 시저 크로스가
    .topic = 시저 크로스는
condition-scissor_cross-legs_hover_height = 다리 높이 적당히 유지
condition-scissor_cross-knees_not_overbent = 무릎 과하게 굽히지 않기
condition-scissor_cross-knees_cross = 양 무릎 교차
condition-scissor_cross-gaze_on_navel = 시선 배꼽에 고정
condition-scissor_cross-lower_back_down = 허리 바닥에 붙이기

exercise-plank = 플랭크
    .object = 플랭크를
    .subject = 플랭크가
    .topic = 플랭크는
condition-plank-hips_aligned = 몸통과 엉덩이 일직선 유지
condition-plank-chest_off_floor = 상체 충분히 띄우기
condition-plank-elbows_not_inside = 팔꿈치 어깨 아래 위치

exercise-burpee = 버피
    .object = 버피를
    .subject = 버피가
    .topic = 버피는
condition-burpee-chest_travel = 가슴 충분히 내리기
condition-burpee-head_neutral = 고개 중립 유지
condition-burpee-hands_under_chest = 손 위치 가슴 중앙
condition-burpee-elbow_90 = 내려갈 때 팔꿈치 90도
condition-burpee-no_sag = 엎드렸을 때 허리 처짐 없음

exercise-lunge_forward = 포워드 런지
    .object = 포워드 런지를
    .subject = 포워드 런지가
    .topic = 포워드 런지는
condition-lunge_forward-rear_knee_90 = 뒷다리 무릎 90도
condition-lunge_forward-knees_track_feet = 몸통과 발, 무릎 방향 일치
condition-lunge_forward-torso_upright = 상체 과도한 기울임 없음
condition-lunge_forward-front_knee_90 = 앞다리 무릎 90도
condition-lunge_forward-neutral_spine = 척추 중립

exercise-lunge_backward = 리버스 런지
    .object = 리버스 런지를
    .subject = 리버스 런지가
    .topic = 리버스 런지는
condition-lunge_backward-rear_knee_90 = 뒷다리 무릎 90도
condition-lunge_backward-knees_track_feet = 몸통과 발, 무릎 방향 일치
condition-lunge_backward-torso_upright = 상체 과도한 기울임 없음
condition-lunge_backward-front_knee_90 = 앞다리 무릎 90도
condition-lunge_backward-neutral_spine = 척추 중립

exercise-side_lunge = 사이드 런지
    .object = 사이드 런지를
    .subject = 사이드 런지가
    .topic = 사이드 런지는
condition-side_lunge-rear_knee_90 = 뒷다리 무릎 90도
condition-side_lunge-knees_track_feet = 몸통과 발, 무릎 방향 일치
condition-side_lunge-torso_upright = 상체 과도한 기울임 없음
condition-side_lunge-front_knee_90 = 앞다리 무릎 90도
condition-side_lunge-neutral_spine = 척추 중립

exercise-cross_lunge = 크로스 런지
    .object = 크로스 런지를
    .subject = 크로스 런지가
    .topic = 크로스 런지는
condition-cross_lunge-knees_track_feet = 몸통과 앞발, 앞무릎 방향 일치
condition-cross_lunge-upper_body_balanced = 상체 정면으로 균형 잡기
condition-cross_lunge-front_knee_90 = 앞다리 무릎 90도

exercise-hip_thrust = 힙 쓰러스트
    .object = 힙 쓰러스트를
    .subject = 힙 쓰러스트가
    .topic = 힙 쓰러스트는
condition-hip_thrust-head_not_raised = 고개 들지 않기
condition-hip_thrust-straight_line_top = 올렸을 때 무릎부터 어깨까지 일직선
condition-hip_thrust-tension_lowering = 내릴 때 긴장 유지


## 바벨/덤벨 (AI Hub)

exercise-chest_fly = 덤벨 플라이
    .object = 덤벨 플라이를
    .subject = 덤벨 플라이가
    .topic = 덤벨 플라이는
condition-chest_fly-back_arch = 등 아치 유지
condition-chest_fly-dumbbells_chest_height = 내릴 때 덤벨 가슴 높이까지
condition-chest_fly-elbows_soft_fixed = 팔꿈치 살짝 굽힌 채 고정

exercise-incline_chest_fly = 인클라인 덤벨 플라이
    .object = 인클라인 덤벨 플라이를
    .subject = 인클라인 덤벨 플라이가
    .topic = 인클라인 덤벨 플라이는
condition-incline_chest_fly-back_arch = 등 아치 유지
condition-incline_chest_fly-dumbbells_shoulder_height = 올릴 때 덤벨 어깨 높이
condition-incline_chest_fly-elbows_soft_fixed = 팔꿈치 살짝 굽힌 채 고정

exercise-dumbbell_pullover = 덤벨 풀오버
    .object = 덤벨 풀오버를
    .subject = 덤벨 풀오버가
    .topic = 덤벨 풀오버는
condition-dumbbell_pullover-torso_on_bench = 몸통 벤치에 고정
condition-dumbbell_pullover-wrist_neutral = 손목 중립
condition-dumbbell_pullover-elbows_in_top = 올릴 때 팔꿈치 모으기
condition-dumbbell_pullover-elbow_angle_fixed = 팔꿈치 각도 유지

exercise-barbell_row = 바벨 로우
    .object = 바벨 로우를
    .subject = 바벨 로우가
    .topic = 바벨 로우는
condition-barbell_row-no_knee_drive = 무릎 반동 없음
condition-barbell_row-bar_close = 바벨 몸에 밀착
condition-barbell_row-no_torso_swing = 상체 반동 없음
condition-barbell_row-wrist_neutral = 손목 중립
condition-barbell_row-neutral_spine = 척추 중립

exercise-dumbbell_row = 덤벨 로우
    .object = 덤벨 로우를
    .subject = 덤벨 로우가
    .topic = 덤벨 로우는
condition-dumbbell_row-dumbbell_close = 덤벨 몸에 밀착
condition-dumbbell_row-no_knee_drive = 무릎 반동 없음
condition-dumbbell_row-no_torso_swing = 상체 반동 없음
condition-dumbbell_row-wrist_neutral = 손목 중립
condition-dumbbell_row-neutral_spine = 척추 중립

exercise-lying_triceps_extension = 라잉 트라이셉스 익스텐션
    .object = 라잉 트라이셉스 익스텐션을
    .subject = 라잉 트라이셉스 익스텐션이
    .topic = 라잉 트라이셉스 익스텐션은
condition-lying_triceps_extension-wrist_neutral = 손목 중립
condition-lying_triceps_extension-elbows_together = 양 팔꿈치 모으기
condition-lying_triceps_extension-tension_at_bottom = 내릴 때 팔 긴장 유지
condition-lying_triceps_extension-neutral_spine = 척추 중립
condition-lying_triceps_extension-elbows_fixed = 팔꿈치 위치 고정

exercise-front_raise = 프론트 레이즈
    .object = 프론트 레이즈를
    .subject = 프론트 레이즈가
    .topic = 프론트 레이즈는
condition-front_raise-no_lean_back = 상체 뒤로 젖히지 않기
condition-front_raise-raise_to_shoulder = 어깨나 턱 높이까지 올리기
condition-front_raise-elbows_soft_fixed = 팔꿈치 살짝 굽힌 채 고정

exercise-upright_row = 업라이트 로우
    .object = 업라이트 로우를
    .subject = 업라이트 로우가
    .topic = 업라이트 로우는
condition-upright_row-shoulder_blades_down = 견갑골 내린 상태 유지
condition-upright_row-bar_close = 바벨 몸에 밀착
condition-upright_row-elbows_lead = 팔꿈치가 손목보다 먼저

exercise-overhead_press = 오버헤드 프레스
    .object = 오버헤드 프레스를
    .subject = 오버헤드 프레스가
    .topic = 오버헤드 프레스는
condition-overhead_press-shoulder_girdle_stable = 견갑대 고정
condition-overhead_press-no_knee_drive = 무릎 반동 없음
condition-overhead_press-forearms_vertical = 전완 수직 유지
condition-overhead_press-neutral_spine = 척추 중립

exercise-lateral_raise = 사이드 레터럴 레이즈
    .object = 사이드 레터럴 레이즈를
    .subject = 사이드 레터럴 레이즈가
    .topic = 사이드 레터럴 레이즈는
condition-lateral_raise-no_knee_drive = 무릎 반동 없음
condition-lateral_raise-elbow_angle_fixed = 상완과 전완 각도 고정
condition-lateral_raise-no_torso_swing = 상체 반동 없음
condition-lateral_raise-wrist_angle_fixed = 손목 각도 고정
condition-lateral_raise-no_shrug = 어깨 으쓱 없음

exercise-barbell_curl = 바벨 컬
    .object = 바벨 컬을
    .subject = 바벨 컬이
    .topic = 바벨 컬은
condition-barbell_curl-wrist_neutral = 손목 중립
condition-barbell_curl-no_shrug = 올릴 때 어깨 으쓱 없음
condition-barbell_curl-tension_at_bottom = 내릴 때 팔 긴장 유지
condition-barbell_curl-neutral_spine = 척추 중립
condition-barbell_curl-elbows_fixed = 팔꿈치 위치 고정

exercise-biceps_curl = 덤벨 컬
    .object = 덤벨 컬을
    .subject = 덤벨 컬이
    .topic = 덤벨 컬은
condition-biceps_curl-wrist_neutral = 손목 중립
condition-biceps_curl-no_shrug = 올릴 때 어깨 으쓱 없음
condition-biceps_curl-tension_at_bottom = 내릴 때 팔 긴장 유지
condition-biceps_curl-neutral_spine = 척추 중립
condition-biceps_curl-elbows_fixed = 팔꿈치 위치 고정

exercise-stiff_leg_deadlift = 스티프 데드리프트
    .object = 스티프 데드리프트를
    .subject = 스티프 데드리프트가
    .topic = 스티프 데드리프트는
condition-stiff_leg_deadlift-knees_soft_fixed = 무릎 살짝 굽힌 채 고정
condition-stiff_leg_deadlift-bar_close = 바벨 몸에 밀착
condition-stiff_leg_deadlift-neutral_spine = 척추 중립

exercise-deadlift = 데드리프트
    .object = 데드리프트를
    .subject = 데드리프트가
    .topic = 데드리프트는
condition-deadlift-knees_hips_together = 무릎과 골반 동시에 펴기
condition-deadlift-bar_close = 바벨 몸에 밀착
condition-deadlift-knees_track_feet = 무릎과 발 방향 일치
condition-deadlift-heels_down = 발바닥 바닥에 고정
condition-deadlift-neutral_spine = 척추 중립

exercise-squat = 스쿼트
    .object = 스쿼트를
    .subject = 스쿼트가
    .topic = 스쿼트는
condition-squat-head_forward = 고개 정면
condition-squat-knees_track_feet = 무릎과 발 방향 일치
condition-squat-heels_down = 발바닥 바닥에 고정
condition-squat-neutral_spine = 척추 중립

exercise-barbell_lunge = 바벨 런지
    .object = 바벨 런지를
    .subject = 바벨 런지가
    .topic = 바벨 런지는
condition-barbell_lunge-rear_knee_90 = 뒷다리 무릎 90도
condition-barbell_lunge-knees_track_feet = 몸통과 발, 무릎 방향 일치
condition-barbell_lunge-torso_upright = 상체 과도한 기울임 없음
condition-barbell_lunge-front_knee_90 = 앞다리 무릎 90도
condition-barbell_lunge-neutral_spine = 척추 중립


## 기구 (AI Hub)

exercise-dips = 딥스
    .object = 딥스를
    .subject = 딥스가
    .topic = 딥스는
condition-dips-slight_lean = 상체 살짝 숙이기
condition-dips-head_not_back = 올라올 때 고개 젖히지 않기
condition-dips-elbow_90 = 내려갈 때 팔꿈치 90도
condition-dips-elbow_torso_distance = 팔꿈치와 몸통 간격 적당히

exercise-pull_up = 풀업
    .object = 풀업을
    .subject = 풀업이
    .topic = 풀업은
condition-pull_up-no_swing = 몸통 흔들림 없음
condition-pull_up-elbows_to_torso = 당길 때 팔꿈치 몸통 쪽으로
condition-pull_up-gaze_up = 시선 위쪽 유지
condition-pull_up-shoulder_packing = 내려갈 때 숄더 패킹

exercise-lat_pulldown = 랫풀다운
    .object = 랫풀다운을
    .subject = 랫풀다운이
    .topic = 랫풀다운은
condition-lat_pulldown-wrist_neutral = 손목 중립
condition-lat_pulldown-elbows_to_torso = 당길 때 팔꿈치 몸통 쪽으로
condition-lat_pulldown-moderate_lean_back = 당길 때 상체 살짝 젖히기
condition-lat_pulldown-shoulder_packing = 올라갈 때 숄더 패킹

exercise-hanging_leg_raise = 행잉 레그 레이즈
    .object = 행잉 레그 레이즈를
    .subject = 행잉 레그 레이즈가
    .topic = 행잉 레그 레이즈는
condition-hanging_leg_raise-legs_together = 두 다리 모으기
condition-hanging_leg_raise-shoulders_from_ears = 어깨와 귀 사이 거리 유지
condition-hanging_leg_raise-leg_tension = 내릴 때 다리 긴장 유지

exercise-cable_crunch = 케이블 크런치
    .object = 케이블 크런치를
    .subject = 케이블 크런치가
    .topic = 케이블 크런치는
condition-cable_crunch-elbow_angle_fixed = 상완과 전완 각도 고정
condition-cable_crunch-spine_flexes = 수축할 때 등 말기
condition-cable_crunch-elbow_torso_angle_fixed = 팔꿈치와 몸통 각도 고정

exercise-triceps_pushdown = 케이블 푸시다운
    .object = 케이블 푸시다운을
    .subject = 케이블 푸시다운이
    .topic = 케이블 푸시다운은
condition-triceps_pushdown-no_excessive_lean = 상체 과도한 숙임 없음
condition-triceps_pushdown-wrist_neutral = 손목 중립
condition-triceps_pushdown-tension_at_top = 올라올 때 팔 긴장 유지
condition-triceps_pushdown-elbows_fixed = 팔꿈치 위치 고정

exercise-face_pull = 페이스 풀
    .object = 페이스 풀을
    .subject = 페이스 풀이
    .topic = 페이스 풀은
condition-face_pull-external_rotation = 상완 외회전
condition-face_pull-elbow_90 = 당길 때 팔꿈치 90도
condition-face_pull-hands_at_forehead = 당길 때 양손과 이마 같은 높이

exercise-rowing_machine = 로잉 머신
    .object = 로잉 머신을
    .subject = 로잉 머신이
    .topic = 로잉 머신은
condition-rowing_machine-no_excessive_lean_back = 상체 과도한 젖힘 없음
condition-rowing_machine-legs_before_arms = 다리 먼저 펴고 팔 당기기
condition-rowing_machine-no_shrug = 어깨 으쓱 없음
condition-rowing_machine-arms_before_legs = 팔 먼저 펴고 다리 굽히기
condition-rowing_machine-chest_up = 가슴 펴기 유지


## AI Hub에 없는 운동

exercise-jumping_jack = 점핑잭
    .object = 점핑잭을
    .subject = 점핑잭이
    .topic = 점핑잭은
condition-jumping_jack-arms_overhead = 손 머리 위까지 올리기
condition-jumping_jack-feet_apart = 발 어깨너비보다 넓게
condition-jumping_jack-full_return = 팔 끝까지 내리기

exercise-high_knees = 하이 니즈
    .object = 하이 니즈를
    .subject = 하이 니즈가
    .topic = 하이 니즈는
condition-high_knees-knees_hip_height = 무릎 골반 높이까지 올리기
condition-high_knees-upright_torso = 상체 곧게 유지
condition-high_knees-gaze_forward = 시선 정면 유지

exercise-russian_twist = 러시안 트위스트
    .object = 러시안 트위스트를
    .subject = 러시안 트위스트가
    .topic = 러시안 트위스트는
condition-russian_twist-shoulders_rotate = 어깨까지 충분히 돌리기
condition-russian_twist-torso_angle_kept = 상체 기울기 유지
condition-russian_twist-neutral_spine = 척추 중립

exercise-bench_press = 벤치 프레스
    .object = 벤치 프레스를
    .subject = 벤치 프레스가
    .topic = 벤치 프레스는
condition-bench_press-bar_to_chest = 바벨 가슴까지 내리기
condition-bench_press-forearms_vertical = 전완 수직 유지
condition-bench_press-wrist_neutral = 손목 중립

exercise-wall_sit = 월싯
    .object = 월싯을
    .subject = 월싯이
    .topic = 월싯은
condition-wall_sit-knees_90 = 무릎 90도
condition-wall_sit-back_on_wall = 등 벽에 붙이기
condition-wall_sit-knees_track_feet = 무릎과 발 방향 일치

exercise-step_up = 스텝업
    .object = 스텝업을
    .subject = 스텝업이
    .topic = 스텝업은
condition-step_up-knees_track_feet = 무릎과 발 방향 일치
condition-step_up-torso_upright = 상체 과도한 숙임 없음
condition-step_up-full_hip_extension = 올라서서 골반 끝까지 펴기

exercise-v_up = 브이업
    .object = 브이업을
    .subject = 브이업이
    .topic = 브이업은
condition-v_up-hands_reach_feet = 손과 발 충분히 가깝게
condition-v_up-legs_straight = 무릎 펴기 유지
condition-v_up-tension_lowering = 내릴 때 긴장 유지

exercise-shoulder_shrug = 슈러그
    .object = 슈러그를
    .subject = 슈러그가
    .topic = 슈러그는
condition-shoulder_shrug-straight_up = 어깨 위로 곧게 올리기
condition-shoulder_shrug-arms_straight = 팔꿈치 펴기 유지
condition-shoulder_shrug-head_forward = 고개 정면

exercise-bear_crawl = 베어 크롤
    .object = 베어 크롤을
    .subject = 베어 크롤이
    .topic = 베어 크롤은
condition-bear_crawl-hips_level = 엉덩이 높이 유지
condition-bear_crawl-knees_low = 무릎 바닥 가까이
condition-bear_crawl-neutral_spine = 척추 중립

exercise-renegade_row = 레니게이드 로우
    .object = 레니게이드 로우를
    .subject = 레니게이드 로우가
    .topic = 레니게이드 로우는
condition-renegade_row-no_hip_rotation = 골반 회전 없음
condition-renegade_row-dumbbell_close = 덤벨 몸에 밀착
condition-renegade_row-hips_aligned = 몸통과 엉덩이 일직선 유지


## 운동 id로 고르는 이름 (모르는 id는 '운동')

exercise-name = { $exercise ->
        [push_up] { exercise-push_up }
        [knee_push_up] { exercise-knee_push_up }
        [good_morning] { exercise-good_morning }
        [y_raise] { exercise-y_raise }
        [side_crunch] { exercise-side_crunch }
        [knee_up] { exercise-knee_up }
        [lying_leg_raise] { exercise-lying_leg_raise }
        [crunch] { exercise-crunch }
        [bicycle_crunch] { exercise-bicycle_crunch }
        [scissor_cross] { exercise-scissor_cross }
        [plank] { exercise-plank }
        [burpee] { exercise-burpee }
        [lunge_forward] { exercise-lunge_forward }
        [lunge_backward] { exercise-lunge_backward }
        [side_lunge] { exercise-side_lunge }
        [cross_lunge] { exercise-cross_lunge }
        [hip_thrust] { exercise-hip_thrust }
        [chest_fly] { exercise-chest_fly }
        [incline_chest_fly] { exercise-incline_chest_fly }
        [dumbbell_pullover] { exercise-dumbbell_pullover }
        [barbell_row] { exercise-barbell_row }
        [dumbbell_row] { exercise-dumbbell_row }
        [lying_triceps_extension] { exercise-lying_triceps_extension }
        [front_raise] { exercise-front_raise }
        [upright_row] { exercise-upright_row }
        [overhead_press] { exercise-overhead_press }
        [lateral_raise] { exercise-lateral_raise }
        [barbell_curl] { exercise-barbell_curl }
        [biceps_curl] { exercise-biceps_curl }
        [stiff_leg_deadlift] { exercise-stiff_leg_deadlift }
        [deadlift] { exercise-deadlift }
        [squat] { exercise-squat }
        [barbell_lunge] { exercise-barbell_lunge }
        [dips] { exercise-dips }
        [pull_up] { exercise-pull_up }
        [lat_pulldown] { exercise-lat_pulldown }
        [hanging_leg_raise] { exercise-hanging_leg_raise }
        [cable_crunch] { exercise-cable_crunch }
        [triceps_pushdown] { exercise-triceps_pushdown }
        [face_pull] { exercise-face_pull }
        [rowing_machine] { exercise-rowing_machine }
        [jumping_jack] { exercise-jumping_jack }
        [high_knees] { exercise-high_knees }
        [russian_twist] { exercise-russian_twist }
        [bench_press] { exercise-bench_press }
        [wall_sit] { exercise-wall_sit }
        [step_up] { exercise-step_up }
        [v_up] { exercise-v_up }
        [shoulder_shrug] { exercise-shoulder_shrug }
        [bear_crawl] { exercise-bear_crawl }
        [renegade_row] { exercise-renegade_row }
       *[other] 운동
    }
    .object = { $exercise ->
        [push_up] { exercise-push_up.object }
        [knee_push_up] { exercise-knee_push_up.object }
        [good_morning] { exercise-good_morning.object }
        [y_raise] { exercise-y_raise.object }
        [side_crunch] { exercise-side_crunch.object }
        [knee_up] { exercise-knee_up.object }
        [lying_leg_raise] { exercise-lying_leg_raise.object }
        [crunch] { exercise-crunch.object }
        [bicycle_crunch] { exercise-bicycle_crunch.object }
        [scissor_cross] { exercise-scissor_cross.object }
        [plank] { exercise-plank.object }
        [burpee] { exercise-burpee.object }
        [lunge_forward] { exercise-lunge_forward.object }
        [lunge_backward] { exercise-lunge_backward.object }
        [side_lunge] { exercise-side_lunge.object }
        [cross_lunge] { exercise-cross_lunge.object }
        [hip_thrust] { exercise-hip_thrust.object }
        [chest_fly] { exercise-chest_fly.object }
        [incline_chest_fly] { exercise-incline_chest_fly.object }
        [dumbbell_pullover] { exercise-dumbbell_pullover.object }
        [barbell_row] { exercise-barbell_row.object }
        [dumbbell_row] { exercise-dumbbell_row.object }
        [lying_triceps_extension] { exercise-lying_triceps_extension.object }
        [front_raise] { exercise-front_raise.object }
        [upright_row] { exercise-upright_row.object }
        [overhead_press] { exercise-overhead_press.object }
        [lateral_raise] { exercise-lateral_raise.object }
        [barbell_curl] { exercise-barbell_curl.object }
        [biceps_curl] { exercise-biceps_curl.object }
        [stiff_leg_deadlift] { exercise-stiff_leg_deadlift.object }
        [deadlift] { exercise-deadlift.object }
        [squat] { exercise-squat.object }
        [barbell_lunge] { exercise-barbell_lunge.object }
        [dips] { exercise-dips.object }
        [pull_up] { exercise-pull_up.object }
        [lat_pulldown] { exercise-lat_pulldown.object }
        [hanging_leg_raise] { exercise-hanging_leg_raise.object }
        [cable_crunch] { exercise-cable_crunch.object }
        [triceps_pushdown] { exercise-triceps_pushdown.object }
        [face_pull] { exercise-face_pull.object }
        [rowing_machine] { exercise-rowing_machine.object }
        [jumping_jack] { exercise-jumping_jack.object }
        [high_knees] { exercise-high_knees.object }
        [russian_twist] { exercise-russian_twist.object }
        [bench_press] { exercise-bench_press.object }
        [wall_sit] { exercise-wall_sit.object }
        [step_up] { exercise-step_up.object }
        [v_up] { exercise-v_up.object }
        [shoulder_shrug] { exercise-shoulder_shrug.object }
        [bear_crawl] { exercise-bear_crawl.object }
        [renegade_row] { exercise-renegade_row.object }
       *[other] 운동을
    }
    .subject = { $exercise ->
        [push_up] { exercise-push_up.subject }
        [knee_push_up] { exercise-knee_push_up.subject }
        [good_morning] { exercise-good_morning.subject }
        [y_raise] { exercise-y_raise.subject }
        [side_crunch] { exercise-side_crunch.subject }
        [knee_up] { exercise-knee_up.subject }
        [lying_leg_raise] { exercise-lying_leg_raise.subject }
        [crunch] { exercise-crunch.subject }
        [bicycle_crunch] { exercise-bicycle_crunch.subject }
        [scissor_cross] { exercise-scissor_cross.subject }
        [plank] { exercise-plank.subject }
        [burpee] { exercise-burpee.subject }
        [lunge_forward] { exercise-lunge_forward.subject }
        [lunge_backward] { exercise-lunge_backward.subject }
        [side_lunge] { exercise-side_lunge.subject }
        [cross_lunge] { exercise-cross_lunge.subject }
        [hip_thrust] { exercise-hip_thrust.subject }
        [chest_fly] { exercise-chest_fly.subject }
        [incline_chest_fly] { exercise-incline_chest_fly.subject }
        [dumbbell_pullover] { exercise-dumbbell_pullover.subject }
        [barbell_row] { exercise-barbell_row.subject }
        [dumbbell_row] { exercise-dumbbell_row.subject }
        [lying_triceps_extension] { exercise-lying_triceps_extension.subject }
        [front_raise] { exercise-front_raise.subject }
        [upright_row] { exercise-upright_row.subject }
        [overhead_press] { exercise-overhead_press.subject }
        [lateral_raise] { exercise-lateral_raise.subject }
        [barbell_curl] { exercise-barbell_curl.subject }
        [biceps_curl] { exercise-biceps_curl.subject }
        [stiff_leg_deadlift] { exercise-stiff_leg_deadlift.subject }
        [deadlift] { exercise-deadlift.subject }
        [squat] { exercise-squat.subject }
        [barbell_lunge] { exercise-barbell_lunge.subject }
        [dips] { exercise-dips.subject }
        [pull_up] { exercise-pull_up.subject }
        [lat_pulldown] { exercise-lat_pulldown.subject }
        [hanging_leg_raise] { exercise-hanging_leg_raise.subject }
        [cable_crunch] { exercise-cable_crunch.subject }
        [triceps_pushdown] { exercise-triceps_pushdown.subject }
        [face_pull] { exercise-face_pull.subject }
        [rowing_machine] { exercise-rowing_machine.subject }
        [jumping_jack] { exercise-jumping_jack.subject }
        [high_knees] { exercise-high_knees.subject }
        [russian_twist] { exercise-russian_twist.subject }
        [bench_press] { exercise-bench_press.subject }
        [wall_sit] { exercise-wall_sit.subject }
        [step_up] { exercise-step_up.subject }
        [v_up] { exercise-v_up.subject }
        [shoulder_shrug] { exercise-shoulder_shrug.subject }
        [bear_crawl] { exercise-bear_crawl.subject }
        [renegade_row] { exercise-renegade_row.subject }
       *[other] 운동이
    }
    .topic = { $exercise ->
        [push_up] { exercise-push_up.topic }
        [knee_push_up] { exercise-knee_push_up.topic }
        [good_morning] { exercise-good_morning.topic }
        [y_raise] { exercise-y_raise.topic }
        [side_crunch] { exercise-side_crunch.topic }
        [knee_up] { exercise-knee_up.topic }
        [lying_leg_raise] { exercise-lying_leg_raise.topic }
        [crunch] { exercise-crunch.topic }
        [bicycle_crunch] { exercise-bicycle_crunch.topic }
        [scissor_cross] { exercise-scissor_cross.topic }
        [plank] { exercise-plank.topic }
        [burpee] { exercise-burpee.topic }
        [lunge_forward] { exercise-lunge_forward.topic }
        [lunge_backward] { exercise-lunge_backward.topic }
        [side_lunge] { exercise-side_lunge.topic }
        [cross_lunge] { exercise-cross_lunge.topic }
        [hip_thrust] { exercise-hip_thrust.topic }
        [chest_fly] { exercise-chest_fly.topic }
        [incline_chest_fly] { exercise-incline_chest_fly.topic }
        [dumbbell_pullover] { exercise-dumbbell_pullover.topic }
        [barbell_row] { exercise-barbell_row.topic }
        [dumbbell_row] { exercise-dumbbell_row.topic }
        [lying_triceps_extension] { exercise-lying_triceps_extension.topic }
        [front_raise] { exercise-front_raise.topic }
        [upright_row] { exercise-upright_row.topic }
        [overhead_press] { exercise-overhead_press.topic }
        [lateral_raise] { exercise-lateral_raise.topic }
        [barbell_curl] { exercise-barbell_curl.topic }
        [biceps_curl] { exercise-biceps_curl.topic }
        [stiff_leg_deadlift] { exercise-stiff_leg_deadlift.topic }
        [deadlift] { exercise-deadlift.topic }
        [squat] { exercise-squat.topic }
        [barbell_lunge] { exercise-barbell_lunge.topic }
        [dips] { exercise-dips.topic }
        [pull_up] { exercise-pull_up.topic }
        [lat_pulldown] { exercise-lat_pulldown.topic }
        [hanging_leg_raise] { exercise-hanging_leg_raise.topic }
        [cable_crunch] { exercise-cable_crunch.topic }
        [triceps_pushdown] { exercise-triceps_pushdown.topic }
        [face_pull] { exercise-face_pull.topic }
        [rowing_machine] { exercise-rowing_machine.topic }
        [jumping_jack] { exercise-jumping_jack.topic }
        [high_knees] { exercise-high_knees.topic }
        [russian_twist] { exercise-russian_twist.topic }
        [bench_press] { exercise-bench_press.topic }
        [wall_sit] { exercise-wall_sit.topic }
        [step_up] { exercise-step_up.topic }
        [v_up] { exercise-v_up.topic }
        [shoulder_shrug] { exercise-shoulder_shrug.topic }
        [bear_crawl] { exercise-bear_crawl.topic }
        [renegade_row] { exercise-renegade_row.topic }
       *[other] 운동은
    }
