### Command wording: /start, /help, /settings, /progress, /history, /remind, /delete, weekly summary, chart.
### Code: bot/commands.py, bot/preferences.py, bot/reminders.py, bot/week_report.py, bot/progress.py, bot/charts.py

## setMyCommands descriptions (1-256 characters)

command-start = Get started and filming tips
command-help = Show help
command-progress = This week's summary and chart
command-history = Recent analyses
command-remind = Workout reminders
command-settings = Language, voice and time zone
command-delete = Delete all my data

## /start, /help

profile-name-fallback = there
onboarding =
    Hi { $name }! I'm FormCoach 💪
    Send me a video of your workout and I'll count your reps, grade your form and coach you.

    📹 How to film
    • Keep your whole body in the frame, head to toe.
    • Film squats and push-ups from the side.
    • Do at least 2 reps.
    • Keep the clip under 1 minute.
    • Film in good light.

    Tap /help to see all commands.
help-header =
    🙋 How to use FormCoach.
    Send a workout video and I'll analyse your form. You can also use these commands:
help-line = /{ $command } — { $description }
help-footer = Filming tips: whole body in frame, squats and push-ups from the side, 2+ reps, under 1 minute, good light.

## /settings

settings-text =
    ⚙️ Your settings, { $name }:
    • Language: { $language }
    • Voice feedback: { $voice }
    • Time zone: { $timezone }
    • Weekly summary (Monday morning): { $weekly }
    • Clip results: { $detail }
    • Keep analysis photos: { $photos }

    Use the buttons below to change them. For another time zone, send /settings tz Europe/Berlin.
settings-on = on
settings-off = off
settings-language-ko = 한국어
settings-language-en = English
settings-button-voice-on = 🔊 Voice on
settings-button-voice-off = 🔇 Voice off
settings-button-weekly-on = 📅 Get weekly summary
settings-button-weekly-off = 📅 Stop weekly summary
settings-button-photos-on = 🖼 Keep photos
settings-button-photos-off = 🖼 Don't keep photos
settings-tz-seoul = Seoul
settings-tz-tokyo = Tokyo
settings-tz-london = London
settings-tz-berlin = Berlin
settings-tz-new_york = New York
settings-tz-los_angeles = Los Angeles
settings-saved = Saved.
settings-tz-saved = Time zone changed: { $timezone }
settings-tz-invalid = I couldn't find the time zone “{ $zone }”. Send one like Asia/Seoul, Europe/Berlin or America/New_York.
settings-usage =
    Send it like this:
    /settings tz Europe/Berlin — time zone
    /settings lang en — language (ko, en)
    /settings voice off — voice feedback (on, off)
    /settings weekly on — weekly summary (on, off)
    /settings detail brief — clip results (brief, detailed)
    /settings photos off — keep analysis photos (on, off; off deletes those kept)

## /progress and the weekly summary

progress-empty = No workouts analysed this week yet. Send me a workout video and your progress will show up here! 📹
progress-header = 📊 Your week, { $name } ({ $range })
weekly-header = 📅 Your summary of last week ({ $range })
weekly-empty = 📅 No workouts were recorded last week. Let's start this week with one video! 💪
progress-range = { $first } – { $last }
progress-date = { $mm }/{ $dd }
progress-sessions = { $count ->
        [one] { $count } workout session
       *[other] { $count } workout sessions
    }
progress-exercise-reps = • { exercise-name }: { $count ->
        [one] { $count } rep
       *[other] { $count } reps
    } ({ $sessions ->
        [one] { $sessions } session
       *[other] { $sessions } sessions
    })
progress-exercise-hold = • { exercise-name }: { $seconds } s hold ({ $sessions ->
        [one] { $sessions } session
       *[other] { $sessions } sessions
    })
progress-exercise-sessions = • { exercise-name }: { $sessions ->
        [one] { $sessions } session
       *[other] { $sessions } sessions
    }
progress-grades = Session grades: { $mix }
progress-rep-grades = Rep grades: { $mix }
progress-grade-count = { $grade } ×{ $count }
progress-trend-up = 📈 { $diff ->
        [one] { $diff } more session
       *[other] { $diff } more sessions
    } than { $scope ->
        [weekly] the week before
       *[current] last week
    }. Great work!
progress-trend-down = 📉 { $diff ->
        [one] { $diff } session fewer
       *[other] { $diff } sessions fewer
    } than { $scope ->
        [weekly] the week before
       *[current] last week
    }. Let's build it back up!
progress-trend-same = ➡️ { $count ->
        [one] { $count } session
       *[other] { $count } sessions
    }, the same as { $scope ->
        [weekly] the week before
       *[current] last week
    }. Nice and steady!
progress-trend-new = 🎉 Nothing was recorded { $scope ->
        [weekly] the week before
       *[current] last week
    }, and now you're back at it!
progress-chart-caption = Sessions per day and reps per exercise.

## Chart

chart-title-days = Sessions per day
chart-title-reps = Reps per exercise
chart-date = { $mm }/{ $dd }
chart-no-reps = No reps recorded

## /history

history-empty = No analyses yet. Send me a workout video and it will show up here!
history-header = 🗂 Your last { $count } analyses (time zone: { $timezone })
history-stamp = { $wd } { $mm }/{ $dd } { $clock }
history-line = { $stamp } · { exercise-name } { $amount } · { $grade }
history-line-plain = { $stamp } · { exercise-name } · { $grade }
history-reps = { $count ->
        [one] { $count } rep
       *[other] { $count } reps
    }
history-hold = { $seconds } s

## Weekdays (datetime.weekday(): 0 = Monday)

weekday-0 = Mon
weekday-1 = Tue
weekday-2 = Wed
weekday-3 = Thu
weekday-4 = Fri
weekday-5 = Sat
weekday-6 = Sun

## /remind

remind-list-header = ⏰ Your workout reminders, { $name }:
remind-item = • { $days } { $clock } ({ $timezone })
remind-empty = ⏰ You have no workout reminders yet.
remind-usage = Add one with the button below, or send /remind mon,wed,fri 07:30.
remind-button-add = ➕ Add reminder
remind-button-remove = ❌ Remove { $days } { $clock }
remind-button-next = Next ▶
remind-button-back = ◀ Back to list
remind-pick-days = Pick the days for your reminder. Chosen days get a ✓.
remind-pick-time =
    { $days }: at what time? (time zone: { $timezone })
    For another time, send /remind mon,wed,fri 07:30.
remind-no-days = Please pick at least one day.
remind-added = ⏰ Reminder set: { $days } { $clock } ({ $timezone })
remind-removed = Reminder removed.
remind-not-found = That reminder is already gone.
remind-bad-format = I couldn't read the days and time. Send days and a time (HH:MM), like /remind mon,wed,fri 07:30.
remind-too-many = You can have up to { $count } reminders. Please remove one first.
remind-message = ⏰ Time to work out! You've got this. Send me a video and I'll check your form.
remind-days-everyday = Every day
remind-days-weekdays = Weekdays
remind-days-weekend = Weekends

## /delete

delete-confirm = Delete all your data? Your analyses, reminders and settings will be erased. This can't be undone.
delete-button-yes = 🗑 Yes, delete everything
delete-button-no = No, keep it
delete-done = All your data has been deleted. Thanks for training with me! Send /start to begin again.
delete-cancelled = Nothing was deleted. Your data is still here.
