### 미니 앱 대시보드 문구 (텔레그램 Mini App): 이번 주, 운동별, 기록, 설정.
### 코드: bot/webapp/strings.py (이 파일의 webapp-* 메시지를 모두 JSON으로 보내요), bot/webapp/static/app.js
### 해요체로 써요. 변수가 있는 메시지는 페이지가 { $name } 자리를 채워요: 선택자나 NUMBER() 없이 써 주세요.

## 로그인 전에 보이는 안내 (HTML에 들어가요)

webapp-title = 폼코치 대시보드
webapp-open-in-telegram = 이 페이지는 텔레그램 안에서 열어 주세요. 폼코치 봇의 메뉴 버튼을 누르면 열려요.
webapp-auth-failed = 텔레그램 로그인 정보를 확인하지 못했어요. 봇에서 대시보드를 다시 열어 주세요.
webapp-not-allowed = 이 봇은 허용된 사용자만 쓸 수 있어요.
webapp-loading = 불러오는 중이에요…

## 공통

webapp-load-failed = 불러오지 못했어요. 잠시 후 다시 시도해 주세요.
webapp-tab-week = 이번 주
webapp-tab-exercise = 운동별
webapp-tab-history = 기록
webapp-tab-settings = 설정
webapp-seconds = { $value }초
webapp-reps-count = { $count }회
webapp-passed = 통과
webapp-failed = 미통과

## 이번 주

webapp-week-of = { $start } ~ { $end }
webapp-week-prev = ‹ 지난주
webapp-week-next = 다음 주 ›
webapp-workouts = 운동 횟수
webapp-reps = 반복 횟수
webapp-hold = 버틴 시간
webapp-trend = 지난주 대비
webapp-trend-same = 지난주와 같아요
webapp-grade-mix = 등급 분포
webapp-goal = 주간 목표
webapp-goal-progress = { $target }회 중 { $done }회 했어요
webapp-streak = { $count }주 연속으로 목표를 달성했어요
webapp-per-day = 날짜별 운동 횟수
webapp-by-exercise = 운동별 반복 횟수
webapp-empty-week = 이 주에는 아직 기록이 없어요.

## 운동별

webapp-pick-exercise = 운동
webapp-pick-session = 회차
webapp-no-exercises = 아직 분석한 운동이 없어요. 봇에게 운동 영상을 보내 보세요!
webapp-reps-over-time = 회차별 반복 횟수
webapp-grade-over-time = 회차별 등급
webapp-conditions = 자세 조건별 통과율
webapp-rep-details = 반복별 깊이와 템포
webapp-rep = 반복
webapp-grade = 등급
webapp-rom = 가동 범위
webapp-tempo = 템포 (내려가기 · 멈춤 · 올라오기)
webapp-down = 내려가기(초)
webapp-pause = 멈춤(초)
webapp-up = 올라오기(초)
webapp-lr-diff = 좌우 차이(°)
webapp-no-rep-details = 이 회차에는 반복별 측정값이 없어요.

## 기록

webapp-history-empty = 아직 기록이 없어요.
webapp-load-more = 더 보기
webapp-photo-alt = 분석 사진 { $number }

## 설정

webapp-settings-language = 언어
webapp-settings-voice = 음성 피드백
webapp-settings-timezone = 시간대
webapp-settings-weekly = 주간 요약 받기
webapp-settings-no-photos = 사진 저장 안 함
webapp-settings-no-photos-hint = 켜면 분석 사진(핵심 장면)을 저장하지 않고, 이미 저장된 사진도 지워요.
webapp-language-ko = 한국어
webapp-language-en = English
webapp-saved = 저장했어요.
webapp-save-failed = 저장하지 못했어요. 다시 시도해 주세요.

## 텔레그램 채팅의 메뉴 버튼 (FORMCOACH_WEBAPP_URL)

webapp-menu-button = 대시보드
