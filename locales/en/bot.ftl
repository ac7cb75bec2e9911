### What the bot says while it receives, analyses and answers a clip (bot/handlers.py, bot/jobs.py,
### bot/feedback.py). No HTML tags here: the code escapes the text and adds the bold itself.

## Receiving a clip
clip-received = Got your clip! The analysis starts in a moment.
clip-queued = Got your clip! You are number { $position } in the queue; I'll start as soon as it's your turn.
clip-busy = There are too many clips waiting right now. Please send it again in a little while. Sorry for the wait.
clip-user-busy = One of your clips is already being analysed or waiting. Please send the next one after its result arrives.
clip-rate-limited = You're sending clips very quickly. Please try again in about { $seconds } seconds.
clip-too-big = The clip is too large ({ $size } MB); I can take up to { $limit } MB. Trim it (two or three reps are enough) or lower the quality. Sent as a video rather than a file, Telegram compresses it for you.
clip-photo = I can't judge form from a photo. Please send a video of your workout, whole body in view, two or more reps.
clip-not-video-file = This file doesn't look like a video. Please send a video file such as mp4 or mov.
clip-not-allowed = Sorry, this bot is only open to invited users.

## Progress (the acknowledgement message is edited as work proceeds)
progress-resumed = Picking up the analysis that was interrupted.
progress-downloading = Downloading your clip… { $percent }%
progress-analyzing = Analysing… { $percent }%
progress-finishing = Putting the results together… { $percent }%
progress-done = Analysis finished! Here are your results.
progress-regrade = Sure! Analysing it again as { exercise-name }.

## The result
feedback-title-reps = { exercise-name } · { $count } reps
feedback-title-hold = { exercise-name } · { $seconds } s hold
feedback-overall = Overall: { $grade }
feedback-no-grade = None of the form checks could be judged.
feedback-not-rated = Not rated: the key checks ({ $names }) couldn't be judged in this video, so there's no grade.
feedback-film-side = Next time, film from the side and I'll grade it too.
feedback-film-front = Next time, film from the front and I'll grade it too.
feedback-film-visible = Next time, keep your whole body in view and I'll grade it too.
feedback-rep-grades = Per rep: { $grades }
feedback-rep-grade = #{ $rep } { $grade }
feedback-conditions = Form checks
feedback-notes = Good to know
feedback-guessed = I recognised the exercise from the video ({ $percent }% sure). If it was another one, tap "It was another exercise" below.
feedback-guessed-history = I took it for the exercise you have been doing lately; the video agrees only in part ({ $percent }% sure). If it was another one, tap "It was another exercise" below.
feedback-caption-tip = Next time, write the exercise name (e.g. "squat") in the video caption and I'll analyse it right away.
feedback-photo-worst = Rep { $rep } · the one to improve most.
feedback-photo-best = Rep { $rep } · your best one.
feedback-photo-hold = The middle of your hold.
feedback-photo-rep = Rep { $rep }.

## Buttons
feedback-button-other = It was another exercise
feedback-button-dashboard = 📊 See details
feedback-button-voice-off = 🔇 Voice off
feedback-button-voice-on = 🔊 Voice on
feedback-voice-turned-off = Voice feedback is off.
feedback-voice-turned-on = Voice feedback is on; you'll hear it from the next analysis.

## Voice (read aloud)
feedback-voice-praise = { exercise-name }, { $count } reps, great form! Keep it up.
feedback-voice-praise-hold = { exercise-name }, { $seconds } seconds, great form! Keep it up.
feedback-voice-intro = I analysed { $count } reps of { exercise-name }.
feedback-voice-intro-hold = I analysed your { $seconds } second { exercise-name } hold.
feedback-voice-one = { $cue }.
feedback-voice-two = First, { $first }. And then, { $second }.
feedback-voice-counted = I counted { $count } reps of { exercise-name }.
feedback-voice-not-rated = I couldn't see { $names }, so this one is not rated.

## Choosing the exercise
pick-prompt = Which exercise was it? Please choose below.
pick-more = More
pick-not-yours = Only the person who sent the clip can change this.
pick-gone = I can't find this clip any more. Please send it again.
pick-already = Already analysing it again; just a moment.

## Rejections and errors of the bot itself
rejection-analysis-failed = Sorry, something went wrong while analysing your clip. Please send it again in a little while.
rejection-analysis-timeout = Sorry, your clip is too long or too high-resolution to analyse within { $seconds } seconds. Please trim it to under a minute or lower the quality and send it again.
rejection-download-failed = Sorry, I couldn't download your clip. Please send it again in a little while.
rejection-storage-full = Sorry, the server has no room to store your clip right now, so I couldn't analyse it. Please send it again in a little while.
failure-generic = Sorry, something went wrong on my side. Please try again in a little while.

## Command menu (setMyCommands)
mycommands-start = Start FormCoach
mycommands-help = How to use it and how to film
mycommands-progress = This week's progress
mycommands-history = Recent analyses
mycommands-remind = Workout reminders
mycommands-settings = Language, voice and time zone
mycommands-delete = Delete all my data
