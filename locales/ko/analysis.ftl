### 분석 결과의 문장들: 등급, 사진 설명, 거절 사유, 경고, 판단 불가 사유, 자세 교정 한마디.
### 교정 한마디(cue-…)는 조건을 지키지 못했을 때 보여 줘요. .voice는 음성으로 읽을 형태예요.

grade-perfect = 퍼펙트
grade-good = 굿
grade-bad = 배드
grade-none = 판정 보류

frame-caption-rep = { $rep }회차 · { $grade }
frame-caption-hold = { $seconds }초 버티기 · { $grade }

## 거절 (사용자가 바꿀 수 있는 결과)
rejection-not-video = 영상 파일이 아닌 것 같아요. 운동하는 모습을 찍은 동영상을 보내 주세요.
rejection-corrupt = 영상 파일이 손상되어 열 수 없어요. 다시 저장해서 보내 주세요.
rejection-too-short = 영상이 너무 짧아요. 최소 1초, 가능하면 2회 이상 반복하는 모습을 찍어 주세요.
rejection-too-long = 영상이 너무 길어요({ $minutes }분). 1분 이내로 잘라서 보내 주세요.
rejection-too-large = 영상이 너무 커요. 해상도를 낮추거나 더 짧게 잘라서 보내 주세요.
rejection-no-person = 영상에서 사람을 찾지 못했어요. 온몸이 화면에 들어오게 찍어 주세요.
rejection-person-too-small = 사람이 너무 작게 찍혔어요. 카메라를 조금 더 가까이 두고 찍어 주세요.
rejection-out-of-frame = 몸의 대부분이 화면 밖에 있어요. 머리부터 발끝까지 보이게 찍어 주세요.
rejection-unsure-exercise = 어떤 운동인지 확실하지 않아요. 어떤 운동을 하셨는지 알려 주세요.
rejection-edited-clip = 여러 장면을 이어 붙인 영상 같아요. 한 세트를 끊지 않고 한 번에 찍어서 보내 주세요.

## 경고
warning-truncated = 영상이 길어서 처음 1분만 분석했어요.
warning-person-lost = 중간에 사람이 화면에서 자주 사라졌어요. 결과가 부정확할 수 있어요.
warning-partly-hidden = 몸 일부가 가려지거나 화면 밖에 있었어요. 온몸이 보이게 찍으면 더 정확해요.
warning-several-people = 여러 사람이 보여서 가장 크게 보이는 한 사람만 분석했어요.
warning-no-reps = 반복 동작을 찾지 못했어요. 동작 전체가 보이게, 2회 이상 반복해 주세요.

## 판단할 수 없는 조건
hint-film-side = 옆에서 찍으면 이 항목도 평가할 수 있어요.
hint-film-front = 정면에서 찍으면 이 항목도 평가할 수 있어요.
notjudged-hidden = 관절이 잘 보이지 않아서 평가하지 못했어요.
notjudged-gaze = 시선 방향은 영상의 관절 위치만으로 판단하기 어려워요.
notjudged-tension = 근육의 긴장 유지는 영상만으로 판단하기 어려워요.
notjudged-spine-curve = 척추의 굽음은 관절 위치만으로 판단하기 어려워요.
notjudged-wrist = 손목 각도는 영상의 손 관절만으로 정확히 판단하기 어려워요.
notjudged-scapula = 견갑골의 움직임은 영상의 관절 위치만으로 판단하기 어려워요.
notjudged-not-yet = 이 운동의 자세 평가는 아직 준비 중이에요. 횟수만 세어 드려요.
notjudged-momentum = 반동은 휴대폰 영상의 프레임 사이에서 관절 위치만으로 판단하기 어려워요.
notjudged-foreshortened = 이 관절은 카메라 쪽으로 굽어서 영상에서 각도가 실제보다 작게 보여요. 정확히 잴 수 없어서 평가하지 않아요.
notjudged-path-depth = 덤벨이 몸 옆을 지나는 경로는 옆에서는 카메라 방향이고 정면에서는 몸에 가려져서 보이지 않아요.
notjudged-feet-behind-plates = 옆에서 보면 바벨 원판이 발을 가려서 뒤꿈치가 들리는지 보이지 않아요.
notjudged-no-rear-leg = 사이드 런지에는 90도로 굽히는 뒷다리가 없어요. 옆으로 뻗은 다리는 곧게 펴는 게 맞아서 이 항목은 평가하지 않아요.
notjudged-thumb = 엄지손가락 방향은 영상의 손 관절 몇 개만으로 정확히 판단하기 어려워요.

## 교정 한마디 — 스쿼트
cue-squat-head_forward = 고개를 떨구지 말고 정면을 바라봐 주세요.
    .voice = 고개를 들고 정면을 바라봐 주세요
cue-squat-knees_track_feet = 무릎이 안쪽으로 모이지 않게 발끝 방향으로 밀어 주세요.
    .voice = 무릎을 발끝 방향으로 밀어 주세요
cue-squat-heels_down = 뒤꿈치가 들리지 않게 발바닥 전체로 바닥을 눌러 주세요.
    .voice = 뒤꿈치를 바닥에 붙여 주세요
cue-squat-neutral_spine = 상체가 너무 숙여져요. 가슴을 펴고 허리를 곧게 유지해 주세요.
    .voice = 가슴을 펴고 허리를 곧게 유지해 주세요

## 런지
cue-lunge_forward-rear_knee_90 = 뒷다리 무릎을 90도 가까이 더 굽혀 주세요.
    .voice = 뒷무릎을 더 내려 주세요
cue-lunge_forward-knees_track_feet = 무릎이 안쪽으로 무너지지 않게 발끝과 같은 방향을 유지해 주세요.
    .voice = 무릎을 발끝 방향으로 맞춰 주세요
cue-lunge_forward-torso_upright = 상체가 너무 숙여지거나 젖혀지지 않게 세워 주세요.
    .voice = 상체를 곧게 세워 주세요
cue-lunge_forward-front_knee_90 = 앞다리 무릎이 90도가 되도록 더 깊이 앉아 주세요.
    .voice = 조금 더 깊이 앉아 주세요
cue-lunge_forward-neutral_spine = 고개와 등을 일직선으로 유지해 주세요.
    .voice = 고개와 등을 일직선으로 유지해 주세요
cue-lunge_backward-rear_knee_90 = 뒷다리 무릎을 90도 가까이 더 굽혀 주세요.
    .voice = 뒷무릎을 더 내려 주세요
cue-lunge_backward-knees_track_feet = 무릎이 안쪽으로 무너지지 않게 발끝과 같은 방향을 유지해 주세요.
    .voice = 무릎을 발끝 방향으로 맞춰 주세요
cue-lunge_backward-torso_upright = 상체가 너무 숙여지거나 젖혀지지 않게 세워 주세요.
    .voice = 상체를 곧게 세워 주세요
cue-lunge_backward-front_knee_90 = 앞다리 무릎이 90도가 되도록 더 깊이 앉아 주세요.
    .voice = 조금 더 깊이 앉아 주세요
cue-lunge_backward-neutral_spine = 고개와 등을 일직선으로 유지해 주세요.
    .voice = 고개와 등을 일직선으로 유지해 주세요
cue-barbell_lunge-rear_knee_90 = 뒷다리 무릎을 90도 가까이 더 굽혀 주세요.
    .voice = 뒷무릎을 더 내려 주세요
cue-barbell_lunge-knees_track_feet = 무릎이 안쪽으로 무너지지 않게 발끝과 같은 방향을 유지해 주세요.
    .voice = 무릎을 발끝 방향으로 맞춰 주세요
cue-barbell_lunge-torso_upright = 상체가 너무 숙여지거나 젖혀지지 않게 세워 주세요.
    .voice = 상체를 곧게 세워 주세요
cue-barbell_lunge-front_knee_90 = 앞다리 무릎이 90도가 되도록 더 깊이 앉아 주세요.
    .voice = 조금 더 깊이 앉아 주세요
cue-barbell_lunge-neutral_spine = 고개와 등을 일직선으로 유지해 주세요.
    .voice = 고개와 등을 일직선으로 유지해 주세요

## 스탠딩 니업 / 사이드 크런치
cue-knee_up-knee_high = 무릎을 골반 높이까지 더 높이 올려 주세요.
    .voice = 무릎을 더 높이 올려 주세요
cue-knee_up-neutral_spine = 무릎을 올릴 때 상체가 흔들리지 않게 곧게 세워 주세요.
    .voice = 상체를 곧게 세워 주세요
cue-side_crunch-knee_from_side = 무릎을 앞이 아니라 몸통 옆으로 들어 올려 주세요.
    .voice = 무릎을 옆으로 들어 올려 주세요
cue-side_crunch-knee_elbow_close = 옆구리를 더 접어서 무릎과 팔꿈치를 가까이 붙여 주세요.
    .voice = 무릎과 팔꿈치를 더 가까이 붙여 주세요
cue-side_crunch-hands_behind_head = 양손을 머리 뒤에 두고 동작해 주세요.
    .voice = 양손을 머리 뒤에 두세요

## 점핑잭
cue-jumping_jack-arms_overhead = 팔을 머리 위까지 끝까지 올려 주세요.
    .voice = 팔을 머리 위까지 올려 주세요
cue-jumping_jack-feet_apart = 발을 어깨너비보다 넓게 벌려 주세요.
    .voice = 발을 더 넓게 벌려 주세요
cue-jumping_jack-full_return = 팔을 옆구리까지 완전히 내렸다가 다시 올려 주세요.
    .voice = 팔을 끝까지 내려 주세요

## 버피
cue-burpee-chest_travel = 엎드릴 때 가슴을 바닥 가까이까지 내려 주세요.
    .voice = 가슴을 더 내려 주세요
cue-burpee-head_neutral = 고개를 젖히거나 떨구지 말고 몸과 일직선으로 유지해 주세요.
    .voice = 고개를 몸과 일직선으로 유지해 주세요
cue-burpee-hands_under_chest = 손을 가슴 아래에 짚어 주세요.
    .voice = 손을 가슴 아래에 짚어 주세요
cue-burpee-elbow_90 = 팔꿈치를 90도까지 굽혀 주세요.
    .voice = 팔꿈치를 더 굽혀 주세요
cue-burpee-no_sag = 엎드린 자세에서 허리가 처지지 않게 배에 힘을 주세요.
    .voice = 허리가 처지지 않게 배에 힘을 주세요

## 푸시업
cue-push_up-chest_travel = 가슴을 바닥 가까이까지 충분히 내려 주세요.
    .voice = 가슴을 더 내려 주세요
cue-push_up-head_neutral = 고개를 젖히거나 떨구지 말고 몸과 일직선으로 유지해 주세요.
    .voice = 고개를 몸과 일직선으로 유지해 주세요
cue-push_up-hands_under_chest = 손을 어깨 아래, 가슴 옆에 짚어 주세요.
    .voice = 손을 가슴 옆에 짚어 주세요
cue-push_up-elbow_90 = 팔꿈치가 90도가 될 때까지 내려가 주세요.
    .voice = 팔꿈치가 90도가 될 때까지 내려가 주세요
cue-push_up-neutral_spine = 무릎을 펴서 바닥에서 띄우고, 엉덩이가 처지거나 솟지 않게 머리부터 발끝까지 일직선을 유지해 주세요.
    .voice = 엉덩이와 다리를 몸과 일직선으로 맞춰 주세요

## 니푸쉬업
cue-knee_push_up-chest_travel = 가슴을 바닥 가까이까지 충분히 내려 주세요.
    .voice = 가슴을 더 내려 주세요
cue-knee_push_up-head_neutral = 고개를 젖히거나 떨구지 말고 몸과 일직선으로 유지해 주세요.
    .voice = 고개를 몸과 일직선으로 유지해 주세요
cue-knee_push_up-hands_under_chest = 손을 어깨 아래, 가슴 옆에 짚어 주세요.
    .voice = 손을 가슴 옆에 짚어 주세요
cue-knee_push_up-elbow_90 = 팔꿈치가 90도가 될 때까지 내려가 주세요.
    .voice = 팔꿈치가 90도가 될 때까지 내려가 주세요
cue-knee_push_up-neutral_spine = 엉덩이가 처지거나 솟지 않게 머리부터 무릎까지 일직선을 유지해 주세요.
    .voice = 엉덩이를 몸과 일직선으로 맞춰 주세요

## 풀업 / 딥스
cue-pull_up-no_swing = 반동 없이 몸통을 고정하고 당겨 주세요.
    .voice = 반동 없이 당겨 주세요
cue-pull_up-elbows_to_torso = 올라갈 때 팔꿈치를 옆구리 쪽으로 끝까지 당겨 주세요.
    .voice = 팔꿈치를 옆구리로 당겨 주세요
cue-pull_up-shoulder_packing = 내려왔을 때 어깨가 귀 쪽으로 올라가지 않게 끌어내려 주세요.
    .voice = 어깨를 귀에서 멀리 내려 주세요
cue-dips-slight_lean = 상체를 살짝만 숙여 주세요. 너무 많이 숙여졌어요.
    .voice = 상체를 조금 더 세워 주세요
cue-dips-head_not_back = 올라올 때 고개를 뒤로 젖히지 말아 주세요.
    .voice = 고개를 젖히지 마세요
cue-dips-elbow_90 = 팔꿈치가 90도가 될 때까지 내려가 주세요.
    .voice = 팔꿈치 90도까지 내려가 주세요
cue-dips-elbow_torso_distance = 팔꿈치가 너무 벌어지지 않게 몸통 쪽으로 모아 주세요.
    .voice = 팔꿈치를 몸 쪽으로 모아 주세요

## 컬 / 오버헤드 프레스
cue-biceps_curl-no_shrug = 들어 올릴 때 어깨를 으쓱하지 말아 주세요.
    .voice = 어깨를 내리고 들어 주세요
cue-biceps_curl-tension_at_bottom = 내릴 때 팔을 완전히 펴서 힘을 빼지 말고 긴장을 유지해 주세요.
    .voice = 내릴 때도 긴장을 유지해 주세요
cue-biceps_curl-neutral_spine = 상체 반동 없이 허리를 고정해 주세요.
    .voice = 상체 반동을 쓰지 마세요
cue-biceps_curl-elbows_fixed = 팔꿈치를 옆구리에 고정하고 움직이지 않게 해 주세요.
    .voice = 팔꿈치를 옆구리에 고정해 주세요
cue-barbell_curl-no_shrug = 들어 올릴 때 어깨를 으쓱하지 말아 주세요.
    .voice = 어깨를 내리고 들어 주세요
cue-barbell_curl-tension_at_bottom = 내릴 때 팔을 완전히 펴서 힘을 빼지 말고 긴장을 유지해 주세요.
    .voice = 내릴 때도 긴장을 유지해 주세요
cue-barbell_curl-neutral_spine = 상체 반동 없이 허리를 고정해 주세요.
    .voice = 상체 반동을 쓰지 마세요
cue-barbell_curl-elbows_fixed = 팔꿈치를 옆구리에 고정하고 움직이지 않게 해 주세요.
    .voice = 팔꿈치를 옆구리에 고정해 주세요
cue-overhead_press-no_knee_drive = 무릎 반동 없이 팔 힘으로만 밀어 올려 주세요.
    .voice = 무릎 반동 없이 밀어 주세요
cue-overhead_press-forearms_vertical = 전완이 바닥과 수직이 되게 손목을 팔꿈치 위에 두세요.
    .voice = 손목을 팔꿈치 바로 위에 두세요
cue-overhead_press-neutral_spine = 밀어 올릴 때 허리를 뒤로 젖히지 말아 주세요.
    .voice = 허리를 젖히지 마세요

## 플랭크
cue-plank-hips_aligned = 엉덩이가 처지거나 솟지 않게 어깨부터 발목까지 일직선을 유지해 주세요.
    .voice = 엉덩이를 몸과 일직선으로 맞춰 주세요
cue-plank-chest_off_floor = 바닥을 밀어 내며 어깨가 처지지 않게 상체를 들어 주세요.
    .voice = 바닥을 밀어 상체를 들어 주세요
cue-plank-elbows_not_inside = 팔꿈치를 어깨 바로 아래에 두세요. 너무 안쪽으로 모였어요.
    .voice = 팔꿈치를 어깨 아래에 두세요

## 벤치프레스 · 데드리프트 · 레이즈 · 슈러그 · 푸시다운 · 바닥 운동 · 월 싯
cue-crunch-shoulder_blades_lift = 어깨뼈가 바닥에서 떨어질 때까지 상체를 더 말아 올려 주세요.
    .voice = 어깨를 바닥에서 더 들어 주세요
cue-bench_press-bar_to_chest = 바벨을 중간에서 멈추지 말고 가슴까지 내려 주세요.
    .voice = 바벨을 가슴까지 내려 주세요
cue-bench_press-forearms_vertical = 내렸을 때 팔뚝이 바닥과 수직이 되게 손 위치를 맞춰 주세요.
    .voice = 팔뚝을 수직으로 세워 주세요
cue-deadlift-knees_hips_together = 엉덩이만 먼저 올라가지 않게 무릎과 골반을 함께 펴 주세요.
    .voice = 무릎과 엉덩이를 함께 펴 주세요
cue-deadlift-bar_close = 바벨이 몸에서 멀어지지 않게 정강이와 허벅지에 붙여서 들어 주세요.
    .voice = 바벨을 몸에 붙여 주세요
cue-deadlift-knees_track_feet = 무릎이 안쪽으로 모이지 않게 발끝 방향으로 밀어 주세요.
    .voice = 무릎을 발끝 방향으로 밀어 주세요
cue-deadlift-heels_down = 뒤꿈치가 들리지 않게 발바닥 전체로 바닥을 밀어 주세요.
    .voice = 뒤꿈치를 바닥에 붙여 주세요
cue-good_morning-knees_soft_fixed = 무릎을 살짝 굽힌 채 고정하고 앉지 말고 엉덩이를 뒤로 빼 주세요.
    .voice = 무릎은 고정하고 엉덩이를 뒤로 빼 주세요
cue-front_raise-no_lean_back = 상체를 뒤로 젖히지 말고 곧게 세운 채 들어 주세요.
    .voice = 상체를 젖히지 마세요
cue-front_raise-raise_to_shoulder = 손이 어깨 높이까지 오도록 충분히 들어 주세요.
    .voice = 어깨 높이까지 들어 주세요
cue-front_raise-elbows_soft_fixed = 팔꿈치를 살짝 굽힌 채 고정하고 굽혔다 폈다 하지 말아 주세요.
    .voice = 팔꿈치 각도를 고정해 주세요
cue-lateral_raise-no_knee_drive = 무릎 반동 없이 다리를 고정하고 팔로만 들어 주세요.
    .voice = 무릎 반동을 쓰지 마세요
cue-lateral_raise-no_torso_swing = 상체를 흔들지 말고 고정한 채 들어 주세요.
    .voice = 상체 반동을 쓰지 마세요
cue-lateral_raise-no_shrug = 들어 올릴 때 어깨를 으쓱하지 말고 내린 채로 유지해 주세요.
    .voice = 어깨를 내리고 들어 주세요
cue-shoulder_shrug-straight_up = 어깨를 돌리지 말고 귀 쪽으로 곧게 위아래로만 움직여 주세요.
    .voice = 어깨를 곧게 위로 올려 주세요
cue-shoulder_shrug-arms_straight = 팔꿈치를 굽히지 말고 편 채로 어깨만 올려 주세요.
    .voice = 팔을 편 채로 올려 주세요
cue-shoulder_shrug-head_forward = 고개를 숙이거나 내밀지 말고 정면을 바라봐 주세요.
    .voice = 고개를 들고 정면을 봐 주세요
cue-triceps_pushdown-no_excessive_lean = 상체를 너무 숙이지 말고 살짝만 기울여 주세요.
    .voice = 상체를 조금 더 세워 주세요
cue-triceps_pushdown-tension_at_top = 올라올 때 바를 가슴까지 올리지 말고 팔뚝이 바닥과 평행한 곳에서 멈춰 주세요.
    .voice = 팔뚝이 평행할 때 멈춰 주세요
cue-triceps_pushdown-elbows_fixed = 팔꿈치를 옆구리에 고정하고 앞뒤로 움직이지 않게 해 주세요.
    .voice = 팔꿈치를 옆구리에 고정해 주세요
cue-high_knees-knees_hip_height = 무릎을 골반 높이까지 더 높이 올려 주세요.
    .voice = 무릎을 더 높이 올려 주세요
cue-high_knees-upright_torso = 상체를 뒤로 젖히지 말고 곧게 세워 주세요.
    .voice = 상체를 곧게 세워 주세요
cue-step_up-torso_upright = 상체를 너무 숙이지 말고 세운 채로 올라가 주세요.
    .voice = 상체를 세우고 올라가 주세요
cue-step_up-full_hip_extension = 올라선 뒤 엉덩이를 끝까지 펴서 똑바로 서 주세요.
    .voice = 위에서 똑바로 서 주세요
cue-v_up-hands_reach_feet = 손이 발끝 쪽 정강이에 닿을 만큼 더 접어 주세요.
    .voice = 손을 발끝까지 뻗어 주세요
cue-v_up-legs_straight = 무릎을 굽히지 말고 다리를 편 채로 올려 주세요.
    .voice = 다리를 펴 주세요
cue-russian_twist-shoulders_rotate = 팔만 움직이지 말고 어깨까지 충분히 돌려 주세요.
    .voice = 어깨까지 더 돌려 주세요
cue-russian_twist-torso_angle_kept = 상체 기울기를 그대로 유지하고 위아래로 흔들지 말아 주세요.
    .voice = 상체 기울기를 유지해 주세요
cue-bear_crawl-hips_level = 엉덩이가 솟지 않게 등을 평평하게 유지해 주세요.
    .voice = 엉덩이를 내려 등을 평평하게 해 주세요
cue-bear_crawl-knees_low = 무릎을 바닥 가까이 낮게 유지해 주세요.
    .voice = 무릎을 더 낮춰 주세요
cue-renegade_row-no_hip_rotation = 당길 때 골반이 돌아가지 않게 배에 힘을 주고 고정해 주세요.
    .voice = 골반을 돌리지 마세요
cue-renegade_row-hips_aligned = 엉덩이가 처지거나 솟지 않게 몸을 일직선으로 유지해 주세요.
    .voice = 몸을 일직선으로 유지해 주세요
cue-wall_sit-knees_90 = 허벅지가 바닥과 평행해지도록 무릎을 90도까지 굽혀 주세요.
    .voice = 조금 더 내려 앉아 주세요
cue-wall_sit-back_on_wall = 등이 벽에서 떨어지지 않게 꼭 붙여 주세요.
    .voice = 등을 벽에 붙여 주세요
cue-wall_sit-knees_track_feet = 무릎이 안쪽으로 모이지 않게 발끝 방향으로 벌려 주세요.
    .voice = 무릎을 발끝 방향으로 맞춰 주세요

## 스티프 데드리프트 · 랫풀다운 · 업라이트 로우
cue-stiff_leg_deadlift-knees_soft_fixed = 무릎을 살짝 굽힌 채 고정하고 앉지 말고 엉덩이를 뒤로 빼 주세요.
    .voice = 무릎은 고정하고 엉덩이를 뒤로 빼 주세요
cue-stiff_leg_deadlift-bar_close = 바벨이 몸에서 멀어지지 않게 허벅지와 정강이를 따라 내려 주세요.
    .voice = 바벨을 다리에 붙여 주세요
cue-lat_pulldown-elbows_to_torso = 당길 때 팔꿈치를 옆구리까지 끌어내려 주세요.
    .voice = 팔꿈치를 옆구리로 당겨 주세요
cue-lat_pulldown-moderate_lean_back = 상체는 살짝만 젖히고 몸의 반동으로 당기지 말아 주세요.
    .voice = 상체를 너무 젖히지 마세요
cue-lat_pulldown-shoulder_packing = 팔을 올릴 때 어깨가 귀 쪽으로 올라가지 않게 끌어내려 주세요.
    .voice = 어깨를 귀에서 멀리 내려 주세요
cue-upright_row-shoulder_blades_down = 들어 올릴 때 어깨를 으쓱하지 말고 어깨뼈를 내린 채로 유지해 주세요.
    .voice = 어깨를 내리고 당겨 주세요
cue-upright_row-bar_close = 바벨이 몸에서 멀어지지 않게 몸을 따라 올려 주세요.
    .voice = 바벨을 몸에 붙여 올려 주세요
cue-upright_row-elbows_lead = 손목보다 팔꿈치가 먼저, 더 높이 올라가게 당겨 주세요.
    .voice = 팔꿈치를 먼저 올려 주세요
## 바벨 로우 · 덤벨 로우 · 행잉 레그 레이즈
cue-barbell_row-bar_close = 바벨을 몸에 붙여서 배꼽 쪽으로 당겨 주세요.
    .voice = 바벨을 배 쪽으로 당겨 주세요
cue-barbell_row-no_knee_drive = 무릎 반동 없이 무릎 각도를 고정한 채 당겨 주세요.
    .voice = 무릎 반동을 쓰지 마세요
cue-barbell_row-no_torso_swing = 상체를 들었다 숙였다 하지 말고 고정한 채 팔로 당겨 주세요.
    .voice = 상체를 고정해 주세요
cue-dumbbell_row-dumbbell_close = 덤벨을 몸에 붙여서 옆구리 쪽으로 당겨 주세요.
    .voice = 덤벨을 옆구리로 당겨 주세요
cue-dumbbell_row-no_knee_drive = 무릎 반동 없이 무릎 각도를 고정한 채 당겨 주세요.
    .voice = 무릎 반동을 쓰지 마세요
cue-dumbbell_row-no_torso_swing = 상체를 들었다 숙였다 하지 말고 고정한 채 팔로 당겨 주세요.
    .voice = 상체를 고정해 주세요
cue-hanging_leg_raise-legs_together = 다리를 벌리지 말고 모은 채로 들어 올려 주세요.
    .voice = 다리를 모아 주세요
cue-hanging_leg_raise-shoulders_from_ears = 매달릴 때 어깨가 귀 쪽으로 올라가지 않게 끌어내려 주세요.
    .voice = 어깨를 귀에서 멀리 내려 주세요
## 라잉 트라이셉스 익스텐션 · 라잉 레그 레이즈 · 페이스 풀
cue-lying_triceps_extension-elbows_together = 팔꿈치가 바깥으로 벌어지지 않게 어깨너비 안으로 모아 주세요.
    .voice = 팔꿈치를 모아 주세요
cue-lying_triceps_extension-tension_at_bottom = 팔을 펼 때 팔꿈치를 완전히 잠그지 말고 긴장을 유지해 주세요.
    .voice = 팔꿈치를 잠그지 마세요
cue-lying_triceps_extension-elbows_fixed = 위팔을 고정하고 팔꿈치만 굽혔다 펴 주세요.
    .voice = 팔꿈치 위치를 고정해 주세요
cue-lying_leg_raise-head_not_tucked = 고개를 들거나 숙이지 말고 바닥에 편하게 두세요.
    .voice = 고개를 바닥에 두세요
cue-lying_leg_raise-knee_angle_fixed = 무릎 각도를 고정한 채 다리 전체를 들어 올려 주세요.
    .voice = 무릎 각도를 고정해 주세요
cue-face_pull-external_rotation = 당길 때 위팔을 바깥으로 돌려 손이 팔꿈치보다 위로 오게 해 주세요.
    .voice = 손을 팔꿈치 위로 돌려 주세요
cue-face_pull-elbow_90 = 팔꿈치가 90도가 될 때까지 얼굴 쪽으로 충분히 당겨 주세요.
    .voice = 얼굴까지 당겨 주세요
cue-face_pull-hands_at_forehead = 손을 가슴이 아니라 이마 높이로 당겨 주세요.
    .voice = 이마 높이로 당겨 주세요
## 체스트 플라이 · 인클라인 체스트 플라이
cue-chest_fly-dumbbells_chest_height = 팔을 벌릴 때 덤벨이 가슴 높이까지 내려오게 해 주세요.
    .voice = 덤벨을 가슴 높이까지 내려 주세요
cue-chest_fly-elbows_soft_fixed = 팔꿈치를 살짝 굽힌 채 고정하고 굽혔다 폈다 하지 말아 주세요.
    .voice = 팔꿈치 각도를 고정해 주세요
cue-incline_chest_fly-dumbbells_shoulder_height = 모을 때 덤벨이 얼굴이나 배가 아니라 어깨 위에서 만나게 해 주세요.
    .voice = 덤벨을 어깨 위로 모아 주세요
cue-incline_chest_fly-elbows_soft_fixed = 팔꿈치를 살짝 굽힌 채 고정하고 굽혔다 폈다 하지 말아 주세요.
    .voice = 팔꿈치 각도를 고정해 주세요
## 바이시클 크런치 · 케이블 크런치 · 덤벨 풀오버
cue-bicycle_crunch-shoulder_blades_lift = 어깨뼈가 바닥에 닿지 않게 상체를 든 채로 계속해 주세요.
    .voice = 어깨를 바닥에서 든 채로 유지해 주세요
cue-bicycle_crunch-knee_past_hip = 무릎을 엉덩이를 지나 가슴 쪽으로 충분히 당겨 주세요.
    .voice = 무릎을 가슴 쪽으로 더 당겨 주세요
cue-cable_crunch-elbow_angle_fixed = 팔로 당기지 말고 팔꿈치 각도를 고정한 채 배로 말아 주세요.
    .voice = 팔은 고정하고 배로 말아 주세요
cue-cable_crunch-elbow_torso_angle_fixed = 팔꿈치를 머리 옆에 고정하고 몸통만 말아 내려가 주세요.
    .voice = 팔꿈치를 머리 옆에 고정해 주세요
cue-dumbbell_pullover-torso_on_bench = 엉덩이를 들지 말고 몸통을 벤치에 붙인 채로 팔만 움직여 주세요.
    .voice = 몸통을 벤치에 붙여 주세요
cue-dumbbell_pullover-elbows_in_top = 올렸을 때 팔꿈치가 벌어지지 않게 어깨 위로 모아 주세요.
    .voice = 팔꿈치를 모아 주세요
cue-dumbbell_pullover-elbow_angle_fixed = 팔꿈치를 굽혔다 폈다 하지 말고 각도를 유지한 채 움직여 주세요.
    .voice = 팔꿈치 각도를 유지해 주세요
## 와이 레이즈 · 시저 크로스 · 사이드 런지 · 크로스 런지 · 힙 쓰러스트 · 로잉 머신
cue-y_raise-neck_neutral = 팔을 올릴 때 고개를 앞으로 빼지 말고 턱을 살짝 당겨 주세요.
    .voice = 턱을 살짝 당겨 주세요
cue-y_raise-arms_level = 한쪽 팔이 처지지 않게 양팔을 같은 높이로 올려 주세요.
    .voice = 양팔 높이를 맞춰 주세요
cue-scissor_cross-legs_hover_height = 다리를 바닥에 내리거나 너무 높이 들지 말고 바닥 위로 적당히 띄워 주세요.
    .voice = 다리를 적당한 높이로 띄워 주세요
cue-scissor_cross-knees_not_overbent = 무릎을 너무 굽히지 말고 다리를 길게 뻗어 주세요.
    .voice = 다리를 길게 뻗어 주세요
cue-scissor_cross-knees_cross = 다리를 모을 때 양 무릎이 서로 엇갈리도록 충분히 교차해 주세요.
    .voice = 무릎이 교차하게 모아 주세요
cue-side_lunge-rear_knee_90 = 사이드 런지에서 옆으로 뻗은 다리는 굽히지 말고 곧게 펴 주세요.
    .voice = 뻗은 다리는 곧게 펴 주세요
cue-side_lunge-knees_track_feet = 굽힌 무릎이 안쪽으로 무너지지 않게 발끝 방향으로 보내 주세요.
    .voice = 무릎을 발끝 쪽으로 보내 주세요
cue-side_lunge-torso_upright = 상체가 무릎 위로 너무 숙여지지 않게 가슴을 세워 주세요.
    .voice = 가슴을 세워 주세요
cue-side_lunge-front_knee_90 = 굽히는 다리의 무릎이 90도가 되도록 엉덩이를 뒤로 빼며 더 깊이 앉아 주세요.
    .voice = 조금 더 깊이 앉아 주세요
cue-side_lunge-neutral_spine = 고개와 등을 일직선으로 유지해 주세요.
    .voice = 고개와 등을 일직선으로 유지해 주세요
cue-cross_lunge-knees_track_feet = 앞무릎이 안쪽으로 돌아가지 않게 앞발과 같은 방향을 유지해 주세요.
    .voice = 앞무릎을 발끝 방향으로 유지해 주세요
cue-cross_lunge-upper_body_balanced = 상체가 한쪽으로 기울지 않게 정면을 향해 곧게 세워 주세요.
    .voice = 상체를 곧게 세워 주세요
cue-cross_lunge-front_knee_90 = 앞다리 무릎이 90도가 되도록 더 깊이 앉아 주세요.
    .voice = 조금 더 깊이 앉아 주세요
cue-hip_thrust-head_not_raised = 엉덩이를 보려고 고개를 들거나 뒤로 젖히지 말고 상체와 함께 움직여 주세요.
    .voice = 고개를 들지 말아 주세요
cue-hip_thrust-straight_line_top = 올렸을 때 무릎부터 어깨까지 일직선이 되게 엉덩이를 끝까지 밀어 올려 주세요.
    .voice = 엉덩이를 일직선까지 올려 주세요
cue-rowing_machine-no_excessive_lean_back = 당긴 끝에서 상체를 너무 뒤로 눕히지 말고 살짝만 젖혀 주세요.
    .voice = 상체를 살짝만 젖혀 주세요
cue-rowing_machine-legs_before_arms = 밀어낼 때는 다리를 먼저 다 펴고 나서 팔을 당겨 주세요.
    .voice = 다리 먼저, 팔은 나중에 당겨 주세요
cue-rowing_machine-no_shrug = 당길 때 어깨가 귀 쪽으로 올라가지 않게 내려 주세요.
    .voice = 어깨를 내려 주세요
cue-rowing_machine-arms_before_legs = 돌아갈 때는 팔을 먼저 다 펴고 나서 무릎을 굽혀 주세요.
    .voice = 팔 먼저 펴고 무릎을 굽혀 주세요
