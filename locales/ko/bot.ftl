### 봇이 영상을 받고, 분석하고, 답하는 동안 하는 말 (bot/handlers.py, bot/jobs.py, bot/feedback.py).
### HTML 태그는 여기 쓰지 않아요: 코드가 글자를 이스케이프한 뒤 굵게 표시해요.

## 영상 접수
clip-received = 영상을 받았어요! 곧 분석을 시작할게요.
clip-queued = 영상을 받았어요! 대기 순서는 { $position }번째예요. 차례가 되면 바로 분석할게요.
clip-busy = 지금 분석을 기다리는 영상이 너무 많아요. 잠시 후에 다시 보내 주세요. 기다리게 해서 죄송해요.
clip-user-busy = 이미 분석 중이거나 기다리는 영상이 있어요. 앞의 결과가 나온 뒤에 다시 보내 주세요.
clip-rate-limited = 영상을 너무 자주 보내셨어요. { $seconds }초쯤 뒤에 다시 보내 주세요.
clip-too-big = 영상이 너무 커요({ $size }MB). { $limit }MB 이하만 받을 수 있어요. 영상을 더 짧게 자르거나(운동 2~3회면 충분해요) 화질을 낮춰서 보내 주세요. 텔레그램에서 파일이 아니라 동영상으로 보내면 자동으로 압축돼요.
clip-photo = 사진으로는 자세를 평가할 수 없어요. 운동하는 모습을 동영상으로 찍어서 보내 주세요. 온몸이 보이게, 2회 이상 반복하면 좋아요.
clip-not-video-file = 이 파일은 동영상이 아닌 것 같아요. mp4나 mov 같은 동영상 파일을 보내 주세요.
clip-not-allowed = 죄송해요, 이 봇은 허락된 사용자만 쓸 수 있어요.

## 진행 상황 (접수 메시지를 고쳐 가며 보여 줘요)
progress-resumed = 잠시 멈췄던 분석을 이어서 할게요.
progress-downloading = 영상을 내려받고 있어요… { $percent }%
progress-analyzing = 분석 중이에요… { $percent }%
progress-finishing = 결과를 정리하고 있어요… { $percent }%
progress-done = 분석을 마쳤어요! 결과를 확인해 주세요.
progress-regrade = 좋아요! { exercise-name.object } 기준으로 다시 분석할게요.

## 분석 결과
feedback-title-reps = { exercise-name } · { $count }회
feedback-title-hold = { exercise-name } · { $seconds }초 버티기
feedback-overall = 종합 등급: { $grade }
feedback-no-grade = 평가할 수 있는 자세 항목이 없었어요.
feedback-not-rated = 판정 보류: 핵심 항목({ $names })을 이 영상에서 판단할 수 없어서 등급은 매기지 않았어요.
feedback-film-side = 다음에는 옆에서 찍어 주시면 등급까지 알려 드릴게요.
feedback-film-front = 다음에는 정면에서 찍어 주시면 등급까지 알려 드릴게요.
feedback-film-visible = 다음에는 몸 전체가 화면에 잘 보이게 찍어 주시면 등급까지 알려 드릴게요.
feedback-rep-grades = 회차별 등급: { $grades }
feedback-rep-grade = { $rep }회 { $grade }
feedback-conditions = 자세 체크
feedback-notes = 참고해 주세요
feedback-guessed = 운동 종류는 영상을 보고 추정했어요(확신 { $percent }%). 다른 운동이라면 아래 '다른 운동이에요'를 눌러 주세요.
feedback-guessed-history = 최근에 하신 운동이라 그 운동으로 봤어요. 영상만으로는 확신이 낮아요(확신 { $percent }%). 다른 운동이라면 아래 '다른 운동이에요'를 눌러 주세요.
feedback-caption-tip = 다음에는 영상 설명에 '스쿼트'처럼 운동 이름을 적어 주시면 바로 분석해 드려요.
feedback-photo-worst = { $rep }회차 · 가장 아쉬운 동작이에요.
feedback-photo-best = { $rep }회차 · 가장 좋은 동작이에요.
feedback-photo-hold = 버티는 중간의 모습이에요.
feedback-photo-rep = { $rep }회차 모습이에요.

## 버튼
feedback-button-other = 다른 운동이에요
feedback-button-dashboard = 📊 자세히 보기
feedback-button-voice-off = 🔇 음성 끄기
feedback-button-voice-on = 🔊 음성 켜기
feedback-voice-turned-off = 음성 피드백을 껐어요.
feedback-voice-turned-on = 음성 피드백을 켰어요. 다음 분석부터 들려 드릴게요.

## 음성 (소리 내어 읽는 문장)
feedback-voice-praise = { exercise-name } { $count }회, 자세가 아주 좋아요! 지금처럼 계속해 주세요.
feedback-voice-praise-hold = { exercise-name } { $seconds }초, 자세가 아주 좋아요! 지금처럼 계속해 주세요.
feedback-voice-intro = { exercise-name } { $count }회를 분석했어요.
feedback-voice-intro-hold = { exercise-name } { $seconds }초 버티기를 분석했어요.
feedback-voice-one = { $cue }.
feedback-voice-two = 먼저, { $first }. 그리고 { $second }.
feedback-voice-counted = { exercise-name } { $count }회를 세었어요.
feedback-voice-not-rated = 다만 { $names } 항목을 볼 수 없어서 판정은 보류할게요.

## 운동 고르기
pick-prompt = 어떤 운동이었나요? 아래에서 골라 주세요.
pick-more = 더 보기
pick-not-yours = 직접 보내신 영상만 바꿀 수 있어요.
pick-gone = 이 영상은 더 이상 찾을 수 없어요. 영상을 다시 보내 주세요.
pick-already = 이미 다시 분석하고 있어요. 잠시만 기다려 주세요.

## 봇이 만든 거절 사유와 오류
rejection-analysis-failed = 죄송해요, 영상을 분석하다가 문제가 생겼어요. 잠시 후에 다시 보내 주세요.
rejection-analysis-timeout = 죄송해요, 영상이 너무 길거나 화질이 높아서 { $seconds }초 안에 분석을 끝내지 못했어요. 1분 이내로 자르거나 화질을 낮춰서 다시 보내 주세요.
rejection-download-failed = 죄송해요, 영상을 내려받지 못했어요. 잠시 후에 다시 보내 주세요.
rejection-storage-full = 죄송해요, 지금 서버에 영상을 저장할 공간이 없어서 분석하지 못했어요. 잠시 후에 다시 보내 주세요.
failure-generic = 죄송해요, 요청을 처리하다가 문제가 생겼어요. 잠시 후에 다시 시도해 주세요.

## 명령어 메뉴 (setMyCommands)
mycommands-start = 폼코치 시작하기
mycommands-help = 사용 방법과 촬영 요령
mycommands-progress = 이번 주 운동 진행 상황
mycommands-history = 최근 분석 기록
mycommands-remind = 운동 알림 설정
mycommands-settings = 언어, 음성, 시간대 설정
mycommands-delete = 내 기록 모두 지우기
