### 대화 (bot/chat/talk): 사용자가 글로 보낸 말에 답해요. 해요체로 쓰고, 사용자는 { $name }님으로 불러요.

## 인사와 도움말

talk-can-do =
    이런 걸 할 수 있어요.
    • 운동 영상을 보내 주시면 횟수를 세고 자세를 평가해 드려요.
    • "스쿼트 자세 알려줘": 운동별 자세 가이드와 촬영 각도
    • "이번 주 운동 어땠어?", "지난주보다 나아졌어?": 기록과 비교
    • "월수금 아침 7시에 알려줘", "알림 꺼줘", "알림 뭐 있어?": 운동 알림
    • "이번 주 스쿼트 100개", "주 3회 운동": 주간 목표
    • "5개였어요": 분석 결과에 답장해서 횟수 고치기
    • "짧게 말해줘" / "자세히": 분석 결과를 얼마나 자세히 말할지
    • "기록 내보내기": 모든 기록을 CSV와 JSON 파일로 받기
talk-filming-tips =
    📹 이렇게 찍어 주세요
    • 머리부터 발끝까지 몸 전체가 화면에 나오게 해 주세요.
    • 스쿼트와 푸시업은 옆에서 찍어 주세요.
    • 2회 이상 반복하고, 1분 이내로, 밝은 곳에서 찍어 주세요.
talk-greeting =
    안녕하세요, { $name }님! 폼코치예요 💪
    { talk-can-do }

    { talk-filming-tips }
talk-help =
    🙋 { $name }님, 폼코치 사용법이에요.
    { talk-can-do }

    { talk-filming-tips }

    명령어 목록은 /help 에 있어요.

## 운동 가이드

talk-guide-which = 어떤 운동의 자세가 궁금하세요? 아래에서 고르거나 "데드리프트 자세 알려줘"처럼 운동 이름을 보내 주세요.

## 피드백 자세히 / 짧게

talk-detail-which = 분석 결과를 어떻게 말씀드릴까요?
talk-detail-brief = 짧게
talk-detail-detailed = 자세히
talk-detail-set-brief = 알겠어요! 이제 분석 결과를 짧게 말씀드릴게요. 놓친 자세만 보여 드리고, 음성으로는 가장 중요한 교정 한 가지만 들려 드려요.
talk-detail-set-detailed = 알겠어요! 이제 분석 결과를 자세히 말씀드릴게요. 회차별 등급과 모든 자세 항목을 보여 드리고, 음성으로는 교정 두 가지까지 들려 드려요.

## 알아듣지 못했을 때

talk-unknown = 죄송해요, 무슨 말씀인지 잘 모르겠어요 🤔 혹시 이런 걸 원하셨나요? 운동 영상을 보내 주셔도 좋아요.
talk-suggest-greeting = 👋 인사하기
talk-suggest-help = 🙋 폼코치 사용법
talk-suggest-exercise_guide = 🏋️ 운동 자세 가이드
talk-suggest-progress = 📊 이번 주 기록 보기
talk-suggest-reminder_set = ⏰ 운동 알림 만들기
talk-suggest-reminder_off = 🔕 알림 끄기
talk-suggest-reminder_list = ⏰ 내 알림 보기
talk-suggest-goal_set = 🎯 주간 목표 정하기
talk-suggest-count_correction = ✏️ 횟수 고치기
talk-suggest-export = 📦 기록 내보내기
talk-suggest-feedback_detail = 💬 결과를 짧게 / 자세히

## 주간 목표

talk-goal-how = 🎯 주간 목표는 이렇게 말해 주세요: "이번 주 스쿼트 100개", "주 3회 운동", "푸시업 주 200개". 목표는 월요일부터 일요일까지 세요.
talk-goal-too-many = 목표는 { $count }개까지 정할 수 있어요. 같은 운동의 목표를 새로 말하면 바뀌어요.
talk-goal-set = 🎯 주간 목표를 정했어요: { $name }. 월요일부터 일요일까지 세어요.
talk-goal-replaced = 전에 있던 목표({ $name })는 새 목표로 바꿨어요.
goal-name-reps = { $scope ->
        [all] 모든 운동 합쳐서
       *[one] { exercise-name }
    } { $count }회
goal-name-sessions = { $scope ->
        [all] 운동
       *[one] { exercise-name }
    } 주 { $count }번
goal-header = 🎯 이번 주 목표
goal-header-finished = 🎯 지난주 목표
goal-line = • { $name }: { $done } 완료 ({ $percent }%) · { $state }
goal-state-met = 달성했어요! ✅
goal-state-missed = 아쉽게 못 채웠어요. 이번 주에 다시 도전해요!
goal-state-left-reps = { $count }회 남았어요
goal-state-left-sessions = { $count }번 남았어요
goal-streak = 🔥 { $weeks }주 연속 달성 중이에요!
goal-streak-keep = 🔥 지난주까지 { $weeks }주 연속 달성했어요. 이번 주도 이어가요!

## 알림

talk-remind-which-days = ⏰ 어떤 요일에 알려 드릴까요? 아래에서 고르거나 "월수금 아침 7시에 알려줘"처럼 보내 주세요.
talk-remind-which-time = ⏰ { $days }, 몇 시에 알려 드릴까요? 아래에서 고르거나 "저녁 8시"처럼 보내 주세요.
talk-remind-how-to-stop = 그만 받고 싶으면 "알림 꺼줘"라고 보내 주세요.
talk-remind-none = 지금은 켜져 있는 알림이 없어요. "월수금 아침 7시에 알려줘"처럼 만들 수 있어요.
talk-remind-off = 🔕 알림 { $count }개를 껐어요.

## 되돌리기

talk-undo-button = ↩️ 되돌리기
talk-undo-gone = 이건 이제 되돌릴 수 없어요. 가장 최근에 바꾼 것만 하루 안에 되돌릴 수 있어요.
talk-undone-reminders_added = ↩️ 되돌렸어요. 방금 만든 알림을 지웠어요.
talk-undone-reminders_removed = ↩️ 되돌렸어요. 알림을 다시 켰어요.
talk-undone-goal = ↩️ 되돌렸어요. 목표를 전으로 돌려놓았어요.
talk-undone-count = ↩️ 되돌렸어요. 횟수를 전으로 돌려놓았어요.
talk-undone-detail = ↩️ 되돌렸어요. 분석 결과를 전처럼 말씀드릴게요.

## 횟수 고치기

talk-count-ask = ✏️ { exercise-name } 분석에서 { $count }회로 셌어요. 실제로 몇 회 하셨나요? 숫자로 보내 주세요 (예: 12). 취소하려면 "취소"라고 보내 주세요.
talk-count-timed = 이 운동은 횟수가 아니라 버틴 시간으로 재서 횟수를 고칠 수 없어요.
talk-count-cancelled = 알겠어요, 횟수는 그대로 둘게요.
talk-count-nothing = 아직 고칠 분석 기록이 없어요. 운동 영상을 먼저 보내 주세요!
talk-count-range = 횟수는 1부터 { $limit }까지로 알려 주세요.
talk-count-done = ✏️ { exercise-name } 횟수를 { $before }회에서 { $count }회로 고쳤어요. 기록과 목표에는 { $count }회로 반영돼요.
talk-count-kept = 분석이 센 { $measured }회도 함께 보관해요.
history-reps-corrected = { $count }회 (고침, 분석 { $measured }회)

## 기록 질문

talk-period-today = 오늘
talk-period-this_week = 이번 주
talk-period-last_week = 지난주
talk-period-this_month = 이번 달
talk-period-all = 지금까지
talk-before-today = 어제
talk-before-this_week = 지난주
talk-before-last_week = 그 전 주
talk-before-this_month = 지난달
talk-progress-empty = { $span } 기록된 운동이 없어요. 운동 영상을 보내 주시면 기록이 쌓여요! 📹
talk-progress-empty-exercise = { $span } { exercise-name } 기록이 없어요. { exercise-name } 영상을 보내 주시면 기록이 쌓여요! 📹
talk-progress-header = 📊 { $span } 운동 기록이에요.
talk-progress-header-exercise = 📊 { $span } { exercise-name } 기록이에요.
talk-compare-new = 🎉 { $before }에는 기록이 없었는데 { $unit ->
        [reps] { $count }회를 했어요!
       *[sessions] { $count }번 운동했어요!
    }
talk-compare-up = 📈 { $before }보다 { $unit ->
        [reps] { $diff }회 더 했어요 ({ $previous }회 → { $count }회). 멋져요!
       *[sessions] { $diff }번 더 운동했어요 ({ $previous }번 → { $count }번). 멋져요!
    }
talk-compare-down = 📉 { $before }보다 { $unit ->
        [reps] { $diff }회 적게 했어요 ({ $previous }회 → { $count }회). 조금씩 다시 늘려 봐요!
       *[sessions] { $diff }번 적게 운동했어요 ({ $previous }번 → { $count }번). 조금씩 다시 늘려 봐요!
    }
talk-compare-same = ➡️ { $before } 기록과 똑같이 { $unit ->
        [reps] { $count }회를 했어요. 꾸준해서 좋아요!
       *[sessions] { $count }번 운동했어요. 꾸준해서 좋아요!
    }

## 기록 내보내기

talk-export-empty = 아직 내보낼 분석 기록이 없어요. 운동 영상을 보내 주시면 기록이 쌓여요!
talk-export-done = 📦 분석 기록 { $count }개를 CSV(표 계산용)와 JSON 파일로 보내 드려요.
command-export = 내 기록 파일로 받기
mycommands-export = 내 기록 CSV·JSON으로 받기

## 음성 메시지와 오디오

clip-voice = 🎙 죄송해요, 아직 음성 메시지는 알아듣지 못해요. 하고 싶은 말을 글로 보내 주세요. 운동하는 모습은 동영상으로 찍어서 보내 주시면 분석해 드려요.

## 분석 결과의 버튼과 설정

feedback-button-count = ✏️ 횟수 고치기
settings-detail-brief = 짧게
settings-detail-detailed = 자세히
settings-button-detail-brief = 💬 결과 짧게 받기
settings-button-detail-detailed = 💬 결과 자세히 받기
