### 명령어 문구: /start, /help, /settings, /progress, /history, /remind, /delete, 주간 요약, 차트.
### 코드: bot/commands.py, bot/preferences.py, bot/reminders.py, bot/week_report.py, bot/progress.py, bot/charts.py
### 해요체로 쓰고, 사용자는 { $name }님으로 불러요. 숫자 뒤에는 단위를 붙여요 (12회, 3번).

## setMyCommands 설명 (1–256자)

command-start = 시작하기와 촬영 팁
command-help = 도움말 보기
command-progress = 이번 주 운동 요약과 차트
command-history = 최근 분석 기록
command-remind = 운동 알림 설정
command-settings = 언어·음성·시간대 설정
command-delete = 내 데이터 모두 지우기

## /start, /help

profile-name-fallback = 회원
onboarding =
    안녕하세요, { $name }님! 폼코치예요 💪
    운동하는 영상을 보내 주시면 횟수를 세고 자세를 평가해서 코칭해 드려요.

    📹 이렇게 찍어 주세요
    • 머리부터 발끝까지 몸 전체가 화면에 나오게 해 주세요.
    • 스쿼트와 푸시업은 옆에서 찍어 주세요.
    • 2회 이상 반복해 주세요.
    • 영상은 1분 이내로 보내 주세요.
    • 밝은 곳에서 찍어 주세요.

    명령어가 궁금하면 /help 를 눌러 주세요.
help-header =
    🙋 폼코치 사용법이에요.
    운동 영상을 보내 주시면 자세를 분석해 드려요. 이런 명령어도 쓸 수 있어요.
help-line = /{ $command } — { $description }
help-footer = 촬영 팁: 몸 전체가 나오게, 스쿼트·푸시업은 옆에서, 2회 이상, 1분 이내, 밝은 곳에서 찍어 주세요.

## /settings

settings-text =
    ⚙️ { $name }님의 설정이에요.
    • 언어: { $language }
    • 음성 피드백: { $voice }
    • 시간대: { $timezone }
    • 주간 요약 (월요일 아침): { $weekly }
    • 분석 결과: { $detail }
    • 분석 사진 저장: { $photos }

    아래 버튼으로 바꿀 수 있어요. 다른 시간대는 /settings tz Europe/Berlin 처럼 보내 주세요.
settings-on = 켜짐
settings-off = 꺼짐
settings-language-ko = 한국어
settings-language-en = English
settings-button-voice-on = 🔊 음성 켜기
settings-button-voice-off = 🔇 음성 끄기
settings-button-weekly-on = 📅 주간 요약 받기
settings-button-weekly-off = 📅 주간 요약 그만 받기
settings-button-photos-on = 🖼 사진 저장하기
settings-button-photos-off = 🖼 사진 저장 안 함
settings-tz-seoul = 서울
settings-tz-tokyo = 도쿄
settings-tz-london = 런던
settings-tz-berlin = 베를린
settings-tz-new_york = 뉴욕
settings-tz-los_angeles = 로스앤젤레스
settings-saved = 저장했어요.
settings-tz-saved = 시간대를 바꿨어요: { $timezone }
settings-tz-invalid = “{ $zone }” 시간대를 찾지 못했어요. Asia/Seoul, Europe/Berlin, America/New_York 처럼 보내 주세요.
settings-usage =
    이렇게 보내 주세요.
    /settings tz Europe/Berlin — 시간대
    /settings lang en — 언어 (ko, en)
    /settings voice off — 음성 피드백 (on, off)
    /settings weekly on — 주간 요약 (on, off)
    /settings detail brief — 분석 결과 (brief 짧게, detailed 자세히)
    /settings photos off — 분석 사진 저장 (on, off; off면 저장된 사진도 지워요)

## /progress와 주간 요약

progress-empty = 이번 주에는 아직 분석한 운동이 없어요. 운동 영상을 보내 주시면 여기에 기록이 쌓여요! 📹
progress-header = 📊 { $name }님의 이번 주 운동이에요 ({ $range })
weekly-header = 📅 지난주 운동 요약이에요 ({ $range })
weekly-empty = 📅 지난주에는 기록된 운동이 없었어요. 이번 주에는 영상 한 편부터 시작해 봐요! 💪
progress-range = { $first } ~ { $last }
progress-date = { $mm }월 { $dd }일
progress-sessions = 운동 세션 { $count }번
progress-exercise-reps = • { exercise-name } { $count }회 (세션 { $sessions }번)
progress-exercise-hold = • { exercise-name } { $seconds }초 버티기 (세션 { $sessions }번)
progress-exercise-sessions = • { exercise-name } 세션 { $sessions }번
progress-grades = 세션 등급: { $mix }
progress-rep-grades = 반복 등급: { $mix }
progress-grade-count = { $grade } { $count }번
progress-trend-up = 📈 { $scope ->
        [weekly] 그 전 주보다
       *[current] 지난주보다
    } { $diff }번 더 운동했어요. 멋져요!
progress-trend-down = 📉 { $scope ->
        [weekly] 그 전 주보다
       *[current] 지난주보다
    } { $diff }번 적게 운동했어요. 조금씩 다시 늘려 봐요!
progress-trend-same = ➡️ { $scope ->
        [weekly] 그 전 주와
       *[current] 지난주와
    } 똑같이 { $count }번 운동했어요. 꾸준해서 좋아요!
progress-trend-new = 🎉 { $scope ->
        [weekly] 그 전 주에는
       *[current] 지난주에는
    } 기록이 없었는데 다시 시작했어요!
progress-chart-caption = 요일별 세션과 운동별 반복 횟수예요.

## 차트

chart-title-days = 요일별 세션
chart-title-reps = 운동별 반복 횟수
chart-date = { $mm }/{ $dd }
chart-no-reps = 반복 기록이 없어요

## /history

history-empty = 아직 분석 기록이 없어요. 운동 영상을 보내 주시면 여기에 쌓여요!
history-header = 🗂 최근 분석 { $count }개예요 (시간대: { $timezone })
history-stamp = { $mm }월 { $dd }일 ({ $wd }) { $clock }
history-line = { $stamp } · { exercise-name } { $amount } · { $grade }
history-line-plain = { $stamp } · { exercise-name } · { $grade }
history-reps = { $count }회
history-hold = { $seconds }초

## 요일 (datetime.weekday(): 0 = 월요일)

weekday-0 = 월
weekday-1 = 화
weekday-2 = 수
weekday-3 = 목
weekday-4 = 금
weekday-5 = 토
weekday-6 = 일

## /remind

remind-list-header = ⏰ { $name }님의 운동 알림이에요.
remind-item = • { $days } { $clock } ({ $timezone })
remind-empty = ⏰ 아직 운동 알림이 없어요.
remind-usage = 아래 버튼으로 추가하거나 /remind 월수금 07:30 처럼 보내 주세요.
remind-button-add = ➕ 알림 추가
remind-button-remove = ❌ { $days } { $clock } 지우기
remind-button-next = 다음 ▶
remind-button-back = ◀ 목록으로
remind-pick-days = 알림 받을 요일을 골라 주세요. 고른 요일에는 ✓ 표시가 붙어요.
remind-pick-time =
    { $days }, 몇 시에 알려 드릴까요? (시간대: { $timezone })
    다른 시간은 /remind 월수금 07:30 처럼 보내 주세요.
remind-no-days = 요일을 하나 이상 골라 주세요.
remind-added = ⏰ 알림을 만들었어요: { $days } { $clock } ({ $timezone })
remind-removed = 알림을 지웠어요.
remind-not-found = 이미 지워진 알림이에요.
remind-bad-format = 요일과 시간을 알아보지 못했어요. /remind 월수금 07:30 처럼 요일과 시간(HH:MM)을 보내 주세요.
remind-too-many = 알림은 { $count }개까지 만들 수 있어요. 먼저 하나를 지워 주세요.
remind-message = ⏰ 운동할 시간이에요! 오늘도 화이팅이에요. 운동하는 영상을 보내 주시면 자세를 봐 드릴게요.
remind-days-everyday = 매일
remind-days-weekdays = 평일
remind-days-weekend = 주말

## /delete

delete-confirm = 정말 모든 데이터를 지울까요? 분석 기록, 알림, 설정이 모두 지워지고 되돌릴 수 없어요.
delete-button-yes = 🗑 네, 모두 지워 주세요
delete-button-no = 아니요, 그대로 둘게요
delete-done = 모든 데이터를 지웠어요. 그동안 함께해 주셔서 고마워요. 다시 시작하려면 /start 를 눌러 주세요.
delete-cancelled = 지우지 않았어요. 데이터는 그대로 있어요.
