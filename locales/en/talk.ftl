### The conversation (bot/chat/talk): answers to what people type.

## Greeting and help

talk-can-do =
    Here's what I can do:
    • Send a workout clip: I count your reps and check your form.
    • "How do I do a squat?": a form guide and the best camera angle
    • "How did I do this week?", "better than last week?": your records, compared
    • "Remind me Mon Wed Fri at 7am", "turn off reminders", "what reminders do I have?"
    • "100 squats this week", "work out 3 times a week": weekly goals
    • "It was 5": reply to an analysis to fix its rep count
    • "Keep it short" / "more detail": how much the analysis says
    • "Export my data": all your records as CSV and JSON files
talk-filming-tips =
    📹 How to film
    • Keep your whole body, head to toe, in the frame.
    • Film squats and push-ups from the side.
    • Do at least 2 reps, keep it under a minute, and film in good light.
talk-greeting =
    Hi { $name }! I'm FormCoach 💪
    { talk-can-do }

    { talk-filming-tips }
talk-help =
    🙋 { $name }, here's how FormCoach works.
    { talk-can-do }

    { talk-filming-tips }

    The list of commands is under /help.

## Exercise guides

talk-guide-which = Which exercise would you like a guide for? Pick one below or type its name, like "how do I do a deadlift".

## Brief or detailed feedback

talk-detail-which = How much should I tell you about each clip?
talk-detail-brief = Brief
talk-detail-detailed = Detailed
talk-detail-set-brief = Got it! From now on I'll keep it short: only the points you missed, and one correction in the voice message.
talk-detail-set-detailed = Got it! From now on I'll tell you everything: each rep's grade, every form point, and up to two corrections in the voice message.

## When I don't understand

talk-unknown = Sorry, I didn't quite understand that 🤔 Did you mean one of these? You can also just send a workout clip.
talk-suggest-greeting = 👋 Say hello
talk-suggest-help = 🙋 How FormCoach works
talk-suggest-exercise_guide = 🏋️ Exercise form guide
talk-suggest-progress = 📊 This week's records
talk-suggest-reminder_set = ⏰ Set a workout reminder
talk-suggest-reminder_off = 🔕 Turn reminders off
talk-suggest-reminder_list = ⏰ My reminders
talk-suggest-goal_set = 🎯 Set a weekly goal
talk-suggest-count_correction = ✏️ Fix a rep count
talk-suggest-export = 📦 Export my records
talk-suggest-feedback_detail = 💬 Brief or detailed results

## Weekly goals

talk-goal-how = 🎯 Tell me a weekly goal like "100 squats this week", "work out 3 times a week" or "200 push-ups a week". Weeks run Monday to Sunday.
talk-goal-too-many = You can have up to { $count } goals. A new goal for the same exercise replaces the old one.
talk-goal-set = 🎯 Weekly goal set: { $name }. Weeks run Monday to Sunday.
talk-goal-replaced = It replaces your previous goal ({ $name }).
goal-name-reps = { $scope ->
        [all] { $count } reps of all exercises
       *[one] { $count } reps of { exercise-name }
    }
goal-name-sessions = { $scope ->
        [all] { $count } workouts a week
       *[one] { exercise-name } { $count } times a week
    }
goal-header = 🎯 This week's goals
goal-header-finished = 🎯 Last week's goals
goal-line = • { $name }: { $done } done ({ $percent }%) · { $state }
goal-state-met = reached! ✅
goal-state-missed = not quite this time. Let's go again this week!
goal-state-left-reps = { $count } reps to go
goal-state-left-sessions = { $count } to go
goal-streak = 🔥 { $weeks } weeks in a row!
goal-streak-keep = 🔥 You met it { $weeks } weeks in a row until last week. Keep it going!

## Reminders

talk-remind-which-days = ⏰ On which days should I remind you? Pick below or say "remind me Mon Wed Fri at 7am".
talk-remind-which-time = ⏰ { $days }: at what time? Pick below or say "at 8pm".
talk-remind-how-to-stop = To stop them, say "turn off reminders".
talk-remind-none = You have no reminders on. Say "remind me Mon Wed Fri at 7am" to set one.
talk-remind-off = 🔕 Turned off { $count ->
        [one] { $count } reminder
       *[other] { $count } reminders
    }.

## Undo

talk-undo-button = ↩️ Undo
talk-undo-gone = This can't be undone any more: only your latest change can be undone, within a day.
talk-undone-reminders_added = ↩️ Undone: the reminder is deleted.
talk-undone-reminders_removed = ↩️ Undone: your reminders are back on.
talk-undone-goal = ↩️ Undone: your goal is back as it was.
talk-undone-count = ↩️ Undone: the rep count is back as it was.
talk-undone-detail = ↩️ Undone: results are back the way they were.

## Fixing a rep count

talk-count-ask = ✏️ The { exercise-name } analysis counted { $count } reps. How many did you really do? Send the number (e.g. 12), or "cancel".
talk-count-timed = This exercise is timed, not counted, so there's no rep count to fix.
talk-count-cancelled = OK, the count stays as it is.
talk-count-nothing = There's no analysis to fix yet. Send a workout clip first!
talk-count-range = Please give a count from 1 to { $limit }.
talk-count-done = ✏️ { exercise-name }: fixed from { $before } to { $count } reps. Your records and goals now use { $count }.
talk-count-kept = The { $measured } reps the analysis counted are kept too.
history-reps-corrected = { $count } reps (fixed; analysis { $measured })

## Questions about records

talk-period-today = today
talk-period-this_week = this week
talk-period-last_week = last week
talk-period-this_month = this month
talk-period-all = so far
talk-before-today = yesterday
talk-before-this_week = last week
talk-before-last_week = the week before
talk-before-this_month = last month
talk-progress-empty = No workouts recorded { $span }. Send a workout clip and your records will grow! 📹
talk-progress-empty-exercise = No { exercise-name } recorded { $span }. Send a { exercise-name } clip and your records will grow! 📹
talk-progress-header = 📊 Your workouts { $span }:
talk-progress-header-exercise = 📊 Your { exercise-name } { $span }:
talk-compare-new = 🎉 Nothing was recorded { $before }, and now { $unit ->
        [reps] { $count } reps!
       *[sessions] { $count } workouts!
    }
talk-compare-up = 📈 { $unit ->
        [reps] { $diff } more reps
       *[sessions] { $diff } more workouts
    } than { $before } ({ $previous } → { $count }). Great job!
talk-compare-down = 📉 { $unit ->
        [reps] { $diff } fewer reps
       *[sessions] { $diff } fewer workouts
    } than { $before } ({ $previous } → { $count }). Build it back up bit by bit!
talk-compare-same = ➡️ The same as { $before }: { $count } { $unit ->
        [reps] reps
       *[sessions] workouts
    }. Nice and steady!

## Export

talk-export-empty = There are no records to export yet. Send a workout clip to start!
talk-export-done = 📦 Here are your { $count } analyses as CSV (for spreadsheets) and JSON.
command-export = Download my records
mycommands-export = My records as CSV and JSON

## Voice messages and audio

clip-voice = 🎙 Sorry, I can't understand voice messages yet. Please type what you'd like to say. To have a workout checked, send it as a video.

## Buttons under an analysis, settings

feedback-button-count = ✏️ Fix the count
settings-detail-brief = brief
settings-detail-detailed = detailed
settings-button-detail-brief = 💬 Brief results
settings-button-detail-detailed = 💬 Detailed results
