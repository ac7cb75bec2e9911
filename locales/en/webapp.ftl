### Mini App dashboard wording (Telegram Mini App): this week, by exercise, history, settings.
### Code: bot/webapp/strings.py (sends every webapp-* message here as JSON), bot/webapp/static/app.js
### Messages with variables are filled in by the page ({ $name } slots): no selectors or NUMBER() on them.

## Notices shown before sign-in (embedded in the HTML)

webapp-title = FormCoach dashboard
webapp-open-in-telegram = Please open this page inside Telegram: tap the FormCoach bot's menu button.
webapp-auth-failed = We couldn't verify your Telegram sign-in. Please reopen the dashboard from the bot.
webapp-not-allowed = This bot is open to certain users only.
webapp-loading = Loading…

## Shared

webapp-load-failed = Couldn't load this. Please try again in a moment.
webapp-tab-week = This week
webapp-tab-exercise = By exercise
webapp-tab-history = History
webapp-tab-settings = Settings
webapp-seconds = { $value } s
webapp-reps-count = × { $count }
webapp-passed = passed
webapp-failed = failed

## This week

webapp-week-of = { $start } – { $end }
webapp-week-prev = ‹ Previous week
webapp-week-next = Next week ›
webapp-workouts = Workouts
webapp-reps = Reps
webapp-hold = Time held
webapp-trend = vs last week
webapp-trend-same = Same as last week
webapp-grade-mix = Grade mix
webapp-goal = Weekly goal
webapp-goal-progress = { $done } of { $target } workouts done
webapp-streak = Goal met { $count } weeks in a row
webapp-per-day = Workouts per day
webapp-by-exercise = Reps per exercise
webapp-empty-week = Nothing recorded this week yet.

## By exercise

webapp-pick-exercise = Exercise
webapp-pick-session = Session
webapp-no-exercises = No analysed workouts yet. Send the bot a workout clip!
webapp-reps-over-time = Reps per session
webapp-grade-over-time = Grade per session
webapp-conditions = Pass rate per posture condition
webapp-rep-details = Depth and tempo per rep
webapp-rep = Rep
webapp-grade = Grade
webapp-rom = Range of motion
webapp-tempo = Tempo (down · pause · up)
webapp-down = Down (s)
webapp-pause = Pause (s)
webapp-up = Up (s)
webapp-lr-diff = Left/right gap (°)
webapp-no-rep-details = No per-rep measurements for this session.

## History

webapp-history-empty = No history yet.
webapp-load-more = Load more
webapp-photo-alt = Analysis photo { $number }

## Settings

webapp-settings-language = Language
webapp-settings-voice = Voice feedback
webapp-settings-timezone = Time zone
webapp-settings-weekly = Weekly summary
webapp-settings-no-photos = Don't keep photos
webapp-settings-no-photos-hint = When on, analysis photos (key frames) are not stored, and those stored so far are deleted.
webapp-language-ko = 한국어
webapp-language-en = English
webapp-saved = Saved.
webapp-save-failed = Couldn't save. Please try again.

## The chat's menu button in Telegram (FORMCOACH_WEBAPP_URL)

webapp-menu-button = Dashboard
